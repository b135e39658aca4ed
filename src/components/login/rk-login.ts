import { ContextConsumer } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CaptchaController } from '../../controllers/captcha-controller.js';
import { CountdownController } from '../../controllers/countdown-controller.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { backendContext, localeContext, sessionContext } from '../../services/context.js';
import { BusinessError, isRkError, NetworkError } from '../../services/errors.js';
import { loginZhCN } from '../../services/i18n/parts/login.js';
import { OnDemand } from '../../services/on-demand.js';
import type { LoginResult, Session } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { errorSummary, focusErrorSummary, type SummaryItem } from '../base/error-summary.js';
import type { FieldTexts } from '../base/field.js';
import { RkElement } from '../base/rk-element.js';
import { accountTypeOf, countdownKey, maskAccount } from './account.js';
import type { Checker } from './login-checks.js';
import { channelFor, LOGIN_MODES, type LoginErrors, type LoginMode, type LoginValues } from './login-model.js';
import { fieldOfError, validationFields, type LoginField } from './login-errors.js';
import { renderLoginFields, type LoginView } from './login-fields.js';
import { styles } from './login.styles.js';

export type { LoginMode } from './login-model.js';

type LoginChecks = typeof import('./login-checks.js');

/** `idle`: typing; `submitting`: a request is out; `error`: the last attempt failed; `success`: signed in. */
export type LoginState = 'idle' | 'submitting' | 'error' | 'success';

declare global {
  interface RkEventDetails {
    'rk-password-reset': { account: string };
    'rk-login-mode': { mode: LoginMode };
  }
  interface HTMLElementEventMap {
    'rk-password-reset': CustomEvent<{ account: string }>;
    'rk-login-mode': CustomEvent<{ mode: LoginMode }>;
  }
  interface HTMLElementTagNameMap {
    'rk-login': RkLogin;
  }
}

/** The fields of each mode in the order they are shown (the error summary follows it). */
const FIELDS_OF_MODE: Record<LoginMode, LoginField[]> = {
  login: ['account', 'password', 'captcha'],
  register: ['accountType', 'account', 'captcha', 'code', 'password', 'confirm'],
  reset: ['account', 'captcha', 'code', 'password', 'confirm'],
};

const EMPTY: LoginValues = { accountType: 'phone', account: '', password: '', confirm: '', captcha: '', code: '' };

/**
 * Log in, register, or reset a forgotten password: account (a mainland mobile number or an
 * e-mail, recognised as typed), password, the backend's captcha picture, and for register and
 * reset a verification code sent by SMS or e-mail with a resend countdown.
 *
 * Takes the backend from the nearest `rk-provider` (or the `backend` property) and tells the
 * provider about the new session with `rk-login` / `rk-registered`. The token stays with the
 * adapter (memory or httpOnly cookie); events carry the session only.
 *
 * The inputs live in a real `<form>` in the shadow root with `autocomplete` values (username,
 * current-password, new-password, one-time-code) so password managers and SMS autofill work.
 * Checks run on blur and on submit; problems are listed in an error summary that takes focus
 * and links to each field; backend refusals are shown at the field they are about.
 *
 * @tagname rk-login
 * @summary Log in, register and reset the password with captcha and verification code.
 *
 * @fires rk-login - Logged in. `detail`: `LoginResult` (`{ session }`; no token).
 * @fires rk-registered - Registered and signed in. `detail`: `LoginResult` (`{ session }`).
 * @fires rk-password-reset - The password was reset; the form is back in login mode. `detail`: `{ account }`.
 * @fires rk-logout - The candidate logged out from the signed-in view. `detail`: undefined.
 * @fires rk-login-mode - The mode changed (by the candidate or the page). `detail`: `{ mode }`.
 *
 * @slot footer - Below the form, e.g. the office's help line or a link to the rules.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading (考生登录, 考生注册, 找回密码).
 * @csspart form - The `<form>`.
 * @csspart error-summary - The list of problems at the top.
 * @csspart notice - A success or information notice (password reset, signed in).
 * @csspart field - Each field (label, hint, error, input).
 * @csspart label - A field's label or legend.
 * @csspart hint - A field's hint.
 * @csspart error-message - A field's error message.
 * @csspart input - Each text input.
 * @csspart password-rules - The password checklist.
 * @csspart password-toggle - The show/hide password button.
 * @csspart captcha-image - The captcha picture (a button that loads a new one).
 * @csspart captcha-error - Why the captcha picture did not load, with 重试.
 * @csspart send-code - The "获取验证码" button with its countdown.
 * @csspart submit - The submit button.
 * @csspart mode-links - The links between log in, register and forgot password.
 * @csspart logout - The log-out button of the signed-in view.
 *
 * @cssprop --rk-color-primary - Buttons and links.
 * @cssprop --rk-color-danger - Errors and the error summary.
 * @cssprop --rk-color-success - Recognised account, met password rules, success notices.
 * @cssprop --rk-color-focus - The focus ring.
 * @cssprop --rk-color-border - Input borders.
 * @cssprop --rk-target-size - Minimum size of buttons and inputs (44px).
 * @cssprop --rk-font-size - Base text size (raise it for a large-text mode).
 */
export class RkLogin extends RkElement {
  static override styles = styles;

  /** `login` (default), `register` or `reset` (forgot password). Reflected. */
  @property({ reflect: true }) mode: LoginMode = 'login';

  /** Where the form stands, reflected for styling: `idle`, `submitting`, `error`, `success`. */
  @property({ reflect: true }) state: LoginState = 'idle';

  /** Seconds before a new code can be requested when the backend does not say (default 60). */
  @property({ type: Number, attribute: 'resend-seconds' }) resendSeconds = 60;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  @state() private values: LoginValues = { ...EMPTY };
  @state() private errors: LoginErrors = {};
  @state() private loggingOut = false;
  /**
   * A problem of the whole form (network, too many attempts), not placed at a field; `retry`
   * does again what failed (sending the code, submitting, logging out) when that may help.
   */
  /** A message for the whole form; `others`: the backend's messages about fields this form does not show. */
  @state() private formError: { message: string; retry?: (() => void) | undefined; others?: string[] } | undefined;
  @state() private showSummary = false;
  @state() private passwordShown = false;
  @state() private captchaEnlarged = false;
  @state() private sending = false;
  /** The masked account the last code went to (shown under the code field). */
  @state() private codeSentTo: string | undefined;
  /** An information notice at the top (password reset done). */
  @state() private notice: string | undefined;
  /** Text for the live region (screen readers): submitting, code sent, new captcha, … */
  @state() private status = '';
  /** How the candidate just signed in here, for the success notice. */
  @state() private signedInBy: 'login' | 'register' | undefined;

  readonly #backendContext = new ContextConsumer(this, {
    context: backendContext,
    subscribe: true,
    callback: () => this.#captchaNeeded(),
  });
  readonly #sessionContext = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  readonly #localeContext = new ContextConsumer(this, { context: localeContext, subscribe: true });
  // A captcha that ran out is replaced before the candidate types an answer it would refuse
  // (not while a request is out: its failure brings a new one).
  readonly #captcha = new CaptchaController(
    this,
    () => this.effectiveBackend,
    () => {
      if (this.state !== 'submitting' && !this.sending) this.refreshCaptcha();
    },
  );
  readonly #resend = new CountdownController(this, {
    onEnd: () => {
      this.status = this.t('login.code.canResend');
    },
  });
  #request: AbortController | undefined;
  #lastCaptchaGeneration = 0;
  /** The next captcha replaces a used one: not worth announcing over "验证码已发送". */
  #quietCaptcha = false;

  /** The form's checks (login-checks.ts, with zod): fetched when the element connects, not needed to paint. */
  readonly #checks = new OnDemand(() => import('./login-checks.js'));

  /**
   * The checks and a checker bound to the locale, or undefined when they are still on their way:
   * then `retry` runs once they are there, or the form says why they could not be fetched.
   */
  #checked(retry: () => void): { checks: LoginChecks; checker: Checker } | undefined {
    const checks = this.#checks.value;
    if (checks) return { checks, checker: this.#checkerOf(checks) };
    this.#checks.load().then(retry, async (error: unknown) => {
      this.#showBackendError(new NetworkError('login', 'the form checks could not be loaded', { cause: error }), null, retry);
      await this.#focusSummary();
    });
    return undefined;
  }

  /** The adapter in use: `backend`, or the provider's. */
  get effectiveBackend(): RegistrationBackend | undefined {
    return this.backend ?? this.#backendContext.value;
  }

  /** The signed-in candidate as the provider knows it. */
  get session(): Session | null | undefined {
    return this.#sessionContext.value;
  }

  /** `checkInput` bound to the element's locale and the site's messages. */
  #checkerOf(checks: LoginChecks): Checker {
    return {
      check: (schema, value) => checks.checkInput(schema, value, this.localize.lang, this.#localeContext.value?.messages),
      t: (key) => this.t(key),
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#captchaNeeded();
    this.#checks.prefetch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
    this.#request = undefined;
    if (this.state === 'submitting') this.state = 'idle';
    this.sending = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && !LOGIN_MODES.includes(this.mode)) this.mode = 'login';
    if (changed.has('backend')) this.#captchaNeeded();
    if (changed.has('mode') || (changed as Map<PropertyKey, unknown>).has('values')) {
      const purpose = this.mode === 'reset' ? 'reset-password' : 'register';
      this.#resend.key = this.mode === 'login' ? undefined : countdownKey(purpose, this.values.account);
    }
    if (this.#captcha.generation !== this.#lastCaptchaGeneration) {
      if (this.#lastCaptchaGeneration > 0 && !this.#quietCaptcha) this.status = this.t('login.captcha.refreshed');
      this.#quietCaptcha = false;
      this.#lastCaptchaGeneration = this.#captcha.generation;
    }
    if (this.signedIn) {
      if (this.state !== 'success') this.state = 'success';
    } else if (this.state === 'success') {
      this.state = 'idle';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('mode') && changed.get('mode') !== undefined) this.emit('rk-login-mode', { mode: this.mode });
  }

  /** Whether a candidate is signed in (the provider's session, or a success here without one). */
  private get signedIn(): boolean {
    return Boolean(this.session) || (this.session === undefined && this.signedInBy !== undefined);
  }

  #captchaNeeded(): void {
    if (this.isConnected && this.effectiveBackend && !this.signedIn) this.#captcha.ensure();
  }

  // --- typing -----------------------------------------------------------------------------------

  #set(field: keyof LoginValues, value: string): void {
    const values = { ...this.values, [field]: value } as LoginValues;
    if (field === 'account' && this.mode === 'register') {
      // Recognised as typed: an e-mail address switches to e-mail registration, a mobile number back.
      const type = accountTypeOf(value);
      if (type) values.accountType = type;
    }
    this.values = values;
    // Once a field shows an error, re-check it while typing, so it clears as soon as it is right.
    if (field !== 'accountType' && this.errors[field]) this.#recheck(field);
    if (field === 'password' && this.errors.confirm) this.#recheck('confirm');
  }

  #blur(field: LoginField): void {
    // An input removed while focused (the form giving way to the signed-in view) blurs: ignore it.
    if (this.state === 'success' || this.state === 'submitting') return;
    const value = field === 'accountType' ? 'x' : this.values[field];
    // Leaving an empty field is not a mistake yet (GOV.UK): only what was typed is checked.
    if (value.trim() === '') return;
    this.#recheck(field);
  }

  #recheck(field: LoginField): void {
    const checks = this.#checks.value;
    if (!checks) {
      // Left a field before the checks came (a slow network): checked when they are there.
      this.#checks.load().then(() => this.#recheck(field), () => undefined);
      return;
    }
    const error = checks.errorOfField(this.mode, field, this.values, this.#captcha.captcha?.id, this.#checkerOf(checks));
    if (error === this.errors[field]) return;
    const errors = { ...this.errors };
    if (error) errors[field] = error;
    else delete errors[field];
    this.errors = errors;
  }

  // --- actions ----------------------------------------------------------------------------------

  /** Switches mode, keeping what applies: the account and captcha always, the password between log in and register. */
  setMode(mode: LoginMode): void {
    if (mode === this.mode) return;
    const samePassword = mode !== 'reset' && this.mode !== 'reset';
    this.values = {
      ...this.values,
      accountType: accountTypeOf(this.values.account) ?? this.values.accountType,
      password: samePassword ? this.values.password : '',
      confirm: '',
      code: '',
    };
    this.errors = {};
    this.formError = undefined;
    this.showSummary = false;
    this.notice = undefined;
    this.codeSentTo = undefined;
    this.mode = mode;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#title')?.focus());
  }

  /** Loads a new captcha picture. */
  refreshCaptcha(): void {
    this.values = { ...this.values, captcha: '' };
    void this.#captcha.reload();
  }

  async #sendCode(): Promise<void> {
    if (this.sending || this.#resend.running || this.state === 'submitting') return;
    const ready = this.#checked(() => void this.#sendCode());
    if (!ready) return;
    const checked = ready.checks.checkSendCode(this.mode, this.values, this.#captcha.captcha?.id, ready.checker);
    if (!checked.ok) {
      this.errors = { ...this.errors, account: undefined, captcha: undefined, ...checked.errors };
      this.#clean();
      this.showSummary = true;
      await this.#focusSummary();
      return;
    }
    const backend = this.effectiveBackend;
    if (!backend) return this.#noBackend();
    this.sending = true;
    this.formError = undefined;
    this.errors = { ...this.errors, account: undefined, captcha: undefined, code: undefined };
    this.#clean();
    this.status = this.t('login.code.sending');
    const request = new AbortController();
    this.#request = request;
    try {
      const sent = await backend.sendVerificationCode(checked.input, { signal: request.signal });
      if (request.signal.aborted) return;
      const seconds = sent.resendAfterSeconds > 0 ? sent.resendAfterSeconds : this.resendSeconds;
      this.#resend.start(seconds);
      this.codeSentTo = maskAccount(checked.input.target);
      this.status = this.t('login.code.sent', { target: this.codeSentTo, seconds });
      this.showSummary = Object.keys(this.errors).length > 0 && this.showSummary;
      // The captcha was used up; the next request needs a new one.
      this.#quietCaptcha = true;
      this.refreshCaptcha();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
    } catch (error) {
      if (request.signal.aborted) return;
      this.#showBackendError(error, 'code', () => void this.#sendCode());
      if (error instanceof BusinessError && error.code === 'TOO_MANY_ATTEMPTS') {
        const wait = Number(error.details.retryAfterSeconds ?? 0);
        if (wait > 0) this.#resend.start(wait);
      }
      this.refreshCaptcha();
      await this.#focusSummary();
    } finally {
      if (this.#request === request) this.#request = undefined;
      this.sending = false;
    }
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    // One request at a time: a double click or a second Enter does nothing while one is out.
    if (this.state === 'submitting' || this.sending) return;
    const ready = this.#checked(() => this.#retry());
    if (!ready) return;
    const { checks, checker } = ready;
    const mode = this.mode;
    const checked =
      mode === 'login'
        ? checks.checkLoginInput(this.values, this.#captcha.captcha?.id, checker)
        : mode === 'register'
          ? checks.checkRegisterInput(this.values, checker)
          : checks.checkResetInput(this.values, checker);
    if (!checked.ok) {
      this.errors = checked.errors;
      this.formError = undefined;
      this.showSummary = true;
      this.state = 'error';
      await this.#focusSummary();
      return;
    }
    const backend = this.effectiveBackend;
    if (!backend) return this.#noBackend();
    this.state = 'submitting';
    this.errors = {};
    this.formError = undefined;
    this.showSummary = false;
    this.notice = undefined;
    this.status = this.t(`login.submitting.${mode}`);
    const request = new AbortController();
    this.#request = request;
    try {
      if (mode === 'reset') {
        const input = checked.input as Parameters<RegistrationBackend['resetPassword']>[0];
        await backend.resetPassword(input, { signal: request.signal });
        if (request.signal.aborted) return;
        this.#afterReset(input.account);
        return;
      }
      const result =
        mode === 'login'
          ? await backend.login(checked.input as Parameters<RegistrationBackend['login']>[0], { signal: request.signal })
          : await backend.register(checked.input as Parameters<RegistrationBackend['register']>[0], {
              signal: request.signal,
            });
      if (request.signal.aborted) return;
      this.#afterSignIn(mode, result);
    } catch (error) {
      if (request.signal.aborted) return;
      this.state = 'error';
      this.#showBackendError(error, null, () => this.#retry());
      // Every failed log-in attempt uses up the captcha.
      if (mode === 'login') this.refreshCaptcha();
      await this.#focusSummary();
    } finally {
      if (this.#request === request) this.#request = undefined;
      if (this.state === 'submitting') this.state = 'idle';
    }
  }

  #afterSignIn(mode: 'login' | 'register', result: LoginResult): void {
    // The token stays with the adapter (memory or httpOnly cookie): the page gets the session only.
    const detail: LoginResult = { session: result.session };
    this.values = { ...EMPTY };
    this.signedInBy = mode;
    this.state = 'success';
    this.status = this.t(mode === 'login' ? 'login.success.login' : 'login.success.register');
    this.emit(mode === 'login' ? 'rk-login' : 'rk-registered', detail);
  }

  #afterReset(account: string): void {
    this.values = { ...this.values, password: '', confirm: '', code: '', captcha: '' };
    this.state = 'idle';
    this.#resend.stop();
    this.setMode('login');
    this.notice = this.t('login.success.reset');
    this.status = this.notice;
    void this.#captcha.reload();
    this.emit('rk-password-reset', { account });
  }

  async #logout(): Promise<void> {
    if (this.loggingOut) return;
    const backend = this.effectiveBackend;
    this.formError = undefined;
    this.loggingOut = true;
    this.status = this.t('login.loggingOut');
    try {
      await backend?.logout();
    } catch (error) {
      this.status = '';
      this.formError = { message: this.localize.error(error), retry: isRkError(error) && error.retryable ? () => void this.#logout() : undefined };
      return;
    } finally {
      this.loggingOut = false;
    }
    this.status = this.t('login.loggedOut');
    this.signedInBy = undefined;
    this.state = 'idle';
    // Whoever comes back to this form next has an account: log in.
    this.mode = 'login';
    this.emit('rk-logout', undefined);
    void this.#captcha.reload();
  }

  #showBackendError(error: unknown, fallbackField: LoginField | null, retry: () => void): void {
    let message = this.localize.error(error);
    // A wrong password may come with how many tries are left before the account is locked.
    const left = error instanceof BusinessError ? error.details.remainingAttempts : undefined;
    if (typeof left === 'number' && left > 0) message += this.t('login.remainingAttempts', { count: left });
    const { placed, others } = validationFields(error, FIELDS_OF_MODE[this.mode]);
    const field = fieldOfError(error);
    if (Object.keys(placed).length || others.length) {
      this.errors = { ...this.errors, ...placed };
      if (others.length) this.formError = { message: this.t('common.validationListed'), others };
    } else if (field && FIELDS_OF_MODE[this.mode].includes(field)) {
      this.errors = { ...this.errors, [field]: message };
    } else if (fallbackField && error instanceof BusinessError && error.code !== 'TOO_MANY_ATTEMPTS') {
      this.errors = { ...this.errors, [fallbackField]: message };
    } else {
      this.formError = { message, retry: isRkError(error) && error.retryable ? retry : undefined };
    }
    if (field === 'captcha') this.values = { ...this.values, captcha: '' };
    this.showSummary = true;
    this.status = message;
  }

  #noBackend(): void {
    this.formError = { message: this.t('login.noBackend') };
    this.showSummary = true;
    void this.#focusSummary();
  }

  /** Drops fields without a message (spread `undefined`s). */
  #clean(): void {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([, message]) => message)) as LoginErrors;
  }

  async #focusSummary(): Promise<void> {
    await this.updateComplete;
    focusErrorSummary(this.renderRoot);
  }

  // --- rendering ----------------------------------------------------------------------------------

  protected override render() {
    return html`<section part="panel" aria-labelledby="title">
      ${this.signedIn ? this.#renderSignedIn() : this.#renderForm()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.status}</p>
      <slot name="footer"></slot>
    </section>`;
  }

  #renderSignedIn() {
    const account = this.session?.user.account;
    const headline =
      this.signedInBy === 'register'
        ? this.t('login.success.register')
        : this.signedInBy === 'login'
          ? this.t('login.success.login')
          : this.t('login.signedInTitle');
    return html`<h2 id="title" part="title" tabindex="-1">${headline}</h2>
      <div class="notice success signed-in" part="notice">
        ${account ? html`<p>${this.t('login.signedIn', { account: maskAccount(account) })}</p>` : nothing}
        <p>${this.t('login.nextStep')}</p>
      </div>
      ${errorSummary({ title: this.t('login.summaryTitle'), items: [], message: this.formError?.message, action: this.#retryButton() })}
      <div class="actions">
        <button type="button" part="logout" aria-disabled=${this.loggingOut ? 'true' : 'false'} @click=${() => this.#logout()}>
          ${this.t(this.loggingOut ? 'login.loggingOut' : 'login.logout')}
        </button>
      </div>`;
  }

  #summaryItems(): SummaryItem[] {
    const fields = FIELDS_OF_MODE[this.mode].filter((field) => this.errors[field]).map((field) => ({
      field: field === 'accountType' ? 'account-type' : field,
      message: this.errors[field]!,
    }));
    return [...fields, ...(this.formError?.others ?? []).map((message) => ({ message }))];
  }

  #renderForm() {
    const mode = this.mode;
    const submitting = this.state === 'submitting';
    const texts: FieldTexts = { required: this.t('common.required'), errorPrefix: this.t('login.errorPrefix') };
    const view: LoginView = {
      mode,
      values: this.values,
      errors: this.errors,
      texts,
      t: (key, params) => this.t(key, params),
      errorText: (error) => this.localize.error(error),
      captcha: this.#captcha,
      captchaEnlarged: this.captchaEnlarged,
      passwordShown: this.passwordShown,
      sending: this.sending,
      resendRemaining: this.#resend.remaining,
      codeSentTo: this.codeSentTo,
      channel: channelFor(mode, this.values),
      set: (field, value) => this.#set(field, value),
      blur: (field) => this.#blur(field),
      refreshCaptcha: () => this.refreshCaptcha(),
      toggleEnlarge: () => {
        this.captchaEnlarged = !this.captchaEnlarged;
      },
      togglePassword: () => {
        this.passwordShown = !this.passwordShown;
        this.status = this.t(this.passwordShown ? 'login.password.shown' : 'login.password.hidden');
      },
      sendCode: () => void this.#sendCode(),
      switchMode: (to) => this.setMode(to),
    };
    return html`<h2 id="title" part="title" tabindex="-1">${this.t(`login.title.${mode}`)}</h2>
      ${this.effectiveBackend
        ? nothing
        : html`<div class="notice danger" part="notice" role="status">${this.t('login.noBackend')}</div>`}
      ${this.notice ? html`<div class="notice success" part="notice" role="status">${this.notice}</div>` : nothing}
      ${this.showSummary
        ? errorSummary({
            title: this.t('login.summaryTitle'),
            items: this.#summaryItems(),
            message: this.formError?.message,
            action: this.#retryButton(),
          })
        : nothing}
      <form part="form" novalidate aria-labelledby="title" @submit=${(event: Event) => this.#submit(event)}>
        ${renderLoginFields(view)}
        <button
          class="primary submit"
          part="submit"
          type="submit"
          aria-disabled=${submitting ? 'true' : 'false'}
        >
          ${submitting ? this.t(`login.submitting.${mode}`) : this.t(`login.submit.${mode}`)}
        </button>
      </form>
      ${this.#renderModeLinks()}`;
  }

  #retryButton() {
    const retry = this.formError?.retry;
    return retry ? html`<button type="button" @click=${retry}>${this.t('common.retry')}</button>` : nothing;
  }

  #retry(): void {
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  #renderModeLinks() {
    const link = (to: LoginMode, key: string) =>
      html`<button type="button" class="link" @click=${() => this.setMode(to)}>${this.t(key)}</button>`;
    return html`<div part="mode-links">
      ${this.mode === 'login'
        ? html`${link('reset', 'login.switch.toReset')}${link('register', 'login.switch.toRegister')}`
        : this.mode === 'register'
          ? link('login', 'login.switch.toLogin')
          : link('login', 'login.switch.backToLogin')}
    </div>`;
  }
}

define('rk-login', RkLogin, loginZhCN);
