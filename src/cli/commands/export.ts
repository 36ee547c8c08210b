import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { EventReader } from '../../client/index.js';
import type { AwsClients } from '../../storage/clients.js';
import type { EventRecord } from '../../storage/records.js';
import { parseFlags, UsageError } from '../args.js';
import { csvCell, EVENT_COLUMNS, eventRow } from '../format-event.js';
import { gdeltRow } from '../gdelt.js';
import { FILTER_FLAGS, filterFromFlags, withLocalReader } from '../local-reader.js';

const FORMATS = ['jsonl', 'csv', 'gdelt'] as const;
type ExportFormat = (typeof FORMATS)[number];

export const exportCommand = {
  name: 'export',
  summary: 'Export events of a date range to standard output, a file or an S3 prefix as jsonl, csv or GDELT 2.0 rows',
  usage: `eventwire export --from YYYY-MM-DD --to YYYY-MM-DD [--format jsonl|csv|gdelt] [--out -|FILE|s3://BUCKET/PREFIX/] [--data-dir DIR]
  Without --out (or with --out -) the rows go to standard output, as with \`events\`; the count goes to standard
  error. The same filters as \`events\` apply (--actor, --role, --type, --root, --location). gdelt: the 61 GDELT 2.0
  event columns, filled where eventwire has the field (see src/cli/gdelt.ts for which and how).
example: npx eventwire export --from 2026-10-01 --to 2026-10-31 --format csv --out october.csv`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { ...FILTER_FLAGS, format: { type: 'string' }, out: { type: 'string' } });
    const format = values.format ?? 'jsonl';
    if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const out = values.out ?? '-';
    if (out === '') throw new UsageError('--out needs a value: -, FILE or s3://bucket/prefix/');
    const filter = filterFromFlags(values);
    const { count, target } = await withLocalReader(values['data-dir'], async (reader, clients) => {
      const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(out);
      const lines: string[] = [];
      const sink = s3
        ? { write: async (line: string) => void lines.push(line), end: async () => undefined }
        : lineSink(out);
      if (format === 'csv') await sink.write(EVENT_COLUMNS.join(','));
      let exported = 0;
      let cursor: string | undefined;
      do {
        const page = await reader.events({ ...filter, limit: 200, ...(cursor ? { cursor } : {}) });
        for (const event of page.items) await sink.write(await exportLine(event, format, reader));
        exported += page.items.length;
        cursor = page.cursor;
      } while (cursor);
      await sink.end();
      if (!s3) return { count: exported, target: out === '-' ? 'standard output' : out };
      const [, bucket = '', prefix = ''] = s3;
      const body = lines.length > 0 ? `${lines.join('\n')}\n` : '';
      return { count: exported, target: await putToS3(clients.s3, bucket, prefix, body, format, filter) };
    });
    // On standard output the rows are the output: the count goes to standard error.
    (out === '-' ? process.stderr : process.stdout).write(`exported ${count} events to ${target}\n`);
    return 0;
  },
};

function isFormat(value: string): value is ExportFormat {
  return (FORMATS as readonly string[]).includes(value);
}

async function exportLine(event: EventRecord, format: ExportFormat, reader: EventReader): Promise<string> {
  if (format === 'jsonl') return JSON.stringify(event);
  if (format === 'csv') return EVENT_COLUMNS.map((column) => csvCell(eventRow(event)[column])).join(',');
  const mentions = await reader.mentions(event.event_id, { limit: 1 });
  return gdeltRow(event, mentions.items[0]?.url ?? '').join('\t');
}

/** Lines written as they come, to standard output (`-`) or a file, waiting when the reader is slower. */
function lineSink(out: string): { write(line: string): Promise<void>; end(): Promise<void> } {
  const stream = out === '-' ? process.stdout : createWriteStream(out);
  const failed = out === '-' ? null : once(stream, 'error').then(([error]) => Promise.reject(error));
  failed?.catch(() => undefined);
  return {
    write: async (line) => {
      if (!stream.write(`${line}\n`)) await Promise.race([once(stream, 'drain'), ...(failed ? [failed] : [])]);
    },
    end: async () => {
      if (stream === process.stdout) return;
      await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), ...(failed ? [failed] : [])]);
    },
  };
}

async function putToS3(
  s3: AwsClients['s3'],
  bucket: string,
  prefix: string,
  body: string,
  format: ExportFormat,
  filter: { from: string; to: string },
): Promise<string> {
  const key = `${prefix}${prefix && !prefix.endsWith('/') ? '/' : ''}events-${filter.from}-${filter.to}.${format === 'gdelt' ? 'export.tsv' : format}`;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: format === 'jsonl' ? 'application/x-ndjson' : 'text/plain',
    }),
  );
  return `s3://${bucket}/${key}`;
}
