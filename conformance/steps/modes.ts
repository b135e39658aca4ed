/**
 * The session checks in each mode the backend offers, each with a new candidate: the session
 * with the cookie alone (no Authorization) or the bearer token alone; in cookie mode the CSRF
 * token answered again by getSession, and every POST and PUT with the cookie but without the
 * CSRF header (or with a wrong one) refused with 403 CSRF_FAILED; a candidate's session never
 * opens the office API; an ID number verified by another account (ACCOUNT_EXISTS); logout. Then
 * the windows: the clock moved past the registration window and before it (WINDOW_CLOSED,
 * WINDOW_NOT_OPEN), and back.
 */
import type { Candidate, Mode } from '../kit.js';
import { placeholderRequest } from './anonymous.js';
import { backendToday, verifyRealName } from './application.js';
import { mobileNumber, password } from '../data/people.js';
import { wrongCode } from './accounts.js';
import { type Context, DAY, MINUTE, moveClock, registerCandidate, sentCode, signIn, solvedCaptcha } from './context.js';
import { logoutChecks } from './office-journey.js';

export async function modeSteps(ctx: Context): Promise<void> {
  const { kit, flow } = ctx;
  for (const mode of ['cookie', 'bearer'] as Mode[]) {
    const label = mode === 'cookie' ? 'cookie mode: the session cookie alone, with the CSRF header' : 'bearer mode: the token alone';
    if (flow.facts.a && !kit.modes.has(mode)) {
      kit.recorder.note(`the backend does not offer ${mode} mode (${mode === 'cookie' ? `no ${kit.doc.names.sessionCookie} cookie at registration` : 'no token at registration'}): its checks were not run`);
      continue;
    }
    await flow.step(label, ['a'], mode === 'cookie' || !flow.facts.spare ? ['spare'] : [], async () => {
      const candidate = await registerCandidate(ctx, label, `C (${mode})`, mode);
      if (candidate.mode !== mode) return;
      await sessionChecks(ctx, label, candidate);
      const other = flow.facts.aVerified;
      if (other) {
        // An ID number verified by another account.
        await kit.call(label, 'verifyRealName', {
          as: candidate,
          json: { name: other.identity.name, documentType: 'resident-id', documentNumber: other.identity.number, validFrom: other.identity.validFrom, validTo: other.identity.validTo },
          expect: 'ACCOUNT_EXISTS',
        });
      }
      const verified = await verifyRealName(ctx, label, candidate, backendToday(ctx));
      if (mode === 'cookie') await csrfChecks(ctx, 'cookie mode: every POST and PUT without the CSRF header: 403 CSRF_FAILED', candidate);
      if (flow.facts.office) await kit.call(label, 'getReviewQueue', { as: candidate, officeKey: 'omit', expect: 'FORBIDDEN' });
      await logoutChecks(ctx, `${label}: logout`, candidate);
      flow.facts.spare ??= verified;
    });
  }
}

/** The session in the candidate's mode alone. */
async function sessionChecks(ctx: Context, step: string, candidate: Candidate): Promise<void> {
  const { kit } = ctx;
  const answer = await kit.call(step, 'getSession', { as: candidate, expect: 'ok' });
  const state = kit.need<{ session: { user: { account: string } } | null; csrfToken?: string }>(answer);
  const carrier = candidate.mode === 'cookie' ? `the ${kit.doc.names.sessionCookie} cookie alone (no Authorization)` : 'the bearer token alone (no cookie)';
  kit.check(answer, state.session !== null, 'body/session', `must be the signed-in candidate with ${carrier}; got null`, { expected: candidate.account, got: null });
  if (candidate.mode === 'cookie') {
    kit.check(answer, state.csrfToken === candidate.csrfToken, 'body/csrfToken', 'cookie mode: getSession answers the session\'s CSRF token again (a reloaded page needs it)', { expected: candidate.csrfToken, got: state.csrfToken ?? '(absent)' });
  }
  await kit.call(step, 'getApplication', { as: candidate, expect: 'ok' });
  if (candidate.mode === 'bearer' && kit.modes.has('cookie')) {
    // When both are sent, the bearer token wins.
    const both = await kit.call(step, 'getSession', { as: candidate, headers: { Cookie: `${kit.doc.names.sessionCookie}=kit-unknown-session` }, expect: 'ok' });
    if (both.met && both.conforming) kit.check(both, (both.body as { session: unknown }).session !== null, 'body/session', 'with a bearer token and a session cookie, the bearer token wins', { expected: candidate.account, got: null });
  }
}

/** Every POST and PUT that takes the CSRF header, with the cookie and without it: 403 CSRF_FAILED; a wrong one too. */
async function csrfChecks(ctx: Context, step: string, candidate: Candidate): Promise<void> {
  const { kit } = ctx;
  for (const operation of [...kit.doc.operations.values()].filter((entry) => entry.csrf && entry.auth !== 'office' && entry.method !== 'GET')) {
    await kit.call(step, operation.id, { ...placeholderRequest(ctx, operation.id), invalid: true, as: candidate, csrf: 'omit', expect: 'CSRF_FAILED' });
  }
  await kit.call(step, 'saveApplicationDraft', { as: candidate, json: { employer: '一致性测试单位' }, csrf: { value: 'kit-wrong-csrf-token' }, expect: 'CSRF_FAILED' });
}

/**
 * Password reset (the spare candidate): the clock moved past the resend wait of its registration
 * code, a reset code, a wrong code (CODE_WRONG), an unknown account (ACCOUNT_UNKNOWN), the reset,
 * which ends the account's sessions; the old password refused, the new one signs in.
 */
export async function passwordResetSteps(ctx: Context): Promise<void> {
  const { kit, flow } = ctx;
  await flow.step('password reset: wrong code, unknown account, the reset ends every session', ['spare', 'testApi'], [], async () => {
    const step = 'password reset: wrong code, unknown account, the reset ends every session';
    const { candidate } = flow.facts.spare!;
    await signIn(ctx, step, candidate);
    // The registration code went to this number a moment ago: another one only after its resend wait.
    await moveClock(ctx, step, new Date(Date.now() + 10 * MINUTE).toISOString());
    const captcha = await solvedCaptcha(ctx, step);
    kit.need(await kit.call(step, 'sendVerificationCode', { json: { channel: 'sms', target: candidate.account, purpose: 'reset-password', ...captcha }, expect: 'ok' }));
    const code = await sentCode(ctx, step, candidate.account);
    const newPassword = password();
    await kit.call(step, 'resetPassword', { json: { account: candidate.account, code: wrongCode(code), newPassword }, expect: 'CODE_WRONG' });
    await kit.call(step, 'resetPassword', { json: { account: mobileNumber(), code, newPassword }, expect: 'ACCOUNT_UNKNOWN' });
    kit.need(await kit.call(step, 'resetPassword', { json: { account: candidate.account, code, newPassword }, expect: 'ok' }));
    const oldPassword = candidate.password;
    candidate.password = newPassword;
    await kit.call(step, 'getApplication', { as: candidate, expect: 'UNAUTHENTICATED' });
    const login = await solvedCaptcha(ctx, step);
    await kit.call(step, 'login', { json: { account: candidate.account, password: oldPassword, ...login }, expect: 'PASSWORD_WRONG' });
    await signIn(ctx, step, candidate);
  });
}

export async function windowSteps(ctx: Context): Promise<void> {
  const { kit, flow } = ctx;
  await flow.step('the registration window: WINDOW_CLOSED after it, WINDOW_NOT_OPEN before it (the clock moved)', ['spare', 'testApi', 'exam'], [], async () => {
    const step = 'the registration window: WINDOW_CLOSED after it, WINDOW_NOT_OPEN before it (the clock moved)';
    const { candidate } = flow.facts.spare!;
    const window = flow.facts.exam!.registrationWindow;
    // A failure on the way leaves the clock moved: runConformance() puts it back whatever happens.
    await moveClock(ctx, step, new Date(Date.parse(window.closesAt) + DAY).toISOString());
    await signIn(ctx, step, candidate);
    const closed = await kit.call(step, 'saveApplicationDraft', { as: candidate, json: { employer: '一致性测试单位' }, expect: 'WINDOW_CLOSED' });
    const closedAt = (closed.body as { details?: { closedAt?: string } } | undefined)?.details?.closedAt;
    if (closed.met && closed.conforming) kit.check(closed, Date.parse(closedAt!) === Date.parse(window.closesAt), 'body/details/closedAt', 'must be when the registration window closed', { expected: window.closesAt, got: closedAt });
    await moveClock(ctx, step, new Date(Date.parse(window.opensAt) - DAY).toISOString());
    await signIn(ctx, step, candidate);
    const early = await kit.call(step, 'saveApplicationDraft', { as: candidate, json: { employer: '一致性测试单位' }, expect: 'WINDOW_NOT_OPEN' });
    const opensAt = (early.body as { details?: { opensAt?: string } } | undefined)?.details?.opensAt;
    if (early.met && early.conforming) kit.check(early, Date.parse(opensAt!) === Date.parse(window.opensAt), 'body/details/opensAt', 'must be when the registration window opens', { expected: window.opensAt, got: opensAt });
    await moveClock(ctx, step, null);
  });
}
