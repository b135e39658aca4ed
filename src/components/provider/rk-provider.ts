import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RegistrationBackend } from '../../services/backend.js';
import {
  backendContext,
  configContext,
  localeContext,
  sessionContext,
  type RkConfig,
} from '../../services/context.js';
import { isRkError } from '../../services/errors.js';
import { HttpBackend } from '../../services/http-backend.js';
import { resolveLocale, type Locale, type MessageOverrides } from '../../services/i18n/index.js';
import type { LoginResult, RealNameResult, Session } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { RkElement } from '../base/rk-element.js';
import { providerStyles } from './provider.styles.js';

declare global {
  interface RkEventDetails {
    'rk-session-change': { session: Session | null };
    'rk-login': LoginResult;
    'rk-registered': LoginResult;
    'rk-logout': undefined;
    'rk-verified': RealNameResult;
    'rk-session-expired': undefined;
    'rk-realname-required': undefined;
  }
  interface HTMLElementEventMap {
    'rk-session-change': CustomEvent<{ session: Session | null }>;
    'rk-login': CustomEvent<LoginResult>;
    'rk-registered': CustomEvent<LoginResult>;
    'rk-logout': CustomEvent<undefined>;
    'rk-verified': CustomEvent<RealNameResult>;
    'rk-session-expired': CustomEvent<undefined>;
    'rk-realname-required': CustomEvent<undefined>;
  }
  interface HTMLElementTagNameMap {
    'rk-provider': RkProvider;
  }
}

/**
 * The root of an embedding: holds the backend adapter, the candidate's session, the locale and
 * the site's configuration, and hands them to every element inside it through @lit/context.
 *
 * On connection (and whenever the backend changes) it asks the backend who is signed in. It
 * keeps the session current by listening to the elements' events: `rk-login` and
 * `rk-registered` set it, `rk-verified` (or `rk-verification-pending` / `-rejected`) completes it, `rk-logout` and
 * `rk-session-expired` clear it, and `rk-realname-required` (the backend refused for want of the
 * verified real name the session claims) has it asked for again.
 *
 * @tagname rk-provider
 * @summary Provides backend, session, locale and configuration to the elements inside it.
 *
 * @slot - The elements of the embedding (and any other content of the page).
 *
 * @fires rk-session-change - The session changed (`detail.session`: the session or null).
 *
 * @csspart session-error - The notice shown when the session could not be loaded, with a retry button.
 *
 * @cssprop --rk-color-primary - Main colour of buttons and links (default #0b5cad).
 * @cssprop --rk-color-primary-contrast - Text on the main colour.
 * @cssprop --rk-color-danger - Errors.
 * @cssprop --rk-color-success - Success states.
 * @cssprop --rk-color-warning - Warnings.
 * @cssprop --rk-color-text - Body text.
 * @cssprop --rk-color-muted - Secondary text.
 * @cssprop --rk-color-border - Borders of inputs and panels.
 * @cssprop --rk-color-surface - Background of panels.
 * @cssprop --rk-color-focus - Focus ring.
 * @cssprop --rk-font-family - Text font.
 * @cssprop --rk-font-size - Base text size.
 * @cssprop --rk-line-height - Line height (≥ 1.3 for 适老化).
 * @cssprop --rk-radius - Corner radius.
 * @cssprop --rk-space - Base spacing unit.
 * @cssprop --rk-target-size - Minimum size of touch targets (44px).
 */
export class RkProvider extends RkElement {
  static override styles = providerStyles;

  /** The REST API base; setting it builds an `HttpBackend` (unless `backend` is set). */
  @property({ attribute: 'api-base', reflect: true }) apiBase = '';

  /** `fetch` credentials mode of the built `HttpBackend`: `same-origin` (default) or `include`. */
  @property({ attribute: 'api-credentials' }) apiCredentials: RequestCredentials = 'same-origin';

  /** 适老化 large-text mode: 18 pt text, 60 px touch targets, higher contrast (the `--rk-*` tokens). */
  @property({ type: Boolean, reflect: true, attribute: 'large-text' }) largeText = false;

  /** The language of the elements: `zh-CN` (default) or `en`. */
  @property({ reflect: true }) override lang: Locale = 'zh-CN';

  /** Any adapter implementing `RegistrationBackend`; wins over `api-base`. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  /** Message overrides per locale, e.g. `{ 'zh-CN': { 'common.retry': '再试一次' } }`. */
  @property({ attribute: false }) messages: MessageOverrides = {};

  /** Site configuration (office phones, office name). */
  @property({ attribute: false }) config: RkConfig = {};

  /**
   * The signed-in candidate: `undefined` while loading, `null` when nobody is signed in. A page
   * that already knows it may set it; the provider then does not ask the backend.
   */
  @property({ attribute: false }) session: Session | null | undefined;

  /** Loading state of the session, reflected for styling: `loading`, `ready` or `error`. */
  @property({ reflect: true, attribute: 'session-state' }) sessionState: 'idle' | 'loading' | 'ready' | 'error' =
    'idle';

  @state() private sessionError: unknown;

  readonly #backendProvider = new ContextProvider(this, { context: backendContext });
  readonly #sessionProvider = new ContextProvider(this, { context: sessionContext });
  readonly #localeProvider = new ContextProvider(this, {
    context: localeContext,
    initialValue: { lang: 'zh-CN', messages: {} },
  });
  readonly #configProvider = new ContextProvider(this, { context: configContext, initialValue: {} });
  #builtBackend: { key: string; backend: HttpBackend } | undefined;
  #sessionRequest: AbortController | undefined;
  #sessionSetByPage = false;
  #ownSession: Session | null | undefined;

  constructor() {
    super();
    this.addEventListener('rk-login', (event) => this.#setSession(event.detail.session));
    this.addEventListener('rk-registered', (event) => this.#setSession(event.detail.session));
    this.addEventListener('rk-logout', () => this.#setSession(null));
    this.addEventListener('rk-session-expired', () => this.#setSession(null));
    // The backend refused for want of a verified real name the session claims: ask it again.
    // (Only while the session says verified: a refusal of a request sent before the answer changes nothing more.)
    this.addEventListener('rk-realname-required', () => {
      if (this.session?.realName?.status === 'verified') void this.reloadSession();
    });
    // Verified, pending manual review or rejected: the session carries the latest result.
    const takeRealName = (event: CustomEvent<RealNameResult>) => {
      if (this.session) this.#setSession({ ...this.session, realName: event.detail });
    };
    this.addEventListener('rk-verified', takeRealName);
    this.addEventListener('rk-verification-pending', takeRealName);
    this.addEventListener('rk-verification-rejected', takeRealName);
  }

  /** The adapter in use: `backend`, or the `HttpBackend` built from `api-base`. */
  get effectiveBackend(): RegistrationBackend | undefined {
    if (this.backend) return this.backend;
    if (!this.apiBase) return undefined;
    const key = `${this.apiBase}|${this.apiCredentials}`;
    if (this.#builtBackend?.key !== key) {
      this.#builtBackend = { key, backend: new HttpBackend({ baseUrl: this.apiBase, credentials: this.apiCredentials }) };
    }
    return this.#builtBackend.backend;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#sessionRequest?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('messages')) {
      this.#localeProvider.setValue({ lang: resolveLocale(this.lang), messages: this.messages });
    }
    if (changed.has('config')) this.#configProvider.setValue(this.config);
    if (changed.has('session')) {
      // A session the page set (not one we loaded or an element reported) is the page's word.
      this.#sessionSetByPage = this.session !== undefined && this.session !== this.#ownSession;
      this.#sessionProvider.setValue(this.session);
    }
    if (changed.has('backend') || changed.has('apiBase') || changed.has('apiCredentials')) {
      const backend = this.effectiveBackend;
      if (backend !== this.#backendProvider.value) {
        this.#backendProvider.setValue(backend);
        if (!this.#sessionSetByPage) void this.reloadSession();
      }
    }
  }

  /** Asks the backend again who is signed in. */
  async reloadSession(): Promise<void> {
    const backend = this.effectiveBackend;
    this.#sessionRequest?.abort();
    if (!backend) return;
    const request = new AbortController();
    this.#sessionRequest = request;
    this.sessionState = 'loading';
    this.sessionError = undefined;
    // The session when asked: if the page set one, or an element reported a sign-in or sign-out,
    // while the answer was on its way, that word is newer than the answer.
    const asked = this.session;
    try {
      const session = await backend.getSession({ signal: request.signal });
      if (request.signal.aborted) return;
      this.sessionState = 'ready';
      if (this.session !== asked) return;
      this.#setSession(session);
    } catch (error) {
      if (request.signal.aborted) return;
      // A session that came meanwhile stands; the failed question no longer matters.
      const answered = this.session !== asked;
      this.sessionState = answered ? 'ready' : 'error';
      if (!answered) this.sessionError = error;
    }
  }

  #setSession(session: Session | null): void {
    if (session === this.session) return;
    this.#ownSession = session;
    this.session = session;
    // Hand it on at once, so descendants see the new session in the same task.
    this.#sessionProvider.setValue(session);
    this.emit('rk-session-change', { session });
  }

  protected override render() {
    return html`${this.sessionState === 'error'
        ? html`<div part="session-error" role="alert">
            <span>${this.t('provider.sessionError', { reason: this.localize.error(this.sessionError) })}</span>
            ${isRkError(this.sessionError) && !this.sessionError.retryable
              ? nothing
              : html`<button type="button" @click=${() => this.reloadSession()}>${this.t('common.retry')}</button>`}
          </div>`
        : nothing}<slot></slot>`;
  }
}

define('rk-provider', RkProvider);
