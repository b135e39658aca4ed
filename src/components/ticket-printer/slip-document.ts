/**
 * The 报名表 as the portal prints it: title, 报名序号 in digits and as a Code 128 barcode, the
 * photo, every field of the application in pairs (as the backend orders them), 系统识别码 and the
 * registration status. Backend strings are rendered as text only.
 */
import { html, nothing } from 'lit';
import type { PrintedField, RegistrationSlip } from '../../services/schemas.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** An e-mail address may break after its "@": a narrow cell shows `zhangsan@` / `example.com`, not `zhangsan@examp` / `le.com`. */
function breakable(value: string) {
  const at = value.indexOf('@');
  return at > 0 && !/\s/.test(value) ? html`${value.slice(0, at + 1)}<wbr />${value.slice(at + 1)}` : value;
}

/** Two label–value pairs per row, as the seed's form. */
function rows(fields: PrintedField[]) {
  const pairs: PrintedField[][] = [];
  for (let i = 0; i < fields.length; i += 2) pairs.push(fields.slice(i, i + 2));
  return pairs.map(
    (pair) => html`<tr>
      ${pair.map((field) => html`<th scope="row">${field.label}</th><td>${breakable(field.value)}</td>`)}
      ${pair.length === 1 ? html`<th aria-hidden="true"></th><td aria-hidden="true"></td>` : nothing}
    </tr>`,
  );
}

export function slipDocument(slip: RegistrationSlip, barcode: SVGSVGElement | undefined, issued: string, t: Translate) {
  return html`<article class="doc slip" part="document" aria-labelledby="doc-title">
    <h1 id="doc-title">${slip.title}</h1>
    <div class="head">
      <div>
        <p class="number">${t('printer.registrationNumber')}：<strong class="registration-number">${slip.registrationNumber}</strong></p>
        ${barcode ?? nothing}
      </div>
      ${slip.photoUrl
        ? html`<img class="photo" src=${slip.photoUrl} alt=${t('printer.photo')} />`
        : html`<div class="photo">${t('printer.noPhoto')}</div>`}
    </div>
    <table class="fields">
      <tbody>
        ${rows(slip.fields)}
      </tbody>
    </table>
    <p class="status">${t('printer.status')}：${slip.statusText}</p>
    <div class="foot">
      <span>${t('printer.systemCode')}：<span class="system-code">${slip.systemCode}</span></span>
      <span>${t('printer.issuedAt', { date: issued })}</span>
    </div>
  </article>`;
}
