import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boundedLines, mapJsonLines } from '../../../src/cli/jsonl.js';

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** A line of `bytes` bytes made on the fly, 64 KiB at a time, never whole in memory. */
async function* withHugeLine(bytes: number): AsyncGenerator<Buffer> {
  yield Buffer.from('{"id":"small-1","text":"a"}\n{"id":"huge","text":"');
  const block = Buffer.alloc(64 * 1024, 'x');
  for (let sent = 0; sent < bytes; sent += block.length) yield block;
  yield Buffer.from('"}\n{"id":"small-2","text":"b"}\n');
}

async function mapAll(
  input: AsyncIterable<Buffer>,
  maxBytes?: number,
): Promise<Array<{ id: unknown; line?: number; error?: string; seen?: boolean }>> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  await mapJsonLines(input, output, (value) => ({ id: (value as { id: unknown }).id, seen: true }), maxBytes);
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('JSON Lines input with a line far over the size cap', () => {
  it('answers that line with an error naming its id, line and size, and handles the lines around it', async () => {
    const results = await mapAll(withHugeLine(50 * 1024 * 1024));

    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({ id: 'small-1', seen: true });
    expect(results[1]).toMatchObject({ id: 'huge', line: 2 });
    expect(results[1]?.error).toMatch(/^line 2 is \d+ bytes, over the limit of 8388608 bytes per line$/);
    expect(results[2]).toEqual({ id: 'small-2', seen: true });
  });

  it('never holds more of one line than the cap', async () => {
    let largest = 0;
    const cap = 64 * 1024;
    for await (const line of boundedLines(withHugeLine(4 * 1024 * 1024), cap))
      largest = Math.max(largest, Buffer.byteLength(line.text ?? line.head));

    expect(largest).toBeLessThanOrEqual(cap);
  });
});

describe('JSON Lines input with blank lines, bad JSON and CRLF line ends', () => {
  it('answers every non-blank line once, in order, an unreadable one with its line number', async () => {
    const input = ['{"id":1}', '', '   ', 'not json', '{"id":2}\r', '', '{"id":3', '{"id":4}'].join('\n');

    const results = await mapAll(chunked(input, 3));

    expect(results).toEqual([
      { id: 1, seen: true },
      { id: null, line: 4, error: expect.stringMatching(/^line 4 is not JSON/) },
      { id: 2, seen: true },
      { id: null, line: 7, error: expect.stringMatching(/^line 7 is not JSON/) },
      { id: 4, seen: true },
    ]);
  });

  it('reads a last line without a line break, and splits lines across chunk edges', async () => {
    const lines: string[] = [];
    for await (const line of boundedLines(chunked('ab\ncd\n\nef', 1))) lines.push(line.text ?? '');

    expect(lines).toEqual(['ab', 'cd', '', 'ef']);
  });
});
