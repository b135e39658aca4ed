import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { awaitsRelease, BackendQueryController } from '../../controllers/backend-query-controller.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { BusinessError, isRkError, isSignedOutError, NetworkError } from '../../services/errors.js';
import { printerZhCN } from '../../services/i18n/parts/printer.js';
import { documentsZhCN } from '../../services/i18n/parts/documents.js';
import { queriesZhCN } from '../../services/i18n/parts/queries.js';
import { OnDemand } from '../../services/on-demand.js';
import type { ChangeRequest, RegistrationSlip, TicketAvailability } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { formatDateTime } from '../base/exam-format.js';
import { describedBy, fieldFrame } from '../base/field.js';
import { formStyles } from '../base/form-styles.js';
import { panelStyles } from '../base/panel-styles.js';
import { RkElement } from '../base/rk-element.js';
import { code128Svg } from './barcode.js';
import { documentStyles } from './document.styles.js';
import { printInFrame, printWindow, type FramePrinter } from './print-frame.js';
import { slipDocument } from './slip-document.js';
import { ticketDocument } from './ticket-document.js';

/** `loading`, `error` (with retry), `no-backend`, `signed-out`, `unavailable` (not yet, closed, not applicable), `ready`, `printing`. */
export type TicketPrinterState = 'loading' | 'error' | 'no-backend' | 'signed-out' | 'unavailable' | 'ready' | 'printing';

/** Which paper: the 报名表 or the 准考证. */
export type PrintedDocument = 'slip' | 'ticket';

/** What `rk-printed` tells. */
export interface PrintedDetail {
  document: PrintedDocument;
}

type Answer = { document: 'slip'; slip: RegistrationSlip | null } | { document: 'ticket'; ticket: TicketAvailability };

declare global {
  interface RkEventDetails {
    'rk-printed': PrintedDetail;
    'rk-change-requested': ChangeRequest;
  }
  interface HTMLElementEventMap {
    'rk-printed': CustomEvent<PrintedDetail>;
    'rk-change-requested': CustomEvent<ChangeRequest>;
  }
  interface HTMLElementTagNameMap {
    'rk-ticket-printer': RkTicketPrinter;
  }
}

const REASON_KEY = 'rk-change-reason';

/**
 * The papers to print: the 报名表 (`document="slip"`: the title, the 报名序号 in digits and as a
 * Code 128 barcode, the photo, every field of the application, 系统识别码, 报名成功; with
 * 申请变更 and 打印报名表) and the 准考证 (`document="ticket"`: ticket number, name, masked ID
 * number, photo, level, qualification, each subject with date and time, exam site, address, room,
 * seat, rules). Each is laid out for one A4 page and printed through a hidden frame, so the page
 * never navigates away; the print dialog also saves a PDF. The ticket exists only inside its
 * printing window: before it, the date it opens. A change request (申请变更) sends a reason
 * through the adapter and shows its state afterwards.
 *
 * @tagname rk-ticket-printer
 * @summary Print the registration form (报名表, with barcode) or the admission ticket (准考证); request a change.
 *
 * @fires rk-printed - The print dialog was opened for a document. `detail`: `{ document }`.
 * @fires rk-change-requested - A change request was sent. `detail`: the `ChangeRequest` (status `pending`).
 * @fires rk-session-expired - The backend said the candidate is no longer signed in.
 *
 * @slot footer - Below the document and its buttons.
 *
 * @csspart panel - The box around everything.
 * @csspart document - The printed document as shown on screen.
 * @csspart barcode - The barcode of the registration number.
 * @csspart actions - The buttons (打印, 申请变更).
 * @csspart print - The print button.
 * @csspart change - The change request: its state, or its form.
 * @csspart unavailable - The notice when there is nothing to print yet.
 *
 * @cssprop --rk-color-primary - Buttons.
 * @cssprop --rk-color-border - The paper's edge on screen.
 */
export class RkTicketPrinter extends RkElement {
  static override styles = [
    formStyles,
    panelStyles,
    documentStyles,
    css`
      :host {
        max-width: 52rem;
        container-type: inline-size;
      }
      /* A phone: the 报名表's pairs one under the other (on paper, two to a row as the seed's form). */
      @container (max-width: 560px) {
        .fields,
        .fields tbody {
          display: block;
          border-top: 1px solid #000000;
        }
        .fields tr {
          display: grid;
          grid-template-columns: minmax(6em, 35%) minmax(0, 1fr);
        }
        .fields th,
        .fields td {
          width: auto;
          border-top: 0;
        }
        .head {
          flex-wrap: wrap;
        }
        .fields [aria-hidden='true'] {
          display: none;
        }
      }
      .paper {
        overflow-x: auto;
        border: 1px solid var(--_border);
        box-shadow: 0 1px 4px rgb(0 0 0 / 0.12);
        margin-bottom: calc(var(--_space) * 2);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      textarea {
        width: 100%;
        min-height: 7rem;
        padding: var(--_space);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        font: inherit;
        font-size: max(1rem, 16px);
      }
      textarea[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      textarea:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 0;
      }
      .change {
        margin-top: calc(var(--_space) * 2);
      }
      /* Printing the whole page (Ctrl+P) prints the document without the element's buttons. */
      @media print {
        [part='panel'] {
          border: 0;
          padding: 0;
        }
        .actions,
        .change,
        .hint,
        h2 {
          display: none;
        }
        .paper {
          border: 0;
          box-shadow: none;
        }
      }
    `,
  ];

  /** `slip` (报名表, default) or `ticket` (准考证). */
  @property({ reflect: true }) document: PrintedDocument = 'slip';

  @property({ reflect: true }) state: TicketPrinterState = 'loading';

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  /** How the frame is printed (default: its `print()`); a page may print differently, tests watch it. */
  @property({ attribute: false }) printer: FramePrinter = printWindow;

  @state() private barcode: SVGSVGElement | undefined;
  @state() private changeOpen = false;
  @state() private reason = readReason();
  @state() private reasonError = '';
  @state() private sending = false;
  @state() private sendError: unknown;
  @state() private announcement = '';

  readonly #query = new BackendQueryController<Answer>(
    this,
    async (backend, signal): Promise<Answer> => {
      if (this.document === 'ticket') return { document: 'ticket', ticket: await backend.getAdmissionTicket({ signal }) };
      try {
        return { document: 'slip', slip: await backend.getRegistrationSlip({ signal }) };
      } catch (error) {
        // Not paid yet: no 报名表, which is a state, not a failure.
        if (error instanceof BusinessError && error.code === 'INVALID_STATE') return { document: 'slip', slip: null };
        throw error;
      }
    },
    {
      // The ticket before its window; the 报名表 before payment, or while a change request waits for the office.
      waiting: (answer) =>
        answer.document === 'ticket' ? awaitsRelease.waiting(answer.ticket) : answer.slip === null || answer.slip.changeRequest?.status === 'pending',
      due: (answer) => (answer.document === 'ticket' ? awaitsRelease.due!(answer.ticket) : undefined),
    },
  );
  #barcodeFor = '';
  #issued = new Date().toISOString();

  /** The 报名表, once loaded. */
  get slip(): RegistrationSlip | null {
    const answer = this.#query.value;
    return answer?.document === 'slip' ? answer.slip : null;
  }

  /** Asks the backend again. */
  reload(): Promise<void> {
    return this.#query.reload();
  }

  /** Asks again quietly, keeping what is shown until the answer (the candidate asked; the page knows something changed). */
  recheck(): Promise<void> {
    return this.#query.recheck();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('document') && changed.get('document') !== undefined) void this.#query.reload();
    const answer = this.#query.value;
    const queryState = this.#query.state;
    if (this.state === 'printing') return;
    if (queryState !== 'ready' || !answer || answer.document !== this.document) {
      this.state = queryState === 'ready' ? 'loading' : queryState;
      return;
    }
    const available = answer.document === 'slip' ? answer.slip !== null : answer.ticket.status === 'available';
    this.state = available ? 'ready' : 'unavailable';
    const slip = this.slip;
    if (slip && this.#barcodeFor !== slip.registrationNumber) {
      this.#barcodeFor = slip.registrationNumber;
      this.#issued = new Date().toISOString();
      void code128Svg(slip.registrationNumber, this.t('printer.barcodeLabel', { number: slip.registrationNumber })).then((svg) => {
        if (this.#barcodeFor === slip.registrationNumber) this.barcode = svg;
      });
    }
  }

  /** Prints the document shown, through a hidden frame (the page stays where it is). */
  async print(): Promise<void> {
    const content = this.renderRoot.querySelector('[part="document"]');
    if (!content || this.state !== 'ready') return;
    this.state = 'printing';
    this.announcement = this.t('printer.printing');
    try {
      const title = content.querySelector('h1')?.textContent?.trim() ?? this.t(`printer.${this.document}`);
      await printInFrame(content, documentStyles.cssText, title, this.printer);
      this.emit('rk-printed', { document: this.document });
    } finally {
      this.state = 'ready';
      this.announcement = '';
    }
  }

  // --- change request ------------------------------------------------------------------------------

  /** The reason's check, fetched when the change form opens (see change-check.ts). */
  readonly #changeCheck = new OnDemand(() => import('./change-check.js'));

  async #sendChange(event: Event): Promise<void> {
    event.preventDefault();
    const backend = this.#query.backend;
    let check: typeof import('./change-check.js');
    try {
      check = await this.#changeCheck.load();
    } catch (error) {
      this.sendError = new NetworkError('requestChange', 'the change-request check could not be loaded', { cause: error });
      return;
    }
    const checked = check.checkChangeRequest(this.reason, this.localize.lang, this.localize.messages);
    if (!checked.ok) {
      this.reasonError = checked.errors.reason ?? '';
      this.renderRoot.querySelector<HTMLTextAreaElement>('#change-reason')?.focus();
      return;
    }
    if (!backend || this.sending) return;
    this.reasonError = '';
    this.sending = true;
    this.sendError = undefined;
    this.announcement = this.t('printer.change.sending');
    try {
      const request = await backend.requestChange(checked.data);
      this.changeOpen = false;
      this.reason = '';
      writeReason('');
      this.announcement = this.t('printer.change.sent');
      this.emit('rk-change-requested', request);
      await this.#query.reload();
    } catch (error) {
      this.sendError = error;
      this.announcement = '';
      // The reason stays in the tab (writeReason) for when the candidate has signed in again.
      if (isSignedOutError(error)) this.emit('rk-session-expired', undefined);
    } finally {
      this.sending = false;
    }
  }

  // --- rendering -----------------------------------------------------------------------------------

  protected override render() {
    const name = this.t(`printer.${this.document}`);
    return html`<section part="panel" aria-labelledby="title">
      <h2 id="title">${name}</h2>
      ${this.#renderBody(name)}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <slot name="footer"></slot>
    </section>`;
  }

  #renderBody(name: string) {
    switch (this.state) {
      case 'no-backend':
        return html`<div class="notice">${this.t('query.noBackend')}</div>`;
      case 'signed-out':
        return html`<div class="notice">${this.t('query.signedOut')}</div>`;
      case 'loading':
        return html`<p role="status">${this.t('printer.loading', { document: name })}</p>`;
      case 'error': {
        const error = this.#query.error;
        return html`<div class="notice danger" role="alert">
          <p>${this.t('printer.loadError', { document: name, reason: this.localize.error(error) })}</p>
          ${isRkError(error) && !error.retryable
            ? nothing
            : html`<button type="button" @click=${() => void this.#query.reload()}>${this.t('common.retry')}</button>`}
        </div>`;
      }
      case 'unavailable':
        return this.#renderUnavailable();
      default:
        return this.#renderDocument(name);
    }
  }

  #renderUnavailable() {
    const answer = this.#query.value;
    const lang = this.localize.lang;
    let text = this.t('printer.slipNotYet');
    if (answer?.document === 'ticket') {
      const ticket = answer.ticket;
      if (ticket.status === 'not-yet') {
        text = ticket.opensAt ? this.t('printer.ticketNotYet', { date: formatDateTime(lang, ticket.opensAt) }) : this.t('printer.ticketNotYetUndated');
      } else if (ticket.status === 'closed') {
        text = ticket.closedAt ? this.t('printer.ticketClosed', { date: formatDateTime(lang, ticket.closedAt) }) : this.t('printer.ticketClosedUndated');
      } else if (ticket.status === 'not-applicable') {
        text = ticket.reason ?? this.t('printer.notApplicable');
      }
    }
    return html`<div class="notice" part="unavailable" role="status">${text}</div>`;
  }

  #renderDocument(name: string) {
    const answer = this.#query.value!;
    const lang = this.localize.lang;
    const t = (key: string, params?: Record<string, string | number>) => this.t(key, params);
    const paper =
      answer.document === 'slip'
        ? slipDocument(answer.slip!, this.barcode, formatDateTime(lang, this.#issued), t)
        : answer.ticket.status === 'available'
          ? ticketDocument(answer.ticket.content, lang, t)
          : nothing;
    // Wider than a phone: scrollable, so it must take focus to scroll by keyboard.
    return html`<div class="paper" tabindex="0" role="region" aria-label=${this.t('printer.paper', { document: name })}>${paper}</div>
      <div class="actions" part="actions">
        <button type="button" part="print" class="primary" ?disabled=${this.state === 'printing'} @click=${() => void this.print()}>
          ${this.t('printer.print', { document: name })}
        </button>
        ${answer.document === 'slip' && !this.changeOpen && answer.slip?.changeRequest?.status !== 'pending'
          ? html`<button type="button" @click=${() => this.#openChange()}>${this.t('printer.change.open')}</button>`
          : nothing}
      </div>
      <p class="hint">${this.t('printer.printHint')}</p>
      ${answer.document === 'slip' ? this.#renderChange(answer.slip!) : nothing}`;
  }

  async #openChange(): Promise<void> {
    this.changeOpen = true;
    this.#changeCheck.prefetch();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#change-reason')?.focus();
  }

  #renderChange(slip: RegistrationSlip) {
    const request = slip.changeRequest;
    const status = request
      ? html`<div class="notice ${request.status === 'rejected' ? 'danger' : request.status === 'approved' ? 'success' : ''}" role="status">
          <p><strong>${this.t('printer.change.state', { state: this.t(`printer.change.${request.status}`) })}</strong></p>
          <p>${this.t('printer.change.yourReason', { reason: request.reason })}</p>
          ${request.response ? html`<p>${this.t('printer.change.response', { response: request.response })}</p>` : nothing}
        </div>`
      : nothing;
    if (!this.changeOpen) return html`<div class="change" part="change">${status}</div>`;
    const frame = {
      id: 'change-reason',
      label: this.t('printer.change.reason'),
      texts: { required: this.t('common.required'), errorPrefix: this.t('printer.errorPrefix') },
      required: true,
      hint: this.t('printer.change.hint'),
      ...(this.reasonError ? { error: this.reasonError } : {}),
    };
    return html`<form class="change" part="change" novalidate @submit=${(event: Event) => void this.#sendChange(event)}>
      ${status}
      <h3>${this.t('printer.change.title')}</h3>
      ${fieldFrame(
        frame,
        html`<textarea
          id="change-reason"
          name="reason"
          maxlength="500"
          .value=${live(this.reason)}
          aria-invalid=${this.reasonError ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(frame))}
          @input=${(event: InputEvent) => {
            this.reason = (event.target as HTMLTextAreaElement).value;
            writeReason(this.reason);
          }}
        ></textarea>`,
      )}
      ${this.sendError
        ? html`<div class="notice danger" role="alert">${this.localize.error(this.sendError)}</div>`
        : nothing}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? this.t('printer.change.sending') : this.t('printer.change.submit')}
        </button>
        <button type="button" @click=${() => (this.changeOpen = false)}>${this.t('printer.change.cancel')}</button>
      </div>
    </form>`;
  }
}

/** The reason being typed survives a reload of the tab. */
function readReason(): string {
  try {
    return sessionStorage.getItem(REASON_KEY) ?? '';
  } catch {
    return '';
  }
}
function writeReason(reason: string): void {
  try {
    if (reason) sessionStorage.setItem(REASON_KEY, reason);
    else sessionStorage.removeItem(REASON_KEY);
  } catch {
    // storage unavailable
  }
}

define('rk-ticket-printer', RkTicketPrinter, printerZhCN, queriesZhCN, documentsZhCN);
