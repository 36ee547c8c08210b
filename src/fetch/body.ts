import type { IncomingMessage } from 'node:http';
import { type Readable, pipeline as streamPipeline, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { BodyTooLargeError, ConnectionError, FetchError } from './errors.js';

/** Content codings we advertise and decode. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Reads a response body, undoing its Content-Encoding chain with streaming zlib, and stops as soon as
 * the DECODED size passes `maxBytes` (so a gzip bomb costs at most one zlib chunk beyond the cap).
 * The deadline signal tears the pipeline down, which bounds slow-drip bodies too.
 */
export async function readBody(
  response: IncomingMessage,
  url: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  let decoders: Transform[];
  try {
    decoders = decodersFor(response.headers['content-encoding'], url);
  } catch (error) {
    response.destroy();
    throw error;
  }
  const declared = Number(response.headers['content-length']);
  if (decoders.length === 0 && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new BodyTooLargeError(url, maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw new BodyTooLargeError(url, maxBytes);
      chunks.push(chunk);
    }
  };
  try {
    await pipeline(decodedStream(response, decoders), collect, { signal });
  } catch (error) {
    throw bodyError(error, url, signal);
  }
  return Buffer.concat(chunks, total);
}

/** Response piped through its decoders; each link's pipeline destroys its neighbours when one fails. */
function decodedStream(response: IncomingMessage, decoders: Transform[]): Readable {
  let stream: Readable = response;
  for (const decoder of decoders) {
    // Errors are not lost: the destroyed last link rejects the consuming pipeline with them.
    stream = streamPipeline(stream, decoder, () => undefined);
  }
  return stream;
}

function decodersFor(header: string | undefined, url: string): Transform[] {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  // Codings are listed in the order they were applied, so they are undone in reverse.
  return codings.reverse().map((coding) => decoderFor(coding, url));
}

function decoderFor(coding: string, url: string): Transform {
  // Small output chunks keep the overshoot past the cap small when a tiny input inflates enormously.
  const options = { chunkSize: 16 * 1024 };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      // Unzip sniffs gzip vs zlib headers, which also copes with servers that mislabel one as the other.
      return zlib.createUnzip(options);
    case 'br':
      return zlib.createBrotliDecompress(options);
    default:
      throw new FetchError(`unsupported content-encoding ${JSON.stringify(coding)} from ${url}`);
  }
}

function bodyError(error: unknown, url: string, signal: AbortSignal): unknown {
  if (error instanceof FetchError) return error;
  if (signal.aborted) return signal.reason;
  if (isZlibError(error)) return new FetchError(`corrupt compressed body from ${url}`, { cause: error });
  return new ConnectionError(url, error);
}

function isZlibError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'errno' in error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('Z_')
  );
}
