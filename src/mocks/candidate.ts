/**
 * The seeded candidate of the mock office (张三 from 丽江), used by `ExamOffice.seedCandidate()`:
 * a real-name result with a valid GB 11643 ID number and a complete registration form.
 */
import type { ApplicationInput, RealNameInput } from '../services/schemas.js';
import { svgDataUrl } from './encoding.js';
import { LIJIANG_AREA_CODE, LIJIANG_OFFICE_CODE } from './seed.js';
import { LEVEL_IDS } from './seed-plan.js';

/** The seeded candidate's login. */
export const SEED_ACCOUNT = { account: '13800138000', password: 'Ruankao2026', accountType: 'phone' } as const;

/**
 * 张三's ID number: region 530702 (丽江市古城区), born 1990-05-12, sequence 123 (odd: male),
 * GB 11643 check character 8.
 */
export const SEED_ID_NUMBER = '530702199005121238';

/** 张三's real-name input (card issued 2020-06-01 at 30, so valid 20 years). */
export const SEED_REAL_NAME: RealNameInput = {
  name: '张三',
  documentType: 'resident-id',
  documentNumber: SEED_ID_NUMBER,
  validFrom: '2020-06-01',
  validTo: '2040-06-01',
};

/** 张三's complete registration form: 中级 软件设计师 in 丽江. */
export const SEED_APPLICATION: ApplicationInput = {
  levelId: LEVEL_IDS.intermediate,
  qualificationId: 'software-designer',
  subjectIds: ['software-designer.fundamentals', 'software-designer.applied'],
  provinceCode: LIJIANG_OFFICE_CODE,
  areaCode: LIJIANG_AREA_CODE,
  name: '张三',
  documentType: 'resident-id',
  documentNumber: SEED_ID_NUMBER,
  gender: 'male',
  birthDate: '1990-05-12',
  titleCategory: 'junior',
  feeCategory: 'normal',
  workLocation: 'employed',
  employer: '丽江市古城区信息技术服务中心',
  workStartDate: '2013-07',
  professionalYears: 12,
  school: '云南大学',
  major: '计算机科学与技术',
  graduationDate: '2013-07',
  majorName: '计算机科学与技术',
  studyStatus: 'graduated',
  education: 'bachelor',
  degree: 'bachelor',
  address: '云南省丽江市古城区福慧路8号',
  mobile: SEED_ACCOUNT.account,
  email: 'zhangsan@example.com',
  postalCode: '674100',
  landline: '0888-5123456',
};

/** A 295×413 placeholder ID photo (white background, grey silhouette) as an SVG data URL. */
export function placeholderPhotoUrl(): string {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="295" height="413" viewBox="0 0 295 413">' +
    '<rect width="295" height="413" fill="#ffffff"/>' +
    '<circle cx="147.5" cy="150" r="72" fill="#8a9bb0"/>' +
    '<path d="M22 413 C30 290, 90 250, 147.5 250 C205 250, 265 290, 273 413 Z" fill="#8a9bb0"/>' +
    '</svg>';
  return svgDataUrl(svg);
}
