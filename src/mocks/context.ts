/**
 * What the office's rule modules work on: the state, the clock and the scenario's behaviour.
 * `ExamOffice` builds one per call; the modules never keep it.
 */
import type { ScenarioBehaviour } from './scenarios.js';
import type { OfficeState } from './state.js';

/** The state, the clock and the scenario, for one call into the office. */
export interface OfficeContext {
  readonly state: OfficeState;
  readonly behaviour: Readonly<ScenarioBehaviour>;
  /** The office's clock. */
  now(): Date;
  /** The office's clock in epoch milliseconds. */
  nowMs(): number;
  /** The office's clock as `YYYY-MM-DDTHH:mm:ss+08:00`. */
  iso(): string;
  /** The next number of the office's counter (ids, serials, seats). */
  next(): number;
}

/** Deep copy, so no caller ever holds the office's own objects. */
export const copy = <T>(value: T): T => structuredClone(value);
