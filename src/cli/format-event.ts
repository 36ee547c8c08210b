import type { EventRecord } from '../storage/records.js';

type StoredActor = EventRecord['source'];

function actor(value: StoredActor | null): string {
  if (!value) return '-';
  const code = [value.code, value.sector].filter(Boolean).join(' ');
  return code ? `${value.name ?? value.text} (${code})` : (value.name ?? value.text);
}

/** One line per event: date, source, type and code, target, place, counts. */
export function eventLine(event: EventRecord): string {
  const place = event.location
    ? `${event.location.name}${event.location.country ? `, ${event.location.country}` : ''}${event.location.basis ? ` [${event.location.basis}]` : ''}`
    : 'place unknown';
  const arrow = event.reciprocal ? '<->' : '->';
  return `${event.date}  ${actor(event.source)} ${event.type}/${event.code}${event.mode ? ` [${event.mode}]` : ''} ${arrow} ${actor(event.target)}  @ ${place}  (${event.numMentions} mentions, ${event.numSources} sources)`;
}

export const EVENT_COLUMNS = [
  'eventId',
  'date',
  'type',
  'code',
  'quadClass',
  'goldstein',
  'mode',
  'sourceName',
  'sourceCode',
  'sourceSector',
  'targetName',
  'targetCode',
  'targetSector',
  'reciprocal',
  'place',
  'placeCountry',
  'placeBasis',
  'lat',
  'lon',
  'confidence',
  'numMentions',
  'numArticles',
  'numSources',
  'firstSeen',
  'lastSeen',
] as const;

/** Flat row of an event for CSV and tables. */
export function eventRow(event: EventRecord): Record<(typeof EVENT_COLUMNS)[number], string | number | boolean | null> {
  return {
    eventId: event.eventId,
    date: event.date,
    type: event.type,
    code: event.code,
    quadClass: event.quadClass,
    goldstein: event.goldstein,
    mode: event.mode,
    sourceName: event.source.name ?? event.source.text,
    sourceCode: event.source.code,
    sourceSector: event.source.sector,
    targetName: event.target ? (event.target.name ?? event.target.text) : null,
    targetCode: event.target?.code ?? null,
    targetSector: event.target?.sector ?? null,
    reciprocal: event.reciprocal,
    place: event.location?.name ?? null,
    placeCountry: event.location?.country ?? null,
    placeBasis: event.location?.basis ?? null,
    lat: event.location?.lat ?? null,
    lon: event.location?.lon ?? null,
    confidence: event.confidence,
    numMentions: event.numMentions,
    numArticles: event.numArticles,
    numSources: event.numSources,
    firstSeen: event.firstSeen,
    lastSeen: event.lastSeen,
  };
}

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
