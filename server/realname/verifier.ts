/**
 * Real-name verification: the national ID check a province contracts (公安部 identity
 * verification through a licensed service) is out of reach here, so the interface stands for it.
 * The default applies the ID rules (`src/services/rules/accounts.ts`): GB 11643 numbers are
 * verified at once; documents without one go to the office's manual review; a configured list
 * of numbers can be put to manual review too (a case the office must look at).
 */
import type { RealNameInput } from '../../src/services/schemas.js';
import type { CheckedDocument } from '../../src/services/rules/accounts.js';

/** What a verifier decides. */
export type Verdict =
  | { outcome: 'verified' }
  | { outcome: 'pending'; reason: string }
  | { outcome: 'mismatch' };

export interface RealNameVerifier {
  readonly name: string;
  verify(input: RealNameInput, document: CheckedDocument, now: Date): Promise<Verdict>;
}

/** The ID rules: a GB 11643 number is verified; other documents and listed numbers wait for manual review. */
export class IdRulesVerifier implements RealNameVerifier {
  readonly name = 'id-rules';
  constructor(private readonly manualReview: ReadonlySet<string> = new Set()) {}

  async verify(_input: RealNameInput, document: CheckedDocument): Promise<Verdict> {
    if (this.manualReview.has(document.number)) return { outcome: 'pending', reason: '您的证件信息需由考区人工核验，请于1个工作日后登录查看结果。' };
    return document.info ? { outcome: 'verified' } : { outcome: 'pending', reason: '港澳台居民及外籍人员证件需由考区人工核验，请于1个工作日后登录查看结果。' };
  }
}
