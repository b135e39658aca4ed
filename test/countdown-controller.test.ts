/**
 * CountdownController: a deadline kept as a timestamp (sessionStorage, by key), re-rendering the
 * host each second, surviving disconnection and new hosts, and ending once.
 */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import { LitElement, html as litHtml } from 'lit';
import { CountdownController } from '../src/controllers/countdown-controller.js';

let clock = 1_000_000;
const now = () => clock;

class CountdownHost extends LitElement {
  ended = 0;
  renders = 0;
  countdown = new CountdownController(this, {
    now: () => (this.realClock ? Date.now() : now()),
    onEnd: () => {
      this.ended += 1;
    },
  });
  realClock = false;
  protected override render() {
    this.renders += 1;
    return litHtml`<span>${this.countdown.remaining}</span>`;
  }
}
customElements.define('test-countdown-host', CountdownHost);

beforeEach(() => {
  clock = 1_000_000;
  sessionStorage.clear();
});

describe('CountdownController', () => {
  it('counts whole seconds, rounded up, from a deadline', async () => {
    const host = await fixture<CountdownHost>(html`<test-countdown-host></test-countdown-host>`);
    const countdown = host.countdown;
    expect(countdown.running).to.equal(false);
    expect(countdown.remaining).to.equal(0);
    countdown.start(60);
    expect(countdown.running).to.equal(true);
    expect(countdown.remaining).to.equal(60);
    expect(countdown.deadline).to.equal(1_060_000);
    clock += 400;
    expect(countdown.remaining).to.equal(60);
    clock += 600;
    expect(countdown.remaining).to.equal(59);
    clock += 59_000;
    expect(countdown.remaining).to.equal(0);
    expect(countdown.running).to.equal(false);
    countdown.start(5);
    countdown.stop();
    expect(countdown.running).to.equal(false);
  });

  it('keeps the deadline under its key, only a timestamp, and picks it up in another host', async () => {
    const first = await fixture<CountdownHost>(html`<test-countdown-host></test-countdown-host>`);
    first.countdown.key = 'code:register:abc';
    first.countdown.start(30);
    expect(sessionStorage.getItem('rk-countdown:code:register:abc')).to.equal(String(1_030_000));

    const second = await fixture<CountdownHost>(html`<test-countdown-host></test-countdown-host>`);
    second.countdown.key = 'code:register:abc';
    expect(second.countdown.remaining).to.equal(30);
    second.countdown.key = 'code:register:other';
    expect(second.countdown.running).to.equal(false);
    second.countdown.key = 'code:register:abc';
    expect(second.countdown.running).to.equal(true);
    second.countdown.stop();
    expect(sessionStorage.getItem('rk-countdown:code:register:abc')).to.equal(null);
  });

  it('survives the host leaving and re-entering the page', async () => {
    const host = await fixture<CountdownHost>(html`<test-countdown-host></test-countdown-host>`);
    host.countdown.key = 'k';
    host.countdown.start(10);
    const parent = host.parentElement!;
    host.remove();
    clock += 3_000;
    parent.append(host);
    await host.updateComplete;
    expect(host.countdown.remaining).to.equal(7);
    expect(host.shadowRoot!.textContent).to.equal('7');
  });

  it('re-renders the host each second and calls onEnd once at zero', async () => {
    const host = await fixture<CountdownHost>(html`<test-countdown-host></test-countdown-host>`);
    host.realClock = true;
    host.countdown.start(2);
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.equal('2');
    await waitUntil(() => host.shadowRoot!.textContent === '1', 'no tick', { timeout: 2000 });
    await waitUntil(() => host.shadowRoot!.textContent === '0', 'no end', { timeout: 2000 });
    expect(host.ended).to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(host.ended).to.equal(1);
    expect(host.renders).to.be.lessThan(8);
  });

  it('does not call onEnd for a deadline that passed while nobody watched', async () => {
    const host = await fixture<CountdownHost>(html`<test-countdown-host></test-countdown-host>`);
    host.countdown.key = 'gone';
    host.countdown.start(5);
    const parent = host.parentElement!;
    host.remove();
    clock += 10_000;
    parent.append(host);
    await host.updateComplete;
    expect(host.countdown.running).to.equal(false);
    expect(host.ended).to.equal(0);
    expect(sessionStorage.getItem('rk-countdown:gone')).to.equal(null);
  });

  it('works when sessionStorage is unavailable', async () => {
    const original = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')!;
    Object.defineProperty(Storage.prototype, 'setItem', {
      configurable: true,
      value: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const host = await fixture<CountdownHost>(html`<test-countdown-host></test-countdown-host>`);
      host.countdown.key = 'nostorage';
      host.countdown.start(8);
      const other = await fixture<CountdownHost>(html`<test-countdown-host></test-countdown-host>`);
      other.countdown.key = 'nostorage';
      expect(other.countdown.remaining).to.equal(8);
    } finally {
      Object.defineProperty(Storage.prototype, 'setItem', original);
    }
  });
});
