/**
 * The registration form's fields in the order of the form, and which are required (the portal's
 * red `*`), without zod: the form paints its fields and marks before its checks are fetched.
 * schemas.ts checks each field with zod (`applicationFields`); a test holds the two together.
 */
export const APPLICATION_FIELDS = {
  // 报考信息
  levelId: 'required',
  qualificationId: 'required',
  subjectIds: 'required',
  provinceCode: 'required',
  areaCode: 'required',
  // 个人信息
  name: 'required',
  documentType: 'required',
  documentNumber: 'required',
  gender: 'required',
  birthDate: 'required',
  // 职称、工作
  titleCategory: 'optional',
  feeCategory: 'required',
  workLocation: 'optional',
  employer: 'optional',
  workStartDate: 'optional',
  professionalYears: 'optional',
  // 学历
  school: 'optional',
  major: 'optional',
  graduationDate: 'optional',
  majorName: 'optional',
  studyStatus: 'optional',
  education: 'required',
  degree: 'optional',
  // 联系方式
  address: 'required',
  mobile: 'required',
  email: 'optional',
  postalCode: 'optional',
  landline: 'optional',
} as const satisfies Record<string, 'required' | 'optional'>;

export type ApplicationFieldName = keyof typeof APPLICATION_FIELDS;
export const APPLICATION_FIELD_NAMES = Object.keys(APPLICATION_FIELDS) as ApplicationFieldName[];

/** Whether the contract requires the field (its schema is not optional). */
export function isRequiredField(field: ApplicationFieldName): boolean {
  return APPLICATION_FIELDS[field] === 'required';
}
