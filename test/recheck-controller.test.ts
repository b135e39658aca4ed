/**
 * RecheckController: a view that waits for something asks again when the awaited moment comes
 * (a timer to the backend's time), when the tab is shown again or the window focused, and when
 * asked; never while the tab is hidden, never by polling, one check at a time (coalesced).
 */
import { expect, fixture, html } from './helpers/testing.js';
// CommonJS: the runner's conversion gives it as the default export only.
import FakeTimers from '@sinonjs/fake-timers';
import { LitElement, html as litHtml } from 'lit';
import { RecheckController } from '../src/controllers/recheck-controller.js';

type InstalledClock = ReturnType<ReturnType<typeof FakeTimers.withGlobal>['install']>;
let clock: InstalledClock;

/** The backend's clock runs 5 minutes ahead of the candidate's. */
const SKEW_MS = 5 * 60_000;

class RecheckHost extends LitElement {
  checks = 0;
  signals: AbortSignal[] = [];
  /** Each check waits for `answer()`. */
  #pending: (() => void)[] = [];
  isWaiting = true;
  due: string | number | undefined;
  recheck = new RecheckController(this, {
    check: (signal) => {
      this.checks += 1;
      this.signals.push(signal);
      return new Promise<void>((resolve) => this.#pending.push(resolve));
    },
    waiting: () => this.isWaiting,
    due: () => this.due,
    now: () => Date.now() + SKEW_MS,
  });
  /** The backend answers the checks under way. */
  answer(): void {
    for (const resolve of this.#pending.splice(0)) resolve();
  }
  protected override render() {
    return litHtml`<span>${this.checks}</span>`;
  }
}
customElements.define('test-recheck-host', RecheckHost);

function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Lets promises settle between fake-timer steps. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await clock.tickAsync(0);
}

beforeEach(() => {
  clock = FakeTimers.withGlobal(window).install({ now: Date.parse('2027-01-10T01:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});

afterEach(() => {
  clock.uninstall();
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
});

async function host(): Promise<RecheckHost> {
  const el = await fixture<RecheckHost>(html`<test-recheck-host></test-recheck-host>`);
  await settle();
  return el;
}

describe('RecheckController', () => {
  it('asks once at a time: asking again while a check is under way makes exactly one more after it', async () => {
    const el = await host();
    const first = el.recheck.recheck();
    const more = [el.recheck.recheck(), el.recheck.recheck(), el.recheck.recheck(), el.recheck.recheck()];
    await settle();
    expect(el.checks).to.equal(1);
    el.answer();
    await first;
    await settle();
    expect(el.checks, 'one more after the first, however often it was asked meanwhile').to.equal(2);
    let done = 0;
    more.forEach((promise) => void promise.then(() => (done += 1)));
    await settle();
    expect(done, 'the callers wait for the check that follows their question').to.equal(0);
    el.answer();
    await settle();
    expect(done).to.equal(4);
    expect(el.checks).to.equal(2);
  });

  it('asks when the awaited moment comes on the backend’s clock, and not before', async () => {
    const el = await host();
    // Due in 10 minutes on the backend's clock (which is 5 minutes ahead of this one).
    el.due = new Date(Date.now() + SKEW_MS + 10 * 60_000).toISOString();
    el.requestUpdate();
    await settle();
    await clock.tickAsync(10 * 60_000 - 1_000);
    expect(el.checks).to.equal(0);
    await clock.tickAsync(3_500);
    expect(el.checks).to.equal(1);
    el.answer();
    await settle();
    // The answer still names the moment, now past: no loop.
    await clock.tickAsync(60 * 60_000);
    expect(el.checks).to.equal(1);
  });

  it('waits out a moment weeks away (beyond what one timer can wait)', async () => {
    const el = await host();
    el.due = Date.now() + SKEW_MS + 40 * 24 * 3600_000;
    el.requestUpdate();
    await settle();
    await clock.tickAsync(40 * 24 * 3600_000 - 60_000);
    expect(el.checks).to.equal(0);
    await clock.tickAsync(65_000);
    expect(el.checks).to.equal(1);
  });

  it('never asks while the tab is hidden: a moment that came then is asked for when the tab is shown', async () => {
    const el = await host();
    el.due = Date.now() + SKEW_MS + 60_000;
    el.requestUpdate();
    await settle();
    setVisibility('hidden');
    await clock.tickAsync(2 * 3600_000);
    expect(el.checks).to.equal(0);
    setVisibility('visible');
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(el.checks, 'once for the tab shown and the window focused together').to.equal(1);
  });

  it('asks when the tab is shown again or the browser is back online, while waiting; never by polling', async () => {
    const el = await host();
    await clock.tickAsync(3_600_000);
    expect(el.checks, 'no polling of a visible tab').to.equal(0);
    setVisibility('hidden');
    setVisibility('visible');
    await settle();
    expect(el.checks).to.equal(1);
    el.answer();
    await settle();
    await clock.tickAsync(5_000);
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(el.checks).to.equal(2);
    el.answer();
    await settle();
    // Not waiting for anything: coming back asks nothing.
    el.isWaiting = false;
    await clock.tickAsync(5_000);
    setVisibility('hidden');
    setVisibility('visible');
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(el.checks).to.equal(2);
  });

  it('stops when its element leaves the page: the check under way is aborted, no timer remains', async () => {
    const el = await host();
    el.due = Date.now() + SKEW_MS + 60_000;
    el.requestUpdate();
    await settle();
    void el.recheck.recheck();
    await settle();
    el.remove();
    expect(el.signals[0]!.aborted).to.equal(true);
    el.answer();
    await clock.tickAsync(3_600_000);
    setVisibility('hidden');
    setVisibility('visible');
    await settle();
    expect(el.checks).to.equal(1);
  });
});
