/**
 * The fee of a qualification as the province charges it: Yunnan per level (the level's fee, shown
 * in its heading and in each row), other provinces per qualification or per subject.
 */
import type { Level, Qualification } from '../../services/schemas.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export function feeText(level: Level, qualification: Qualification, fen: (amount: number) => string, t: Translate): string {
  const subjectFees = qualification.subjects.map((subject) => subject.feeFen);
  if (subjectFees.length > 0 && subjectFees.every((fee) => fee !== undefined)) {
    const [first] = subjectFees as number[];
    const same = (subjectFees as number[]).every((fee) => fee === first);
    return same
      ? t('plan.fee.perSubject', { amount: fen(first!) })
      : fen((subjectFees as number[]).reduce((sum, fee) => sum + fee, 0));
  }
  if (qualification.feeFen !== undefined) return fen(qualification.feeFen);
  if (level.feeFen !== undefined) return fen(level.feeFen);
  return t('plan.fee.unknown');
}
