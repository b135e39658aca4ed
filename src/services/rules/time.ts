/**
 * Clock helpers of the exam office (the mock and the reference server). The office lives in China
 * Standard Time (UTC+8, no daylight saving), so every date-time it answers carries `+08:00` and
 * every calendar date is a Beijing date, whatever the machine's time zone.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
/** One day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;
/** One minute in milliseconds. */
export const MINUTE_MS = 60 * 1000;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** `YYYY-MM-DDTHH:mm:ss+08:00` for an instant (milliseconds are dropped). */
export function chinaIso(instant: Date | number): string {
  const shifted = new Date(Number(instant) + CST_OFFSET_MS);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}+08:00`
  );
}

/** The Beijing calendar date `YYYY-MM-DD` of an instant. */
export function chinaDate(instant: Date | number): string {
  return chinaIso(instant).slice(0, 10);
}

/** A Beijing wall-clock time on a date: `chinaAt('2027-05-22', '08:30')` → `2027-05-22T08:30:00+08:00`. */
export function chinaAt(date: string, hhmm: string): string {
  return `${date}T${hhmm}:00+08:00`;
}

/** The calendar date `days` after (or before, when negative) a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return chinaDate(Date.parse(`${date}T12:00:00+08:00`) + days * DAY_MS);
}

/** Milliseconds since the epoch of an ISO date-time. */
export function ms(iso: string): number {
  return Date.parse(iso);
}

/** `2027年3月15日 09:00` for a date-time of the office, as notices print it. */
export function chineseDateTime(iso: string): string {
  const [date = '', time = ''] = iso.split('T');
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日 ${time.slice(0, 5)}`;
}

/** `2027年5月22日` for a `YYYY-MM-DD` date. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
