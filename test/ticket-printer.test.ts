/**
 * rk-ticket-printer: every field of the mock office's 报名表 and 准考证, the barcode read back to
 * the registration number by a barcode reader, printing through a hidden frame without leaving
 * the page, the ticket's window, and the change request round trip.
 */
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import { http, HttpResponse } from 'msw';
import { BinaryBitmap, Code128Reader, HybridBinarizer, RGBLuminanceSource } from '@zxing/library';
import '../src/components/provider/rk-provider.js';
import '../src/components/ticket-printer/rk-ticket-printer.js';
import type { RkTicketPrinter } from '../src/components/ticket-printer/rk-ticket-printer.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { SEED_ID_NUMBER, startMockOffice, type CandidateStage, type ExamOffice } from '../src/mocks/index.js';
import type { CallOptions } from '../src/services/backend.js';
import { HttpBackend } from '../src/services/http-backend.js';
import type { TicketAvailability } from '../src/services/schemas.js';
import { $, fieldError, maybe, textOf } from './helpers/form-driver.js';
import { linesOf } from './helpers/lines.js';
import { freshOffice } from './helpers/mock-office.js';

let office: ExamOffice;
beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
});

async function printerAt(stage: CandidateStage, document: 'slip' | 'ticket', state = 'ready') {
  const token = office.seedCandidate({ stage }).token;
  const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
  const provider = await fixture(html`<rk-provider .backend=${backend}><rk-ticket-printer document=${document}></rk-ticket-printer></rk-provider>`);
  const el = provider.querySelector('rk-ticket-printer') as RkTicketPrinter;
  // Generous: under a full run's load WebKit took over 5 s to load the printer's modules.
  await waitUntil(() => el.state === state, `printer never ${state} (is ${el.state})`, { timeout: 20_000 });
  await el.updateComplete;
  return { el, token };
}

/** Draws the barcode's SVG into pixels and reads it as Code 128. */
async function readBarcode(svg: SVGSVGElement): Promise<string> {
  const markup = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  await image.decode();
  const width = image.naturalWidth * 2;
  const height = image.naturalHeight * 2;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < luminance.length; i += 1) luminance[i] = (data[i * 4]! + data[i * 4 + 1]! + data[i * 4 + 2]!) / 3;
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  return new Code128Reader().decode(bitmap).getText();
}

/** Opens 申请变更 and types `reason`, as the candidate would. */
async function openChangeWith(el: RkTicketPrinter, reason: string): Promise<void> {
  Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.includes('申请变更'))!.click();
  await el.updateComplete;
  const textarea = $<HTMLTextAreaElement>(el, '#change-reason');
  textarea.value = reason;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('rk-ticket-printer: 报名表', () => {
  it('shows every field of the slip, the photo, 系统识别码 and 报名成功', async () => {
    const { el, token } = await printerAt('paid', 'slip');
    const slip = office.getRegistrationSlip(token);
    const text = textOf(el);
    expect(text).to.contain(slip.title);
    expect(text).to.contain(slip.registrationNumber);
    expect(text).to.contain(slip.systemCode);
    expect(text).to.contain('报名成功');
    for (const field of slip.fields) {
      expect(text, field.label).to.contain(field.label);
      if (field.value) expect(text, field.label).to.contain(field.value);
    }
    expect($<HTMLImageElement>(el, 'img.photo').src).to.equal(slip.photoUrl);
    await expect(el).to.be.accessible();
  });

  it('prints 年龄 beside 出生日期: whole years on the round’s first exam day', async () => {
    const { el } = await printerAt('paid', 'slip');
    const [year, month, day] = office.getExamSession().examDates[0]!.split('-').map(Number) as [number, number, number];
    // The seed's candidate was born on 1990-05-12.
    const age = year - 1990 - (month < 5 || (month === 5 && day < 12) ? 1 : 0);
    const labels = Array.from(el.shadowRoot!.querySelectorAll('[part="document"] dt, [part="document"] th'), (cell) => cell.textContent!.trim());
    expect(labels.indexOf('年龄'), '年龄 right after 出生日期').to.equal(labels.indexOf('出生日期') + 1);
    const cell = Array.from(el.shadowRoot!.querySelectorAll('[part="document"] dt, [part="document"] th')).find((label) => label.textContent!.trim() === '年龄')!;
    expect(cell.nextElementSibling!.textContent!.trim()).to.equal(String(age));
  });

  it('on screen, at any width, leaves no character of the title alone on a line, and breaks the e-mail only after its “@”', async () => {
    const { el } = await printerAt('paid', 'slip');
    const title = $(el, '[part="document"] h1');
    const email = Array.from(el.shadowRoot!.querySelectorAll('[part="document"] td')).find((cell) => cell.textContent!.includes('@'))!;
    for (let width = 360; width <= 900; width += 6) {
      el.style.width = `${width}px`;
      const titleLines = linesOf(title);
      expect(titleLines.at(-1)!.length, `the title at ${width} px: ${titleLines.join(' / ')}`).to.be.above(2);
      if (width >= 480) {
        const emailLines = linesOf(email);
        expect(emailLines.length === 1 || (emailLines.length === 2 && emailLines[0]!.endsWith('@')), `the e-mail at ${width} px: ${emailLines.join(' / ')}`).to.equal(true);
      }
    }
  });

  it('on a phone, lays the pairs one under the other and fits the screen (the paper stays two pairs a row)', async () => {
    const { el } = await printerAt('paid', 'slip');
    el.style.width = '340px';
    await el.updateComplete;
    const paper = $(el, '.paper');
    expect(paper.scrollWidth, 'nothing wider than the phone').to.be.at.most(paper.clientWidth + 1);
    const firstRow = el.shadowRoot!.querySelector('.fields tr')!;
    const tops = Array.from(firstRow.children, (cell) => Math.round(cell.getBoundingClientRect().top));
    expect(tops[2], '证件类型 under 姓名').to.be.above(tops[0]!);
    expect(tops[1], '张三 beside 姓名').to.equal(tops[0]);
  });

  it('prints the registration number as a Code 128 barcode that reads back', async () => {
    const { el, token } = await printerAt('paid', 'slip');
    await waitUntil(() => maybe(el, 'svg.barcode') !== null, 'no barcode', { timeout: 5000 });
    const number = office.getRegistrationSlip(token).registrationNumber;
    expect(number).to.match(/^\d{19}$/);
    expect(await readBarcode($<SVGSVGElement>(el, 'svg.barcode'))).to.equal(number);
  });

  it('prints through a hidden frame: the page stays, the frame holds the document and its styles', async () => {
    const { el } = await printerAt('paid', 'slip');
    await waitUntil(() => maybe(el, 'svg.barcode') !== null, 'no barcode', { timeout: 5000 });
    const before = location.href;
    let printed: { text: string; sheets: number; barcode: boolean; frameHidden: boolean } | undefined;
    el.printer = (win) => {
      const frame = win.frameElement as HTMLIFrameElement;
      printed = {
        text: win.document.body.textContent ?? '',
        sheets: win.document.adoptedStyleSheets.length,
        barcode: win.document.querySelector('svg.barcode') !== null,
        frameHidden: frame.getAttribute('aria-hidden') === 'true' && frame.getBoundingClientRect().width === 0,
      };
    };
    const done = oneEvent(el, 'rk-printed');
    $<HTMLButtonElement>(el, '[part="print"]').click();
    expect((await done).detail).to.deep.equal({ document: 'slip' });
    expect(printed!.text).to.contain('报名表');
    expect(printed!.text).to.contain(el.slip!.registrationNumber);
    expect(printed!.sheets).to.equal(1);
    expect(printed!.barcode).to.equal(true);
    expect(printed!.frameHidden).to.equal(true);
    expect(location.href).to.equal(before);
    expect(el.state).to.equal('ready');
  });

  it('says the 报名表 comes after payment', async () => {
    const { el } = await printerAt('approved', 'slip', 'unavailable');
    expect(textOf(el)).to.contain('缴费完成');
    expect(maybe(el, '[part="print"]')).to.equal(null);
  });

  it('sends a change request with a reason, shows its state, and the office’s answer later', async () => {
    const { el } = await printerAt('paid', 'slip');
    Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.includes('申请变更'))!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('change-reason');
    $<HTMLButtonElement>(el, 'form.change button[type="submit"]').click();
    // The check (and zod) is fetched when the form opens: the message may come a moment later.
    await waitUntil(() => fieldError(el, 'change-reason') !== '', 'no message for the empty reason', { timeout: 10_000 });
    expect(fieldError(el, 'change-reason')).to.equal('此项为必填项');
    const textarea = $<HTMLTextAreaElement>(el, '#change-reason');
    textarea.value = '考区选错，申请由丽江改为昆明考区。';
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const sent = oneEvent(el, 'rk-change-requested');
    $<HTMLButtonElement>(el, 'form.change button[type="submit"]').click();
    expect((await sent).detail.status).to.equal('pending');
    await waitUntil(() => textOf(el).includes('变更申请：审核中'), 'no pending state', { timeout: 5000 });
    expect(textOf(el)).to.contain('考区选错');
    office.answerChangeRequest(true, '已改为昆明考区。');
    await el.reload();
    await el.updateComplete;
    expect(textOf(el)).to.contain('变更申请：已同意');
    expect(textOf(el)).to.contain('已改为昆明考区。');
  });

  it('never shows an error without its reason when the candidate’s session changes under it', async () => {
    // A new session starts a new load in the middle of the element's update; that frame once
    // read "发生未知错误" (state error, reason already cleared) until the new answer came.
    const { worker } = await startMockOffice();
    worker.use(http.get('/api/registration-slip', () => HttpResponse.json({ code: 'SERVICE_UNAVAILABLE', message: '报名表暂停查询。' }, { status: 503 })));
    try {
      const { el } = await printerAt('paid', 'slip', 'error');
      const provider = el.closest('rk-provider') as RkProvider;
      await waitUntil(() => provider.session && el.state === 'error', 'signed in, refused', { timeout: 5000 });
      expect(textOf(el)).to.contain('错误 503');
      const seen: { state: string; text: string }[] = [];
      const observer = new MutationObserver(() => seen.push({ state: el.state, text: textOf(el) }));
      observer.observe(el, { attributes: true });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
      provider.session = { ...provider.session! };
      await waitUntil(() => seen.some((frame) => frame.state === 'loading'), 'loaded again', { timeout: 5000 });
      await waitUntil(() => el.state === 'error', 'refused again', { timeout: 5000 });
      await el.updateComplete;
      observer.disconnect();
      expect(seen.filter((frame) => frame.text.includes('未知错误'))).to.deep.equal([]);
      expect(textOf(el)).to.contain('错误 503');
    } finally {
      worker.resetHandlers();
    }
  });

  it('keeps a typed reason when sending fails', async () => {
    const { el } = await printerAt('paid', 'slip');
    await openChangeWith(el, '姓名中的生僻字显示错误，申请更正。');
    office.faults = { ...office.faults, down: 'network', only: ['requestChange'] };
    $<HTMLButtonElement>(el, 'form.change button[type="submit"]').click();
    await waitUntil(() => textOf(el).includes('网络连接失败'), 'no failure shown', { timeout: 5000 });
    expect($<HTMLTextAreaElement>(el, '#change-reason').value).to.equal('姓名中的生僻字显示错误，申请更正。');
    expect(sessionStorage.getItem('rk-change-reason')).to.equal('姓名中的生僻字显示错误，申请更正。');
  });
});

describe('rk-ticket-printer: a change request after the session ended', () => {
  it('fires rk-session-expired, asks the candidate to sign in, and keeps the typed reason', async () => {
    const { el } = await printerAt('paid', 'slip');
    await openChangeWith(el, '工作单位填写有误，申请更正。');
    // The change check is fetched when the form opens; sending waits for it.
    office.reset(); // every session ends
    const expired = oneEvent(el, 'rk-session-expired');
    $<HTMLButtonElement>(el, 'form.change button[type="submit"]').click();
    await expired;
    const provider = el.closest('rk-provider') as RkProvider;
    expect(provider.session).to.equal(null);
    await waitUntil(() => textOf(el).includes('请先登录后再查询'), 'not asked to sign in', { timeout: 5000 });
    expect(sessionStorage.getItem('rk-change-reason')).to.equal('工作单位填写有误，申请更正。');
  });
});

describe('rk-ticket-printer: 准考证', () => {
  it('shows every field of the ticket and prints it', async () => {
    const { el, token } = await printerAt('ticket', 'ticket');
    const answer = office.getAdmissionTicket(token);
    if (answer.status !== 'available') throw new Error('no ticket in the mock');
    const ticket = answer.content;
    const text = textOf(el);
    for (const value of [ticket.ticketNumber, ticket.name, ticket.documentNumberMasked, ticket.level, ticket.qualification, ticket.examSessionName]) {
      expect(text).to.contain(value);
    }
    expect(text).to.contain('居民身份证');
    for (const subject of ticket.subjects) expect(text).to.contain(subject.name);
    for (const value of Object.values(ticket.site)) expect(text).to.contain(value);
    for (const rule of ticket.rules) expect(text).to.contain(rule);
    // The full ID number never appears: only its masked form.
    expect(text).to.not.contain(SEED_ID_NUMBER);
    expect(ticket.documentNumberMasked).to.contain('*');
    let printedText = '';
    el.printer = (win) => {
      printedText = win.document.body.textContent ?? '';
    };
    $<HTMLButtonElement>(el, '[part="print"]').click();
    await oneEvent(el, 'rk-printed');
    expect(printedText).to.contain(ticket.ticketNumber);
    await expect(el).to.be.accessible();
  });

  it('says when ticket printing opens before it does', async () => {
    const { el } = await printerAt('paid', 'ticket', 'unavailable');
    const opensAt = office.getExamSession().ticketWindow.opensAt;
    expect(textOf(el)).to.contain('准考证打印将于');
    expect(textOf(el)).to.contain(`${Number(opensAt.slice(5, 7))}月${Number(opensAt.slice(8, 10))}日`);
  });

  it('shows the ticket when its printing window opens: one request at that moment (the backend’s), none before', async function () {
    this.timeout(20_000);
    const token = office.seedCandidate({ stage: 'ticket' }).token;
    const opensAt = new Date(Date.now() + 3_000).toISOString();
    const asked: number[] = [];
    /** The office's ticket, withheld (not-yet) until `opensAt`. */
    class Window extends HttpBackend {
      override async getAdmissionTicket(options?: CallOptions): Promise<TicketAvailability> {
        asked.push(Date.now());
        const answer = await super.getAdmissionTicket(options);
        return Date.now() < Date.parse(opensAt) ? { status: 'not-yet', opensAt } : answer;
      }
    }
    const backend = new Window({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const provider = await fixture(html`<rk-provider .backend=${backend}><rk-ticket-printer document="ticket"></rk-ticket-printer></rk-provider>`);
    const el = provider.querySelector('rk-ticket-printer') as RkTicketPrinter;
    await waitUntil(() => el.state === 'unavailable', `not withheld (is ${el.state})`, { timeout: 5000 });
    expect(textOf(el)).to.contain('准考证打印将于');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(asked, 'no request before the window opens').to.have.length(1);
    await waitUntil(() => el.state === 'ready', 'the ticket never came when the window opened', { timeout: 8000 });
    expect(asked).to.have.length(2);
    expect(asked[1]! - Date.parse(opensAt)).to.be.within(0, 4_000);
  });

  it('asks again when the candidate asks (recheck()), showing the old answer until the new one', async () => {
    const { el } = await printerAt('paid', 'ticket', 'unavailable');
    office.publishTickets();
    const checking = el.recheck();
    await el.updateComplete;
    expect(el.state, 'no loading flash while asking again').to.equal('unavailable');
    await checking;
    await waitUntil(() => el.state === 'ready', 'no ticket after recheck()', { timeout: 5000 });
  });
});
