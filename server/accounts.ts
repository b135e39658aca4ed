/**
 * Accounts on the server: captchas (single use), verification codes (hashed, expiring, single
 * use, a resend wait, five wrong tries at most), registration, login with lockout, sessions in
 * the database, password reset (ends every session), real-name verification through the
 * verifier. The rules are the shared ones (`src/services/rules/accounts.ts`).
 */
import * as rules from '../src/services/rules/accounts.js';
import { OfficeError } from '../src/services/rules/office-error.js';
import { chinaIso } from '../src/services/rules/time.js';
import type {
  Captcha,
  CodeSent,
  LoginInput,
  LoginResult,
  RealNameInput,
  RealNameResult,
  RegisterInput,
  ResetPasswordInput,
  SendCodeInput,
  Session,
  SessionState,
} from '../src/services/schemas.js';
import { audit } from './audit.js';
import { captchaImage, randomCaptchaCode } from './captcha/draw.js';
import { pgCode, PG, type Queryable } from './db/database.js';
import { DUMMY_HASH_PASSWORD, hashPassword, verifyPassword } from './passwords.js';
import { hmac, newCode, newId, newToken, randomHex, sameText, sha256 } from './secrets.js';
import { ms, type Call } from './services.js';

/** An account row. */
export interface AccountRow {
  id: string;
  account: string;
  account_type: 'phone' | 'email';
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  real_name: RealNameResult | null;
  real_name_status: string | null;
  document_number: string | null;
}

/** A live session and its account. */
export interface SessionRow extends AccountRow {
  csrf_token: string;
  expires_at: Date;
}

const WRONG_CODE_LIMIT = 5;

// --- captchas -------------------------------------------------------------------------------------

/** A new captcha, valid 5 minutes. */
export async function issueCaptcha(call: Call): Promise<Captcha> {
  const code = randomCaptchaCode();
  const id = `captcha-${randomHex(12)}`;
  const expiresAt = call.nowMs + rules.CAPTCHA_LIFETIME_MS;
  await call.s.db.query('INSERT INTO captchas (id, answer, expires_at) VALUES ($1, $2, $3)', [id, code, new Date(expiresAt)]);
  const captcha: Captcha = { id, image: captchaImage(code), expiresAt: chinaIso(expiresAt) };
  if (call.s.speaker) captcha.audio = `captcha/${id}/audio`;
  return captcha;
}

/** Uses a captcha up (committed at once, right or wrong); throws CAPTCHA_WRONG unless the answer fits. */
async function useCaptcha(call: Call, captchaId: string, answer: string): Promise<void> {
  const { rows } = await call.s.db.query<{ answer: string; expires_at: Date }>('DELETE FROM captchas WHERE id = $1 RETURNING answer, expires_at', [captchaId]);
  const issued = rows[0];
  if (!issued || ms(issued.expires_at)! <= call.nowMs || !sameText(issued.answer, answer.trim().toUpperCase())) throw rules.CAPTCHA_WRONG();
}

/** The answer of an issued, unused captcha (the test API and the audio alternative), or null. */
export async function captchaAnswer(call: Call, captchaId: string): Promise<string | null> {
  const { rows } = await call.s.db.query<{ answer: string }>('SELECT answer FROM captchas WHERE id = $1 AND expires_at > $2', [captchaId, new Date(call.nowMs)]);
  return rows[0]?.answer ?? null;
}

// --- verification codes -----------------------------------------------------------------------------

const codeHash = (call: Call, target: string, code: string) => hmac(call.s.secret, `code\n${target}\n${code}`);

/** Sends a code (valid 10 minutes); another one to the same target only after 60 s. */
export async function sendVerificationCode(call: Call, input: SendCodeInput): Promise<CodeSent> {
  await useCaptcha(call, input.captchaId, input.captchaAnswer);
  const target = rules.accountKey(input.target);
  rules.requireAccountFits(input.channel === 'sms' ? 'phone' : 'email', target, 'target');
  const { db } = call.s;
  const exists = (await db.query('SELECT 1 FROM accounts WHERE account = $1', [target])).rowCount > 0;
  if (input.purpose === 'register' && exists) throw rules.ACCOUNT_EXISTS();
  if (input.purpose === 'reset-password' && !exists) throw rules.ACCOUNT_UNKNOWN();
  const code = newCode();
  const sentAt = new Date(call.nowMs);
  // One atomic upsert keeps the resend wait, whichever instance the requests reach.
  const stored = await db.query(
    `INSERT INTO verification_codes (target, purpose, code_hash, failed_attempts, sent_at, expires_at) VALUES ($1, $2, $3, 0, $4, $5)
     ON CONFLICT (target) DO UPDATE SET purpose = EXCLUDED.purpose, code_hash = EXCLUDED.code_hash, failed_attempts = 0,
       sent_at = EXCLUDED.sent_at, expires_at = EXCLUDED.expires_at
     WHERE verification_codes.sent_at <= $6
     RETURNING target`,
    [target, input.purpose, codeHash(call, target, code), sentAt, new Date(call.nowMs + rules.CODE_LIFETIME_SECONDS * 1000), new Date(call.nowMs - rules.RESEND_AFTER_SECONDS * 1000)],
  );
  if (stored.rowCount === 0) {
    const { rows } = await db.query<{ sent_at: Date }>('SELECT sent_at FROM verification_codes WHERE target = $1', [target]);
    throw rules.codeTooSoon(Math.max(1, rules.resendWaitSeconds(ms(rows[0]?.sent_at ?? null), call.nowMs)));
  }
  try {
    await call.s.sender.send({ channel: input.channel, target, code, purpose: input.purpose, validMinutes: rules.CODE_LIFETIME_SECONDS / 60 });
  } catch (error) {
    // Not delivered: forget it, so the candidate may ask again at once.
    await db.query('DELETE FROM verification_codes WHERE target = $1 AND sent_at = $2', [target, sentAt]);
    call.s.log.error({ err: error, channel: input.channel }, 'verification code not delivered');
    throw new OfficeError('SERVICE_UNAVAILABLE', '验证码发送失败，请稍后重试。', { retryAfterSeconds: 30 });
  }
  if (call.s.config.testApi) {
    await db.query(
      `INSERT INTO test_outbox (target, channel, code, sent_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (target) DO UPDATE SET channel = EXCLUDED.channel, code = EXCLUDED.code, sent_at = EXCLUDED.sent_at`,
      [target, input.channel, code, sentAt],
    );
  }
  return { resendAfterSeconds: rules.RESEND_AFTER_SECONDS, expiresInSeconds: rules.CODE_LIFETIME_SECONDS };
}

/** Uses the code sent to `target` up (one atomic update: a code works once); CODE_WRONG otherwise, and five wrong tries spoil it. */
async function useCode(call: Call, target: string, purpose: 'register' | 'reset-password', code: string): Promise<void> {
  const { db } = call.s;
  const used = await db.query(
    `UPDATE verification_codes SET code_hash = NULL WHERE target = $1 AND purpose = $2 AND code_hash = $3 AND expires_at > $4 RETURNING target`,
    [target, purpose, codeHash(call, target, code.trim()), new Date(call.nowMs)],
  );
  if (used.rowCount > 0) return;
  await db.query(
    `UPDATE verification_codes SET failed_attempts = failed_attempts + 1,
       code_hash = CASE WHEN failed_attempts + 1 >= $2 THEN NULL ELSE code_hash END
     WHERE target = $1`,
    [target, WRONG_CODE_LIMIT],
  );
  throw rules.CODE_WRONG();
}

/** The last code sent to a target, while unused (the test API). */
export async function sentCode(call: Call, target: string): Promise<{ code: string; sentAt: string } | null> {
  const { rows } = await call.s.db.query<{ code: string; sent_at: Date }>(
    `SELECT o.code, o.sent_at FROM test_outbox o JOIN verification_codes v ON v.target = o.target
     WHERE o.target = $1 AND v.code_hash IS NOT NULL`,
    [rules.accountKey(target)],
  );
  const row = rows[0];
  return row ? { code: row.code, sentAt: chinaIso(ms(row.sent_at)!) } : null;
}

// --- sessions ------------------------------------------------------------------------------------------

function sessionOf(account: AccountRow, expiresAtMs: number): Session {
  return {
    user: { id: account.id, account: account.account, accountType: account.account_type },
    realName: account.real_name ? structuredClone(account.real_name) : null,
    expiresAt: chinaIso(expiresAtMs),
  };
}

/** A new session of an account (inside the caller's transaction): the token, its CSRF token, the answer. */
async function startSession(call: Call, tx: Queryable, account: AccountRow): Promise<LoginResult> {
  const token = newToken();
  const csrfToken = randomHex(16);
  const expiresAt = call.nowMs + rules.SESSION_LIFETIME_MS;
  await tx.query('INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    sha256(token),
    account.id,
    csrfToken,
    new Date(call.nowMs),
    new Date(expiresAt),
  ]);
  await audit(tx, { ...call.actor, type: 'candidate', id: account.id }, call.nowMs, { action: 'session.start', entityType: 'session', entityId: sha256(token).slice(0, 16), after: { expiresAt: chinaIso(expiresAt) } });
  return { session: sessionOf(account, expiresAt), token, csrfToken };
}

/** The live session of a token and its account, or null. */
export async function sessionOfToken(call: Call, token: string | null): Promise<SessionRow | null> {
  if (!token || token.length > 512) return null;
  const { rows } = await call.s.db.query<SessionRow>(
    `SELECT a.*, s.csrf_token, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [sha256(token), new Date(call.nowMs)],
  );
  return rows[0] ?? null;
}

/** GET /account/session: the session and its CSRF token (the HTTP layer keeps the token for cookie sessions only). */
export function sessionState(session: SessionRow | null): SessionState {
  return session ? { session: sessionOf(session, ms(session.expires_at)!), csrfToken: session.csrf_token } : { session: null };
}

/** Ends the session of a token (a missing or unknown one is fine). */
export async function logout(call: Call, token: string | null): Promise<void> {
  if (!token) return;
  await call.s.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ account_id: string }>('DELETE FROM sessions WHERE token_hash = $1 RETURNING account_id', [sha256(token)]);
    if (rows[0]) await audit(tx, { ...call.actor, type: 'candidate', id: rows[0].account_id }, call.nowMs, { action: 'session.end', entityType: 'session', entityId: sha256(token).slice(0, 16) });
  });
}

// --- registration, login, reset ------------------------------------------------------------------------

/** Creates an account with the code sent to it and signs it in. */
export async function register(call: Call, input: RegisterInput): Promise<LoginResult> {
  const key = rules.accountKey(input.account);
  rules.requireAccountFits(input.accountType, key, 'account');
  const { db } = call.s;
  if ((await db.query('SELECT 1 FROM accounts WHERE account = $1', [key])).rowCount > 0) throw rules.ACCOUNT_EXISTS();
  await useCode(call, key, 'register', input.code);
  const passwordHash = await hashPassword(input.password, call.s.config.scryptCost);
  return db.transaction(async (tx) => {
    const now = new Date(call.nowMs);
    const { rows } = await tx.query<AccountRow>(
      `INSERT INTO accounts (id, account, account_type, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (account) DO NOTHING RETURNING *`,
      [newId('u'), key, input.accountType, passwordHash, now],
    );
    const account = rows[0];
    if (!account) throw rules.ACCOUNT_EXISTS();
    await audit(tx, { ...call.actor, type: 'candidate', id: account.id }, call.nowMs, {
      action: 'account.register',
      entityType: 'account',
      entityId: account.id,
      after: { account: account.account, accountType: account.account_type },
    });
    return startSession(call, tx, account);
  });
}

/** Signs in: captcha, account, lock (5 failures → 5 minutes), password. */
export async function login(call: Call, input: LoginInput): Promise<LoginResult> {
  await useCaptcha(call, input.captchaId, input.captchaAnswer);
  const { db } = call.s;
  const { rows } = await db.query<AccountRow>('SELECT * FROM accounts WHERE account = $1', [rules.accountKey(input.account)]);
  const account = rows[0];
  if (!account) {
    await verifyPassword(DUMMY_HASH_PASSWORD, `scrypt$${call.s.config.scryptCost}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    throw rules.ACCOUNT_UNKNOWN_LOGIN();
  }
  rules.requireUnlocked(ms(account.locked_until), call.nowMs);
  if (!(await verifyPassword(input.password, account.password_hash))) {
    // Counted atomically, so parallel wrong tries on several instances all count.
    const counted = await db.query<{ failed_logins: number }>('UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins', [account.id]);
    const outcome = rules.wrongPassword(Number(counted.rows[0]!.failed_logins), call.nowMs);
    if (outcome.lockedUntilMs !== null) {
      await db.transaction(async (tx) => {
        await tx.query('UPDATE accounts SET failed_logins = 0, locked_until = $2 WHERE id = $1', [account.id, new Date(outcome.lockedUntilMs!)]);
        await audit(tx, { ...call.actor, type: 'system', id: null }, call.nowMs, { action: 'account.lock', entityType: 'account', entityId: account.id, after: { lockedUntil: chinaIso(outcome.lockedUntilMs!) } });
      });
    }
    throw outcome.error;
  }
  return db.transaction(async (tx) => {
    await tx.query('UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = $1', [account.id]);
    return startSession(call, tx, account);
  });
}

/** Sets a new password with the code sent, unlocks the account and ends its sessions. */
export async function resetPassword(call: Call, input: ResetPasswordInput): Promise<void> {
  const key = rules.accountKey(input.account);
  const { db } = call.s;
  const { rows } = await db.query<AccountRow>('SELECT * FROM accounts WHERE account = $1', [key]);
  const account = rows[0];
  if (!account) throw rules.ACCOUNT_UNKNOWN();
  await useCode(call, key, 'reset-password', input.code);
  const passwordHash = await hashPassword(input.newPassword, call.s.config.scryptCost);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE accounts SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = $3 WHERE id = $1', [account.id, passwordHash, new Date(call.nowMs)]);
    const ended = await tx.query('DELETE FROM sessions WHERE account_id = $1', [account.id]);
    await audit(tx, { ...call.actor, type: 'candidate', id: account.id }, call.nowMs, { action: 'account.reset-password', entityType: 'account', entityId: account.id, after: { sessionsEnded: ended.rowCount } });
  });
}

// --- real name -------------------------------------------------------------------------------------------

/**
 * Real-name verification: the number checked by the ID rules, then the verifier (verified, to
 * manual review, or a mismatch). The same data again answers the same result; other data after
 * verification INVALID_STATE; a number another account verified ACCOUNT_EXISTS (a unique index
 * makes a race of two accounts end with one).
 */
export async function verifyRealName(call: Call, accountId: string, input: RealNameInput): Promise<RealNameResult> {
  const now = new Date(call.nowMs);
  try {
    return await call.s.db.transaction(async (tx) => {
      const { rows } = await tx.query<AccountRow>('SELECT * FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
      const account = rows[0]!;
      const document = rules.checkDocument(input, now);
      const again = rules.reverification({ realName: account.real_name, documentNumber: account.document_number }, input, document.number);
      if (again) return again;
      const verdict = await call.s.verifier.verify(input, document, now);
      if (verdict.outcome === 'mismatch') throw rules.REALNAME_MISMATCH();
      const held = await tx.query("SELECT 1 FROM accounts WHERE document_number = $1 AND real_name_status = 'verified' AND id <> $2", [document.number, accountId]);
      if (held.rowCount > 0) throw rules.DOCUMENT_HELD();
      const result = rules.realNameResultOf(input, document, now);
      if (verdict.outcome === 'pending' && result.status === 'verified') {
        Object.assign(result, { status: 'pending', verifiedAt: null, reason: verdict.reason });
      }
      await tx.query('UPDATE accounts SET real_name = $2::jsonb, real_name_status = $3, document_number = $4, updated_at = $5 WHERE id = $1', [
        accountId,
        JSON.stringify(result),
        result.status,
        document.number,
        now,
      ]);
      await audit(tx, { ...call.actor, type: 'candidate', id: accountId }, call.nowMs, {
        action: 'account.real-name',
        entityType: 'account',
        entityId: accountId,
        before: account.real_name,
        after: result,
      });
      return result;
    });
  } catch (error) {
    if (pgCode(error) === PG.uniqueViolation) throw rules.DOCUMENT_HELD();
    throw error;
  }
}
