import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { awaitsRelease, BackendQueryController, type QueryState } from '../../controllers/backend-query-controller.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { queriesZhCN } from '../../services/i18n/parts/queries.js';
import type { ScoreAvailability, ScoreReport } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { formatDateTime } from '../base/exam-format.js';
import { queryStyles, renderQueryState, renderUnavailable } from '../base/query-view.js';
import { RkElement } from '../base/rk-element.js';

/** The query's states, and `unavailable` (not yet published, not applicable). */
export type ScoreQueryState = QueryState | 'unavailable';

declare global {
  interface HTMLElementTagNameMap {
    'rk-score-query': RkScoreQuery;
  }
}

/** Scores as printed: whole numbers stay whole, others keep one decimal (e.g. 47.5). */
const scoreText = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/**
 * 成绩查询: each subject's score out of its maximum, the pass line (data from the backend: 45 of
 * 75 nationally, other lines where announced), passed or not, 缺考 for an absent subject, and the
 * overall result (every subject must pass in the same sitting). Before release it says when scores
 * are published. Results are said in words, not only in colour.
 *
 * @tagname rk-score-query
 * @summary The candidate's scores per subject, the pass line, and whether they passed.
 *
 * @fires rk-session-expired - The backend said the candidate is no longer signed in.
 *
 * @slot footer - Below the scores.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading.
 * @csspart overall - The overall result.
 * @csspart table - The scores table (cards on phones).
 * @csspart unavailable - The notice when there are no scores to show.
 *
 * @cssprop --rk-color-success - Passed.
 * @cssprop --rk-color-danger - Not passed.
 */
export class RkScoreQuery extends RkElement {
  static override styles = [
    queryStyles,
    css`
      .overall {
        font-size: 1.125em;
        font-weight: 600;
      }
      .passed {
        color: var(--_success);
        font-weight: 600;
      }
      .failed {
        color: var(--_danger);
        font-weight: 600;
      }
      .score {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ reflect: true }) state: ScoreQueryState = 'loading';

  /** `passed` or `failed` once scores are shown (reflected, for styling). */
  @property({ reflect: true }) result: 'passed' | 'failed' | '' = '';

  /** An answer to show instead of the backend's. */
  @property({ attribute: false }) scores: ScoreAvailability | undefined;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  readonly #query = new BackendQueryController<ScoreAvailability>(this, (backend, signal) =>
    this.scores ? Promise.resolve(this.scores) : backend.getScores({ signal }),
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
    const answer = this.scores ?? this.#query.value;
    const state = this.scores ? 'ready' : this.#query.state;
    this.state = state === 'ready' && answer?.status !== 'available' ? 'unavailable' : state;
    this.result = this.state === 'ready' && answer?.status === 'available' ? (answer.content.passed ? 'passed' : 'failed') : '';
  }

  protected override render() {
    return html`<section part="panel" aria-labelledby="title">
      <h2 id="title" part="title">${this.t('score.title')}</h2>
      ${this.#renderBody()}
      <slot name="footer"></slot>
    </section>`;
  }

  #renderBody() {
    const answer = this.scores ?? this.#query.value;
    if (!this.scores) {
      const pending = renderQueryState(this.#query, (k, p) => this.t(k, p), (e) => this.localize.error(e));
      if (pending) return pending;
    }
    if (!answer) return nothing;
    if (answer.status !== 'available') return renderUnavailable(answer, this.t('score.what'), (k, p) => this.t(k, p), this.localize.lang);
    return this.#renderReport(answer.content);
  }

  #renderReport(report: ScoreReport) {
    return html`<p class="subtitle">${report.examSessionName}</p>
      <p>${this.t('score.qualification')}：${report.qualification}</p>
      <p part="overall" class="overall notice ${report.passed ? 'success' : 'danger'}" role="status">
        ${this.t(report.passed ? 'score.overall.passed' : 'score.overall.failed')}
      </p>
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${this.t('score.subject')}</th>
            <th scope="col">${this.t('score.score')}</th>
            <th scope="col">${this.t('score.passLine')}</th>
            <th scope="col">${this.t('score.result')}</th>
          </tr>
        </thead>
        <tbody>
          ${report.subjects.map(
            (subject) => html`<tr>
              <th scope="row">${subject.name}</th>
              <td data-label=${this.t('score.score')} class="score">
                ${subject.score === null
                  ? this.t('score.absent')
                  : this.t('score.outOf', { score: scoreText(subject.score), max: scoreText(subject.maxScore) })}
              </td>
              <td data-label=${this.t('score.passLine')} class="score">${scoreText(subject.passLine)}</td>
              <td data-label=${this.t('score.result')} class=${subject.passed ? 'passed' : 'failed'}>
                ${this.t(subject.passed ? 'score.passed' : 'score.failed')}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="hint">${this.t('score.publishedAt', { date: formatDateTime(this.localize.lang, report.publishedAt) })}</p>
      <p class="hint">${this.t('score.passLineNote')}</p>`;
  }
}

define('rk-score-query', RkScoreQuery, queriesZhCN);
