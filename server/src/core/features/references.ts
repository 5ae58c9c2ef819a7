// Feature: references — from an article label or any citation of it to every citation across the workspace.

import type { Location } from '../api';
import type { WorkspaceIndex } from '../workspaceIndex';
import { articleAt } from './lookup';

export function findReferences(index: WorkspaceIndex, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const target = articleAt(index, uri, offset);
  if (!target) return [];
  const locations: Location[] = index.citationsOf(target.key).map((site) => ({ uri: site.uri, span: site.citation.syntax.span }));
  if (includeDeclaration) locations.unshift({ uri: target.uri, span: target.article.labelSpan });
  return locations;
}
