/**
 * Accounts: the captcha's answer from the test API, a wrong captcha and a captcha used twice,
 * a wrong code, registration (which tells the session modes), a code asked for again too soon,
 * an account that exists or is unknown, the session, a wrong password with the attempts left,
 * and the lockout after failed logins.
 */
import { mobileNumber, password } from '../data/people.js';
import { StepFailed } from '../kit.js';
import { type Context, registerCandidate, sentCode, solvedCaptcha } from './context.js';

/** Failed logins the kit tries before it concludes the backend never locks an account. */
const MAX_FAILED_LOGINS = 12;

/** A wrong answer for a captcha or code that is not the right one (nor a well-known test value). */
function wrongCaptcha(right: string): string {
  return right.toUpperCase() === 'KITWRONG' ? 'KITWRONGER' : 'KITWRONG';
}

export function wrongCode(right: string): string {
  for (let offset = 1; ; offset++) {
    const candidate = String((Number(right) + offset) % 10 ** right.length).padStart(right.length, '0');
    if (!['000000', '123456', '111111', '888888', '0000', '1234'].includes(candidate)) return candidate;
  }
}

export async function accountSteps(ctx: Context): Promise<void> {
  const { kit, flow } = ctx;

  await flow.step('captcha answers from the office API\'s test part', ['office'], ['testApi'], async () => {
    const step = 'captcha answers from the office API\'s test part';
    const captcha = kit.need<{ id: string }>(await kit.call(step, 'getCaptcha', { expect: 'ok' }), ['/id']);
    const solution = await kit.call(step, 'getCaptchaSolution', { params: { captchaId: captcha.id }, expect: ['ok', 'NOT_FOUND'] });
    if (solution.code === 'NOT_FOUND') {
      flow.unavailable('testApi', 'the office API\'s test part is switched off (404 NOT_FOUND): the journey needs it (captcha answers, codes sent, the clock); run the kit against a test deployment', 'failure');
      kit.recorder.note('the office API\'s test part answered 404 NOT_FOUND: the journey could not run');
      return;
    }
    kit.need(solution, ['/answer']);
    flow.facts.testApi = true;
  });

  await flow.step('a wrong captcha, and a captcha used twice: CAPTCHA_WRONG', ['testApi'], [], async () => {
    const step = 'a wrong captcha, and a captcha used twice: CAPTCHA_WRONG';
    const captcha = await solvedCaptcha(ctx, step);
    const body = { channel: 'sms', target: mobileNumber(), purpose: 'register', captchaId: captcha.captchaId };
    await kit.call(step, 'sendVerificationCode', { json: { ...body, captchaAnswer: wrongCaptcha(captcha.captchaAnswer) }, expect: 'CAPTCHA_WRONG' });
    // Each captcha answers once, right or wrong.
    await kit.call(step, 'sendVerificationCode', { json: { ...body, captchaAnswer: captcha.captchaAnswer }, expect: 'CAPTCHA_WRONG' });
  });

  await flow.step('a wrong verification code: CODE_WRONG', ['testApi'], [], async () => {
    const step = 'a wrong verification code: CODE_WRONG';
    const target = mobileNumber();
    const captcha = await solvedCaptcha(ctx, step);
    kit.need(await kit.call(step, 'sendVerificationCode', { json: { channel: 'sms', target, purpose: 'register', ...captcha }, expect: 'ok' }));
    const code = await sentCode(ctx, step, target);
    await kit.call(step, 'register', { json: { accountType: 'phone', account: target, password: password(), code: wrongCode(code) }, expect: 'CODE_WRONG' });
  });

  await flow.step('registration (candidate A): which session modes the backend offers', ['testApi'], ['a'], async () => {
    flow.facts.a = await registerCandidate(ctx, 'registration (candidate A): which session modes the backend offers', 'A');
  });

  await flow.step('a code asked for again too soon: 429 TOO_MANY_ATTEMPTS with Retry-After', ['testApi'], [], async () => {
    const step = 'a code asked for again too soon: 429 TOO_MANY_ATTEMPTS with Retry-After';
    const target = mobileNumber();
    const first = await solvedCaptcha(ctx, step);
    const sent = kit.need<{ resendAfterSeconds: number }>(await kit.call(step, 'sendVerificationCode', { json: { channel: 'sms', target, purpose: 'register', ...first }, expect: 'ok' }));
    const captcha = await solvedCaptcha(ctx, step);
    const again = await kit.call(step, 'sendVerificationCode', { json: { channel: 'sms', target, purpose: 'register', ...captcha }, expect: 'TOO_MANY_ATTEMPTS' });
    const wait = (again.body as { details?: { retryAfterSeconds?: number } } | undefined)?.details?.retryAfterSeconds;
    if (again.met && typeof wait === 'number') {
      kit.check(again, wait <= sent.resendAfterSeconds, 'body/details/retryAfterSeconds', 'cannot be longer than the resendAfterSeconds the code was sent with', { expected: `≤ ${sent.resendAfterSeconds}`, got: wait });
    }
  });

  await flow.step('an account that exists: ACCOUNT_EXISTS', ['a'], [], async () => {
    const step = 'an account that exists: ACCOUNT_EXISTS';
    const captcha = await solvedCaptcha(ctx, step);
    await kit.call(step, 'sendVerificationCode', { json: { channel: 'sms', target: flow.facts.a!.account, purpose: 'register', ...captcha }, expect: 'ACCOUNT_EXISTS' });
  });

  await flow.step('an unknown account: ACCOUNT_UNKNOWN (login, password-reset code)', ['testApi'], [], async () => {
    const step = 'an unknown account: ACCOUNT_UNKNOWN (login, password-reset code)';
    const unknown = mobileNumber();
    const login = await solvedCaptcha(ctx, step);
    await kit.call(step, 'login', { json: { account: unknown, password: password(), ...login }, expect: 'ACCOUNT_UNKNOWN' });
    const reset = await solvedCaptcha(ctx, step);
    await kit.call(step, 'sendVerificationCode', { json: { channel: 'sms', target: unknown, purpose: 'reset-password', ...reset }, expect: 'ACCOUNT_UNKNOWN' });
  });

  await flow.step('the session of candidate A', ['a'], [], async () => {
    const step = 'the session of candidate A';
    const a = flow.facts.a!;
    const answer = await kit.call(step, 'getSession', { as: a, expect: 'ok' });
    const state = kit.need<{ session: { user: { account: string } } | null; csrfToken?: string }>(answer);
    if (!kit.check(answer, state.session !== null, 'body/session', `must be the signed-in candidate (${a.mode} mode), got null`)) return;
    kit.check(answer, state.session!.user.account === a.account, 'body/session/user/account', 'must be the account registered', { expected: a.account, got: state.session!.user.account });
  });

  await flow.step('a wrong password: PASSWORD_WRONG with the attempts left', ['a'], [], async () => {
    const step = 'a wrong password: PASSWORD_WRONG with the attempts left';
    const a = flow.facts.a!;
    const remaining: Array<number | undefined> = [];
    for (let i = 0; i < 2; i++) {
      const captcha = await solvedCaptcha(ctx, step);
      const answer = await kit.call(step, 'login', { json: { account: a.account, password: `${a.password}x`, ...captcha }, expect: 'PASSWORD_WRONG' });
      const left = (answer.body as { details?: { remainingAttempts?: number } } | undefined)?.details?.remainingAttempts;
      remaining.push(left);
      if (i === 1 && remaining[0] !== undefined && left !== undefined) {
        kit.check(answer, left === remaining[0] - 1, 'body/details/remainingAttempts', 'must go down by one with each failed login', { expected: remaining[0] - 1, got: left });
      }
    }
    if (remaining[0] === undefined) kit.recorder.note('PASSWORD_WRONG carries no details.remainingAttempts (optional: the login form then shows no count)');
    // The right password still signs in (and starts the count again).
    const captcha = await solvedCaptcha(ctx, step);
    const answer = await kit.call(step, 'login', { json: { account: a.account, password: a.password, ...captcha }, expect: 'ok' });
    kit.need(answer);
    kit.takeSession(answer, a, false);
  });

  await flow.step('lockout after failed logins (candidate B): TOO_MANY_ATTEMPTS with Retry-After', ['a'], ['b'], async () => {
    const step = 'lockout after failed logins (candidate B): TOO_MANY_ATTEMPTS with Retry-After';
    const b = await registerCandidate(ctx, step, 'B');
    flow.facts.b = b;
    let locked = false;
    for (let attempt = 1; attempt <= MAX_FAILED_LOGINS && !locked; attempt++) {
      const captcha = await solvedCaptcha(ctx, step);
      const answer = await kit.call(step, 'login', { json: { account: b.account, password: `${b.password}x`, ...captcha }, expect: ['PASSWORD_WRONG', 'TOO_MANY_ATTEMPTS'] });
      if (!answer.met) throw new StepFailed('login did not answer PASSWORD_WRONG');
      locked = answer.code === 'TOO_MANY_ATTEMPTS';
      if (!locked && attempt === MAX_FAILED_LOGINS) {
        kit.check(answer, false, 'status', `the account was not locked after ${MAX_FAILED_LOGINS} failed logins in a row (the contract locks it: TOO_MANY_ATTEMPTS with Retry-After)`, { expected: '429 TOO_MANY_ATTEMPTS', got: `${answer.status} ${answer.code}` });
      }
    }
    if (!locked) return;
    // Locked means locked: the right password is refused too, until Retry-After.
    const captcha = await solvedCaptcha(ctx, step);
    await kit.call(step, 'login', { json: { account: b.account, password: b.password, ...captcha }, expect: 'TOO_MANY_ATTEMPTS' });
  });
}
