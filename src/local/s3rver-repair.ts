import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const OBJECT_SUFFIX = '._S3rver_object';
const METADATA_SUFFIX = '._S3rver_metadata.json';

/**
 * Removes objects whose write a killed process left unfinished. s3rver writes an object's bytes first and its
 * metadata file last; an object without (valid) metadata makes every listing of its bucket, and HeadBucket,
 * fail with a 500. A first write was never acknowledged, so its article was not advanced and the next run writes
 * it again; but a killed overwrite (a redelivered article stored twice) can break an object whose article is
 * already done. Removed keys are therefore logged to `lostObjectsFile`, and the next run fetches their articles
 * again (`reopenLostArticles`). Returns the bucket-relative keys removed.
 */
export async function removeInterruptedObjects(s3Dir: string, lostObjectsFile: string): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(s3Dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(OBJECT_SUFFIX)) continue;
    const objectPath = join(entry.parentPath, entry.name);
    const base = objectPath.slice(0, -OBJECT_SUFFIX.length);
    if (await hasValidMetadata(`${base}${METADATA_SUFFIX}`)) continue;
    await Promise.all(
      [objectPath, `${objectPath}.md5`, `${base}${METADATA_SUFFIX}`].map((path) => rm(path, { force: true })),
    );
    removed.push(relative(s3Dir, base).split(sep).slice(1).join('/'));
  }
  if (removed.length > 0) await appendFile(lostObjectsFile, removed.map((key) => `${key}\n`).join(''));
  return removed;
}

async function hasValidMetadata(path: string): Promise<boolean> {
  try {
    JSON.parse(await readFile(path, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Keys a repair removed since the last run, and forgets them (the caller re-fetches their articles). */
export async function takeLostObjects(lostObjectsFile: string): Promise<string[]> {
  const text = await readFile(lostObjectsFile, 'utf8').catch(() => '');
  await rm(lostObjectsFile, { force: true });
  return text.split('\n').filter(Boolean);
}

/** The article an object belongs to: every raw, text and coded key ends in `<articleId>.<extension>`. */
export function articleIdOfKey(key: string): string {
  return (key.split('/').pop() ?? '').replace(/\..*$/, '');
}
