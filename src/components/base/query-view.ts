/**
 * What the query elements (考试安排, 成绩查询, 证书查询) share: the states before an answer
 * (loading, error with 重试, signed out, no backend), the answers of a document that exists only
 * inside a window (`not-yet` with its date, `closed`, `not-applicable` with the reason), and the
 * table that turns into one card per row on phones.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { BackendQueryController } from '../../controllers/backend-query-controller.js';
import { isRkError } from '../../services/errors.js';
import type { Locale } from '../../services/i18n/index.js';
import { formatDateTime } from './exam-format.js';
import { formStyles } from './form-styles.js';
import { panelStyles } from './panel-styles.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** An answer of `availability()` in schemas.ts, whatever its content. */
export type Unavailable =
  | { status: 'not-yet'; opensAt: string | null }
  | { status: 'closed'; closedAt: string | null }
  | { status: 'not-applicable'; reason?: string | undefined };

/** The body for every state but `ready`; `undefined` when ready. */
export function renderQueryState(
  query: BackendQueryController<unknown>,
  t: Translate,
  errorText: (error: unknown) => string,
): TemplateResult | undefined {
  switch (query.state) {
    case 'no-backend':
      return html`<div class="notice">${t('query.noBackend')}</div>`;
    case 'signed-out':
      return html`<div class="notice">${t('query.signedOut')}</div>`;
    case 'loading':
      return html`<p role="status">${t('query.loading')}</p>`;
    case 'error':
      return html`<div class="notice danger" role="alert">
        <p>${t('query.loadError', { reason: errorText(query.error) })}</p>
        ${isRkError(query.error) && !query.error.retryable
          ? nothing
          : html`<button type="button" @click=${() => void query.reload()}>${t('common.retry')}</button>`}
      </div>`;
    default:
      return undefined;
  }
}

/** The notice of a document that is not available: when it opens, that it closed, or why not. */
export function renderUnavailable(answer: Unavailable, what: string, t: Translate, lang: Locale): TemplateResult {
  let text: string;
  if (answer.status === 'not-yet') {
    text = answer.opensAt ? t('query.notYet', { what, date: formatDateTime(lang, answer.opensAt) }) : t('query.notYetUndated', { what });
  } else if (answer.status === 'closed') {
    text = answer.closedAt ? t('query.closed', { what, date: formatDateTime(lang, answer.closedAt) }) : t('query.closedUndated', { what });
  } else {
    text = answer.reason ?? t('query.notApplicable', { what });
  }
  return html`<div class="notice" part="unavailable" role="status">${text}</div>`;
}

/** The panel, and a table that becomes one card per row below 600 px (cells labelled by `data-label`). */
export const queryStyles = [
  formStyles,
  panelStyles,
  css`
    :host {
      max-width: 60rem;
    }
    .subtitle {
      font-weight: 600;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      margin: 0 0 var(--_space);
    }
    th,
    td {
      padding: var(--_space);
      border: 1px solid var(--_border);
      text-align: left;
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    thead th {
      background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
    }
    .hint {
      color: var(--_muted);
    }
    @media (max-width: 600px) {
      table,
      tbody,
      tr,
      th,
      td {
        display: block;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tr {
        margin: 0 0 var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      th,
      td {
        border: 0;
        border-bottom: 1px dashed var(--_border);
      }
      td[data-label]::before {
        content: attr(data-label);
        display: block;
        color: var(--_muted);
        font-size: 0.875em;
      }
    }
  `,
];
