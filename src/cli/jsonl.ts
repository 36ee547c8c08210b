/**
 * JSON Lines in, JSON Lines out, for the `extract` and `code` commands: one output line for every input line that
 * is not blank, in order. Blank lines are skipped. An input line that cannot be handled (not JSON, not of the
 * expected shape, a date that does not exist, longer than the cap) gets an `{"id","line","error"}` output with its
 * line number, so every output can be matched to its input, and the run goes on.
 */

/** The longest input line read: the fetcher caps a page at 5 MiB, and JSON escaping makes a line longer. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;
/** Bytes of an oversize line kept to name it (its id, when the line starts with one). */
const HEAD_BYTES = 4096;

export interface InputLine {
  /** 1-based line number in the input. */
  number: number;
  /** The line without its line break; null when it is longer than the cap (then only `head` was kept). */
  text: string | null;
  bytes: number;
  head: string;
}

/**
 * Splits a byte stream into lines without ever holding more than `maxBytes` of one line: the rest of an oversize
 * line is read and dropped up to its end, so memory stays bounded whatever the input.
 */
export async function* boundedLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let head: Buffer | null = null;
  let number = 0;
  const take = (piece: Buffer): void => {
    size += piece.length;
    if (head !== null) return;
    parts.push(piece);
    if (size > maxBytes) {
      head = Buffer.concat(parts).subarray(0, HEAD_BYTES);
      parts = [];
    }
  };
  const finish = (): InputLine => {
    number += 1;
    const line =
      head === null
        ? { number, text: Buffer.concat(parts).toString('utf8').replace(/\r$/, ''), bytes: size, head: '' }
        : { number, text: null, bytes: size, head: head.toString('utf8') };
    parts = [];
    size = 0;
    head = null;
    return line;
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    while (start <= bytes.length) {
      const newline = bytes.indexOf(10, start);
      if (newline === -1) {
        take(Buffer.from(bytes.subarray(start)));
        break;
      }
      take(bytes.subarray(start, newline));
      yield finish();
      start = newline + 1;
    }
  }
  if (size > 0) yield finish();
}

/** Maps every non-blank input line to one output line, in order; see the module comment. Returns lines written. */
export async function mapJsonLines(
  input: AsyncIterable<Buffer | string>,
  output: NodeJS.WritableStream,
  map: (value: unknown, line: number) => Promise<Record<string, unknown>> | Record<string, unknown>,
  maxBytes = MAX_LINE_BYTES,
): Promise<number> {
  let count = 0;
  for await (const line of boundedLines(input, maxBytes)) {
    const result = await answer(line, map, maxBytes);
    if (result === null) continue;
    if (!output.write(`${JSON.stringify(result)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
    count += 1;
  }
  return count;
}

async function answer(
  line: InputLine,
  map: (value: unknown, line: number) => Promise<Record<string, unknown>> | Record<string, unknown>,
  maxBytes: number,
): Promise<Record<string, unknown> | null> {
  if (line.text === null)
    return {
      id: idInHead(line.head),
      line: line.number,
      error: `line ${line.number} is ${line.bytes} bytes, over the limit of ${maxBytes} bytes per line`,
    };
  if (line.text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { id: null, line: line.number, error: `line ${line.number} is not JSON: ${reason}` };
  }
  const result = await map(value, line.number);
  return 'error' in result && !('line' in result) ? { id: result.id ?? null, line: line.number, ...result } : result;
}

/** The id an oversize line starts with (`{"id": "a1", ...`), when its first bytes show it. */
function idInHead(head: string): string | number | null {
  const match = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d{1,20})/.exec(head);
  if (!match?.[1]) return null;
  try {
    const id: unknown = JSON.parse(match[1]);
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

export function idOf(value: unknown): string | number | null {
  if (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    (typeof value.id === 'string' || typeof value.id === 'number')
  )
    return value.id;
  return null;
}
