import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BackendConsumer, changed } from '../../controllers/backend-consumer.js';
import { ExamSessionController } from '../../controllers/exam-session-controller.js';
import { LazyRecheck } from '../../controllers/lazy-recheck.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { isSignedOutError, NetworkError } from '../../services/errors.js';
import type { Application, Session } from '../../services/schemas.js';
import { PAID_APPLICATION_STATUSES } from '../../services/application-status.js';
import { portalZhCN } from '../../services/i18n/parts/portal.js';
import { define } from '../base/define.js';
import { formatDateTime, formatDay } from '../base/exam-format.js';
import { messageParts, whole } from '../base/message-parts.js';
import { RkElement } from '../base/rk-element.js';
import { readAcceptance } from '../exam-notice/notice-acceptance.js';
import type { PlanSelectDetail } from '../exam-plan/rk-exam-plan.js';
import { ELEMENT_LOADERS, type ElementTag } from '../element-loaders.js';
import { prefetchPortalElements } from './portal-elements.js';
import { renderReview } from './portal-review.js';
import { styles } from './portal.styles.js';
import { awaitsOffice, isPortalView, PORTAL_VIEWS, STEPS_OF_VIEW, VIEW_OF_STEP, viewForState, type PortalView } from './portal-views.js';

/** What `rk-view-change` tells: the view shown and whether the candidate chose it. */
export interface ViewChangeDetail {
  view: PortalView;
  /** `navigation` (the menu, the timeline, a link), `flow` (a step done), `state` (the backend's state). */
  cause: 'navigation' | 'flow' | 'state';
}

declare global {
  interface RkEventDetails {
    'rk-view-change': ViewChangeDetail;
  }
  interface HTMLElementEventMap {
    'rk-view-change': CustomEvent<ViewChangeDetail>;
  }
  interface HTMLElementTagNameMap {
    'rk-portal': RkPortal;
  }
}

/**
 * The whole registration portal in one element, as the provincial portals lay it out: the exam
 * round's header (轮次, 报名时间, 考试时间, 进入报名), the left navigation (考生须知, 考试计划,
 * 考生报名, 报名审核, 网上缴费, 打印准考证, 考试安排, 成绩查询, 证书查询; a menu button in narrow
 * columns), the status timeline, and the element for the candidate's state: log in → verify →
 * notice → form with photo → wait for review → pay (the receipt, then on to the 报名表) → print →
 * queries. It moves on by itself when a step is done (`rk-submitted`, `rk-paid`, …) and follows
 * the timeline's `rk-navigate`; "返回首页" and the round's name lead back to the view the
 * candidate's state leads to.
 *
 * It keeps up with the office for a candidate who keeps the tab open for days: while the
 * application waits for something (review, payment, tickets, scores, certificates) it asks again
 * when the awaited moment comes, when the tab is shown again and when the candidate asks (the
 * navigation, the timeline's action); the view shown then asks too. Never while the tab is
 * hidden, one request at a time (RecheckController).
 *
 * It paints its header and navigation first; the status timeline's element comes while the
 * candidate's application is asked for, and each view's element when the view first needs it
 * (portal-elements.ts; the rest when the browser is idle, unless it asks to save data); offline,
 * the view says so with a retry.
 *
 * It lays itself out by its own width (container queries), so it fits a CMS content column from
 * 320 px to 1280 px. It leaves the page's URL alone unless `routing="hash"` (then `#/payment`
 * etc., with the back button). Put it inside `rk-provider`, which holds the backend and session.
 *
 * @tagname rk-portal
 * @summary The whole registration flow: round header, navigation, status timeline, the right element for each step.
 *
 * @fires rk-view-change - The view changed. `detail`: `ViewChangeDetail` (`{ view, cause }`).
 * @fires rk-logout - The candidate signed out from the header.
 * @fires rk-session-expired - The backend said the candidate is no longer signed in, to the portal's own load of the application.
 *
 * @slot header - Replaces the round header.
 * @slot footer - Below the content.
 *
 * @csspart round - The exam round header.
 * @csspart home - The round's name, a link back to the view the candidate's state leads to.
 * @csspart enter - The "进入报名" button.
 * @csspart nav - The navigation.
 * @csspart nav-item - Each navigation link.
 * @csspart menu-button - The menu button of narrow columns.
 * @csspart timeline - The status timeline.
 * @csspart content - The area of the current view.
 * @csspart session-ended - Above the login form when the backend said the session had ended: 登录已失效.
 * @csspart account - The signed-in account and "退出登录".
 *
 * @cssprop --rk-color-primary - Header, current navigation item, buttons.
 * @cssprop --rk-color-primary-contrast - Text on the header.
 * @cssprop --rk-portal-nav-width - Width of the navigation column (default 11rem).
 */
export class RkPortal extends RkElement {
  static override styles = styles;

  /** The view shown (reflected). Empty: the one the candidate's state leads to. */
  @property({ reflect: true }) view: PortalView | '' = '';

  /** `hash`: keep the view in the page's URL (`#/payment`); default: leave the URL alone. */
  @property() routing: 'none' | 'hash' = 'none';

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  @state() private application: Application | null | undefined;
  @state() private applicationError: unknown;
  @state() private menuOpen = false;
  @state() private qualification: PlanSelectDetail | undefined;
  @state() private announcement = '';

  /**
   * The backend and the session, which backend and session the application was loaded for (any
   * other session is asked for, signed out included), the load under way.
   */
  readonly #consumer = new BackendConsumer(this, changed);
  readonly #exam = new ExamSessionController(this, () => this.effectiveBackend);
  /** Asks for the application again while it waits for the office or a date (see the class comment). */
  readonly #recheck = new LazyRecheck(this, {
    check: () => this.#load(true),
    waiting: () => awaitsOffice(this.application),
    due: () => {
      const exam = this.#exam.session;
      const now = this.#exam.now();
      if (!exam || !awaitsOffice(this.application)) return undefined;
      // The next of the round's moments: payment opens, tickets open, scores are released.
      const moments = [exam.paymentWindow.opensAt, exam.ticketWindow.opensAt, exam.scoreReleaseAt ?? ''].map(Date.parse);
      return moments.filter((at) => at > now).sort((a, b) => a - b)[0];
    },
    now: () => this.#exam.now(),
  });
  /** The view the candidate chose (menu, timeline); else the state decides. */
  #chosen: PortalView | undefined;
  /** Whether the candidate's focus was last in the portal (see the constructor). */
  #focusInside = false;
  /**
   * The backend said the session had ended (here or in a view): the login form says so, and the
   * candidate comes back to the same view after signing in again.
   */
  #sessionEnded = false;
  /** Elements whose module could not be fetched (offline), with why: their view offers a retry. */
  readonly #unloaded = new Map<ElementTag, NetworkError>();
  /** Elements whose module this portal waits for (so a render does not wait twice). */
  readonly #awaited = new Set<ElementTag>();

  constructor() {
    super();
    const refresh = () => void this.refresh();
    this.addEventListener('rk-submitted', () => this.#flowTo('review'));
    // The receipt first (缴费状态, 支付单号, …), with the way on to the 报名表 below it.
    this.addEventListener('rk-paid', () => this.#flowTo('payment'));
    // What the form saved is the application: the timeline follows (上传照片 done, 填报信息 …).
    this.addEventListener('rk-draft-saved', (event) => (this.application = event.detail));
    this.addEventListener('rk-photo-accepted', (event) => {
      const photo = event.detail.photo;
      if (photo && this.application) this.application = { ...this.application, photo };
      else refresh();
    });
    this.addEventListener('rk-home', (event) => {
      event.preventDefault();
      this.home();
    });
    this.addEventListener('rk-notice-accepted', () => this.#flowTo('apply'));
    this.addEventListener('rk-plan-select', (event) => {
      this.qualification = event.detail;
      this.#flowTo('apply');
    });
    this.addEventListener('rk-change-requested', refresh);
    this.addEventListener('rk-session-expired', () => {
      // Only a session there was can end (the event passes here before rk-provider clears it).
      if (!this.session) return;
      // The view stays (signed out, the state would lead elsewhere): its login form, then the view.
      this.#chosen ??= this.currentView;
      this.#sessionEnded = true;
      this.requestUpdate();
    });
    this.addEventListener('rk-verified', refresh);
    this.addEventListener('rk-navigate', (event: Event) => {
      const step = (event as CustomEvent<{ step?: string }>).detail?.step;
      const view = step ? VIEW_OF_STEP[step] : undefined;
      if (view) this.navigate(view);
    });
    // Where the candidate was last: in the portal until focus moves to something outside it. A
    // focused button removed with its step sends focus to the body (no related target): still in.
    this.addEventListener('focusin', () => (this.#focusInside = true));
    this.addEventListener('focusout', (event: FocusEvent) => {
      const to = event.relatedTarget as Node | null;
      if (to && to !== this && !this.contains(to)) this.#focusInside = false;
    });
  }

  get effectiveBackend(): RegistrationBackend | undefined {
    return this.#consumer.backend;
  }

  get session(): Session | null | undefined {
    return this.#consumer.session;
  }

  /** The view on screen: the page's or candidate's choice, else the one the state leads to. */
  get currentView(): PortalView {
    if (isPortalView(this.view)) return this.view;
    return this.#chosen ?? viewForState(this.session, this.application);
  }

  /**
   * Shows a view, as the navigation does. The candidate asks where things stand: the application
   * is asked for again, and the view already shown asks again too.
   */
  navigate(view: PortalView): void {
    const same = view === this.currentView;
    this.#chosen = view;
    this.menuOpen = false;
    this.#show(view, 'navigation');
    void this.#focusContent();
    void this.refresh(same);
  }

  /** The home page of the seed (返回首页, the round's name): the view the candidate's state leads to. */
  home(): void {
    this.#chosen = undefined;
    if (this.view) this.view = '';
    this.navigate(this.currentView);
  }

  /**
   * Asks for the candidate's application again (and so the timeline's state): one request at a
   * time, however often it is called. When the application changed, or `view` is set, the view
   * shown asks again too.
   */
  async refresh(view = false): Promise<void> {
    const shown = this.#viewElement();
    const before = this.application;
    await this.#recheck.recheck();
    const after = this.application;
    const changed = !before || !after || before.status !== after.status || before.updatedAt !== after.updatedAt;
    // Only an element that was there before: one just put there loads by itself.
    if ((view || changed) && shown && shown === this.#viewElement()) await shown.recheck?.();
  }

  /** The element of the view shown, if it can be asked to check again. */
  #viewElement(): (Element & { recheck?: () => Promise<void> }) | null {
    return this.renderRoot.querySelector('[part="content"] > :not(template, p, div)');
  }

  /** Loads the application; `quiet`: what is shown stays when it fails. */
  async #load(quiet = false): Promise<void> {
    const backend = this.effectiveBackend;
    const session = this.session;
    if (!backend) return;
    this.#consumer.asking();
    // A new request aborts the one before, also when none is needed.
    const signal = this.#consumer.request();
    if (!session) {
      this.application = null;
      return;
    }
    if (!quiet) this.applicationError = undefined;
    try {
      const application = await backend.getApplication({ signal });
      if (signal.aborted) return;
      this.application = application;
      this.applicationError = undefined;
    } catch (error) {
      if (signal.aborted) return;
      if (isSignedOutError(error)) {
        // rk-provider clears the session: the view (kept, see the constructor) asks the candidate
        // to sign in again.
        this.emit('rk-session-expired', undefined);
        this.application = null;
        this.applicationError = undefined;
      } else if (!(quiet && this.application)) this.applicationError = error;
    } finally {
      this.#recheck.answered();
    }
    // The timeline gets the application as a property (a new answer makes it ask for the ticket and
    // scores); it also re-reads what is not in the backend, such as the notice's acceptance.
    this.renderRoot.querySelector('rk-status-timeline')?.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    window.addEventListener('online', this.#onOnline);
    this.#onHash();
    this.#fetchTimeline();
    prefetchPortalElements();
  }

  /**
   * The status timeline shows the candidate's application, so it is not needed before that
   * answer: its element is fetched meanwhile, not in the first paint. Offline, the portal does
   * without it until the browser is back online.
   */
  #fetchTimeline(): void {
    ELEMENT_LOADERS['rk-status-timeline'].load().then(
      () => this.requestUpdate(),
      () => undefined,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
    window.removeEventListener('online', this.#onOnline);
  }

  readonly #onHash = (): void => {
    if (this.routing !== 'hash') return;
    const view = /^#\/([a-z]+)$/.exec(location.hash)?.[1];
    if (isPortalView(view) && view !== this.currentView) {
      this.#chosen = view;
      this.#show(view, 'navigation');
    }
  };

  /** A step was done: show where it leads, whatever the candidate chose before. */
  #flowTo(view: PortalView): void {
    this.#chosen = view;
    this.#show(view, 'flow');
    void this.refresh();
  }

  #show(view: PortalView, cause: ViewChangeDetail['cause']): void {
    if (this.view) this.view = view;
    if (this.routing === 'hash' && location.hash !== `#/${view}`) location.hash = `#/${view}`;
    this.emit('rk-view-change', { view, cause });
    this.requestUpdate();
  }

  async #focusContent(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="content"]')?.focus();
  }

  async #logout(): Promise<void> {
    try {
      await this.effectiveBackend?.logout();
    } finally {
      this.#chosen = undefined;
      this.emit('rk-logout', undefined);
    }
  }

  protected override willUpdate(): void {
    this.#exam.ensure();
    if (this.#consumer.due()) {
      // Another candidate, or signed out: their choice of view goes. Not when the session only
      // became known (a reload on #/plan: the provider learns the session after the first render).
      const before = this.#consumer.asked?.session;
      if (this.session) this.#sessionEnded = false;
      else if (before && !this.#sessionEnded) this.#chosen = undefined;
      if (before && this.session && before.user.id !== this.session.user.id) this.#chosen = undefined;
      void this.#load();
    }
    if (awaitsOffice(this.application)) this.#recheck.start().catch(() => undefined);
    // The address, the view and what a screen reader was told agree, however the view came to be
    // (the candidate's choice, the state, a reload).
    const view = this.currentView;
    if (view !== this.#announced) {
      this.#announced = view;
      this.announcement = this.t('portal.current', { view: this.t(`portal.view.${view}`) });
      // A view the state led to (after signing out, say) replaces a stale address; one the
      // candidate chose has set the address already.
      const stale = this.routing === 'hash' && !this.#chosen && !this.view && isPortalView(/^#\/([a-z]+)$/.exec(location.hash)?.[1]);
      if (stale && location.hash !== `#/${view}`) history.replaceState(history.state, '', `#/${view}`);
    }
  }

  /** The view the live region last named. */
  #announced: PortalView | undefined;

  #shownStep = '';

  protected override updated(): void {
    // A step done replaces the element the candidate was in (the login by the real name, the form
    // by 报名审核): focus would fall back to the top of the page. Keep it at the new step. Only
    // when the focus was in the portal: a page that just opened keeps its own focus and scroll.
    const step = this.renderRoot.querySelector('[part="content"] > *:not(template)');
    const shown = step ? `${step.localName}:${step.getAttribute('document') ?? ''}` : '';
    if (shown === this.#shownStep) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (this.#focusInside && lost) this.renderRoot.querySelector<HTMLElement>('[part="content"]')?.focus();
    this.#shownStep = shown;
  }

  // --- rendering ---------------------------------------------------------------------------------

  protected override render() {
    const view = this.currentView;
    return html`<div class="portal">
      <slot name="header">${this.#renderRound()}</slot>
      <div class="body">
        ${this.#renderNav(view)}
        <div class="main">
          ${this.#renderAccount()}
          ${this.application === undefined || !customElements.get('rk-status-timeline')
            ? nothing
            : html`<rk-status-timeline
                part="timeline"
                class="timeline"
                .application=${this.application}
                .viewing=${STEPS_OF_VIEW[view]}
              ></rk-status-timeline>`}
          <div part="content" class="content" tabindex="-1">
            ${this.#renderView(view)}
          </div>
          <slot name="footer"></slot>
        </div>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  #renderRound() {
    const exam = this.#exam.session;
    const lang = this.localize.lang;
    if (!exam) {
      return html`<header class="round" part="round">
        <p>${this.#exam.error ? this.t('portal.round.error', { reason: this.localize.error(this.#exam.error) }) : this.t('portal.round.loading')}</p>
      </header>`;
    }
    // The seed: 点击左上角考试名称回到主页.
    return html`<header class="round" part="round">
      <h2 class="round-name"><a part="home" href=${`#/${viewForState(this.session, this.application)}`} @click=${this.#onHome}>${exam.name}</a></h2>
      <p>
        ${this.#messageWith('portal.round.registration', {
          from: whole(formatDateTime(lang, exam.registrationWindow.opensAt)),
          to: whole(formatDateTime(lang, exam.registrationWindow.closesAt)),
        })}
      </p>
      <p>${this.#messageWith('portal.round.exam', { dates: exam.examDates.map((date, i) => html`${i ? this.t('portal.round.dateSeparator') : ''}${whole(formatDay(lang, date))}`) })}</p>
      <button type="button" part="enter" class="enter" @click=${() => this.navigate('apply')}>${this.t('portal.round.enter')}</button>
    </header>`;
  }

  #renderNav(current: PortalView) {
    return html`<nav part="nav" class="nav ${this.menuOpen ? 'open' : ''}" aria-label=${this.t('portal.nav.label')}>
      <button
        type="button"
        part="menu-button"
        class="menu-button"
        aria-expanded=${this.menuOpen ? 'true' : 'false'}
        aria-controls="nav-list"
        @click=${() => (this.menuOpen = !this.menuOpen)}
      >
        <span aria-hidden="true">☰</span> ${this.t('portal.nav.menu')} · ${this.t(`portal.view.${current}`)}
      </button>
      <ul id="nav-list">
        <li>
          <a part="nav-item" class="home" href=${`#/${viewForState(this.session, this.application)}`} @click=${this.#onHome}
            >${this.t('portal.home')}</a
          >
        </li>
        ${PORTAL_VIEWS.map(
          (view) => html`<li>
            <a
              part="nav-item"
              href=${`#/${view}`}
              aria-current=${view === current ? 'page' : 'false'}
              @click=${(event: Event) => {
                event.preventDefault();
                this.navigate(view);
              }}
              >${this.t(`portal.view.${view}`)}</a
            >
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  /** A message of this element with some values as template parts (see messageParts). */
  #messageWith(key: string, parts: Record<string, unknown>): unknown[] {
    return messageParts((values) => this.t(key, values), parts);
  }

  readonly #onHome = (event: Event): void => {
    event.preventDefault();
    this.home();
  };

  #renderAccount() {
    const session = this.session;
    if (!session) return nothing;
    return html`<div class="account" part="account">
      <span>${this.t('portal.account', { account: session.user.account })}</span>
      <button type="button" class="link" @click=${() => void this.#logout()}>${this.t('portal.logout')}</button>
    </div>`;
  }

  /**
   * `content` once its elements are defined; until then a loading line, and the fetch of their
   * modules (offline: why, with a retry).
   */
  #withElements(tags: ElementTag[], content: TemplateResult): TemplateResult {
    const missing = tags.filter((tag) => !customElements.get(tag));
    if (missing.length === 0) return content;
    const failure = missing.map((tag) => this.#unloaded.get(tag)).find(Boolean);
    if (failure) {
      return html`<div class="notice danger" role="alert">
        <p>${this.t('portal.loadFailed', { reason: this.localize.error(failure) })}</p>
        <button type="button" @click=${() => this.#retryElements(missing)}>${this.t('common.retry')}</button>
      </div>`;
    }
    for (const tag of missing.filter((tag) => !this.#awaited.has(tag))) {
      this.#awaited.add(tag);
      ELEMENT_LOADERS[tag].load().then(
        () => {
          this.#awaited.delete(tag);
          this.requestUpdate();
        },
        (error: unknown) => {
          this.#awaited.delete(tag);
          this.#unloaded.set(tag, new NetworkError('portal', `${tag} could not be loaded`, { cause: error }));
          this.requestUpdate();
        },
      );
    }
    return html`<p role="status">${this.t('common.loading')}</p>`;
  }

  /** Back online: a view whose element could not be fetched tries again by itself. */
  readonly #onOnline = (): void => {
    if (this.#unloaded.size > 0) this.#retryElements([...this.#unloaded.keys()]);
    if (!customElements.get('rk-status-timeline')) this.#fetchTimeline();
  };

  #retryElements(tags: ElementTag[]): void {
    for (const tag of tags) this.#unloaded.delete(tag);
    this.requestUpdate();
  }

  #renderView(view: PortalView): TemplateResult | typeof nothing {
    if (view === 'notice') return this.#withElements(['rk-exam-notice'], html`<rk-exam-notice></rk-exam-notice>`);
    if (view === 'plan') return this.#withElements(['rk-exam-plan'], html`<rk-exam-plan></rk-exam-plan>`);
    // Every other view is the candidate's own: sign in first.
    const session = this.session;
    if (session === null) {
      const viewName = this.t(`portal.view.${view}`);
      const notice = this.#sessionEnded
        ? html`<p class="notice warning" part="session-ended" role="alert">${this.t('portal.sessionEnded', { view: viewName })}</p>`
        : html`<p class="notice">${this.t('portal.signIn', { view: viewName })}</p>`;
      return html`${notice} ${this.#withElements(['rk-login'], html`<rk-login></rk-login>`)}`;
    }
    if (session === undefined) return html`<p role="status">${this.t('common.loading')}</p>`;
    if (session.realName?.status !== 'verified') return this.#withElements(['rk-realname'], html`<rk-realname></rk-realname>`);
    switch (view) {
      case 'apply':
        return this.#renderApply();
      case 'review':
        return renderReview({
          application: this.application,
          error: this.applicationError,
          t: (key, params) => this.t(key, params),
          errorText: (error) => this.localize.error(error),
          refresh: () => void this.refresh(),
          go: (target) => this.navigate(target),
        });
      case 'payment':
        // Paid: the receipt the panel shows, then the way on to the 报名表.
        return this.#withElements(
          ['rk-payment-panel'],
          html`<rk-payment-panel></rk-payment-panel>
            ${this.application && PAID_APPLICATION_STATUSES.has(this.application.status)
              ? html`<div class="actions next">
                  <button type="button" class="primary" @click=${() => this.navigate('apply')}>${this.t('portal.toSlip')}</button>
                </div>`
              : nothing}`,
        );
      case 'ticket':
        return this.#withElements(['rk-ticket-printer'], html`<rk-ticket-printer document="ticket"></rk-ticket-printer>`);
      case 'arrangement':
        return this.#withElements(['rk-exam-arrangement'], html`<rk-exam-arrangement></rk-exam-arrangement>`);
      case 'score':
        return this.#withElements(['rk-score-query'], html`<rk-score-query></rk-score-query>`);
      default:
        return this.#withElements(['rk-certificate-query'], html`<rk-certificate-query></rk-certificate-query>`);
    }
  }

  /** 考生报名: the notice until accepted, then the form with the photo; the 报名表 once paid. */
  #renderApply() {
    const application = this.application;
    const exam = this.#exam.session;
    if (application === undefined || !exam) return html`<p role="status">${this.t('common.loading')}</p>`;
    if (application && PAID_APPLICATION_STATUSES.has(application.status)) {
      return this.#withElements(['rk-ticket-printer'], html`<rk-ticket-printer document="slip"></rk-ticket-printer>`);
    }
    const started = application !== null && (application.status !== 'draft' || Object.keys(application.fields).length > 0);
    if (!started && !readAcceptance(exam.id, exam.notice.title)) return this.#withElements(['rk-exam-notice'], html`<rk-exam-notice></rk-exam-notice>`);
    return this.#withElements(
      ['rk-registration-form', 'rk-photo-checker'],
      html`<rk-registration-form .qualification=${this.qualification}>
        <rk-photo-checker slot="photo"></rk-photo-checker>
      </rk-registration-form>`,
    );
  }
}

define('rk-portal', RkPortal, portalZhCN);
