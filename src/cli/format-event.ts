import type { EventRecord } from '../storage/records.js';

type StoredActor = EventRecord['source'];

function actor(value: StoredActor | null): string {
  if (!value) return '-';
  const code = [value.code, value.sector].filter(Boolean).join(' ');
  return code ? `${value.name ?? value.text} (${code})` : (value.name ?? value.text);
}

/** "1 mention", "2 mentions". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** One line per event: date, source, type and code, target, place, counts. */
export function eventLine(event: EventRecord): string {
  const place = event.location
    ? `${event.location.name}${event.location.country ? `, ${event.location.country}` : ''}${event.location.basis ? ` [${event.location.basis}]` : ''}`
    : 'place unknown';
  const arrow = event.reciprocal ? '<->' : '->';
  return `${event.date}  ${actor(event.source)} ${event.type}/${event.code}${event.mode ? ` [${event.mode}]` : ''} ${arrow} ${actor(event.target)}  @ ${place}  (${counted(event.num_mentions, 'mention')}, ${counted(event.num_sources, 'source')})`;
}

export const EVENT_COLUMNS = [
  'event_id',
  'date',
  'type',
  'code',
  'quad_class',
  'goldstein',
  'mode',
  'source_name',
  'source_code',
  'source_sector',
  'target_name',
  'target_code',
  'target_sector',
  'reciprocal',
  'place',
  'place_country',
  'place_basis',
  'lat',
  'lon',
  'confidence',
  'num_mentions',
  'num_articles',
  'num_sources',
  'first_seen',
  'last_seen',
] as const;

/** Flat row of an event for CSV and tables. */
export function eventRow(event: EventRecord): Record<(typeof EVENT_COLUMNS)[number], string | number | boolean | null> {
  return {
    event_id: event.event_id,
    date: event.date,
    type: event.type,
    code: event.code,
    quad_class: event.quad_class,
    goldstein: event.goldstein,
    mode: event.mode,
    source_name: event.source.name ?? event.source.text,
    source_code: event.source.code,
    source_sector: event.source.sector,
    target_name: event.target ? (event.target.name ?? event.target.text) : null,
    target_code: event.target?.code ?? null,
    target_sector: event.target?.sector ?? null,
    reciprocal: event.reciprocal,
    place: event.location?.name ?? null,
    place_country: event.location?.country ?? null,
    place_basis: event.location?.basis ?? null,
    lat: event.location?.lat ?? null,
    lon: event.location?.lon ?? null,
    confidence: event.confidence,
    num_mentions: event.num_mentions,
    num_articles: event.num_articles,
    num_sources: event.num_sources,
    first_seen: event.first_seen,
    last_seen: event.last_seen,
  };
}

/** RFC 4180 quoting: three lines here, where csv-stringify would be a dependency for them. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
