/**
 * The cascades of the form, from the round's plan and regions: level → qualification →
 * subjects (the subjects follow from the qualification: all of them), province → exam area. A
 * change upstream clears what no longer fits downstream.
 */
import type { ExamSession, Level, Province, Qualification, Subject } from '../../services/schemas.js';
import type { FormValues } from './form-model.js';

export function findLevel(session: ExamSession, levelId: string | undefined): Level | undefined {
  return levelId ? session.plan.levels.find((level) => level.id === levelId) : undefined;
}

export function findQualification(level: Level | undefined, qualificationId: string | undefined): Qualification | undefined {
  return level && qualificationId ? level.qualifications.find((q) => q.id === qualificationId) : undefined;
}

/** The level a qualification belongs to (a plan preset may name only the qualification). */
export function levelOfQualification(session: ExamSession, qualificationId: string): Level | undefined {
  return session.plan.levels.find((level) => level.qualifications.some((q) => q.id === qualificationId));
}

export function findProvince(session: ExamSession, code: string | undefined): Province | undefined {
  return code ? session.provinces.find((province) => province.code === code) : undefined;
}

/** What the candidate chose, as far as it exists in this round. */
export interface Selection {
  level: Level | undefined;
  qualification: Qualification | undefined;
  subjects: Subject[];
  province: Province | undefined;
}

export function selectionOf(session: ExamSession, values: FormValues): Selection {
  const level = findLevel(session, str(values.levelId));
  const qualification = findQualification(level, str(values.qualificationId));
  const ids = Array.isArray(values.subjectIds) ? values.subjectIds : [];
  const subjects = qualification ? qualification.subjects.filter((subject) => ids.includes(subject.id)) : [];
  return { level, qualification, subjects, province: findProvince(session, str(values.provinceCode)) };
}

/** The fee in fen as the plan sets it: per subject where each has one, else per qualification, else per level. */
export function feeOf(selection: Pick<Selection, 'level' | 'qualification' | 'subjects'>): number | null {
  const { level, qualification, subjects } = selection;
  if (subjects.length > 0 && subjects.every((subject) => subject.feeFen !== undefined)) {
    return subjects.reduce((sum, subject) => sum + (subject.feeFen ?? 0), 0);
  }
  return qualification?.feeFen ?? level?.feeFen ?? null;
}

/** The changes a new level brings: the qualification and subjects go unless they still fit. */
export function chooseLevel(session: ExamSession, values: FormValues, levelId: string): FormValues {
  const level = findLevel(session, levelId);
  const keep = findQualification(level, str(values.qualificationId));
  return keep ? { levelId } : { levelId, qualificationId: '', subjectIds: [] };
}

/** The changes a new qualification brings: its subjects, all of them. */
export function chooseQualification(session: ExamSession, values: FormValues, qualificationId: string): FormValues {
  const level = findLevel(session, str(values.levelId)) ?? (qualificationId ? levelOfQualification(session, qualificationId) : undefined);
  const qualification = findQualification(level, qualificationId);
  return {
    ...(level && level.id !== values.levelId ? { levelId: level.id } : {}),
    qualificationId,
    subjectIds: qualification ? qualification.subjects.map((subject) => subject.id) : [],
  };
}

/** The exam area of an office that has only one (a city office: 报名省市 丽江 → 考试考区 丽江). */
function onlyArea(province: Province | undefined): string | undefined {
  return province?.areas.length === 1 ? province.areas[0]!.code : undefined;
}

/**
 * The changes a new province (报名省市: a province, or a city's office where the province
 * registers by city) brings: the exam area goes unless it belongs to it; an office with one exam
 * area gets that one.
 */
export function chooseProvince(session: ExamSession, values: FormValues, provinceCode: string): FormValues {
  const province = findProvince(session, provinceCode);
  const keep = province?.areas.some((area) => area.code === values.areaCode);
  return keep ? { provinceCode } : { provinceCode, areaCode: onlyArea(province) ?? '' };
}

/**
 * Defaults the round gives: its only province (the registration is local, 属地化), the only exam
 * area of the chosen office, and the subjects of a chosen qualification when they are missing.
 */
export function defaults(session: ExamSession, values: FormValues): FormValues {
  const changes: FormValues = {};
  if (!str(values.provinceCode) && session.provinces.length === 1) changes.provinceCode = session.provinces[0]!.code;
  const area = onlyArea(findProvince(session, str(changes.provinceCode ?? values.provinceCode)));
  if (!str(values.areaCode) && area) changes.areaCode = area;
  const { qualification } = selectionOf(session, values);
  const ids = Array.isArray(values.subjectIds) ? values.subjectIds : [];
  if (qualification && ids.length === 0) changes.subjectIds = qualification.subjects.map((subject) => subject.id);
  return changes;
}

function str(value: FormValues[keyof FormValues]): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
