/**
 * The 准考证: ticket number, name, document (type and masked number), photo, level and
 * qualification, each subject with its date and time, the exam site with address, room and seat,
 * and the rules. Backend strings are rendered as text only.
 */
import { html, nothing } from 'lit';
import type { Locale } from '../../services/i18n/index.js';
import type { AdmissionTicket } from '../../services/schemas.js';
import { formatSitting } from '../base/exam-format.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export function ticketDocument(ticket: AdmissionTicket, lang: Locale, t: Translate) {
  const row = (label: string, value: string, cls = '') => html`<tr>
    <th scope="row">${label}</th>
    <td class=${cls || nothing}>${value}</td>
  </tr>`;
  return html`<article class="doc ticket" part="document" aria-labelledby="doc-title">
    <h1 id="doc-title">${ticket.examSessionName}<br />${t('printer.ticket')}</h1>
    <div class="head">
      <table class="identity">
        <tbody>
          ${row(t('printer.ticketNumber'), ticket.ticketNumber, 'ticket-number')} ${row(t('printer.name'), ticket.name)}
          ${row(t('printer.document'), `${t(`document.${ticket.documentType}`)} ${ticket.documentNumberMasked}`)}
          ${row(t('printer.level'), ticket.level)} ${row(t('printer.qualification'), ticket.qualification)}
        </tbody>
      </table>
      ${ticket.photoUrl
        ? html`<img class="photo" src=${ticket.photoUrl} alt=${t('printer.photo')} />`
        : html`<div class="photo">${t('printer.noPhoto')}</div>`}
    </div>
    <div class="sections">
      <table class="subjects">
        <thead>
          <tr>
            <th scope="col">${t('printer.subject')}</th>
            <th scope="col">${t('printer.time')}</th>
          </tr>
        </thead>
        <tbody>
          ${ticket.subjects.map(
            (subject) => html`<tr>
              <td>${subject.name}</td>
              <td>${formatSitting(lang, subject.startsAt, subject.endsAt)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <table class="site">
        <tbody>
          ${row(t('printer.site'), ticket.site.name)} ${row(t('printer.address'), ticket.site.address)}
          ${row(t('printer.room'), ticket.site.room)} ${row(t('printer.seat'), ticket.site.seat)}
        </tbody>
      </table>
    </div>
    <h2>${t('printer.rules')}</h2>
    <ol class="rules">
      ${ticket.rules.map((rule) => html`<li>${rule}</li>`)}
    </ol>
  </article>`;
}
