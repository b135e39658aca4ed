/**
 * What the kit checks without a session: the round, the captcha, 401 UNAUTHENTICATED on every
 * operation that needs a session, the answers of getSession and logout without one, the request
 * body rules (400, 415, 413, 422) and the office API's refusal without its staff key.
 */
import { portraitJpeg } from '../data/photos.js';
import { mobileNumber } from '../data/people.js';
import type { Candidate } from '../kit.js';
import type { Context, ExamSessionView } from './context.js';

/** A request of each operation good enough to reach the check under test (the session, the staff key). */
export function placeholderRequest(ctx: Context, operationId: string): { params: Record<string, string>; json?: unknown; form?: FormData } {
  const operation = ctx.kit.doc.operation(operationId);
  const params = Object.fromEntries([...operation.pathParams.keys()].map((name) => [name, `kit-unknown-${name}`]));
  if (operation.multipart) {
    const form = new FormData();
    form.append('photo', new Blob([portraitJpeg() as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), 'photo.jpg');
    return { params, form };
  }
  return operation.requestPointer ? { params, json: {} } : { params };
}

const PADDING_BYTES = 128 * 1024;

export async function anonymousSteps(ctx: Context): Promise<void> {
  const { kit, flow } = ctx;

  await flow.step('the round (exam session)', [], ['exam'], async () => {
    flow.facts.exam = kit.need<ExamSessionView>(await kit.call('the round (exam session)', 'getExamSession', { expect: 'ok' }));
  });

  await flow.step('captcha', [], [], async () => {
    kit.need(await kit.call('captcha', 'getCaptcha', { expect: 'ok' }));
  });

  const sessionOperations = [...kit.doc.operations.values()].filter((operation) => operation.auth === 'required');
  await flow.step('401 without a session, on every operation that needs one', [], [], async () => {
    const step = '401 without a session, on every operation that needs one';
    for (const operation of sessionOperations) {
      await kit.call(step, operation.id, { ...placeholderRequest(ctx, operation.id), invalid: true, as: null, expect: 'UNAUTHENTICATED' });
    }
  });

  await flow.step('401 with an unknown bearer token or session cookie', [], [], async () => {
    const step = '401 with an unknown bearer token or session cookie';
    const strangers: Candidate[] = [
      { label: 'unknown token', account: '', password: '', mode: 'bearer', token: 'kit-unknown-token-0000000000000000' },
      { label: 'unknown cookie', account: '', password: '', mode: 'cookie', cookie: 'kit-unknown-session-0000000000000000', csrfToken: 'kit-unknown-csrf' },
    ];
    for (const as of strangers) {
      for (const id of ['getApplication', 'saveApplicationDraft']) {
        await kit.call(step, id, { ...placeholderRequest(ctx, id), invalid: true, as, expect: 'UNAUTHENTICATED' });
      }
      const session = await kit.call(step, 'getSession', { as, expect: 'ok' });
      if (session.met && session.conforming) kit.check(session, (session.body as { session: unknown }).session === null, 'body/session', `must be null with an unknown ${as.mode === 'bearer' ? 'bearer token' : 'session cookie'}`);
    }
  });

  await flow.step('getSession and logout without a session', [], [], async () => {
    const step = 'getSession and logout without a session';
    const session = await kit.call(step, 'getSession', { as: null, expect: 'ok' });
    if (session.met && session.conforming) kit.check(session, (session.body as { session: unknown }).session === null, 'body/session', 'must be null without a session', { expected: null, got: (session.body as { session: unknown }).session });
    const logout = await kit.call(step, 'logout', { as: null, expect: 'ok' });
    if (logout.met && logout.conforming) kit.check(logout, (logout.body as { ok: unknown }).ok === true, 'body/ok', 'must be true');
  });

  await flow.step('request bodies: malformed JSON, another content type, too large, against the schema', [], [], async () => {
    await bodyRules(ctx, 'request bodies: malformed JSON, another content type, too large, against the schema', 'login', null, {
      account: mobileNumber(),
      password: 'Kit123456pw',
      captchaId: 'kit-captcha',
      captchaAnswer: 'KIT',
    });
  });

  if (ctx.kit.options.officeUrl) {
    await flow.step('office API: the staff key', [], ['office'], async () => {
      const step = 'office API: the staff key';
      const answer = await kit.call(step, 'getReviewQueue', { expect: 'ok' });
      if (answer.code === 'FORBIDDEN') {
        kit.recorder.note('the office API refused the staff key (403 FORBIDDEN): pass the office\'s key with --office-key');
      }
      kit.need(answer);
      flow.facts.office = true;
    });
    await flow.step('office API without the staff key, or with a wrong one: 403 FORBIDDEN', [], [], async () => {
      const step = 'office API without the staff key, or with a wrong one: 403 FORBIDDEN';
      for (const operation of [...kit.doc.operations.values()].filter((entry) => entry.auth === 'office')) {
        await kit.call(step, operation.id, { ...placeholderRequest(ctx, operation.id), invalid: true, officeKey: 'omit', expect: 'FORBIDDEN' });
      }
      await kit.call(step, 'getReviewQueue', { officeKey: { value: `${kit.options.officeKey}-wrong` }, expect: 'FORBIDDEN' });
    });
  }
}

/**
 * The body rules of an operation with a JSON body: malformed JSON → 400 MALFORMED_REQUEST,
 * another content type → 415, a body past the limit → 413 with details.maxBytes, a body against
 * the schema → 422 VALIDATION with a message at the broken field.
 */
export async function bodyRules(ctx: Context, step: string, operationId: string, as: Candidate | null, valid: Record<string, unknown>): Promise<void> {
  const { kit } = ctx;
  const json = JSON.stringify(valid);
  await kit.call(step, operationId, { as, raw: { body: json.slice(0, -3), contentType: 'application/json' }, expect: 'MALFORMED_REQUEST' });
  await kit.call(step, operationId, { as, raw: { body: json, contentType: 'text/plain;charset=UTF-8' }, expect: 'UNSUPPORTED_MEDIA_TYPE' });
  const padded = JSON.stringify({ ...valid, kitPadding: 'x'.repeat(PADDING_BYTES) });
  await kit.call(step, operationId, { as, raw: { body: padded, contentType: 'application/json' }, expect: 'PAYLOAD_TOO_LARGE' });
  const [field] = Object.keys(valid);
  const broken = { ...valid, [field!]: { kit: 'not a value of this field' } };
  const answer = await kit.call(step, operationId, { as, json: broken, invalid: true, expect: 'VALIDATION' });
  if (answer.met && answer.conforming) {
    const fields = (answer.body as { details: { fields: Record<string, string> } }).details.fields;
    kit.check(answer, field! in fields, `body/details/fields/${field}`, `must name the field the request broke (${field}); details.fields has ${Object.keys(fields).join(', ') || 'nothing'}`);
  }
}
