/**
 * The fields of `rk-login` for each mode, as Lit templates over a plain view object (the element
 * keeps the state and the actions; this file only draws them).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CaptchaController } from '../../controllers/captcha-controller.js';
import { isRkError } from '../../services/errors.js';
import { PASSWORD_RULE } from '../../services/password-rule.js';
import { describedBy, fieldFrame, fieldsetFrame, textField, type FieldTexts } from '../base/field.js';
import { accountTypeOf } from './account.js';
import type { LoginErrors, LoginMode, LoginValues } from './login-model.js';
import type { LoginField } from './login-errors.js';

export interface LoginView {
  mode: LoginMode;
  values: LoginValues;
  errors: LoginErrors;
  texts: FieldTexts;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** The candidate's sentence for an adapter error. */
  errorText: (error: unknown) => string;
  captcha: CaptchaController;
  captchaEnlarged: boolean;
  passwordShown: boolean;
  sending: boolean;
  resendRemaining: number;
  codeSentTo: string | undefined;
  channel: 'sms' | 'email';
  set: (field: keyof LoginValues, value: string) => void;
  blur: (field: LoginField) => void;
  refreshCaptcha: () => void;
  toggleEnlarge: () => void;
  togglePassword: () => void;
  sendCode: () => void;
  switchMode: (mode: LoginMode) => void;
}

export function renderLoginFields(v: LoginView): TemplateResult {
  switch (v.mode) {
    case 'login':
      return html`${account(v)}${password(v)}${captcha(v)}`;
    case 'register':
      return html`${accountType(v)}${account(v)}${captcha(v)}${code(v)}${password(v)}${confirm(v)}`;
    case 'reset':
      return html`${account(v)}${captcha(v)}${code(v)}${password(v)}${confirm(v)}`;
  }
}

function accountType(v: LoginView) {
  const choice = (type: 'phone' | 'email') =>
    html`<label class="choice">
      <input
        type="radio"
        name="accountType"
        value=${type}
        .checked=${live(v.values.accountType === type)}
        @change=${() => v.set('accountType', type)}
      />${v.t(`login.accountType.${type}`)}
    </label>`;
  return fieldsetFrame(
    { id: 'account-type', label: v.t('login.accountType.legend'), texts: v.texts, error: v.errors.accountType },
    html`<div class="choices">${choice('phone')}${choice('email')}</div>`,
  );
}

function account(v: LoginView) {
  const register = v.mode === 'register';
  const type = register ? v.values.accountType : null;
  const detected = register ? null : accountTypeOf(v.values.account);
  const action = accountAction(v);
  return textField({
    id: 'account',
    name: 'username',
    label: v.t(type === 'phone' ? 'login.account.labelPhone' : type === 'email' ? 'login.account.labelEmail' : 'login.account.label'),
    hint: v.t(type === 'phone' ? 'login.account.hintPhone' : type === 'email' ? 'login.account.hintEmail' : `login.account.hint.${v.mode}`),
    texts: v.texts,
    required: true,
    value: v.values.account,
    type: type === 'phone' ? 'tel' : type === 'email' ? 'email' : 'text',
    inputmode: type === 'phone' ? 'tel' : type === 'email' ? 'email' : undefined,
    autocomplete: 'username',
    verbatim: true,
    maxlength: 254,
    error: v.errors.account,
    ok: detected && !v.errors.account ? v.t(`login.account.detected.${detected}`) : undefined,
    after: action,
    onInput: (value) => v.set('account', value),
    onBlur: () => v.blur('account'),
  });
}

/** Under an "unknown account" or "account exists" answer: the way on. */
function accountAction(v: LoginView) {
  const error = v.errors.account;
  if (!error) return nothing;
  if (v.mode === 'login' && error === v.t('error.code.ACCOUNT_UNKNOWN')) {
    return html`<div class="field-action">
      <button type="button" class="link" @click=${() => v.switchMode('register')}>${v.t('login.goRegister')}</button>
    </div>`;
  }
  if (v.mode === 'register' && error === v.t('error.code.ACCOUNT_EXISTS')) {
    return html`<div class="field-action">
      <button type="button" class="link" @click=${() => v.switchMode('login')}>${v.t('login.goLogin')}</button>
    </div>`;
  }
  return nothing;
}

function passwordToggle(v: LoginView) {
  return html`<button
    type="button"
    class="toggle"
    part="password-toggle"
    aria-controls=${v.mode === 'login' ? 'password' : 'password confirm'}
    aria-label=${v.t(v.passwordShown ? 'login.password.hideLabel' : 'login.password.showLabel')}
    @click=${v.togglePassword}
  >
    ${v.t(v.passwordShown ? 'login.password.hide' : 'login.password.show')}
  </button>`;
}

function password(v: LoginView) {
  const isNew = v.mode !== 'login';
  return textField({
    id: 'password',
    name: isNew ? 'new-password' : 'password',
    label: v.t(v.mode === 'login' ? 'login.password.label' : v.mode === 'register' ? 'login.password.labelNew' : 'login.password.labelReset'),
    hint: isNew ? passwordRules(v) : undefined,
    texts: v.texts,
    required: true,
    value: v.values.password,
    type: v.passwordShown ? 'text' : 'password',
    autocomplete: isNew ? 'new-password' : 'current-password',
    verbatim: true,
    maxlength: PASSWORD_RULE.max,
    error: v.errors.password,
    beside: passwordToggle(v),
    onInput: (value) => v.set('password', value),
    onBlur: () => v.blur('password'),
  });
}

/** The password rules, shown before the candidate can fail them, ticked off while typing. */
function passwordRules(v: LoginView) {
  const value = v.values.password;
  const rules: [string, boolean][] = [
    [v.t('login.password.rule.length', PASSWORD_RULE), value.length >= PASSWORD_RULE.min && value.length <= PASSWORD_RULE.max],
    [v.t('login.password.rule.letter'), /[A-Za-z]/.test(value)],
    [v.t('login.password.rule.digit'), /\d/.test(value)],
  ];
  return html`${v.t('login.password.rules', PASSWORD_RULE)}
    <ul class="rules" part="password-rules">
      ${rules.map(
        ([text, met]) =>
          html`<li class=${met ? 'met' : ''}>
            ${text}<span class="visually-hidden">${v.t(met ? 'login.password.ruleMet' : 'login.password.ruleUnmet')}</span>
          </li>`,
      )}
    </ul>`;
}

function confirm(v: LoginView) {
  return textField({
    id: 'confirm',
    name: 'confirm-password',
    label: v.t('login.confirm.label'),
    hint: v.t('login.confirm.hint'),
    texts: v.texts,
    required: true,
    value: v.values.confirm,
    type: v.passwordShown ? 'text' : 'password',
    autocomplete: 'new-password',
    verbatim: true,
    maxlength: PASSWORD_RULE.max,
    error: v.errors.confirm,
    onInput: (value) => v.set('confirm', value),
    onBlur: () => v.blur('confirm'),
  });
}

function captchaPicture(v: LoginView) {
  const { captcha, loading, error } = v.captcha;
  const content = captcha
    ? html`<img src=${captcha.image} alt="" />`
    : loading
      ? v.t('login.captcha.loading')
      : error !== undefined
        ? v.t('login.captcha.failed')
        : v.t('login.captcha.loading');
  return html`<button
    type="button"
    class="captcha-image ${v.captchaEnlarged ? 'enlarged' : ''}"
    part="captcha-image"
    aria-label=${captcha ? v.t('login.captcha.refresh') : typeof content === 'string' ? content : v.t('login.captcha.refresh')}
    aria-busy=${loading ? 'true' : 'false'}
    @click=${v.refreshCaptcha}
  >
    ${content}
  </button>`;
}

/** Why the picture did not come (with 重试 when trying again can help); the picture's button also retries. */
function captchaFailure(v: LoginView) {
  const { captcha, loading, error } = v.captcha;
  if (captcha || loading || error === undefined) return nothing;
  return html`<div class="captcha-failed" part="captcha-error" role="alert">
    <span>${v.t('login.captcha.loadError', { reason: v.errorText(error) })}</span>
    ${isRkError(error) && !error.retryable
      ? nothing
      : html`<button type="button" class="link" @click=${v.refreshCaptcha}>${v.t('common.retry')}</button>`}
  </div>`;
}

function captcha(v: LoginView) {
  const frame = {
    id: 'captcha',
    label: v.t('login.captcha.label'),
    hint: v.t(v.mode === 'login' ? 'login.captcha.hint' : 'login.captcha.hintCode'),
    texts: v.texts,
    required: true,
    error: v.errors.captcha,
  };
  const audio = v.captcha.captcha?.audio;
  return fieldFrame(
    frame,
    html`<div class="captcha-row">
        <input
          id="captcha"
          name="captcha"
          part="input"
          type="text"
          .value=${live(v.values.captcha)}
          autocomplete="off"
          autocapitalize="off"
          autocorrect="off"
          spellcheck="false"
          maxlength="12"
          required
          aria-required="true"
          aria-invalid=${v.errors.captcha ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(frame))}
          @input=${(event: InputEvent) => v.set('captcha', (event.target as HTMLInputElement).value)}
          @blur=${() => v.blur('captcha')}
        />
        ${captchaPicture(v)}
      </div>
      ${captchaFailure(v)}
      <div class="captcha-tools">
        <button type="button" class="link" aria-pressed=${v.captchaEnlarged ? 'true' : 'false'} @click=${v.toggleEnlarge}>
          ${v.t('login.captcha.enlarge')}
        </button>
        ${audio
          ? html`<button type="button" class="link" @click=${() => void new Audio(audio).play().catch(() => undefined)}>
              ${v.t('login.captcha.audio')}
            </button>`
          : nothing}
      </div>`,
  );
}

function sendCodeButton(v: LoginView) {
  const waiting = v.resendRemaining > 0;
  const label = v.sending
    ? v.t('login.code.sending')
    : waiting
      ? v.t('login.code.wait', { seconds: v.resendRemaining })
      : v.codeSentTo
        ? v.t('login.code.resend')
        : v.t('login.code.send');
  return html`<button
    type="button"
    class="send-code"
    part="send-code"
    aria-disabled=${v.sending || waiting ? 'true' : 'false'}
    @click=${v.sendCode}
  >
    ${label}
  </button>`;
}

function code(v: LoginView) {
  return textField({
    id: 'code',
    name: 'one-time-code',
    label: v.t('login.code.label'),
    hint: v.t(v.channel === 'sms' ? 'login.code.hintSms' : 'login.code.hintEmail'),
    texts: v.texts,
    required: true,
    value: v.values.code,
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    verbatim: true,
    maxlength: 8,
    error: v.errors.code,
    beside: sendCodeButton(v),
    after: v.codeSentTo
      ? html`<span class="code-sent">${v.t('login.code.sentVisible', { target: v.codeSentTo })}</span>`
      : nothing,
    onInput: (value) => v.set('code', value),
    onBlur: () => v.blur('code'),
  });
}
