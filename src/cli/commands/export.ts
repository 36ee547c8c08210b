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
  summary: 'Export events of a date range to a file or an S3 prefix as jsonl, csv or GDELT 2.0 tab-separated rows',
  usage: `eventwire export --from YYYY-MM-DD --to YYYY-MM-DD --format jsonl|csv|gdelt --out FILE|s3://BUCKET/PREFIX/ [--data-dir DIR]
  The same filters as \`events\` apply (--actor, --role, --type, --root, --location). gdelt: the 61 GDELT 2.0 event
  columns, filled where eventwire has the field (see src/cli/gdelt.ts for which and how).`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { ...FILTER_FLAGS, format: { type: 'string' }, out: { type: 'string' } });
    const format = values.format ?? 'jsonl';
    if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const out = values.out;
    if (!out) throw new UsageError('--out FILE or --out s3://bucket/prefix/ is required');
    const filter = filterFromFlags(values);
    const { count, target } = await withLocalReader(values['data-dir'], async (reader, clients) => {
      const lines: string[] = format === 'csv' ? [EVENT_COLUMNS.join(',')] : [];
      let exported = 0;
      let cursor: string | undefined;
      do {
        const page = await reader.events({ ...filter, limit: 200, ...(cursor ? { cursor } : {}) });
        for (const event of page.items) lines.push(await exportLine(event, format, reader));
        exported += page.items.length;
        cursor = page.cursor;
      } while (cursor);
      const body = lines.length > 0 ? `${lines.join('\n')}\n` : '';
      return { count: exported, target: await writeOut(out, body, format, filter, clients.s3) };
    });
    process.stdout.write(`exported ${count} events to ${target}\n`);
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

async function writeOut(
  out: string,
  body: string,
  format: ExportFormat,
  filter: { from: string; to: string },
  s3: AwsClients['s3'],
): Promise<string> {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(out);
  if (match) {
    const [, bucket = '', prefix = ''] = match;
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
  await new Promise<void>((resolve, reject) => {
    const stream = createWriteStream(out);
    stream.on('error', reject);
    stream.end(body, () => resolve());
  });
  return out;
}
