/**
 * Dates as candidates type them from their document: `2015.03.12` (as printed on the back of the
 * ID card), `2015-03-12`, `2015/3/12`, `2015年3月12日` or `20150312`, with full-width digits too.
 * Text inputs with `inputmode="numeric"`, not date pickers (GOV.UK): a phone's number pad is
 * enough (`20150312`), and the candidate copies what the card shows.
 */

/** The typed date as `YYYY-MM-DD`, or null when it is not a complete, real date. */
export function parseTypedDate(raw: string): string | null {
  const text = raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\uFF0D\u2010-\u2015]/g, '-')
    .replace(/[\uFF0F]/g, '/')
    .trim();
  const match =
    /^(\d{4})(\d{2})(\d{2})$/.exec(text) ??
    /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today as `YYYY-MM-DD` in the candidate's own calendar. */
export function todayIso(today: Date = new Date()): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` date as a local `Date` at midnight (for `ageOn`). */
export function isoToLocalDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
