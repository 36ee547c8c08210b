import type { EventRecord } from '../storage/records.js';

/**
 * The 61 columns of a GDELT 2.0 event record, in order. eventwire fills the ones it knows (see `gdeltRow`);
 * the others stay empty: known-group, ethnic and religion codes, AvgTone, actor geographies, ADM2 codes.
 */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...actorColumns('Actor1'),
  ...actorColumns('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...geoColumns('Actor1Geo'),
  ...geoColumns('Actor2Geo'),
  ...geoColumns('ActionGeo'),
  'DATEADDED',
  'SOURCEURL',
] as const;

function actorColumns(prefix: string): string[] {
  return [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((c) => `${prefix}${c}`);
}

function geoColumns(prefix: string): string[] {
  return ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map(
    (c) => `${prefix}_${c}`,
  );
}

type Actor = EventRecord['source'];

function actorCells(actor: Actor | null): string[] {
  if (!actor) return Array<string>(10).fill('');
  const code = `${actor.code ?? ''}${actor.sector ?? ''}`;
  return [code, (actor.name ?? actor.text).toUpperCase(), actor.code ?? '', '', '', '', '', actor.sector ?? '', '', ''];
}

/**
 * One GDELT 2.0 row. Differences from GDELT, by design: country codes are ISO 3166 alpha-3 (GDELT uses CAMEO
 * country codes for actors, mostly the same, and FIPS for geography); Phoenix QuadClass 0 (statements and appeals,
 * CAMEO 01-02) is written as 1, GDELT's class for them; GLOBALEVENTID is derived from our event id.
 */
export function gdeltRow(event: EventRecord, sourceUrl: string): string[] {
  const [year = '', month = '', day = ''] = event.date.split('-');
  const dayOfYear = (Date.parse(event.date) - Date.UTC(Number(year), 0, 1)) / 86_400_000 + 1;
  const location = event.location;
  const actionGeo = location
    ? [
        location.geonames_id ? '4' : '1',
        location.name,
        location.country ?? '',
        location.admin1 ?? '',
        '',
        String(location.lat),
        String(location.lon),
        location.geonames_id ? String(location.geonames_id) : '',
      ]
    : Array<string>(8).fill('');
  return [
    String(Number.parseInt(event.event_id.slice(0, 13), 16)),
    `${year}${month}${day}`,
    `${year}${month}`,
    year,
    (Number(year) + dayOfYear / 365).toFixed(4),
    ...actorCells(event.source),
    ...actorCells(event.target),
    '1',
    event.code,
    event.code.slice(0, 3),
    event.root,
    String(Math.max(1, event.quad_class)),
    String(event.goldstein),
    String(event.num_mentions),
    String(event.num_sources),
    String(event.num_articles),
    '',
    ...Array<string>(16).fill(''),
    ...actionGeo,
    event.first_seen.replace(/\D/g, '').slice(0, 14),
    sourceUrl,
  ].map((cell) => cell.replace(/[\t\r\n]/g, ' '));
}
