import type { ServerResponse } from 'node:http';
import zlib from 'node:zlib';

/** One 16 MiB block of zeros as a gzip member; repeated members make a bomb that streams lazily. */
export const BOMB_MEMBER = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
/** 4096 members: 64 GiB once decompressed. */
export const BOMB_MEMBERS = 4096;

/**
 * Streams the bomb with backpressure, so only what the client actually reads leaves the server; stops when the
 * client hangs up. `onMember` counts what was sent (the fetcher must stop long before the end).
 */
export async function streamGzipBomb(response: ServerResponse, onMember: () => void): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
  for (let member = 0; member < BOMB_MEMBERS && !response.destroyed; member += 1) {
    onMember();
    if (!response.write(BOMB_MEMBER)) await drained(response);
  }
  response.end();
}

/** Resolves when the response can take more data, or is gone. */
export function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}
