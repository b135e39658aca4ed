import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ExamSessionController } from '../../controllers/exam-session-controller.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { backendContext } from '../../services/context.js';
import { isRkError } from '../../services/errors.js';
import { planZhCN } from '../../services/i18n/parts/plan.js';
import type { ExamSession, Level, Qualification } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { fenToYuan, formatDateTime, formatDay, formatSitting } from '../base/exam-format.js';
import { RkElement } from '../base/rk-element.js';
import { styles } from './exam-plan.styles.js';
import { feeText } from './plan-fees.js';

/** `loading`, `error` (with retry), `no-backend`, `ready`. */
export type ExamPlanState = 'loading' | 'error' | 'no-backend' | 'ready';

/** What `rk-plan-select` tells: the chosen qualification (what `rk-registration-form`'s `qualification` takes). */
export interface PlanSelectDetail {
  levelId: string;
  qualificationId: string;
  /** Display names, e.g. 中级 and 软件设计师. */
  level: string;
  qualification: string;
}

declare global {
  interface RkEventDetails {
    'rk-plan-select': PlanSelectDetail;
  }
  interface HTMLElementEventMap {
    'rk-plan-select': CustomEvent<PlanSelectDetail>;
  }
  interface HTMLElementTagNameMap {
    'rk-exam-plan': RkExamPlan;
  }
}

/**
 * The round's exam plan (考试计划): the levels, their qualifications, each qualification's
 * subjects with the sitting times, and the fee as the province charges it (per level, per
 * qualification or per subject). A table on wide screens, one card per qualification on phones;
 * a filter by level. Choosing a qualification fires `rk-plan-select`, which a page hands to
 * `rk-registration-form` as its `qualification`.
 *
 * @tagname rk-exam-plan
 * @summary The exam plan: levels, qualifications, subjects, times, fees; choose a qualification.
 *
 * @fires rk-plan-select - A qualification was chosen. `detail`: `PlanSelectDetail` (`{ levelId, qualificationId, level, qualification }`).
 *
 * @slot footer - Below the plan.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading.
 * @csspart dates - The exam dates and windows.
 * @csspart filter - The level filter.
 * @csspart level - Each level's table.
 * @csspart row - A qualification's row (card on phones).
 * @csspart select - A qualification's "choose" button.
 *
 * @cssprop --rk-color-primary - Buttons, the chosen row.
 * @cssprop --rk-color-focus - The focus ring.
 * @cssprop --rk-target-size - Minimum size of buttons and filter choices (44px).
 */
export class RkExamPlan extends RkElement {
  static override styles = styles;

  @property({ reflect: true }) state: ExamPlanState = 'loading';

  /** Show only this level (its id); empty: every level. */
  @property({ reflect: true }) level = '';

  /** The chosen qualification's id (reflected; set it to show a choice made elsewhere). */
  @property({ reflect: true }) selected = '';

  /** Only show the plan: no "choose" buttons. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The round to show, instead of the backend's. */
  @property({ attribute: false }) examSession: ExamSession | undefined;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  @state() private announcement = '';

  readonly #backendContext = new ContextConsumer(this, {
    context: backendContext,
    subscribe: true,
    callback: () => this.requestUpdate(),
  });
  readonly #exam = new ExamSessionController(this, () => this.effectiveBackend);

  get effectiveBackend(): RegistrationBackend | undefined {
    return this.backend ?? this.#backendContext.value;
  }

  get effectiveSession(): ExamSession | undefined {
    return this.examSession ?? this.#exam.session;
  }

  protected override willUpdate(): void {
    if (!this.examSession) this.#exam.ensure();
    this.state = this.effectiveSession
      ? 'ready'
      : this.#exam.error
        ? 'error'
        : this.effectiveBackend
          ? 'loading'
          : 'no-backend';
  }

  #choose(level: Level, qualification: Qualification): void {
    this.selected = qualification.id;
    this.announcement = this.t('plan.selectedNote', { level: level.name, qualification: qualification.name });
    this.emit('rk-plan-select', {
      levelId: level.id,
      qualificationId: qualification.id,
      level: level.name,
      qualification: qualification.name,
    });
  }

  protected override render() {
    return html`<section part="panel" aria-labelledby="title">
      <h2 id="title" part="title">${this.t('plan.title')}</h2>
      ${this.#renderBody()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <slot name="footer"></slot>
    </section>`;
  }

  #renderBody() {
    const session = this.effectiveSession;
    if (!session) {
      if (this.state === 'error') {
        const error = this.#exam.error;
        return html`<div class="notice danger" role="alert">
          <p>${this.t('plan.loadError', { reason: this.localize.error(error) })}</p>
          ${isRkError(error) && !error.retryable
            ? nothing
            : html`<button type="button" @click=${() => this.#exam.reload()}>${this.t('common.retry')}</button>`}
        </div>`;
      }
      if (this.state === 'no-backend') return html`<div class="notice">${this.t('plan.noBackend')}</div>`;
      return html`<p role="status">${this.t('plan.loading')}</p>`;
    }
    const levels = session.plan.levels.filter((level) => !this.level || level.id === this.level);
    return html`${this.#renderDates(session)} ${this.#renderFilter(session)}
      <div aria-live="polite">${levels.map((level) => this.#renderLevel(level))}</div>
      <p class="hint">${this.t('plan.timeZone')}</p>`;
  }

  #renderDates(session: ExamSession) {
    const lang = this.localize.lang;
    const range = (window: ExamSession['registrationWindow']) => ({
      opensAt: formatDateTime(lang, window.opensAt),
      closesAt: formatDateTime(lang, window.closesAt),
    });
    return html`<div class="dates" part="dates">
      <p class="round">${session.name}</p>
      <ul>
        <li>${this.t('plan.examDates', { dates: session.examDates.map((d) => formatDay(lang, d)).join('、') })}</li>
        <li>${this.t('plan.registrationWindow', range(session.registrationWindow))}</li>
        <li>${this.t('plan.paymentWindow', range(session.paymentWindow))}</li>
      </ul>
    </div>`;
  }

  /** Radios (not tabs): a filter of one list, usable with arrow keys, each choice 44 px high. */
  #renderFilter(session: ExamSession) {
    const choices = [{ id: '', name: this.t('plan.filter.all') }, ...session.plan.levels.map((l) => ({ id: l.id, name: l.name }))];
    return html`<fieldset class="filter" part="filter">
      <legend>${this.t('plan.filter.legend')}</legend>
      <div class="pills">
        ${choices.map(
          (choice) => html`<label class="pill">
            <input
              type="radio"
              name="level"
              value=${choice.id}
              .checked=${this.level === choice.id}
              @change=${() => (this.level = choice.id)}
            /><span>${choice.name}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderLevel(level: Level) {
    const lang = this.localize.lang;
    const fen = (amount: number) => this.t('common.yuan', { amount: fenToYuan(amount) });
    const headingId = `level-${level.id}`;
    return html`<section class="level" part="level" aria-labelledby=${headingId}>
      <h3 id=${headingId}>
        ${this.t('plan.level.heading', { level: level.name, count: level.qualifications.length })}
        ${level.feeFen !== undefined ? html`<span class="level-fee">${this.t('plan.fee.perLevel', { amount: fen(level.feeFen) })}</span>` : nothing}
      </h3>
      ${level.qualifications.length === 0
        ? html`<p class="placeholder">${this.t('plan.empty')}</p>`
        : html`<table role="table" aria-labelledby=${headingId}>
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">${this.t('plan.col.qualification')}</th>
                <th role="columnheader" scope="col">${this.t('plan.col.subjects')}</th>
                <th role="columnheader" scope="col">${this.t('plan.col.fee')}</th>
                ${this.readonly ? nothing : html`<th role="columnheader" scope="col">${this.t('plan.col.action')}</th>`}
              </tr>
            </thead>
            <tbody role="rowgroup">
              ${level.qualifications.map((qualification) => {
                const chosen = this.selected === qualification.id;
                return html`<tr role="row" part="row" class=${chosen ? 'chosen' : ''} aria-current=${chosen ? 'true' : 'false'}>
                  <th role="rowheader" scope="row" class="name">${qualification.name}</th>
                  <td role="cell" data-label=${this.t('plan.col.subjects')}>
                    <ul class="subjects">
                      ${qualification.subjects.map(
                        (subject) => html`<li>
                          <span class="subject-name">${subject.name}</span>
                          <span class="subject-time">${formatSitting(lang, subject.startsAt, subject.endsAt)}</span>
                        </li>`,
                      )}
                    </ul>
                  </td>
                  <td role="cell" data-label=${this.t('plan.col.fee')} class="fee">${feeText(level, qualification, fen, (k, p) => this.t(k, p))}</td>
                  ${this.readonly
                    ? nothing
                    : html`<td role="cell" class="action">
                        <button
                          type="button"
                          part="select"
                          class=${chosen ? 'primary' : ''}
                          aria-pressed=${chosen ? 'true' : 'false'}
                          @click=${() => this.#choose(level, qualification)}
                        >
                          ${chosen ? this.t('plan.selected') : this.t('plan.select')}<span class="visually-hidden"
                            >${this.t('plan.selectFor', { qualification: qualification.name })}</span
                          >
                        </button>
                      </td>`}
                </tr>`;
              })}
            </tbody>
          </table>`}
    </section>`;
  }
}

define('rk-exam-plan', RkExamPlan, planZhCN);
