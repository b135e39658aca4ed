/**
 * The exam office's checks of a registration against the round (the mock and the reference
 * server): the plan (level → qualification → subjects), the regions, the option lists and the
 * candidate's real name; and the fee the plan sets.
 */
import { normalizeDocumentNumber } from '../id-document.js';
import type {
  ApplicationDraft,
  ApplicationInput,
  ExamSession,
  Level,
  Qualification,
  RealNameResult,
  Subject,
} from '../schemas.js';

/** The level, qualification and subjects a form names (what exists of them). */
export interface Selection {
  level: Level | undefined;
  qualification: Qualification | undefined;
  subjects: Subject[];
}

/** Looks up the level, qualification and subjects of a form in the plan. */
export function findSelection(session: ExamSession, fields: ApplicationDraft): Selection {
  const level = session.plan.levels.find((candidate) => candidate.id === fields.levelId);
  const qualification = level?.qualifications.find((candidate) => candidate.id === fields.qualificationId);
  const ids = Array.isArray(fields.subjectIds) ? fields.subjectIds : [];
  const subjects = qualification ? qualification.subjects.filter((subject) => ids.includes(subject.id)) : [];
  return { level, qualification, subjects };
}

/** The names of a form's level and qualification and its subjects, for printing. */
export function describeSelection(session: ExamSession, fields: ApplicationDraft) {
  const { level, qualification, subjects } = findSelection(session, fields);
  return { level: level?.name ?? '', qualification: qualification?.name ?? '', subjects };
}

/**
 * The fee of a selection, as the plan sets it: the sum of the subjects' fees where every subject
 * has one, else the qualification's fee, else the level's (Yunnan: per level).
 */
export function feeOf(selection: Selection): number | null {
  const { level, qualification, subjects } = selection;
  if (subjects.length > 0 && subjects.every((subject) => subject.feeFen !== undefined)) {
    return subjects.reduce((sum, subject) => sum + (subject.feeFen ?? 0), 0);
  }
  return qualification?.feeFen ?? level?.feeFen ?? null;
}

/** The identity a submission must repeat: the verified real name and its full document number. */
export interface VerifiedIdentity {
  realName: RealNameResult;
  documentNumber: string;
}

const SAME_AS_REAL_NAME = '须与实名认证信息一致';

/**
 * Field errors of a submission that passed the `ApplicationInput` schema: a level, qualification,
 * subjects (all of the qualification's), province, exam area and options that exist in this
 * round, and personal data equal to the verified real name. Empty when fine.
 */
export function checkSubmission(
  session: ExamSession,
  input: ApplicationInput,
  identity: VerifiedIdentity,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const selection = findSelection(session, input);
  if (!selection.level) errors.levelId = '请选择本次考试开考的级别';
  else if (!selection.qualification) errors.qualificationId = '请选择本次考试开考的资格';
  else {
    const known = new Set(selection.qualification.subjects.map((subject) => subject.id));
    const chosen = new Set(input.subjectIds);
    if (input.subjectIds.some((id) => !known.has(id))) errors.subjectIds = '报考科目不属于所选资格';
    else if ([...known].some((id) => !chosen.has(id))) errors.subjectIds = '须报考所选资格的全部科目';
  }
  const province = session.provinces.find((candidate) => candidate.code === input.provinceCode);
  if (!province) errors.provinceCode = '请选择报名省市';
  else if (!province.areas.some((area) => area.code === input.areaCode)) errors.areaCode = '请选择考试考区';

  const options = session.formOptions;
  const checkOption = (field: keyof ApplicationInput, list: { code: string }[], message: string) => {
    const value = input[field];
    if (value !== undefined && !list.some((option) => option.code === value)) errors[field] = message;
  };
  checkOption('titleCategory', options.titleCategories, '请选择现有职称');
  checkOption('feeCategory', options.feeCategories, '请选择取费资格');
  checkOption('workLocation', options.workLocations, '请选择在职地点');
  checkOption('studyStatus', options.studyStatuses, '请选择在学/已有学历');
  checkOption('education', options.educationLevels, '请选择学历');
  checkOption('degree', options.degrees, '请选择学位');

  const { realName, documentNumber } = identity;
  if (input.name !== realName.name) errors.name = SAME_AS_REAL_NAME;
  if (input.documentType !== realName.documentType) errors.documentType = SAME_AS_REAL_NAME;
  if (normalizeDocumentNumber(input.documentNumber) !== documentNumber) errors.documentNumber = SAME_AS_REAL_NAME;
  // Documents other than ID cards carry no gender or birth date: the candidate gives them in the form.
  if (realName.gender !== null && input.gender !== realName.gender) errors.gender = SAME_AS_REAL_NAME;
  if (realName.birthDate !== null && input.birthDate !== realName.birthDate) errors.birthDate = SAME_AS_REAL_NAME;
  return errors;
}
