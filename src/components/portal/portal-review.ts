/**
 * 报名审核 in the portal: the application's review state in words (待审核, 审核通过, 审核未通过
 * with the reviewer's reason), the 报名序号, and the way on (修改报名信息, 去缴费).
 */
import { html, nothing } from 'lit';
import { isRkError } from '../../services/errors.js';
import type { Application } from '../../services/schemas.js';
import type { PortalView } from './portal-views.js';

interface ReviewView {
  application: Application | null | undefined;
  error: unknown;
  t: (key: string, params?: Record<string, string | number>) => string;
  errorText: (error: unknown) => string;
  refresh: () => void;
  go: (view: PortalView) => void;
}

export function renderReview({ application, error, t, errorText, refresh, go }: ReviewView) {
  const body = () => {
    if (error !== undefined) {
      return html`<div class="notice danger" role="alert">
        <p>${errorText(error)}</p>
        ${isRkError(error) && !error.retryable ? nothing : html`<button type="button" @click=${refresh}>${t('common.retry')}</button>`}
      </div>`;
    }
    if (application === undefined) return html`<p role="status">${t('portal.review.loading')}</p>`;
    if (application === null) return html`<p class="notice">${t('portal.review.none')}</p>`;
    const status = application.status;
    const paid = !['draft', 'submitted', 'rejected', 'approved'].includes(status);
    const key = paid ? 'paid' : status;
    const tone = status === 'rejected' ? 'danger' : status === 'submitted' || status === 'draft' ? '' : 'success';
    return html`<div class="notice ${tone}" role="status">
        <p><strong>${t(`portal.review.${key}`)}</strong></p>
        ${status === 'rejected' && application.review?.reason
          ? html`<p>${t('portal.review.reason', { reason: application.review.reason })}</p>`
          : nothing}
        ${application.registrationNumber ? html`<p>${t('portal.review.number', { number: application.registrationNumber })}</p>` : nothing}
      </div>
      <div class="actions">
        ${status === 'rejected' || status === 'draft'
          ? html`<button type="button" class="primary" @click=${() => go('apply')}>${t('portal.review.toApply')}</button>`
          : nothing}
        ${status === 'approved' ? html`<button type="button" class="primary" @click=${() => go('payment')}>${t('portal.review.toPay')}</button>` : nothing}
        ${status === 'submitted' ? html`<button type="button" @click=${refresh}>${t('portal.review.refresh')}</button>` : nothing}
      </div>`;
  };
  return html`<section class="review" part="review" aria-labelledby="review-title">
    <h2 id="review-title">${t('portal.review.title')}</h2>
    ${body()}
  </section>`;
}
