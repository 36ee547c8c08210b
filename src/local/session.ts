import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { type LocalConfig, localConfig } from '../config/index.js';
import { startLocalStack } from './stack.js';

/** Default home of all local data: S3 objects, tables, dead letters, benchmark results. */
export const DEFAULT_DATA_DIR = '.eventwire';

const EndpointsFileSchema = z.object({ s3: z.string(), dynamodb: z.string(), pid: z.number().int() });
const StateFileSchema = z.object({ demoPort: z.number().int().optional() });

export function resolveDataDir(flag: string | undefined): string {
  return resolve(flag ?? process.env.EVENTWIRE_DATA_DIR ?? DEFAULT_DATA_DIR);
}

/**
 * A local stack for one command. When another eventwire process already serves this data folder (its
 * endpoints file names a live process), its servers are reused: the table files can be opened by one process only.
 */
export async function openLocalSession(
  dataDir: string,
): Promise<{ config: LocalConfig; shared: boolean; close(): Promise<void> }> {
  const running = await liveEndpoints(dataDir);
  if (running) return { config: localConfig(running, []), shared: true, close: async () => undefined };
  const stack = await startLocalStack(dataDir);
  const endpointsFile = join(dataDir, 'endpoints.json');
  await writeFile(endpointsFile, JSON.stringify({ ...stack.endpoints, pid: process.pid }));
  return {
    config: stack.config(),
    shared: false,
    close: async () => {
      await rm(endpointsFile, { force: true });
      await stack.close();
    },
  };
}

async function liveEndpoints(dataDir: string): Promise<{ s3: string; dynamodb: string } | null> {
  try {
    const parsed = EndpointsFileSchema.parse(JSON.parse(await readFile(join(dataDir, 'endpoints.json'), 'utf8')));
    process.kill(parsed.pid, 0);
    return parsed.pid === process.pid ? null : { s3: parsed.s3, dynamodb: parsed.dynamodb };
  } catch {
    return null;
  }
}

/** Small persisted facts about the local setup, such as the demo site's port (feed URLs must stay stable). */
export async function readLocalState(dataDir: string): Promise<z.infer<typeof StateFileSchema>> {
  try {
    return StateFileSchema.parse(JSON.parse(await readFile(join(dataDir, 'local.json'), 'utf8')));
  } catch {
    return {};
  }
}

export async function writeLocalState(dataDir: string, state: z.infer<typeof StateFileSchema>): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'local.json'), JSON.stringify(state));
}
