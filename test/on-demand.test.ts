/**
 * OnDemand (src/services/on-demand.ts): a module fetched when first asked for. A fetch that began
 * while offline (a field's check) can still be under way when the connection is back and the
 * candidate presses 重试; the retry must not inherit that fetch's failure.
 */
import { expect } from './helpers/testing.js';
import { OnDemand } from '../src/services/on-demand.js';

describe('OnDemand', () => {
  it('a caller who joins a fetch that then fails fetches once more itself', async () => {
    let online = false;
    let fetches = 0;
    let failUnderWay: (error: Error) => void = () => undefined;
    const checks = new OnDemand<{ ok: true }>(() => {
      fetches += 1;
      if (online) return Promise.resolve({ ok: true });
      return new Promise((_, reject) => (failUnderWay = reject));
    });
    const early = checks.load().then(
      () => 'loaded',
      () => 'failed',
    );
    online = true;
    const retry = checks.load(); // joins the fetch under way
    failUnderWay(new TypeError('error loading dynamically imported module'));
    expect(await early).to.equal('failed');
    expect(await retry).to.deep.equal({ ok: true });
    expect(fetches).to.equal(2);
    expect(checks.value).to.deep.equal({ ok: true });
  });

  it('callers who join a fetch that succeeds share it: one fetch', async () => {
    let fetches = 0;
    const checks = new OnDemand(() => {
      fetches += 1;
      return new Promise<{ ok: true }>((resolve) => setTimeout(() => resolve({ ok: true }), 20));
    });
    const [a, b, c] = await Promise.all([checks.load(), checks.load(), checks.load()]);
    expect(a).to.equal(b);
    expect(b).to.equal(c);
    expect(fetches).to.equal(1);
  });
});
