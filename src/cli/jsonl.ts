import { createInterface } from 'node:readline';

/**
 * Reads JSON Lines from a stream and writes one output line per input line, in order. A line that is not JSON
 * gets an `{"id":null,"error":...}` line instead of stopping the run.
 */
export async function mapJsonLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  map: (value: unknown) => Promise<unknown> | unknown,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      output.write(`${JSON.stringify({ id: null, error: 'input line is not JSON' })}\n`);
      continue;
    }
    const result = await map(value);
    if (!output.write(`${JSON.stringify(result)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
    count += 1;
  }
  return count;
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
