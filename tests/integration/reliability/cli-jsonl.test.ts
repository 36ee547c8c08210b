import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eventwire-jsonl-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Runs `eventwire <command>` with the file as standard input; returns its exit code and output lines. */
async function pipeThrough(
  command: string,
  input: string,
): Promise<{ code: number | null; lines: unknown[]; stderr: string }> {
  const file = join(dir, `${command}-${Date.now()}.jsonl`);
  await writeFile(file, input);
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'src/cli/main.ts', command], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  createReadStream(file).pipe(child.stdin);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stderr,
    lines: stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown),
  };
}

const SENTENCE = 'Kenyan police arrested dozens of protesters in Nairobi on Tuesday.';

describe('eventwire code', () => {
  it('answers a 50 MB line with an error and codes the lines around it', async () => {
    const huge = JSON.stringify({ id: 'huge', text: 'x'.repeat(50 * 1024 * 1024) });
    const input = [
      JSON.stringify({ id: 'before', text: SENTENCE, date: '2024-06-25' }),
      huge,
      JSON.stringify({ id: 'after', text: SENTENCE, date: '2024-06-25' }),
    ].join('\n');

    const { code, lines } = await pipeThrough('code', input);

    expect(code).toBe(0);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'before', events: expect.any(Array) });
    expect(lines[1]).toMatchObject({ id: 'huge', line: 2, error: expect.stringContaining('over the limit of') });
    expect(lines[2]).toMatchObject({ id: 'after', events: expect.any(Array) });
  }, 120_000);

  it('answers a date that does not exist with an error naming it, for that line only', async () => {
    const input = [
      JSON.stringify({ id: 'month-13', text: SENTENCE, date: '2024-13-45' }),
      JSON.stringify({ id: 'feb-30', text: SENTENCE, date: '2024-02-30' }),
      JSON.stringify({ id: 'leap-day', text: SENTENCE, date: '2024-02-29' }),
    ].join('\n');

    const { code, lines } = await pipeThrough('code', input);

    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ id: 'month-13', line: 1, error: expect.stringContaining('"2024-13-45"') });
    expect(lines[1]).toMatchObject({ id: 'feb-30', line: 2, error: expect.stringContaining('"2024-02-30"') });
    expect(lines[2]).toMatchObject({ id: 'leap-day', events: expect.any(Array) });
  }, 60_000);
});

describe('eventwire extract', () => {
  it('answers every non-blank line of 16 once, in order, and a line that is not JSON with its line number', async () => {
    const page = (n: number) =>
      JSON.stringify({ id: n, url: `https://example.org/${n}`, html: `<p>Story ${n} ${'words '.repeat(30)}</p>` });
    const physical = [1, 2, '', 3, 'not json', '', 4, 5, '   ', 6, '{"id":7', 8, '', 9, 10, 11].map((line) =>
      typeof line === 'number' ? page(line) : line,
    );

    const { code, lines } = await pipeThrough('extract', physical.join('\n'));

    expect(code).toBe(0);
    expect(lines).toHaveLength(physical.filter((line) => line.trim() !== '').length);
    expect(lines.map((line) => (line as { id: unknown }).id)).toEqual([1, 2, 3, null, 4, 5, 6, null, 8, 9, 10, 11]);
    expect(lines[3]).toMatchObject({ line: 5, error: expect.stringMatching(/^line 5 is not JSON/) });
    expect(lines[7]).toMatchObject({ line: 11, error: expect.stringMatching(/^line 11 is not JSON/) });
  }, 60_000);

  it('answers a 100 MB line with an error and extracts the others', async () => {
    const huge = JSON.stringify({
      id: 'huge',
      url: 'https://example.org/huge',
      html: `<p>${'y'.repeat(100 * 1024 * 1024)}</p>`,
    });
    const small = JSON.stringify({ id: 'small', url: 'https://example.org/s', html: '<p>Short story.</p>' });

    const { code, lines } = await pipeThrough('extract', [huge, small].join('\n'));

    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ id: 'huge', line: 1, error: expect.stringContaining('over the limit of') });
    expect(lines[1]).toMatchObject({ id: 'small' });
  }, 120_000);
});
