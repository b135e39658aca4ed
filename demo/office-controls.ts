/**
 * Demo only: what the QA panel can make the exam office do, on either backend of the demo page:
 * the mock office in the browser (`npm start`: every control, scenarios and a seeded candidate
 * included) or the reference server (`npm run server`: the office API with the development staff
 * key, and the server's simulated payment gateway). Server actions act on the signed-in
 * candidate's application and order, found through the candidate's own API (the cookie).
 */
import type { ExamOffice, ScenarioName } from '../src/mocks/index.js';
import type { Application, CurrentPayment } from '../src/services/schemas.js';

/** The stages the panel can sign the seeded candidate in at (mock only). */
export type SeedStage = 'registered' | 'verified' | 'submitted' | 'rejected' | 'approved' | 'paid' | 'ticket' | 'scored' | 'certified';

/** The office's part, as the QA panel plays it. Optional members exist on one backend only. */
export interface DemoOfficeControls {
  readonly backend: 'mock' | 'server';
  /** The current scenario and how to change it (mock). */
  readonly scenario?: ScenarioName;
  setScenario?(name: ScenarioName): void;
  /** Seeds 张三 at a stage and signs him in (mock). */
  signInSeeded?(stage: SeedStage): Promise<void>;
  approve(): Promise<unknown>;
  reject(reason: string): Promise<unknown>;
  /** The office confirms the open order as paid (office API). */
  markPaid(): Promise<unknown>;
  /** The candidate pays at the gateway, which notifies the server (server). */
  payAtGateway?(): Promise<unknown>;
  failPayment(reason: string): Promise<unknown>;
  expireOrders?(): Promise<unknown>;
  answerChangeRequest(approved: boolean, response: string): Promise<unknown>;
  publishTickets(): Promise<unknown>;
  publishScores(): Promise<unknown>;
  issueCertificates(): Promise<unknown>;
  /** The last verification code sent to a phone or e-mail (server: the test API; the mock always takes 123456). */
  sentCode?(target: string): Promise<string>;
  /** Forgets the demo's data (mock: everything; server: signs out). */
  reset(): Promise<void>;
}

/** The mock office's controls: its QA methods. */
export function mockControls(office: ExamOffice, hooks: { signInSeeded: () => Promise<void>; forget: () => void }): DemoOfficeControls {
  const run = async (action: () => unknown) => action();
  return {
    backend: 'mock',
    get scenario() {
      return office.scenario;
    },
    setScenario: (name) => office.setScenario(name),
    signInSeeded: async (stage) => {
      office.seedCandidate({ stage });
      await hooks.signInSeeded();
    },
    approve: () => run(() => office.approve()),
    reject: (reason) => run(() => office.reject(reason)),
    markPaid: () => run(() => office.markPaid()),
    failPayment: (reason) => run(() => office.failPayment(reason)),
    expireOrders: () => run(() => office.expireOrders()),
    answerChangeRequest: (approved, response) => run(() => office.answerChangeRequest(approved, response)),
    publishTickets: () => run(() => office.publishTickets()),
    publishScores: () => run(() => office.publishScores()),
    issueCertificates: () => run(() => office.issueCertificates()),
    reset: async () => hooks.forget(),
  };
}

/** What the server tells its demo page (`/demo-config.json`, development only). */
export interface ServerDemoConfig {
  apiBase: string;
  officeKey: string;
  /** The simulated gateway's base path, or null when the server uses another gateway. */
  gateway: string | null;
}

/** The reference server's controls: the office API and the simulated gateway over HTTP. */
export function serverControls(config: ServerDemoConfig, hooks: { signOut: () => Promise<void> }): DemoOfficeControls {
  const api = config.apiBase.replace(/\/$/, '');
  const call = async <T>(method: string, path: string, body?: unknown, office = false): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (office) headers['X-Office-Key'] = config.officeKey;
    const response = await fetch(path.startsWith('/') ? path : `${api}/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    const answer = (await response.json().catch(() => null)) as (T & { message?: string }) | null;
    if (!response.ok) throw new Error(answer?.message ?? `HTTP ${response.status}`);
    return answer as T;
  };
  const application = async (): Promise<Application> => {
    const { application } = await call<{ application: Application | null }>('GET', 'application');
    if (!application) throw new Error('当前登录的考生还没有报名');
    return application;
  };
  const openOrder = async () => {
    const { order, status } = await call<CurrentPayment>('GET', 'payment/current');
    if (!order || !status || (status.status !== 'unpaid' && status.status !== 'paying')) throw new Error('没有待支付的订单');
    return order;
  };
  const gateway = async (action: 'pay' | 'fail', body: unknown) => {
    if (!config.gateway) throw new Error('服务器未使用模拟支付网关');
    const order = await openOrder();
    return call('POST', `${config.gateway}/trades/${encodeURIComponent(order.id)}/${action}`, body);
  };
  return {
    backend: 'server',
    approve: async () => call('POST', `office/applications/${encodeURIComponent((await application()).id)}/review`, { result: 'approved' }, true),
    reject: async (reason) => call('POST', `office/applications/${encodeURIComponent((await application()).id)}/review`, { result: 'rejected', reason }, true),
    markPaid: async () => call('POST', `office/payments/${encodeURIComponent((await openOrder()).id)}/mark-paid`, undefined, true),
    payAtGateway: () => gateway('pay', {}),
    failPayment: (reason) => gateway('fail', { reason }),
    answerChangeRequest: async (approved, response) =>
      call('POST', `office/applications/${encodeURIComponent((await application()).id)}/change-request/answer`, { approved, response }, true),
    publishTickets: () => call('POST', 'office/tickets/publish', undefined, true),
    publishScores: async () => {
      const mine = await application();
      const subjects = Array.isArray(mine.fields.subjectIds) ? mine.fields.subjectIds.length : 2;
      return call('POST', 'office/scores/publish', { results: [{ applicationId: mine.id, scores: [52, 48, 47].slice(0, Math.max(1, subjects)) }] }, true);
    },
    issueCertificates: () => call('POST', 'office/certificates/issue', undefined, true),
    sentCode: async (target) => (await call<{ code: string }>('GET', `office/test/verification-codes/${encodeURIComponent(target)}`, undefined, true)).code,
    reset: () => hooks.signOut(),
  };
}
