/**
 * Dates, times and money of the exam round as candidates read them. The exam office lives in
 * China Standard Time: times are shown in Asia/Shanghai whatever the browser's zone, so a
 * candidate abroad sees the sitting at the time printed on the ticket.
 */
import type { Locale } from '../../services/i18n/index.js';

const ZONE = 'Asia/Shanghai';

function intlLocale(lang: Locale): string {
  return lang === 'en' ? 'en-GB' : 'zh-CN';
}

/** `2026年5月23日` / `23 May 2026` for a `YYYY-MM-DD` date. */
export function formatDay(lang: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** `2026年3月15日 09:00` / `15 March 2026, 09:00` for a date-time. */
export function formatDateTime(lang: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: ZONE,
  }).format(new Date(iso));
}

/** `1月28日` / `28 January` for a date-time in Beijing time: a day without its year, for narrow places. */
export function formatMonthDay(lang: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { month: 'long', day: 'numeric', timeZone: ZONE }).format(new Date(iso));
}

/** `09:05` for a moment (a timestamp in ms or an ISO date-time), in Beijing time like every other time. */
export function formatTime(lang: Locale, at: number | string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE }).format(new Date(at));
}

/** `5月23日（周六）08:30–10:30` / `Sat 23 May, 08:30–10:30` for a sitting. */
export function formatSitting(lang: Locale, startsAt: string, endsAt: string): string {
  const day = new Intl.DateTimeFormat(intlLocale(lang), { month: 'long', day: 'numeric', weekday: 'short', timeZone: ZONE }).format(
    new Date(startsAt),
  );
  const time = new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE });
  return `${day} ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/** Fen as yuan with two decimals, without the unit: 10000 → `100.00`. */
export function fenToYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
