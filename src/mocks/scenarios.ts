/**
 * Named scenarios of the mock exam office (what QA picks in the demo and Storybook) and the fault
 * knobs the handlers apply to every request.
 */
import type { OperationName } from '../services/contract.js';
import type { RegistrationTiming } from './seed.js';

/** The office's named behaviours. */
export const SCENARIOS = [
  'happy-path',
  'review-rejected',
  'registration-closed',
  'payment-expired',
  'payment-failed',
  'backend-down',
  'slow-network',
] as const;

/** One of {@link SCENARIOS}. */
export type ScenarioName = (typeof SCENARIOS)[number];

/**
 * How requests fail: `http-500`/`http-503` answer that status, `network` is a network error
 * (`HttpResponse.error()`), `malformed-json` a 200 whose body is `{not json`, `invalid-schema` a
 * 200 JSON of the wrong shape, `timeout` never answers (within 60 s), `none` answers normally.
 */
export const FAULT_MODES = ['none', 'http-500', 'http-503', 'network', 'malformed-json', 'invalid-schema', 'timeout'] as const;

/** One of {@link FAULT_MODES}. */
export type FaultMode = (typeof FAULT_MODES)[number];

/** The fault knobs of an office, read by the handlers on every request. */
export interface Faults {
  /** Delay before every answer, in milliseconds. */
  latencyMs: number;
  /** How requests fail. */
  down: FaultMode;
  /** When set, the latency and `down` apply only to these operations. */
  only?: OperationName[];
}

/** What a scenario changes in the office. */
export interface ScenarioBehaviour {
  /** Where the registration window lies. */
  registration: RegistrationTiming;
  /** When set, a first submission is rejected by the reviewer right away with this reason. */
  autoRejectReason?: string;
  /** Payment orders are created already expired. */
  ordersExpired: boolean;
  /** When set, a payment fails with this reason instead of succeeding (first status poll: paying, next: failed). */
  paymentFailureReason?: string;
  /** Faults the scenario sets; `latencyMs` unset keeps the office's base latency. */
  faults: Partial<Faults>;
}

/** The reviewer's reason in the `review-rejected` scenario. */
export const REJECTION_REASON = '照片背景不是白色，请重新上传符合要求的照片。';

/** The gateway's reason in the `payment-failed` scenario. */
export const PAYMENT_FAILURE_REASON = '支付失败：银行卡余额不足，请更换支付方式后重新支付。';

/** What each scenario does. */
export const SCENARIO_BEHAVIOURS: Readonly<Record<ScenarioName, Readonly<ScenarioBehaviour>>> = {
  'happy-path': { registration: 'open', ordersExpired: false, faults: {} },
  'review-rejected': { registration: 'open', ordersExpired: false, autoRejectReason: REJECTION_REASON, faults: {} },
  'registration-closed': { registration: 'closed', ordersExpired: false, faults: {} },
  'payment-expired': { registration: 'open', ordersExpired: true, faults: {} },
  'payment-failed': { registration: 'open', ordersExpired: false, paymentFailureReason: PAYMENT_FAILURE_REASON, faults: {} },
  'backend-down': { registration: 'open', ordersExpired: false, faults: { down: 'http-503' } },
  'slow-network': { registration: 'open', ordersExpired: false, faults: { latencyMs: 3000 } },
};

/** Whether `value` names a scenario. */
export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}
