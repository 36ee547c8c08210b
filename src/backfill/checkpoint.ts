import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { stableId } from '../core/ids.js';

/** Where a local backfill keeps its place in each archive file: `<dataDir>/backfill/<id>.json`. */
const CheckpointSchema = z.object({
  file: z.string(),
  size: z.number().int().nonnegative(),
  /** Offset of the first record not yet taken through the stages (a record boundary). */
  next_offset: z.number().int().nonnegative(),
  done: z.boolean(),
  updated_at: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/**
 * Checkpoints of local archive files, one JSON file each in the data folder. A file is known by its absolute path
 * and size, so an archive rewritten with other content starts over. Written by rename, so a kill leaves either the
 * old or the new checkpoint, never half of one.
 */
export class CheckpointStore {
  constructor(private readonly dataDir: string) {}

  async read(file: string, size: number): Promise<Checkpoint | null> {
    try {
      const parsed = CheckpointSchema.safeParse(JSON.parse(await readFile(this.pathOf(file, size), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async write(file: string, size: number, nextOffset: number | null): Promise<void> {
    const checkpoint: Checkpoint = {
      file,
      size,
      next_offset: nextOffset ?? size,
      done: nextOffset === null,
      updated_at: new Date().toISOString(),
    };
    const path = this.pathOf(file, size);
    await mkdir(join(this.dataDir, 'backfill'), { recursive: true });
    await writeFile(`${path}.tmp`, JSON.stringify(checkpoint));
    await rename(`${path}.tmp`, path);
  }

  private pathOf(file: string, size: number): string {
    return join(this.dataDir, 'backfill', `${stableId([file, String(size)])}.json`);
  }
}
