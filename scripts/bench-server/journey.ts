/**
 * The requests autocannon sends: the journey mix (one virtual candidate per connection, from
 * captcha to 报名表, then a new candidate) and the read-only mix (the round, with its notice and
 * plan, and the anonymous session, as the pages around the elements cause).
 *
 * Each virtual candidate comes from an address of its own through `X-Forwarded-For`: the bench's
 * server trusts a proxy (`RK_TRUST_PROXY=true`, as the README's deployment behind nginx does), so
 * the production rate limits stay as they are and still count every request.
 */
import type { Request as AutocannonRequest } from 'autocannon';
import { portraitJpeg } from '../../conformance/data/photos.js';
import { mobileNumber, personName, residentId, type ResidentId } from '../../conformance/data/people.js';
import { SEED_APPLICATION } from '../../src/mocks/candidate.js';

export const OFFICE_KEY = 'bench-office-key-0123456789';
export const PASSWORD = 'Kaoshi2026ok';

/** Operations that exist only because the bench has no human: reading the captcha and the SMS code. */
export const BENCH_ONLY = new Set(['test: captcha answer', 'test: sms code']);

/** What the bench learns from acknowledged answers (the fault scenarios check them against the database). */
export interface Acknowledged {
  submissions: Map<string, string>;
  orders: Map<string, string>;
  payments: Set<string>;
  drafts: Map<string, string>;
}
export const newAcknowledged = (): Acknowledged => ({ submissions: new Map(), orders: new Map(), payments: new Set(), drafts: new Map() });

interface Context {
  address: string;
  account: string;
  identity: ResidentId;
  name: string;
  captchaId?: string;
  captchaAnswer?: string;
  code?: string;
  token?: string;
  applicationId?: string;
  orderId?: string;
  paid?: boolean;
  broken?: boolean;
  draftNo?: number;
  [key: string]: unknown;
}

type Step = AutocannonRequest & { op: string };

let addressNo = 0;
/** A new address for a virtual candidate (10.0.0.0/8: 16 million before it wraps). */
const nextAddress = () => {
  addressNo = (addressNo + 1) % 16_000_000;
  return `10.${(addressNo >> 16) & 255}.${(addressNo >> 8) & 255}.${addressNo & 255}`;
};
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const key = () => `b${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;

const BOUNDARY = '----rkbench7d1f0c';
const PHOTO_BODY = (() => {
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  return Buffer.concat([head, Buffer.from(portraitJpeg()), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
})();

const json = (body: unknown) => JSON.stringify(body);
const parse = (body: string): Record<string, unknown> => {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** A step: its request built from the candidate's context (null ends the journey early: a new candidate starts). */
function step(op: string, build: (context: Context) => Partial<AutocannonRequest> | null, learn?: (body: Record<string, unknown>, context: Context, status: number) => void, needs = true): Step {
  return {
    op,
    setupRequest: ((request: AutocannonRequest, context: Context) => {
      if (context.broken) return null;
      const built = build(context);
      if (!built) return null;
      const headers: Record<string, string> = { Accept: 'application/json', 'X-Forwarded-For': context.address, ...(built.headers as Record<string, string> | undefined) };
      if (context.token && !headers['X-Office-Key']) headers.Authorization = `Bearer ${context.token}`;
      if (typeof built.body === 'string') headers['Content-Type'] ??= 'application/json';
      return { ...request, ...built, headers };
    }) as AutocannonRequest['setupRequest'],
    onResponse: ((status: number, body: string, context: Context) => {
      if (status >= 200 && status < 300) learn?.(parse(body), context, status);
      else if (needs) context.broken = true;
    }) as AutocannonRequest['onResponse'],
  } as Step;
}

/** The journey of one candidate: about 33 requests, 2 of them scrypt (register, login). */
export function journey(base: string, ack: Acknowledged): Step[] {
  const start: Step = {
    op: 'round',
    setupRequest: ((request: AutocannonRequest, context: Context) => {
      for (const name of Object.keys(context)) delete context[name];
      let identity = residentId(today());
      while (identity.validTo === null) identity = residentId(today());
      Object.assign(context, { address: nextAddress(), account: mobileNumber(), identity, name: personName(), draftNo: 0 });
      return { ...request, method: 'GET', path: `${base}/exam-session`, headers: { Accept: 'application/json', 'X-Forwarded-For': context.address } };
    }) as AutocannonRequest['setupRequest'],
  } as Step;
  const captcha = () => [
    step('captcha', () => ({ method: 'GET', path: `${base}/captcha` }), (body, context) => (context.captchaId = String(body.id))),
    step(
      'test: captcha answer',
      (context) => ({ method: 'GET', path: `${base}/office/test/captchas/${context.captchaId}`, headers: { 'X-Office-Key': OFFICE_KEY } }),
      (body, context) => (context.captchaAnswer = String(body.answer)),
    ),
  ];
  const draft = (fields: Record<string, string>) =>
    step('draft save', () => ({ method: 'PUT', path: `${base}/application/draft`, body: json(fields) }), (_body, context) => ack.drafts.set(context.account, json(fields)));
  const poll = () =>
    step('payment status', (context) => ({ method: 'GET', path: `${base}/payment/orders/${context.orderId}` }), (body, context) => {
      if (body.status === 'paid') {
        context.paid = true;
        ack.payments.add(String(context.orderId));
      }
    });
  return [
    start,
    ...captcha(),
    step('send code', (context) => ({ method: 'POST', path: `${base}/account/verification-code`, body: json({ channel: 'sms', target: context.account, purpose: 'register', captchaId: context.captchaId, captchaAnswer: context.captchaAnswer }) })),
    step('test: sms code', (context) => ({ method: 'GET', path: `${base}/office/test/verification-codes/${context.account}`, headers: { 'X-Office-Key': OFFICE_KEY } }), (body, context) => (context.code = String(body.code))),
    step('register (scrypt)', (context) => ({ method: 'POST', path: `${base}/account/register`, body: json({ accountType: 'phone', account: context.account, password: PASSWORD, code: context.code }) })),
    ...captcha(),
    step(
      'login (scrypt)',
      (context) => ({ method: 'POST', path: `${base}/account/login`, body: json({ account: context.account, password: PASSWORD, captchaId: context.captchaId, captchaAnswer: context.captchaAnswer }) }),
      (body, context) => (context.token = String(body.token)),
    ),
    step('session', () => ({ method: 'GET', path: `${base}/account/session` })),
    step('real-name', (context) => ({
      method: 'POST',
      path: `${base}/account/real-name`,
      body: json({ name: context.name, documentType: 'resident-id', documentNumber: context.identity.number, validFrom: context.identity.validFrom, validTo: context.identity.validTo }),
    })),
    draft({ employer: '云南省某单位' }),
    draft({ employer: '云南省某单位', school: '云南大学' }),
    draft({ employer: '云南省某单位', school: '云南大学', major: '计算机科学与技术' }),
    step('photo upload', () => ({ method: 'POST', path: `${base}/application/photo`, body: PHOTO_BODY, headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` } })),
    draft({ employer: '云南省某单位', school: '云南大学', major: '计算机科学与技术', workLocation: '昆明市' }),
    step('application', () => ({ method: 'GET', path: `${base}/application` })),
    step(
      'submit',
      (context) => ({
        method: 'POST',
        path: `${base}/application/submit`,
        headers: { 'Idempotency-Key': key() },
        body: json({ ...SEED_APPLICATION, name: context.name, documentNumber: context.identity.number, gender: context.identity.gender, birthDate: context.identity.birthDate, mobile: context.account }),
      }),
      (body, context) => {
        context.applicationId = String(body.id);
        ack.submissions.set(context.applicationId, context.account);
      },
    ),
    step('office: review', (context) => ({ method: 'POST', path: `${base}/office/applications/${context.applicationId}/review`, headers: { 'X-Office-Key': OFFICE_KEY }, body: json({ result: 'approved' }) })),
    step('application', () => ({ method: 'GET', path: `${base}/application` })),
    step('order', () => ({ method: 'POST', path: `${base}/payment/orders`, headers: { 'Idempotency-Key': key() }, body: json({ channel: 'alipay' }) }), (body, context) => {
      context.orderId = String(body.id);
      ack.orders.set(context.orderId, context.account);
    }),
    poll(),
    poll(),
    // The candidate pays at the gateway's cashier; the gateway then notifies the server (a request the bench does not time).
    step('gateway: pay', (context) => ({ method: 'POST', path: `/sim-gateway/trades/${encodeURIComponent(String(context.orderId))}/pay`, body: '{}' })),
    poll(),
    poll(),
    poll(),
    step('报名表', (context) => (context.paid ? { method: 'GET', path: `${base}/registration-slip` } : null)),
    step('session', () => ({ method: 'GET', path: `${base}/account/session` })),
  ];
}

/** The read-only mix: the round (notice, plan, regions) twice for each anonymous session check. */
export function readOnly(base: string): Step[] {
  const read = (op: string, path: string): Step =>
    ({ op, setupRequest: ((request: AutocannonRequest) => ({ ...request, method: 'GET', path, headers: { Accept: 'application/json', 'X-Forwarded-For': nextAddress() } })) as AutocannonRequest['setupRequest'] }) as Step;
  return [read('round (notice, plan)', `${base}/exam-session`), read('session (anonymous)', `${base}/account/session`), read('round (notice, plan)', `${base}/exam-session`)];
}
