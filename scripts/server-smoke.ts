/**
 * The elements on the real server, in Chromium: starts the reference server (PGlite in a new
 * temporary folder, or PostgreSQL at DATABASE_URL) serving the demo page built for it, and walks
 * the whole journey as a candidate in the page: register (the captcha's answer and the code sent
 * come from the test API, as a person would read them) → real name → notice → form → photo →
 * submit; the QA panel plays the office through the office API (approve), the candidate pays by
 * QR and the simulated gateway's signed notification marks it paid → 报名表 → tickets → 准考证 →
 * scores → certificate. The page is reloaded after registration, after payment and at the end:
 * the httpOnly session cookie keeps the candidate signed in over real HTTP.
 *
 *   node --import tsx scripts/server-smoke.ts [--screenshot out.png] [--keep]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { portraitJpeg } from '../conformance/data/photos.js';
import { mobileNumber, personName, residentId } from '../conformance/data/people.js';
// @ts-expect-error: a JavaScript module of the scripts
import { launchChromium } from './browser.mjs';
// @ts-expect-error: a JavaScript module of the scripts
import { buildServerDemo } from './server-demo.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const screenshot = args.includes('--screenshot') ? args[args.indexOf('--screenshot') + 1] : undefined;
const OFFICE_KEY = 'server-smoke-office-key';
const started = Date.now();
const step = (what: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);

const dataDir = mkdtempSync(join(tmpdir(), 'rk-server-smoke-'));
await buildServerDemo(join(dataDir, 'demo'));
step('demo page built for the server');

/** Starts the server; resolves with its origin once it listens. */
function startServer(): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      RK_PORT: '0',
      RK_DATA_DIR: dataDir,
      RK_DEMO: 'true',
      RK_DEMO_DIR: join(dataDir, 'demo'),
      RK_TEST_API: 'true',
      RK_AUTH_MODES: 'cookie',
      RK_DEV_STAFF: `smoke:${OFFICE_KEY}`,
      RK_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /ruankao reference server: (http:\/\/\S+?)\/ /.exec(line);
      if (match) resolve({ child, origin: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it listened`)));
  });
}

const { child, origin } = await startServer();
step(`server at ${origin} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
const api = `${origin}/api`;
const office = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${api}/office/test/${path}`, { headers: { 'X-Office-Key': OFFICE_KEY } });
  if (!response.ok) throw new Error(`test API ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
};

/** Helpers the page gets after every load: shadow roots, typing as a person would. */
const PAGE_HELPERS = `
window.__rk = {
  portal: () => document.querySelector('rk-portal'),
  provider: () => document.querySelector('rk-provider'),
  shown: (tag) => document.querySelector('rk-portal').shadowRoot.querySelector(tag),
  $: (host, selector) => host.shadowRoot.querySelector(selector),
  type: async (host, id, value) => {
    const input = host.shadowRoot.querySelector('#' + id);
    if (!input) throw new Error(host.localName + ' has no #' + id);
    input.focus();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await host.updateComplete;
  },
  select: async (host, id, value) => {
    const control = host.shadowRoot.querySelector('#' + id);
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await host.updateComplete;
  },
  text: (host) => host.shadowRoot.textContent.replace(/\\s+/g, ' '),
  panel: (id) => document.querySelector('demo-qa-panel').shadowRoot.querySelector('#' + id),
};`;

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const provider = document.querySelector('rk-provider');
      const portal = document.querySelector('rk-portal');
      return provider?.getAttribute('session-state') === 'ready' && portal?.shadowRoot?.querySelector('[part="round"] h2') && document.querySelector('demo-qa-panel')?.shadowRoot?.querySelector('#approve');
    },
    { timeout: 60_000 },
  );
  await page.addScriptTag({ content: PAGE_HELPERS });
}

const until = (page: Page, what: string, predicate: string, timeout = 20_000) =>
  page.waitForFunction(predicate, { timeout, polling: 100 }).catch((error: Error) => {
    throw new Error(`${what}: ${error.message}`);
  });

async function reloadSignedIn(page: Page, account: string, when: string): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await ready(page);
  const who = await page.evaluate(() => (document.querySelector('rk-provider') as unknown as { session?: { user: { account: string } } | null }).session?.user.account ?? null);
  if (who !== account) throw new Error(`after a reload ${when}, the candidate is not signed in (session: ${who})`);
  step(`reloaded ${when}: still signed in as ${account} (the session cookie)`);
}

const browser = await launchChromium();
const problems: string[] = [];
let failed = false;
try {
  const page: Page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => {
    // The browser logs a failed resource load for the API's deliberate refusals; those are not page errors.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console error: ${message.text()}`);
  });
  let captchaId = '';
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/captcha' && response.ok()) void response.json().then((body: { id: string }) => (captchaId = body.id), () => undefined);
  });
  const solveCaptcha = async (host: string) => {
    await until(page, 'captcha shown', `document.querySelector('rk-portal').shadowRoot.querySelector('${host}')?.shadowRoot.querySelector('[part="captcha-image"] img')`);
    await until(page, 'captcha id seen', `true`);
    for (let tries = 0; !captchaId && tries < 50; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    const { answer } = await office<{ answer: string }>(`captchas/${encodeURIComponent(captchaId)}`);
    return answer;
  };

  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await ready(page);
  step('demo page on the server: round shown, signed out');

  // Register: the captcha read from the test API, the code "sent" by SMS read from it too.
  const account = mobileNumber();
  const password = 'Kaoshi2026ok';
  await page.evaluate(async () => {
    const portal = window.__rk.portal();
    portal.navigate('apply');
    await portal.updateComplete;
  });
  await until(page, 'login shown', `window.__rk.shown('rk-login')`);
  await page.evaluate(async () => {
    const login = window.__rk.shown('rk-login');
    login.setMode('register');
    await login.updateComplete;
  });
  const captcha = await solveCaptcha('rk-login');
  await page.evaluate(
    async (account: string, captcha: string) => {
      const login = window.__rk.shown('rk-login');
      await window.__rk.type(login, 'account', account);
      await window.__rk.type(login, 'captcha', captcha);
      window.__rk.$(login, '[part="send-code"]').click();
    },
    account,
    captcha,
  );
  await until(page, 'code sent', `window.__rk.$(window.__rk.shown('rk-login'), '[part="send-code"]').textContent.includes('秒后')`);
  const { code } = await office<{ code: string }>(`verification-codes/${account}`);
  await page.evaluate(
    async (code: string, password: string) => {
      const login = window.__rk.shown('rk-login');
      await window.__rk.type(login, 'code', code);
      await window.__rk.type(login, 'password', password);
      await window.__rk.type(login, 'confirm', password);
      window.__rk.$(login, 'button[type="submit"]').click();
    },
    code,
    password,
  );
  await until(page, 'registered', `window.__rk.provider().session?.user.account === '${account}'`);
  step(`registered ${account} with the captcha and the SMS code`);
  await reloadSignedIn(page, account, 'after registration');

  // Real name.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let identity = residentId(today);
  while (identity.validTo === null) identity = residentId(today);
  const name = personName();
  await page.evaluate(async () => {
    const portal = window.__rk.portal();
    portal.navigate('apply');
    await portal.updateComplete;
  });
  await until(page, 'real-name form', `window.__rk.shown('rk-realname')?.getAttribute('state') === 'idle'`);
  await page.evaluate(
    async (name: string, number: string, from: string, to: string) => {
      const form = window.__rk.shown('rk-realname');
      await window.__rk.type(form, 'name', name);
      await window.__rk.type(form, 'document-number', number);
      await window.__rk.type(form, 'valid-from', from);
      await window.__rk.type(form, 'valid-to', to);
      window.__rk.$(form, 'button[type="submit"]').click();
    },
    name,
    identity.number,
    identity.validFrom,
    identity.validTo!,
  );
  await until(page, 'real name verified', `window.__rk.provider().session?.realName?.status === 'verified'`);
  step(`real name verified (${name})`);

  // The notice, read to the end and accepted.
  await until(page, 'notice', `['reading', 'ready'].includes(window.__rk.shown('rk-exam-notice')?.state)`);
  await page.evaluate(async () => {
    const notice = window.__rk.shown('rk-exam-notice');
    const text = window.__rk.$(notice, '[part="text"]');
    text.scrollTop = text.scrollHeight;
  });
  await until(page, 'notice read', `window.__rk.shown('rk-exam-notice').state === 'ready'`);
  await page.evaluate(() => {
    const notice = window.__rk.shown('rk-exam-notice');
    window.__rk.$(notice, '#agree').click();
    window.__rk.$(notice, '[part="accept"]').click();
  });

  // The form and the photo.
  await until(page, 'registration form', `window.__rk.shown('rk-registration-form')?.getAttribute('state') === 'editing'`);
  const photo = Buffer.from(portraitJpeg(600, 840)).toString('base64');
  await page.evaluate(async (photo: string) => {
    const form = window.__rk.shown('rk-registration-form');
    window.__rk.$(form, '#level-id-intermediate').click();
    await form.updateComplete;
    await window.__rk.select(form, 'qualification-id', 'software-designer');
    // 报名省市 by city (丽江市); its one exam area (丽江考区) is chosen with it.
    await window.__rk.select(form, 'province-code', '5307');
    await window.__rk.select(form, 'fee-category', 'normal');
    await window.__rk.select(form, 'education', 'bachelor');
    await window.__rk.type(form, 'address', '云南省丽江市古城区福慧路8号');
    const bytes = Uint8Array.from(atob(photo), (char) => char.charCodeAt(0));
    const checker = form.querySelector('rk-photo-checker');
    await checker.checkFile(new File([bytes], 'me.jpg', { type: 'image/jpeg' }));
  }, photo);
  await until(page, 'photo checked', `window.__rk.shown('rk-registration-form').querySelector('rk-photo-checker').getAttribute('state') === 'ready'`, 60_000);
  await page.evaluate(() => window.__rk.$(window.__rk.shown('rk-registration-form').querySelector('rk-photo-checker'), '[part="action"]').click());
  await until(page, 'photo uploaded to the server', `window.__rk.shown('rk-registration-form').querySelector('rk-photo-checker').getAttribute('state') === 'accepted'`);
  step('photo checked in the page and uploaded (multipart) to the server');
  await page.evaluate(() => window.__rk.$(window.__rk.shown('rk-registration-form'), '[part="continue"]').click());
  await until(page, 'review step', `window.__rk.shown('rk-registration-form').getAttribute('state') === 'review'`).catch(async (error: Error) => {
    // What the form says instead (a field it still wants, an error from the server).
    const said = await page.evaluate(() => window.__rk.text(window.__rk.shown('rk-registration-form')).slice(0, 1500));
    throw new Error(`${error.message}\nthe form says: ${said}`);
  });
  await page.evaluate(() => window.__rk.$(window.__rk.shown('rk-registration-form'), '[part="submit"]').click());
  await until(page, 'submitted', `window.__rk.portal().currentView === 'review' && window.__rk.text(window.__rk.portal()).includes('待审核')`);
  step('application submitted (待审核)');

  // The office approves through the QA panel (the office API).
  await page.evaluate(() => window.__rk.panel('approve').click());
  await until(page, 'approved', `window.__rk.text(window.__rk.portal()).includes('审核通过')`);
  step('approved by the office (QA panel → office API)');
  await page.evaluate(() => (Array.from(window.__rk.portal().shadowRoot.querySelectorAll('button')) as HTMLButtonElement[]).find((button) => button.textContent!.includes('去缴费'))!.click());

  // Pay by QR: the simulated gateway sends its signed notification; the panel sees it paid.
  await until(page, 'payment panel', `window.__rk.shown('rk-payment-panel')?.getAttribute('state') === 'choose'`);
  await page.evaluate(() => window.__rk.$(window.__rk.shown('rk-payment-panel'), 'input[value="wechat"]').click());
  await until(page, 'QR code', `window.__rk.shown('rk-payment-panel').getAttribute('state') === 'unpaid'`);
  await page.evaluate(() => window.__rk.panel('pay-at-gateway').click());
  await until(page, 'QA panel said paid', `document.querySelector('demo-qa-panel').shadowRoot.querySelector('[role=status]').textContent.includes('完成')`);
  await page.evaluate(() => window.__rk.shown('rk-payment-panel')?.checkNow());
  // The receipt first (缴费成功 with the gateway's trade number), then the way on to the 报名表.
  await until(page, 'receipt', `window.__rk.shown('rk-payment-panel')?.getAttribute('state') === 'paid' && window.__rk.text(window.__rk.shown('rk-payment-panel')).includes('缴费状态')`, 30_000);
  await until(page, 'the way on to the 报名表', `Array.from(window.__rk.portal().shadowRoot.querySelectorAll('button')).some((button) => button.textContent.includes('打印报名表'))`);
  await page.evaluate(() => (Array.from(window.__rk.portal().shadowRoot.querySelectorAll('button')) as HTMLButtonElement[]).find((button) => button.textContent!.includes('打印报名表'))!.click());
  await until(page, '报名表', `window.__rk.shown('rk-ticket-printer')?.getAttribute('state') === 'ready' && window.__rk.text(window.__rk.shown('rk-ticket-printer')).includes('报名成功')`, 30_000);
  step('paid at the simulated gateway: its signed notification reached the server; the receipt, then the 报名表');
  await reloadSignedIn(page, account, 'after payment');

  // Tickets, scores, certificate.
  await page.evaluate(() => window.__rk.panel('publish-tickets').click());
  await until(page, 'tickets published', `document.querySelector('demo-qa-panel').shadowRoot.querySelector('[role=status]').textContent.includes('发布准考证：完成')`);
  await page.evaluate(() => window.__rk.portal().navigate('ticket'));
  await until(page, '准考证', `window.__rk.portal().shadowRoot.querySelector('rk-ticket-printer[document="ticket"]')?.getAttribute('state') === 'ready'`);
  const ticket = await page.evaluate(() => window.__rk.text(window.__rk.portal().shadowRoot.querySelector('rk-ticket-printer[document="ticket"]')));
  if (!ticket.includes('准考证号') || !ticket.includes(name)) throw new Error('the 准考证 lacks its number or the name');
  const photoShown = await page.evaluate(async () => {
    const img = window.__rk.$(window.__rk.portal().shadowRoot.querySelector('rk-ticket-printer[document="ticket"]'), 'img');
    if (!img) return 'no img';
    if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
    return `${img.naturalWidth}x${img.naturalHeight}`;
  });
  if (photoShown !== '295x413') throw new Error(`the 准考证's photo did not load from the server (${photoShown})`);
  step('准考证 printed with the photo served by the server (295×413)');
  await page.evaluate(() => window.__rk.panel('publish-scores').click());
  await until(page, 'scores published', `document.querySelector('demo-qa-panel').shadowRoot.querySelector('[role=status]').textContent.includes('发布成绩：完成')`);
  await page.evaluate(() => window.__rk.portal().navigate('score'));
  await until(page, 'scores', `window.__rk.shown('rk-score-query')?.getAttribute('state') === 'ready' && window.__rk.shown('rk-score-query').getAttribute('result') === 'passed'`);
  await page.evaluate(() => window.__rk.panel('issue-certificates').click());
  await until(page, 'certificates issued', `document.querySelector('demo-qa-panel').shadowRoot.querySelector('[role=status]').textContent.includes('签发证书：完成')`);
  await page.evaluate(() => window.__rk.portal().navigate('certificate'));
  await until(page, 'certificate', `window.__rk.shown('rk-certificate-query')?.getAttribute('state') === 'ready' && window.__rk.text(window.__rk.shown('rk-certificate-query')).includes('软件设计师')`);
  step('scores passed, certificate 软件设计师 issued');
  await reloadSignedIn(page, account, 'at the end');
  await until(page, 'certificate after the reload', `window.__rk.shown('rk-certificate-query')?.getAttribute('state') === 'ready' && window.__rk.text(window.__rk.shown('rk-certificate-query')).includes('软件设计师')`);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
} catch (error) {
  failed = true;
  problems.unshift(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  if (!args.includes('--keep')) rmSync(dataDir, { recursive: true, force: true });
}
if (failed || problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
step('the whole journey on the reference server passed');

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    __rk: any;
  }
}
