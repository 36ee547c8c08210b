/**
 * Strict readings of the dates and times that enter eventwire from users (CLI flags, query strings, JSON Lines
 * input). `Date.parse` is lenient: it shifts 2024-02-30 to March 1st and reads many odd strings; these accept only
 * real calendar dates, so a bad date is reported by name instead of silently moved or failing later.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether `value` is a YYYY-MM-DD date that exists (years 0001-9999; 2024-02-29 yes, 2023-02-29 and 2024-13-01 no). */
export function isCalendarDate(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * An ISO 8601 date or date-time (`2024-05-01`, `2024-05-01T10:00`, `...:00.5Z`, `...+02:00`) as a Date, or null
 * when it is not one or names a day or time that does not exist. A time without a zone is read as UTC.
 */
export function parseIsoTime(value: string): Date | null {
  const match = TIME.exec(value.trim());
  if (!match) return null;
  const [, day = '', hours = '00', minutes = '00', seconds = '00', fraction = '', zone = 'Z'] = match;
  if (!isCalendarDate(day) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4)) > 59)) return null;
  const time = Date.parse(`${day}T${hours}:${minutes}:${seconds}${fraction.slice(0, 4)}${zone}`);
  return Number.isNaN(time) ? null : new Date(time);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
