import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const OBJECT_SUFFIX = '._S3rver_object';
const METADATA_SUFFIX = '._S3rver_metadata.json';

/**
 * Removes objects whose write a killed process left unfinished. s3rver writes an object's bytes first and its
 * metadata file last; an object without (valid) metadata makes every listing of its bucket, and HeadBucket,
 * fail with a 500. Such an object was never acknowledged, so its article was not advanced and the next run
 * writes it again. Returns the number of objects removed.
 */
export async function removeInterruptedObjects(s3Dir: string): Promise<number> {
  let removed = 0;
  const entries = await readdir(s3Dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(OBJECT_SUFFIX)) continue;
    const objectPath = join(entry.parentPath, entry.name);
    const base = objectPath.slice(0, -OBJECT_SUFFIX.length);
    if (await hasValidMetadata(`${base}${METADATA_SUFFIX}`)) continue;
    await Promise.all([objectPath, `${objectPath}.md5`, `${base}${METADATA_SUFFIX}`].map((path) => rm(path, { force: true })));
    removed += 1;
  }
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
