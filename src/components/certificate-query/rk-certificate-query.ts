import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { BackendQueryController, type QueryState } from '../../controllers/backend-query-controller.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { queriesZhCN } from '../../services/i18n/parts/queries.js';
import type { Certificate, CertificateList } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { formatDay } from '../base/exam-format.js';
import { queryStyles, renderQueryState } from '../base/query-view.js';
import { RkElement } from '../base/rk-element.js';

/** The query's states, and `empty` (no certificate yet). */
export type CertificateQueryState = QueryState | 'empty';

declare global {
  interface HTMLElementTagNameMap {
    'rk-certificate-query': RkCertificateQuery;
  }
}

/**
 * 证书查询: the candidate's certificates (证书编号, 资格名称, 级别, 姓名, 签发日期, 状态: 制作中,
 * 已签发, 已邮寄, 已领取, and the issuing authorities) from `getCertificates`; when there is none
 * yet, when certificates usually appear.
 *
 * @tagname rk-certificate-query
 * @summary The candidate's certificates: number, qualification, level, date and status.
 *
 * @fires rk-session-expired - The backend said the candidate is no longer signed in.
 *
 * @slot footer - Below the certificates.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading.
 * @csspart certificate - Each certificate's table (cards on phones).
 * @csspart empty - The notice when there is no certificate.
 *
 * @cssprop --rk-color-border - Table lines.
 */
export class RkCertificateQuery extends RkElement {
  static override styles = queryStyles;

  @property({ reflect: true }) state: CertificateQueryState = 'loading';

  /** An answer to show instead of the backend's. */
  @property({ attribute: false }) certificates: CertificateList | undefined;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  readonly #query = new BackendQueryController<CertificateList>(this, (backend, signal) =>
    this.certificates ? Promise.resolve(this.certificates) : backend.getCertificates({ signal }),
    // None yet, or one still being made: the office will issue or send it.
    { waiting: (list) => list.certificates.length === 0 || list.certificates.some((certificate) => certificate.status === 'pending') },
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
    const list = this.certificates ?? this.#query.value;
    const state = this.certificates ? 'ready' : this.#query.state;
    this.state = state === 'ready' && list?.certificates.length === 0 ? 'empty' : state;
  }

  protected override render() {
    return html`<section part="panel" aria-labelledby="title">
      <h2 id="title" part="title">${this.t('certificate.title')}</h2>
      ${this.#renderBody()}
      <slot name="footer"></slot>
    </section>`;
  }

  #renderBody() {
    const list = this.certificates ?? this.#query.value;
    if (!this.certificates) {
      const pending = renderQueryState(this.#query, (k, p) => this.t(k, p), (e) => this.localize.error(e));
      if (pending) return pending;
    }
    if (!list) return nothing;
    if (list.certificates.length === 0) return html`<div class="notice" part="empty" role="status">${this.t('certificate.empty')}</div>`;
    return list.certificates.map((certificate) => this.#renderCertificate(certificate));
  }

  #renderCertificate(certificate: Certificate) {
    const row = (label: string, value: string) => html`<tr>
      <th scope="row">${label}</th>
      <td>${value}</td>
    </tr>`;
    return html`<table part="certificate" aria-label=${`${this.t('certificate.number')} ${certificate.number}`}>
      <tbody>
        ${row(this.t('certificate.number'), certificate.number)} ${row(this.t('certificate.qualification'), certificate.qualification)}
        ${row(this.t('certificate.level'), certificate.level)} ${row(this.t('certificate.name'), certificate.name)}
        ${row(
          this.t('certificate.issuedAt'),
          certificate.issuedAt ? formatDay(this.localize.lang, certificate.issuedAt) : this.t('certificate.notIssued'),
        )}
        ${row(this.t('certificate.status'), this.t(`certificate.status.${certificate.status}`))}
        ${row(this.t('certificate.issuer'), certificate.issuer)}
      </tbody>
    </table>`;
  }
}

define('rk-certificate-query', RkCertificateQuery, queriesZhCN);
