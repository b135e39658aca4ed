/**
 * The error summary at the top of a form (GOV.UK pattern): a titled box listing every problem,
 * each linking to its field; it takes focus after a failed submit so screen readers read it
 * and keyboard users start from it. A problem that belongs to no field (network, …) is shown
 * as a message with an optional action (e.g. a retry button).
 *
 * Lives in the element's shadow root, like the fields, so the links can reach them.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface SummaryItem {
  /** The id of the input (in the same shadow root) the problem belongs to; none: shown as text. */
  field?: string;
  message: string;
}

export interface ErrorSummaryOptions {
  /** e.g. 请检查以下问题 / There is a problem. */
  title: string;
  /** Field problems, in the order of the form (then any that belong to no field shown). */
  items: SummaryItem[];
  /** A problem of the whole form (no field), e.g. a network failure. */
  message?: string;
  /** Shown under the message, e.g. a retry button. */
  action?: TemplateResult | typeof nothing;
}

/** Renders the summary, or nothing when there is no problem. */
export function errorSummary(options: ErrorSummaryOptions): TemplateResult | typeof nothing {
  const { title, items, message, action } = options;
  if (items.length === 0 && !message) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      <h2 id="error-summary-title">${title}</h2>
      ${message ? html`<p class="summary-message">${message}</p>` : nothing}
      ${items.length
        ? html`<ul>
            ${items.map(
              (item) =>
                item.field
                  ? html`<li><a href=${`#${item.field}`} @click=${focusLinkedField}>${item.message}</a></li>`
                  : html`<li class="summary-text">${item.message}</li>`,
            )}
          </ul>`
        : nothing}
      ${action ?? nothing}
    </div>
  </div>`;
}

/** Moves focus to the error summary of `root`, if one is shown. Returns whether it did. */
export function focusErrorSummary(root: ParentNode): boolean {
  const summary = root.querySelector<HTMLElement>('.error-summary');
  if (!summary) return false;
  summary.focus();
  return true;
}

/**
 * A fragment link cannot reach into a shadow root: find the field in the link's own root, scroll
 * its label (or legend) into view and focus it.
 */
function focusLinkedField(event: Event): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
  const root = link.getRootNode() as ShadowRoot | Document;
  const target = root.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const label =
    root.querySelector(`label[for="${CSS.escape(id)}"]`) ?? target.closest('fieldset')?.querySelector('legend') ?? target;
  label.scrollIntoView?.({ block: 'start' });
  target.focus({ preventScroll: true });
}
