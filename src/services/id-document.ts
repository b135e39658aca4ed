/**
 * Identity documents accepted by the registration form (证件类型): normalising, validating and
 * masking their numbers, plus the resident ID card's validity rules (居民身份证法 art. 5).
 * Pure functions without dependencies. Reference: GB 11643-1999 and the domain README.
 */

/** The document types a candidate can register with. */
export const DOCUMENT_TYPES = [
  'resident-id',
  'social-security-card',
  'hmt-residence-permit',
  'hk-macao-pass',
  'taiwan-pass',
  'foreign-permanent-residence',
  'passport',
] as const;

/** One of {@link DOCUMENT_TYPES}. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Why a document number was rejected. */
export type IdProblem = 'empty' | 'length' | 'characters' | 'region' | 'date' | 'future-date' | 'checksum' | 'format';

/** What an 18-character GB 11643 number tells about its holder. */
export interface ResidentIdInfo {
  /** The normalised number. */
  number: string;
  /** The 6-digit administrative region code (positions 1–6). */
  regionCode: string;
  /** The 2-digit province code (positions 1–2). */
  provinceCode: string;
  /** The birth date as `YYYY-MM-DD`. */
  birthDate: string;
  /** From the sequence digit (position 17): odd = male, even = female. */
  gender: 'male' | 'female';
}

/** The result of a check: the normalised number (and what it encodes), or the first problem found. */
export type IdCheck = { ok: true; number: string; info?: ResidentIdInfo } | { ok: false; problem: IdProblem };

/** Problems with a resident ID card's validity period; `length-mismatch` is warning-level. */
export type ValidityProblem = 'end-before-start' | 'expired' | 'start-in-future' | 'length-mismatch';

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const GB11643_CHECK_CHARS = '10X98765432';

/** Province codes of the mainland (11–15, 21–23, 31–37, 41–46, 50–54, 61–65). */
const MAINLAND_PROVINCE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
];

/** Region codes of 港澳台居民居住证: Hong Kong, Macao, Taiwan. */
const HMT_REGION_CODES: ReadonlySet<string> = new Set(['810000', '820000', '830000']);

/**
 * Normalises a typed document number: trims, removes inner whitespace and hyphens/dashes,
 * turns full-width characters (U+FF01–U+FF5E, e.g. '１２３', 'ｘ') into ASCII and uppercases letters.
 */
export function normalizeDocumentNumber(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .toUpperCase();
}

/**
 * The GB 11643 check character ('0'–'9' or 'X') of the first 17 digits of an ID number.
 * @throws RangeError when `first17` is not exactly 17 ASCII digits.
 */
export function gb11643CheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`Expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]!;
  return GB11643_CHECK_CHARS[sum % 11]!;
}

/**
 * Parses a mainland resident ID number (居民身份证, 18 characters, GB 11643-1999). Problems are
 * reported in this order: 'empty', 'length', 'characters', 'region' (province code not a mainland
 * one), 'date' (not a real date or before 1900), 'future-date' (after `today`, a local calendar
 * date, default now), 'checksum'. Lowercase x and full-width input are accepted.
 */
export function parseResidentId(raw: string, today: Date = new Date()): IdCheck {
  return parseGb11643(raw, today, (number) => isMainlandProvince(Number(number.slice(0, 2))));
}

/**
 * Validates a number of any document type (normalised first; the normalised number is returned).
 * For resident-id, social-security-card and hmt-residence-permit returns `info` and reports the
 * problems of {@link parseResidentId}. The other types report 'empty' or 'format' (wrong shape);
 * a 2023-format 外国人永久居留身份证 of the right shape reports 'date' or 'future-date' for its birth
 * date (positions 7–14) as a resident ID does, then 'checksum' for a wrong check character.
 */
export function validateDocumentNumber(type: DocumentType, raw: string, today: Date = new Date()): IdCheck {
  switch (type) {
    case 'resident-id':
    case 'social-security-card':
      return parseResidentId(raw, today);
    case 'hmt-residence-permit':
      return parseGb11643(raw, today, (number) => HMT_REGION_CODES.has(number.slice(0, 6)));
    default:
      break;
  }
  const number = normalizeDocumentNumber(raw);
  if (number === '') return { ok: false, problem: 'empty' };
  switch (type) {
    case 'hk-macao-pass':
      return shape(number, /^[HM](?:\d{8}|\d{10})$/);
    case 'taiwan-pass':
      return shape(number, /^\d{8}(?:[A-Z0-9]{2})?$/);
    case 'foreign-permanent-residence':
      // 2023 format: 9, the issuing province (2), nationality (3), birth date YYYYMMDD (positions
      // 7–14, as on a resident ID), sequence (3), GB 11643 check character.
      if (/^9\d{16}[\dX]$/.test(number)) {
        const dated = birthDateProblem(number, today);
        if (dated) return { ok: false, problem: dated };
        return gb11643CheckChar(number.slice(0, 17)) === number[17]
          ? { ok: true, number }
          : { ok: false, problem: 'checksum' };
      }
      return shape(number, /^[A-Z]{3}\d{12}$/);
    case 'passport':
      // Chinese (G + 8 digits, E + non-I/O letter or digit + 7 digits) or foreign (5–17 letters/digits).
      return shape(number, /^(?:G\d{8}|E[A-HJ-NP-Z0-9]\d{7}|[A-Z0-9]{5,17})$/);
  }
}

/**
 * Whole years of age on `today` (a local calendar date, default now): one less when this year's
 * birthday has not been reached yet (a 29 February birthday counts as reached on 1 March).
 * @throws RangeError when `birthDate` is not a real 'YYYY-MM-DD' date.
 */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  return ageBetween(parseIsoDate(birthDate), localDateParts(today));
}

/**
 * How long a resident ID card issued at `ageAtIssue` is valid (居民身份证法 art. 5):
 * under 16 → 5 years, 16–25 → 10, 26–45 → 20, 46 and older → 'long-term' (长期).
 * @throws RangeError for a negative or non-finite age.
 */
export function idCardValidityYears(ageAtIssue: number): 5 | 10 | 20 | 'long-term' {
  if (!Number.isFinite(ageAtIssue) || ageAtIssue < 0) throw new RangeError(`Invalid age: ${ageAtIssue}`);
  if (ageAtIssue < 16) return 5;
  if (ageAtIssue < 26) return 10;
  if (ageAtIssue < 46) return 20;
  return 'long-term';
}

/**
 * Checks a resident ID card's validity period (`validTo` null = 长期) against the holder's birth
 * date and `today` (a local calendar date, default now). Returns the problems found, empty when
 * fine: 'end-before-start' (validTo ≤ validFrom), 'expired' (validTo before today),
 * 'start-in-future' (validFrom after today), 'length-mismatch' (warning: validTo is not validFrom
 * plus {@link idCardValidityYears} of the age at validFrom, or 长期 before 46, or validFrom before
 * the birth date; from 29 February both 28 February and 1 March are accepted as the end).
 * @throws RangeError when a date is not a real 'YYYY-MM-DD' date.
 */
export function checkIdValidity(
  birthDate: string,
  validFrom: string,
  validTo: string | null,
  today: Date = new Date(),
): ValidityProblem[] {
  const birth = parseIsoDate(birthDate);
  const from = parseIsoDate(validFrom);
  const to = validTo === null ? null : parseIsoDate(validTo);
  const now = formatDate(localDateParts(today));
  const fromIso = formatDate(from);
  const toIso = to === null ? null : formatDate(to);
  const problems: ValidityProblem[] = [];
  if (toIso !== null && toIso <= fromIso) problems.push('end-before-start');
  if (toIso !== null && toIso < now) problems.push('expired');
  if (fromIso > now) problems.push('start-in-future');
  if (!periodFits(birth, from, toIso)) problems.push('length-mismatch');
  return problems;
}

/**
 * Masks a document number for display, one '*' per hidden character: 15 characters or more keep
 * the region code and the last 4 (e.g. '530102********1234', as printed on the portal's papers);
 * 8–14 keep the first 3 and last 4; shorter keep the first and last one; 2 or fewer are hidden.
 */
export function maskDocumentNumber(number: string): string {
  const chars = Array.from(number);
  const n = chars.length;
  if (n <= 2) return '*'.repeat(n);
  const [head, tail] = n >= 15 ? [6, 4] : n >= 8 ? [3, 4] : [1, 1];
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

// ---------------------------------------------------------------------------------------------

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseGb11643(raw: string, today: Date, regionOk: (number: string) => boolean): IdCheck {
  const number = normalizeDocumentNumber(raw);
  if (number === '') return { ok: false, problem: 'empty' };
  if (number.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, problem: 'characters' };
  if (!regionOk(number)) return { ok: false, problem: 'region' };
  const dated = birthDateProblem(number, today);
  if (dated) return { ok: false, problem: dated };
  const birthDate = formatDate(birthOf(number));
  if (gb11643CheckChar(number.slice(0, 17)) !== number[17]) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    number,
    info: {
      number,
      regionCode: number.slice(0, 6),
      provinceCode: number.slice(0, 2),
      birthDate,
      gender: Number(number[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** The birth date at positions 7–14 of an 18-character number. */
function birthOf(number: string): DateParts {
  return { year: Number(number.slice(6, 10)), month: Number(number.slice(10, 12)), day: Number(number.slice(12, 14)) };
}

/** 'date' (not a real date, or before 1900) or 'future-date' (after `today`) for the birth date of an 18-character number. */
function birthDateProblem(number: string, today: Date): 'date' | 'future-date' | undefined {
  const birth = birthOf(number);
  if (birth.year < 1900 || !isRealDate(birth)) return 'date';
  if (formatDate(birth) > formatDate(localDateParts(today))) return 'future-date';
  return undefined;
}

function shape(number: string, pattern: RegExp): IdCheck {
  return pattern.test(number) ? { ok: true, number } : { ok: false, problem: 'format' };
}

function isMainlandProvince(code: number): boolean {
  return MAINLAND_PROVINCE_RANGES.some(([lo, hi]) => code >= lo && code <= hi);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate({ year, month, day }: DateParts): boolean {
  return (
    Number.isInteger(year) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function parseIsoDate(value: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!parts || !isRealDate(parts)) throw new RangeError(`Invalid date "${value}", expected YYYY-MM-DD`);
  return parts;
}

function localDateParts(date: Date): DateParts {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

function formatDate({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether the period from `from` to `toIso` (null = 长期) has the legal length for the holder's age at `from`. */
function periodFits(birth: DateParts, from: DateParts, toIso: string | null): boolean {
  const fromIso = formatDate(from);
  if (fromIso < formatDate(birth)) return false;
  const years = idCardValidityYears(ageBetween(birth, from));
  if (years === 'long-term') return toIso === null;
  if (toIso === null) return false;
  const year = from.year + years;
  if (from.month === 2 && from.day === 29 && !isLeapYear(year)) {
    return toIso === formatDate({ year, month: 2, day: 28 }) || toIso === formatDate({ year, month: 3, day: 1 });
  }
  return toIso === formatDate({ year, month: from.month, day: from.day });
}

/** Whole years from `birth` to `on` (negative when `on` is before `birth`). */
function ageBetween(birth: DateParts, on: DateParts): number {
  const reached = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (reached ? 0 : 1);
}
