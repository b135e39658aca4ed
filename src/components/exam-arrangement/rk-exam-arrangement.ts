import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { awaitsRelease, BackendQueryController, type QueryState } from '../../controllers/backend-query-controller.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { queriesZhCN } from '../../services/i18n/parts/queries.js';
import type { ArrangementAvailability, ExamArrangement } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { formatSitting } from '../base/exam-format.js';
import { queryStyles, renderQueryState, renderUnavailable } from '../base/query-view.js';
import { RkElement } from '../base/rk-element.js';

/** The query's states, and `unavailable` (not yet, closed, not applicable). */
export type ArrangementState = QueryState | 'unavailable';

declare global {
  interface HTMLElementTagNameMap {
    'rk-exam-arrangement': RkExamArrangement;
  }
}

/**
 * 考试安排: for each subject the candidate sits, the time (Beijing time), the exam site and its
 * address, the room and the seat, from `getExamArrangement`. Before tickets are published it
 * says when the arrangement opens; before payment why there is none. A table on wide screens,
 * one card per subject on phones.
 *
 * @tagname rk-exam-arrangement
 * @summary The candidate's exam arrangement: subjects, times, site, address, room and seat.
 *
 * @fires rk-session-expired - The backend said the candidate is no longer signed in.
 *
 * @slot footer - Below the arrangement.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading.
 * @csspart table - The arrangement table (cards on phones).
 * @csspart unavailable - The notice when there is no arrangement to show.
 *
 * @cssprop --rk-color-primary - Table header tint, buttons.
 * @cssprop --rk-color-border - Table lines.
 */
export class RkExamArrangement extends RkElement {
  static override styles = queryStyles;

  @property({ reflect: true }) state: ArrangementState = 'loading';

  /** An answer to show instead of the backend's (a page that already has it). */
  @property({ attribute: false }) arrangement: ArrangementAvailability | undefined;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  readonly #query = new BackendQueryController<ArrangementAvailability>(this, (backend, signal) =>
    this.arrangement ? Promise.resolve(this.arrangement) : backend.getExamArrangement({ signal }),
    awaitsRelease,
  );

  /** Asks the backend again. */
  reload(): Promise<void> {
    return this.#query.reload();
  }

  /** Asks again quietly, keeping what is shown until the answer (the candidate asked; the page knows something changed). */
  recheck(): Promise<void> {
    return this.#query.recheck();
  }

  protected override willUpdate(): void {
    const answer = this.arrangement ?? this.#query.value;
    const state = this.arrangement ? 'ready' : this.#query.state;
    this.state = state === 'ready' && answer?.status !== 'available' ? 'unavailable' : state;
  }

  protected override render() {
    return html`<section part="panel" aria-labelledby="title">
      <h2 id="title" part="title">${this.t('arrangement.title')}</h2>
      ${this.#renderBody()}
      <slot name="footer"></slot>
    </section>`;
  }

  #renderBody() {
    const answer = this.arrangement ?? this.#query.value;
    if (!this.arrangement) {
      const pending = renderQueryState(this.#query, (k, p) => this.t(k, p), (e) => this.localize.error(e));
      if (pending) return pending;
    }
    if (!answer) return html``;
    if (answer.status !== 'available') return renderUnavailable(answer, this.t('arrangement.what'), (k, p) => this.t(k, p), this.localize.lang);
    return this.#renderArrangement(answer.content);
  }

  #renderArrangement(arrangement: ExamArrangement) {
    const lang = this.localize.lang;
    if (arrangement.items.length === 0) return html`<p>${this.t('arrangement.empty')}</p>`;
    return html`<p class="subtitle">${arrangement.examSessionName}</p>
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${this.t('arrangement.subject')}</th>
            <th scope="col">${this.t('arrangement.time')}</th>
            <th scope="col">${this.t('arrangement.site')}</th>
            <th scope="col">${this.t('arrangement.address')}</th>
            <th scope="col">${this.t('arrangement.room')}</th>
            <th scope="col">${this.t('arrangement.seat')}</th>
          </tr>
        </thead>
        <tbody>
          ${arrangement.items.map(
            (item) => html`<tr>
              <th scope="row">${item.subject}</th>
              <td data-label=${this.t('arrangement.time')}>${formatSitting(lang, item.startsAt, item.endsAt)}</td>
              <td data-label=${this.t('arrangement.site')}>${item.site.name}</td>
              <td data-label=${this.t('arrangement.address')}>${item.site.address}</td>
              <td data-label=${this.t('arrangement.room')}>${item.site.room}</td>
              <td data-label=${this.t('arrangement.seat')}>${item.site.seat}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="hint">${this.t('arrangement.timeZone')}</p>`;
  }
}

define('rk-exam-arrangement', RkExamArrangement, queriesZhCN);
