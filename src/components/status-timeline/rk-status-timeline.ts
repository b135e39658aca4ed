import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BackendConsumer, changed } from '../../controllers/backend-consumer.js';
import { ExamSessionController } from '../../controllers/exam-session-controller.js';
import { LazyRecheck } from '../../controllers/lazy-recheck.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { isRkError, isSignedOutError } from '../../services/errors.js';
import type {
  Application,
  ScoreAvailability,
  TicketAvailability,
} from '../../services/schemas.js';
import { PAID_APPLICATION_STATUSES } from '../../services/application-status.js';
import { timelineZhCN } from '../../services/i18n/parts/timeline.js';
import { define } from '../base/define.js';
import { formatMonthDay } from '../base/exam-format.js';
import { formStyles } from '../base/form-styles.js';
import { RkElement } from '../base/rk-element.js';
import { readAcceptance } from '../exam-notice/notice-acceptance.js';
import { journey, type JourneyStep, type StepStatus } from './journey.js';

/** `loading`, `error` (with retry), `no-backend`, `ready`. */
export type TimelineState = 'loading' | 'error' | 'no-backend' | 'ready';

/** What `rk-navigate` tells: the step chosen, and whether its action button was used. */
export interface NavigateDetail {
  step: JourneyStep;
  /** True when the current step's action ("去缴费", …) was chosen rather than the step's name. */
  action: boolean;
}

declare global {
  interface RkEventDetails {
    'rk-navigate': NavigateDetail;
  }
  interface HTMLElementEventMap {
    'rk-navigate': CustomEvent<NavigateDetail>;
  }
  interface HTMLElementTagNameMap {
    'rk-status-timeline': RkStatusTimeline;
  }
}

const MARKS: Record<StepStatus['state'], string> = { done: '✓', current: '', pending: '', waiting: '', failed: '!', 'not-applicable': '–' };

/**
 * Where the candidate stands: 注册登录 → 实名认证 → 考生须知 → 填报信息 → 上传照片 → 报名审核 →
 * 网上缴费 → 打印准考证 → 参加考试 → 成绩查询 → 证书领取, each step done, current, waiting (with
 * the date it opens, e.g. ticket printing), failed (with the reason) or not applicable, from the
 * backend's state. The current step offers its action; choosing any step fires `rk-navigate`,
 * so a page (or `rk-portal`) shows the right element. An ordered list for screen readers, each
 * step with its state in words; horizontal in wide columns, vertical in narrow ones.
 *
 * @tagname rk-status-timeline
 * @summary The candidate's journey from account to certificate, each step's state, the next action.
 *
 * @fires rk-navigate - A step (or the current step's action) was chosen. `detail`: `NavigateDetail` (`{ step, action }`).
 * @fires rk-session-expired - The backend said the candidate is no longer signed in (rk-provider then clears the session).
 *
 * @csspart list - The ordered list of steps.
 * @csspart step - Each step (`data-state`: done, current, waiting, failed, not-applicable).
 * @csspart marker - The circle of a step.
 * @csspart action - The current step's action button.
 * @csspart toggle - In a narrow column, the button that shows every step or only the one that matters now.
 *
 * @cssprop --rk-color-primary - Current and done steps.
 * @cssprop --rk-color-danger - A failed step.
 * @cssprop --rk-color-muted - Waiting steps.
 */
export class RkStatusTimeline extends RkElement {
  static override styles = [
    formStyles,
    css`
      :host {
        max-width: none;
        container-type: inline-size;
      }
      ol {
        display: flex;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        position: relative;
        flex: 1 1 0;
        min-width: 0;
        padding: 0 2px;
        text-align: center;
        font-size: 0.875em;
        line-height: 1.35;
      }
      /* The line between markers. */
      li + li::before {
        content: '';
        position: absolute;
        top: 15px;
        right: 50%;
        width: 100%;
        height: 2px;
        background: var(--_border);
        z-index: 0;
      }
      li[data-state='done'] + li::before,
      li[data-state='done'] + li[data-state='current']::before {
        background: var(--_primary);
      }
      .step {
        position: relative;
        z-index: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 2px;
        width: 100%;
        min-height: var(--_target);
        padding: 0 0 4px;
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        cursor: pointer;
        border-radius: var(--_radius);
      }
      .step:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
      }
      [part='marker'] {
        display: flex;
        align-items: center;
        justify-content: center;
        width: 32px;
        height: 32px;
        border: 2px solid var(--_border);
        border-radius: 50%;
        background: var(--_surface);
        color: var(--_muted);
        font-weight: 700;
      }
      [data-state='done'] [part='marker'] {
        background: var(--_primary);
        border-color: var(--_primary);
        color: var(--_primary-contrast);
      }
      [data-state='current'] [part='marker'],
      [data-state='pending'] [part='marker'] {
        border-color: var(--_primary);
        color: var(--_primary);
        box-shadow: 0 0 0 4px color-mix(in srgb, var(--_primary) 20%, transparent);
      }
      /* The office is at it (审核中). */
      [data-state='pending'] [part='marker'] {
        border-style: dashed;
        box-shadow: none;
      }
      [data-state='failed'] [part='marker'] {
        border-color: var(--_danger);
        background: var(--_danger);
        color: #ffffff;
      }
      .label {
        display: flex;
        flex-direction: column;
        align-items: center;
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      [data-state='waiting'] .name,
      [data-state='not-applicable'] .name {
        color: var(--_muted);
        font-weight: normal;
      }
      .state {
        color: var(--_muted);
        font-size: 0.8125em;
        /* Chinese breaks between any two characters: a date would break inside itself (2027年1 / 月28日). */
        word-break: keep-all;
      }

      [data-state='failed'] .state {
        color: var(--_danger);
      }
      [data-state='current'] .state,
      [data-state='pending'] .state {
        color: var(--_primary);
      }
      .next {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space);
        margin: var(--_space) 0 0;
      }
      .reason {
        color: var(--_danger);
      }
      .toggle {
        display: none;
      }
      @container (max-width: 640px) {
        ol {
          flex-direction: column;
        }
        li {
          text-align: left;
          padding: 0;
        }
        /* From the previous marker's centre to this one's. */
        li + li::before {
          top: -50%;
          left: 15px;
          right: auto;
          width: 2px;
          height: 100%;
        }
        .step {
          flex-direction: row;
          justify-content: flex-start;
          gap: var(--_space);
          padding: 4px 0;
          text-align: left;
        }
        [part='marker'] {
          flex: none;
        }
        .label {
          align-items: flex-start;
        }
        /* Folded on a phone: the step that matters now, and a way to see them all. */
        ol:not(.expanded) li:not(.focus),
        ol:not(.expanded) li::before {
          display: none;
        }
        .toggle {
          display: inline-flex;
        }
      }
    `,
  ];

  @property({ reflect: true }) state: TimelineState = 'loading';

  /** The current step (reflected), or empty when nothing is the candidate's to do. */
  @property({ reflect: true }) current: JourneyStep | '' = '';

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  /** The application, when the page has it (then it is not asked for); `null`: none yet. */
  @property({ attribute: false }) application: Application | null | undefined;

  /**
   * The steps whose page the candidate is on (`rk-portal` sets it): the current step's action is
   * not offered when it is one of them ("下一步：去缴费" on the payment page).
   */
  @property({ attribute: false }) viewing: readonly JourneyStep[] = [];

  @state() private loaded: { application: Application | null; ticket?: TicketAvailability; scores?: ScoreAvailability } | undefined;
  @state() private loadError: unknown;
  /** In a narrow column: every step shown, not only the one that matters now. */
  @state() private expanded = false;

  /**
   * The backend and the session, which backend, session (any other, signed out included) and
   * given application the steps were loaded for, the load under way.
   */
  readonly #consumer = new BackendConsumer(this, changed);
  readonly #exam = new ExamSessionController(this, () => this.effectiveBackend);
  /**
   * Alone on a page, it keeps up by itself (a step opening, the tab shown again); given the
   * application by the page (the portal), the page keeps it current.
   */
  readonly #recheck = new LazyRecheck(this, {
    check: () => this.#refresh(true),
    // Until the certificate something is on its way: the office's review, a date, a release.
    waiting: () => this.#alone() && this.steps.at(-1)!.state === 'waiting',
    due: () => (this.#alone() ? this.steps.map((step) => Date.parse(step.opensAt ?? '')).sort((a, b) => a - b).find((at) => at > this.#exam.now()) : undefined),
    now: () => this.#exam.now(),
  });

  #alone(): boolean {
    return this.application === undefined && this.state === 'ready';
  }

  get effectiveBackend(): RegistrationBackend | undefined {
    return this.#consumer.backend;
  }

  /** The steps as they stand now. */
  get steps(): StepStatus[] {
    const exam = this.#exam.session;
    const application = this.application !== undefined ? this.application : this.loaded?.application;
    return journey({
      session: this.#consumer.session,
      application,
      examSession: exam,
      noticeAccepted: exam ? readAcceptance(exam.id, exam.notice.title) : false,
      ticket: this.loaded?.ticket,
      scores: this.loaded?.scores,
      now: this.#exam.now(),
    });
  }

  /** Asks the backend again (after a step was done elsewhere on the page). */
  refresh(): Promise<void> {
    return this.#refresh(false);
  }

  /** `quiet`: a failure keeps the steps shown (a check the candidate did not ask for). */
  async #refresh(quiet: boolean): Promise<void> {
    const backend = this.effectiveBackend;
    const session = this.#consumer.session;
    if (!backend) return;
    this.#consumer.asking(this.application);
    // A new request aborts the one before, also when none is needed.
    const signal = this.#consumer.request();
    this.loadError = undefined;
    if (!session) {
      this.loaded = { application: null };
      return;
    }
    try {
      const application = this.application !== undefined ? this.application : await backend.getApplication({ signal });
      const paid = application !== null && PAID_APPLICATION_STATUSES.has(application.status);
      const [ticket, scores] = paid
        ? await Promise.all([backend.getAdmissionTicket({ signal }), backend.getScores({ signal })])
        : [undefined, undefined];
      if (signal.aborted) return;
      this.loaded = { application, ...(ticket ? { ticket } : {}), ...(scores ? { scores } : {}) };
    } catch (error) {
      if (signal.aborted) return;
      // Shown until rk-provider, told, clears the session: the steps then start from 登录.
      if (isSignedOutError(error)) {
        this.loadError = error;
        this.emit('rk-session-expired', undefined);
      } else if (!(quiet && this.loaded)) this.loadError = error;
    } finally {
      this.#recheck.answered();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#consumer.asked = undefined;
  }

  protected override firstUpdated(): void {
    if (this.application === undefined) this.#recheck.start().catch(() => undefined);
  }

  protected override willUpdate(): void {
    this.#exam.ensure();
    const backend = this.effectiveBackend;
    // Not before the session is known; then whenever it, the backend or the given application changes.
    if (this.#consumer.session !== undefined && this.#consumer.due(this.application)) void this.refresh();
    this.state = !backend ? 'no-backend' : this.loadError ? 'error' : this.loaded && this.#exam.session ? 'ready' : 'loading';
    this.current = this.state === 'ready' ? (this.steps.find((step) => step.state === 'current')?.step ?? '') : '';
  }

  #navigate(step: JourneyStep, action: boolean): void {
    // The candidate asks where things stand: alone on a page, look again (the page does otherwise).
    if (action && this.application === undefined) void this.#recheck.recheck();
    this.emit('rk-navigate', { step, action });
  }

  protected override render() {
    if (this.state === 'no-backend') return nothing;
    if (this.state === 'error') {
      return html`<div class="notice danger" role="alert">
        <p>${this.t('timeline.loadError', { reason: this.localize.error(this.loadError) })}</p>
        ${isRkError(this.loadError) && !this.loadError.retryable
          ? nothing
          : html`<button type="button" @click=${() => void this.refresh()}>${this.t('common.retry')}</button>`}
      </div>`;
    }
    if (this.state === 'loading') return html`<p role="status">${this.t('timeline.loading')}</p>`;
    const steps = this.steps;
    const lang = this.localize.lang;
    const current = steps.find((step) => step.state === 'current');
    const failed = steps.find((step) => step.state === 'failed');
    // The step that matters now, the one a folded (phone) bar shows: the candidate's, else the
    // first one not done.
    const focus = current ?? failed ?? steps.find((step) => step.state !== 'done') ?? steps.at(-1)!;
    // Not "下一步：去缴费" on the payment page itself.
    const action = current && !this.viewing.includes(current.step) ? current : undefined;
    return html`<nav aria-label=${this.t('timeline.title')}>
      <ol part="list" id="steps" class=${this.expanded ? 'expanded' : ''}>
        ${steps.map((status, index) => {
          const name = this.t(`timeline.step.${status.step}`);
          const stateText = this.t(`timeline.state.${status.state}`);
          const when = status.state === 'waiting' && status.opensAt ? this.t('timeline.opensAt', { date: formatMonthDay(lang, status.opensAt) }) : '';
          // No white space between the label's spans: the button's name reads 第 7 步，网上缴费：进行中.
          return html`<li
            part="step"
            class=${status === focus ? 'focus' : ''}
            data-state=${status.state}
            data-step=${status.step}
            aria-current=${status.state === 'current' ? 'step' : 'false'}
          >
            <button type="button" class="step" @click=${() => this.#navigate(status.step, false)}>
              <span part="marker" aria-hidden="true">${MARKS[status.state] || index + 1}</span>
              <span class="label"
                ><span class="visually-hidden">${this.t('timeline.stepNumber', { n: index + 1 })}</span
                ><span class="name">${name}</span
                ><span class="visually-hidden">${when ? `：${stateText}，` : '：'}</span
                ><span class="state">${when || stateText}</span></span
              >
            </button>
          </li>`;
        })}
      </ol>
      <button
        type="button"
        part="toggle"
        class="toggle link"
        aria-controls="steps"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        @click=${() => (this.expanded = !this.expanded)}
      >
        ${this.t('timeline.all', { n: steps.length })} <span aria-hidden="true">${this.expanded ? '▴' : '▾'}</span>
      </button>
      ${action || failed?.reason
        ? html`<div class="next">
            ${failed?.reason ? html`<span class="reason">${this.t(`timeline.step.${failed.step}`)}：${failed.reason}</span>` : nothing}
            ${action
              ? html`<button type="button" part="action" class="primary" @click=${() => this.#navigate(action.step, true)}>
                  ${this.t('timeline.next')}${this.t(`timeline.action.${action.step}`)}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </nav>`;
  }
}

define('rk-status-timeline', RkStatusTimeline, timelineZhCN);
