/**
 * The sections of the registration form (the seed's 报名表) and the kind of each field: which
 * fields, in which order, with which control. The templates are in `form-fields.ts`, the review
 * in `review-step.ts`; both follow this list.
 */
import type { ApplicationFieldName, FormOptions } from '../../services/schemas.js';
import type { FormField } from './form-model.js';

export type SectionId = 'exam' | 'area' | 'personal' | 'work' | 'education' | 'contact' | 'photo';

export interface Section {
  id: SectionId;
  fields: FormField[];
}

export const SECTIONS: Section[] = [
  { id: 'exam', fields: ['levelId', 'qualificationId', 'subjectIds'] },
  { id: 'area', fields: ['provinceCode', 'areaCode'] },
  { id: 'personal', fields: ['name', 'documentType', 'documentNumber', 'gender', 'birthDate'] },
  { id: 'work', fields: ['titleCategory', 'feeCategory', 'workLocation', 'employer', 'workStartDate', 'professionalYears'] },
  { id: 'education', fields: ['studyStatus', 'education', 'degree', 'school', 'major', 'graduationDate', 'majorName'] },
  { id: 'contact', fields: ['address', 'mobile', 'email', 'postalCode', 'landline'] },
  { id: 'photo', fields: ['photo'] },
];

/** Every field in the order of the form (the error summary's order). */
export const FORM_ORDER: FormField[] = SECTIONS.flatMap((section) => section.fields);

/** Fields chosen from a list of the round's form options. */
export const OPTION_LISTS: Partial<Record<ApplicationFieldName, keyof FormOptions>> = {
  titleCategory: 'titleCategories',
  feeCategory: 'feeCategories',
  workLocation: 'workLocations',
  studyStatus: 'studyStatuses',
  education: 'educationLevels',
  degree: 'degrees',
};

/** How a text field is typed. */
export interface TextSpec {
  type?: 'text' | 'tel' | 'email';
  inputmode?: 'text' | 'numeric' | 'tel' | 'email';
  autocomplete?: string;
  maxlength: number;
  /** Narrow input for short values (a year and month, a postal code). */
  width?: 'short' | 'medium';
  /** Has a hint (`form.<field>.hint`). */
  hint?: boolean;
  verbatim?: boolean;
}

export const TEXT_FIELDS: Partial<Record<ApplicationFieldName, TextSpec>> = {
  employer: { maxlength: 100, autocomplete: 'organization' },
  workStartDate: { inputmode: 'numeric', maxlength: 10, width: 'short', hint: true, verbatim: true, autocomplete: 'off' },
  professionalYears: { inputmode: 'numeric', maxlength: 3, width: 'short', hint: true, verbatim: true, autocomplete: 'off' },
  school: { maxlength: 100 },
  major: { maxlength: 100 },
  graduationDate: { inputmode: 'numeric', maxlength: 10, width: 'short', hint: true, verbatim: true, autocomplete: 'off' },
  majorName: { maxlength: 100, hint: true },
  address: { maxlength: 200, autocomplete: 'street-address', hint: true },
  mobile: { type: 'tel', inputmode: 'tel', maxlength: 20, autocomplete: 'tel-national', width: 'medium', verbatim: true },
  email: { type: 'email', inputmode: 'email', maxlength: 254, autocomplete: 'email', verbatim: true },
  postalCode: { inputmode: 'numeric', maxlength: 6, autocomplete: 'postal-code', width: 'short', verbatim: true },
  landline: { type: 'tel', inputmode: 'tel', maxlength: 30, width: 'medium', hint: true, verbatim: true, autocomplete: 'off' },
  birthDate: { inputmode: 'numeric', maxlength: 12, width: 'medium', hint: true, verbatim: true, autocomplete: 'bday' },
};
