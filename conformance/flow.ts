/**
 * Steps and what they depend on. A step names the facts it needs (the exam session, a
 * candidate, the application, …) and those it provides; when a needed fact is missing the step is
 * skipped and the report says which earlier step failed (or which option left it out). A step
 * that stops on an answer it cannot use fails; anything a step throws that is not the kit's own
 * "cannot go on" is reported too, so no answer can crash the kit.
 */
import { StepFailed, Stopped } from './kit.js';
import type { Recorder } from './report.js';

interface Missing {
  because: string;
  cause: 'failure' | 'option';
}

export class Flow<Facts extends object> {
  readonly facts: Partial<Facts> = {};
  readonly #missing = new Map<keyof Facts, Missing>();

  constructor(readonly recorder: Recorder) {}

  /** Marks a fact as unavailable for a reason (an option, or a failure found outside a step). */
  unavailable(fact: keyof Facts, because: string, cause: Missing['cause']): void {
    this.#missing.set(fact, { because, cause });
  }

  /** The reason a fact is missing, if it is. */
  whyMissing(fact: keyof Facts): string | undefined {
    return this.facts[fact] === undefined ? (this.#missing.get(fact)?.because ?? 'no step provided it') : undefined;
  }

  /**
   * Runs a step unless a fact it needs is missing. `provides` names the facts the step sets:
   * when it fails, those are marked as missing because of it.
   */
  async step(name: string, needs: Array<keyof Facts>, provides: Array<keyof Facts>, run: () => Promise<void>): Promise<boolean> {
    for (const fact of needs) {
      if (this.facts[fact] !== undefined) continue;
      const missing = this.#missing.get(fact) ?? { because: `needs ${String(fact)}, which no step provided`, cause: 'failure' as const };
      this.recorder.skip(name, missing.because, missing.cause);
      for (const provided of provides) if (!this.#missing.has(provided)) this.#missing.set(provided, missing);
      return false;
    }
    try {
      await run();
      for (const fact of provides) {
        if (this.facts[fact] === undefined && !this.#missing.has(fact)) this.#missing.set(fact, { because: `step "${name}" did not provide ${String(fact)}`, cause: 'failure' });
      }
      return true;
    } catch (error) {
      if (error instanceof Stopped) this.recorder.skip(name, 'the run was stopped before this step could finish', 'failure');
      else if (!(error instanceof StepFailed)) {
        this.recorder.note(`step "${name}" stopped on an answer the kit could not use: ${error instanceof Error ? error.message : String(error)}`);
        this.recorder.kitErrors += 1;
      }
      for (const fact of provides) {
        if (this.facts[fact] === undefined) this.#missing.set(fact, { because: `skipped because step "${name}" failed`, cause: 'failure' });
      }
      return false;
    }
  }
}
