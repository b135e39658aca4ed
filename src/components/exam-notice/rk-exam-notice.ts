import { ContextConsumer } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CountdownController } from '../../controllers/countdown-controller.js';
import { ExamSessionController } from '../../controllers/exam-session-controller.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { backendContext } from '../../services/context.js';
import { isRkError } from '../../services/errors.js';
import { noticeZhCN } from '../../services/i18n/parts/notice.js';
import type { Notice } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { RkElement } from '../base/rk-element.js';
import { styles } from './exam-notice.styles.js';
import { readAcceptance, rememberAcceptance } from './notice-acceptance.js';

/** `loading`, `error` (with retry), `no-backend`, `reading` (agreeing not possible yet), `ready`, `accepted`. */
export type ExamNoticeState = 'loading' | 'error' | 'no-backend' | 'reading' | 'ready' | 'accepted';

/** What `rk-notice-accepted` tells. */
export interface NoticeAcceptedDetail {
  /** The round whose notice it is (when loaded from the backend). */
  examSessionId: string | null;
  title: string;
  /** When the candidate agreed (ISO 8601). */
  acceptedAt: string;
  /** How the confirmation was unlocked: read to the end, or the minimum time passed. */
  unlockedBy: 'scroll' | 'time';
}

declare global {
  interface RkEventDetails {
    'rk-notice-accepted': NoticeAcceptedDetail;
  }
  interface HTMLElementEventMap {
    'rk-notice-accepted': CustomEvent<NoticeAcceptedDetail>;
  }
  interface HTMLElementTagNameMap {
    'rk-exam-notice': RkExamNotice;
  }
}

/**
 * The round's 考生须知, which the candidate must read and accept before registering. The text is
 * the backend's plain paragraphs, rendered as text (never as HTML). The "我已阅读并同意" box can
 * be ticked once the candidate has scrolled to the end of the notice (an IntersectionObserver
 * watches its last line) or once `min-seconds` have passed, whichever comes first. Acceptance is
 * remembered for the tab (sessionStorage), so a reload does not ask again.
 *
 * @tagname rk-exam-notice
 * @summary The candidate notice (考生须知): read, then accept; fires rk-notice-accepted.
 *
 * @fires rk-notice-accepted - The candidate agreed. `detail`: `NoticeAcceptedDetail`.
 *
 * @slot footer - Below the notice, e.g. a link to the full rules.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The notice's title.
 * @csspart text - The scrollable notice text.
 * @csspart agree - The "I have read and agree" checkbox line.
 * @csspart progress - The hint saying how to unlock the checkbox.
 * @csspart accept - The "agree and continue" button.
 * @csspart accepted - The confirmation once agreed.
 *
 * @cssprop --rk-notice-height - Height of the scrollable text (default `24rem`; `none` for no scrolling box).
 * @cssprop --rk-color-primary - Buttons.
 * @cssprop --rk-color-focus - The focus ring.
 * @cssprop --rk-target-size - Minimum size of the checkbox line and the button (44px).
 */
export class RkExamNotice extends RkElement {
  static override styles = styles;

  /** Reflected state (see `ExamNoticeState`). */
  @property({ reflect: true }) state: ExamNoticeState = 'loading';

  /** Seconds after which agreeing is possible without reading to the end (0: at once). */
  @property({ type: Number, attribute: 'min-seconds' }) minSeconds = 10;

  /** Whether the candidate agreed (reflected; a page may set it). */
  @property({ type: Boolean, reflect: true }) accepted = false;

  /** The notice to show, instead of the backend's. */
  @property({ attribute: false }) notice: Notice | undefined;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  @state() private readToEnd = false;
  @state() private agreed = false;
  @state() private mustAgree = false;
  @state() private announcement = '';

  readonly #backendContext = new ContextConsumer(this, {
    context: backendContext,
    subscribe: true,
    callback: () => this.requestUpdate(),
  });
  readonly #exam = new ExamSessionController(this, () => this.effectiveBackend);
  readonly #timer = new CountdownController(this, { onEnd: () => this.#unlocked('time') });
  #timerStarted = false;
  #observer: IntersectionObserver | undefined;
  #observed: Element | undefined;

  get effectiveBackend(): RegistrationBackend | undefined {
    return this.backend ?? this.#backendContext.value;
  }

  /** The notice shown: the property's, else the round's. */
  get effectiveNotice(): Notice | undefined {
    return this.notice ?? this.#exam.session?.notice;
  }

  /** Whether the checkbox can be ticked now. */
  get unlocked(): boolean {
    return this.readToEnd || (this.#timerStarted && !this.#timer.running) || this.minSeconds <= 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.notice) this.#exam.ensure();
    const notice = this.effectiveNotice;
    if (notice && !this.#timerStarted && this.minSeconds > 0) {
      this.#timerStarted = true;
      this.#timer.start(this.minSeconds);
    }
    if (changed.has('minSeconds') && this.#timerStarted && this.minSeconds <= 0) this.#timer.stop();
    if (notice && !this.accepted && this.#exam.session && readAcceptance(this.#exam.session.id, notice.title)) {
      this.accepted = true;
    }
    this.state = this.#computeState();
  }

  #computeState(): ExamNoticeState {
    if (this.accepted) return this.effectiveNotice ? 'accepted' : 'loading';
    if (this.effectiveNotice) return this.unlocked ? 'ready' : 'reading';
    if (this.#exam.error) return 'error';
    if (!this.effectiveBackend) return 'no-backend';
    return 'loading';
  }

  protected override updated(): void {
    const sentinel = this.renderRoot.querySelector('.end');
    if (sentinel === this.#observed) return;
    this.#observer?.disconnect();
    this.#observed = sentinel ?? undefined;
    if (!sentinel || this.readToEnd) return;
    // The end counts as read when it shows in the scrolling box, even if the page has scrolled the
    // box's bottom edge out of the window (focus moved, a short phone screen); a box that does not
    // scroll (--rk-notice-height: none) is read when its end shows in the window.
    const text = sentinel.parentElement!;
    const scrolls = text.scrollHeight > text.clientHeight + 1;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.#unlocked('scroll');
      },
      { root: scrolls ? text : null },
    );
    this.#observer.observe(sentinel);
  }

  #unlockedBy: 'scroll' | 'time' | undefined;

  #unlocked(by: 'scroll' | 'time'): void {
    if (by === 'scroll') {
      this.readToEnd = true;
      this.#observer?.disconnect();
    }
    if (this.#unlockedBy) {
      this.requestUpdate();
      return;
    }
    this.#unlockedBy = by;
    if (!this.accepted) this.announcement = this.t('notice.readDone');
    this.requestUpdate();
  }

  #toggle(event: Event): void {
    this.agreed = (event.target as HTMLInputElement).checked;
    if (this.agreed) this.mustAgree = false;
  }

  #accept(event: Event): void {
    event.preventDefault();
    const notice = this.effectiveNotice;
    if (!notice) return;
    if (!this.unlocked) {
      // Say again what unlocks the box (the hint is visible; this is for screen readers).
      this.announcement = '';
      void this.updateComplete.then(() => (this.announcement = this.#hint()));
      return;
    }
    if (!this.agreed) {
      this.mustAgree = true;
      this.renderRoot.querySelector<HTMLInputElement>('#agree')?.focus();
      return;
    }
    const examSessionId = this.#exam.session?.id ?? null;
    this.accepted = true;
    this.announcement = this.t('notice.accepted', { title: notice.title });
    if (examSessionId) rememberAcceptance(examSessionId, notice.title);
    this.emit('rk-notice-accepted', {
      examSessionId,
      title: notice.title,
      acceptedAt: new Date().toISOString(),
      unlockedBy: this.#unlockedBy ?? (this.minSeconds <= 0 ? 'time' : 'scroll'),
    });
  }

  protected override render() {
    return html`<section part="panel" aria-labelledby="title">
      ${this.#renderBody()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <slot name="footer"></slot>
    </section>`;
  }

  #renderBody() {
    const notice = this.effectiveNotice;
    if (!notice) {
      if (this.state === 'error') {
        const error = this.#exam.error;
        return html`<div class="notice danger" role="alert">
          <p>${this.t('notice.loadError', { reason: this.localize.error(error) })}</p>
          ${isRkError(error) && !error.retryable
            ? nothing
            : html`<button type="button" @click=${() => this.#exam.reload()}>${this.t('common.retry')}</button>`}
        </div>`;
      }
      if (this.state === 'no-backend') return html`<div class="notice">${this.t('notice.noBackend')}</div>`;
      return html`<p role="status">${this.t('notice.loading')}</p>`;
    }
    return html`<h2 id="title" part="title">${notice.title}</h2>
      <div
        class="text"
        part="text"
        tabindex="0"
        role="region"
        aria-label=${this.t('notice.regionLabel', { title: notice.title })}
      >
        ${notice.paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}
        <p class="end" aria-hidden="true">${this.t('notice.end')}</p>
      </div>
      ${this.accepted ? this.#renderAccepted(notice) : this.#renderConfirm(notice)}`;
  }

  #renderAccepted(notice: Notice) {
    return html`<p class="notice success" part="accepted">${this.t('notice.accepted', { title: notice.title })}</p>`;
  }

  #hint(): string {
    if (this.unlocked) return this.t('notice.readDone');
    return this.minSeconds > 0 ? this.t('notice.readHint', { seconds: this.#timer.remaining }) : this.t('notice.readHintScroll');
  }

  #renderConfirm(notice: Notice) {
    const unlocked = this.unlocked;
    const hint = this.#hint();
    return html`<form class="confirm" novalidate @submit=${(event: Event) => this.#accept(event)}>
      <div class="field ${this.mustAgree ? 'has-error' : ''}">
        <p class="hint" part="progress" id="agree-hint">${hint}</p>
        ${this.mustAgree
          ? html`<span class="error-message" id="agree-error">${this.t('notice.mustAgree')}</span>`
          : nothing}
        <label class="choice agree" part="agree">
          <input
            type="checkbox"
            id="agree"
            name="agree"
            .checked=${this.agreed}
            ?disabled=${!unlocked}
            aria-invalid=${this.mustAgree ? 'true' : 'false'}
            aria-describedby=${this.mustAgree ? 'agree-hint agree-error' : 'agree-hint'}
            @change=${(event: Event) => this.#toggle(event)}
          />
          <span>${this.t('notice.agree', { title: notice.title })}</span>
        </label>
      </div>
      <button type="submit" class="primary submit" part="accept" aria-disabled=${unlocked ? 'false' : 'true'}>
        ${this.t('notice.accept')}
      </button>
    </form>`;
  }
}

define('rk-exam-notice', RkExamNotice, noticeZhCN);
