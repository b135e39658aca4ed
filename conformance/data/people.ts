/**
 * Made-up candidates: mainland mobile numbers, passwords, Chinese names and resident ID numbers
 * (GB 11643-1999) that pass every check a backend makes of their form, random enough that
 * repeated runs against one backend do not collide.
 */
import { randomInt } from 'node:crypto';

const digits = (count: number) => Array.from({ length: count }, () => String(randomInt(10))).join('');

/** A mainland mobile number, `139` and 8 random digits. */
export function mobileNumber(): string {
  return `139${digits(8)}`;
}

/** A password of the contract's rule (8–32 characters, letters and digits). */
export function password(): string {
  return `Kit${digits(6)}pw`;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GIVEN = ['明', '华', '建', '丽', '晓', '静', '伟', '芳', '军', '敏', '磊', '洋', '艳', '勇', '杰', '娟', '涛', '超', '霞', '平'];

/** A Chinese name of two or three characters. */
export function personName(): string {
  const pick = (list: string[]) => list[randomInt(list.length)]!;
  return pick(SURNAMES) + pick(GIVEN) + (randomInt(2) === 0 ? pick(GIVEN) : '');
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Region codes of the mainland (昆明五华, 丽江古城, 北京朝阳, 上海徐汇, 深圳南山, 成都武侯). */
const REGIONS = ['530102', '530702', '110105', '310104', '440305', '510107'];

/** A resident ID and what a real-name form takes with it. */
export interface ResidentId {
  number: string;
  birthDate: string;
  gender: 'male' | 'female';
  validFrom: string;
  /** null: 长期 (long-term). */
  validTo: string | null;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * A valid 18-character resident ID number of someone born between 1975 and 1995, with a card
 * issued two years before `today` (`YYYY-MM-DD`, the backend's date) and valid for as long as the
 * law gives at that age (10, 20 years or 长期), so it is neither expired nor issued in the future.
 */
export function residentId(today: string): ResidentId {
  const [year = 2026, month = 1, day = 1] = today.split('-').map(Number);
  const birth = { year: 1975 + randomInt(21), month: 1 + randomInt(12), day: 1 + randomInt(28) };
  const male = randomInt(2) === 0;
  const sequence = `${digits(2)}${(randomInt(5) * 2 + (male ? 1 : 0)).toString()}`;
  const first17 = `${REGIONS[randomInt(REGIONS.length)]}${birth.year}${pad(birth.month)}${pad(birth.day)}${sequence}`;
  const from = { year: year - 2, month, day: Math.min(day, 28) };
  const age = from.year - birth.year - (from.month > birth.month || (from.month === birth.month && from.day >= birth.day) ? 0 : 1);
  const years = age < 16 ? 5 : age < 26 ? 10 : age < 46 ? 20 : null;
  const iso = (parts: { year: number; month: number; day: number }) => `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
  return {
    number: first17 + checkChar(first17),
    birthDate: iso(birth),
    gender: male ? 'male' : 'female',
    validFrom: iso(from),
    validTo: years === null ? null : iso({ ...from, year: from.year + years }),
  };
}
