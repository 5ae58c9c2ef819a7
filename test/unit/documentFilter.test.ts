// Which files under a root are documents (core/documentFilter.ts): the one rule the CLI's walker and the server's
// workspace both follow.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MAX_FOLDER_DEPTH } from '../../server/src/core/config';
import { documentFilter } from '../../server/src/core/documentFilter';

const filter = documentFilter({ ...DEFAULT_CONFIG, include: ['**/*.md', 'notes/*.txt'], exclude: ['**/node_modules/**', 'drafts', '**/*.draft.md'] });

describe('documentFilter', () => {
  it('includes the files the globs include, and not the ones they exclude', () => {
    expect(['a.md', 'notes/b.txt', 'deep/er/c.md'].filter(filter.includes)).toEqual(['a.md', 'notes/b.txt', 'deep/er/c.md']);
    expect(['a.txt', 'deep/notes/b.txt', 'c.draft.md', 'x/c.draft.md', '.hidden.md'].filter(filter.includes)).toEqual([]);
  });

  it('does not go into an excluded folder, whatever the files below it would match', () => {
    expect(filter.entersFolder('drafts')).toBe(false);
    expect(filter.includes('drafts/a.md')).toBe(false);
    expect(filter.includes('drafts/sub/a.md')).toBe(false);
    expect(filter.includes('notes/drafts.md')).toBe(true);
  });

  it('leaves out hidden folders and node_modules even when no pattern names them', () => {
    const everything = documentFilter({ ...DEFAULT_CONFIG, include: ['**/*.md'], exclude: [] });
    expect(['.git', 'a/.cache', 'node_modules', 'a/node_modules'].map(everything.entersFolder)).toEqual([false, false, false, false]);
    expect(everything.includes('.obsidian/notes.md')).toBe(false);
    expect(everything.includes('a/node_modules/pkg/README.md')).toBe(false);
  });

  it(`goes ${MAX_FOLDER_DEPTH} folders deep and no deeper`, () => {
    const folders = (depth: number): string => Array.from({ length: depth }, (_, index) => `f${index}`).join('/');
    expect(filter.entersFolder(folders(MAX_FOLDER_DEPTH))).toBe(true);
    expect(filter.entersFolder(folders(MAX_FOLDER_DEPTH + 1))).toBe(false);
    expect(filter.includes(`${folders(MAX_FOLDER_DEPTH)}/a.md`)).toBe(true);
    expect(filter.includes(`${folders(MAX_FOLDER_DEPTH + 1)}/a.md`)).toBe(false);
  });
});
