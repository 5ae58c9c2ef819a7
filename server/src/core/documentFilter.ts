// Which files under a root are documents: the configuration's include/exclude globs, hidden folders and node_modules
// left out, and a depth limit. The CLI's walker and the server's workspace both ask this, so that editor and CI see
// the same documents.

import picomatch from 'picomatch';
import { MAX_FOLDER_DEPTH, type TreatyConfig } from './config';

/** Paths are relative to the root, with `/` between segments. */
export interface DocumentFilter {
  /** Whether the walker goes into a folder (whatever the files below it would match). */
  entersFolder(relativePath: string): boolean;
  /** Whether a file in a folder the walker went into is a document. */
  includesFile(relativePath: string): boolean;
  /** Whether a file anywhere under the root is a document: every folder on its way entered, and the file included. */
  includes(relativePath: string): boolean;
}

export function documentFilter(config: TreatyConfig): DocumentFilter {
  const included = picomatch([...config.include], { dot: false });
  // `dot: true`: an exclude pattern applies to hidden files too.
  const excluded = picomatch([...config.exclude], { dot: true });
  const isExcluded = (path: string): boolean => excluded(path) || excluded(`${path}/`);
  const entersFolder = (path: string): boolean => {
    const segments = path.split('/');
    const name = segments[segments.length - 1]!;
    return segments.length <= MAX_FOLDER_DEPTH && !name.startsWith('.') && name !== 'node_modules' && !isExcluded(path);
  };
  const includesFile = (path: string): boolean => !isExcluded(path) && included(path);
  return {
    entersFolder,
    includesFile,
    includes(path) {
      const segments = path.split('/');
      for (let end = 1; end < segments.length; end++) if (!entersFolder(segments.slice(0, end).join('/'))) return false;
      return includesFile(path);
    },
  };
}
