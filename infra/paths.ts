import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: relative paths in context values (feedsFile) and function entries resolve from here. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a repository-relative path; absolute paths pass through. */
export function fromRepoRoot(relativeOrAbsolute: string): string {
  return path.isAbsolute(relativeOrAbsolute) ? relativeOrAbsolute : path.join(REPO_ROOT, relativeOrAbsolute);
}
