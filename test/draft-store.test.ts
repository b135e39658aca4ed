/** DraftStore: the local copy at once, debounced merges to the backend, failures that lose nothing. */
import { expect, waitUntil } from './helpers/testing.js';
import { BusinessError, NetworkError } from '../src/services/errors.js';
import { DraftStore, draftStorageKey, type DraftStoreOptions } from '../src/services/draft-store.js';
import type { Application, ApplicationDraft } from '../src/services/schemas.js';

const key = { account: 'user-1', examSession: 'rk-2027-h1' };

function application(fields: ApplicationDraft): Application {
  return {
    id: 'app-1',
    examSessionId: key.examSession,
    status: 'draft',
    fields,
    photo: null,
    review: null,
    changeRequest: null,
    registrationNumber: null,
    feeFen: null,
    submittedAt: null,
    updatedAt: new Date().toISOString(),
  };
}

/** A backend double: records each draft, merges it, and fails while `failWith` is set. */
class FakeBackend {
  calls: ApplicationDraft[] = [];
  saved: ApplicationDraft = {};
  failWith: Error | undefined;
  /** Resolves the next save only when released (to test edits during a save). */
  hold = false;
  #release: (() => void) | undefined;

  save = async (draft: ApplicationDraft): Promise<Application> => {
    this.calls.push(draft);
    if (this.hold) await new Promise<void>((resolve) => (this.#release = resolve));
    if (this.failWith) throw this.failWith;
    for (const [field, value] of Object.entries(draft)) {
      if (value === null) delete (this.saved as Record<string, unknown>)[field];
      else (this.saved as Record<string, unknown>)[field] = value;
    }
    return application({ ...this.saved });
  };

  release(): void {
    this.hold = false;
    this.#release?.();
  }
}

function store(backend: FakeBackend, options: Partial<DraftStoreOptions> = {}): DraftStore {
  return new DraftStore({ key, save: backend.save, delayMs: 20, retryDelaysMs: [30, 60], ...options });
}

const stored = () => JSON.parse(sessionStorage.getItem(draftStorageKey(key)) ?? 'null');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => sessionStorage.clear());

describe('DraftStore', () => {
  it('keeps every change locally at once and sends only what changed after a quiet time', async () => {
    const backend = new FakeBackend();
    const draft = store(backend);
    draft.start({});
    draft.set('employer', '丽');
    expect(stored().values.employer).to.equal('丽');
    expect(draft.state).to.equal('pending');
    draft.set('employer', '丽江');
    draft.set('mobile', '13800138000');
    expect(backend.calls).to.have.length(0);
    await waitUntil(() => draft.state === 'saved', 'never saved');
    expect(backend.calls).to.deep.equal([{ employer: '丽江', mobile: '13800138000' }]);
    expect(stored().pending).to.deep.equal([]);
    draft.set('employer', '');
    await waitUntil(() => backend.calls.length === 2);
    expect(backend.calls[1]).to.deep.equal({ employer: null }); // the backend merges: null clears
    draft.dispose();
  });

  it('a failed save keeps the fields pending and the local copy, retries, and gets there', async () => {
    const backend = new FakeBackend();
    backend.failWith = new NetworkError('saveApplicationDraft', 'offline');
    const draft = store(backend);
    draft.start({});
    draft.set('address', '丽江市古城区');
    await waitUntil(() => draft.state === 'error', 'no error state');
    expect(draft.error).to.be.instanceOf(NetworkError);
    expect(draft.pendingFields).to.deep.equal(['address']);
    expect(stored().values.address).to.equal('丽江市古城区');
    expect(stored().pending).to.deep.equal(['address']);
    await waitUntil(() => backend.calls.length >= 2, 'never retried');
    backend.failWith = undefined;
    await waitUntil(() => draft.state === 'saved', 'never recovered', { timeout: 2000 });
    expect(backend.saved.address).to.equal('丽江市古城区');
    draft.dispose();
  });

  it('does not retry a refusal by rule, and tells', async () => {
    const backend = new FakeBackend();
    backend.failWith = new BusinessError('saveApplicationDraft', 'WINDOW_CLOSED', '网上报名已截止');
    const fatal: unknown[] = [];
    const draft = store(backend, { onFatal: (error) => fatal.push(error) });
    draft.start({});
    draft.set('address', 'x');
    await waitUntil(() => fatal.length === 1);
    await wait(120);
    expect(backend.calls).to.have.length(1);
    expect(draft.pendingFields).to.deep.equal(['address']);
    draft.dispose();
  });

  it('a field changed while its save is on the way stays pending with the newer value', async () => {
    const backend = new FakeBackend();
    backend.hold = true;
    const draft = store(backend);
    draft.start({});
    draft.set('employer', 'A');
    await waitUntil(() => draft.state === 'saving');
    draft.set('employer', 'AB');
    backend.release();
    await waitUntil(() => backend.calls.length === 2 && draft.state === 'saved', 'second save missing');
    expect(backend.calls).to.deep.equal([{ employer: 'A' }, { employer: 'AB' }]);
    expect(backend.saved.employer).to.equal('AB');
    draft.dispose();
  });

  it('after a reload, lays the local copy over the backend’s and re-sends what differs', async () => {
    const backend = new FakeBackend();
    const first = store(backend);
    first.start({});
    backend.failWith = new NetworkError('saveApplicationDraft', 'offline');
    first.setMany({ employer: '丽江市', subjectIds: ['a', 'b'] });
    await waitUntil(() => first.state === 'error');
    first.dispose();

    backend.failWith = undefined;
    const again = store(backend);
    const values = again.start({ employer: '旧单位', address: '福慧路8号' });
    expect(values).to.deep.equal({ employer: '丽江市', address: '福慧路8号', subjectIds: ['a', 'b'] });
    expect(again.pendingFields.sort()).to.deep.equal(['employer', 'subjectIds']);
    await waitUntil(() => again.state === 'saved');
    expect(backend.calls.at(-1)).to.deep.equal({ employer: '丽江市', subjectIds: ['a', 'b'] });
    again.dispose();
  });

  it('flush() saves at once and reports failure to the caller', async () => {
    const backend = new FakeBackend();
    const draft = store(backend, { delayMs: 60_000 });
    draft.start({});
    draft.set('mobile', '13800138000');
    const answer = await draft.flush();
    expect(answer?.fields.mobile).to.equal('13800138000');
    expect(await draft.flush()).to.equal(undefined);
    backend.failWith = new NetworkError('saveApplicationDraft', 'offline');
    draft.set('mobile', '13900139000');
    let failed = false;
    await draft.flush().catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(draft.values.mobile).to.equal('13900139000');
    draft.dispose();
  });

  it('clear() forgets the local copy; keys keep accounts and rounds apart', async () => {
    const backend = new FakeBackend();
    const draft = store(backend);
    draft.start({});
    draft.set('employer', 'A');
    const other = new DraftStore({ key: { ...key, account: 'user-2' }, save: backend.save, delayMs: 20 });
    expect(other.read()).to.equal(null);
    expect(draftStorageKey({ ...key, examSession: 'rk-2027-h2' })).to.not.equal(draftStorageKey(key));
    draft.clear();
    expect(sessionStorage.getItem(draftStorageKey(key))).to.equal(null);
    expect(draft.values).to.deep.equal({});
    await wait(60);
    expect(backend.calls).to.have.length(0);
  });

  it('works without storage (sandboxed frames): the copy lives in memory for the page', async () => {
    const backend = new FakeBackend();
    const draft = store(backend, { storage: null });
    draft.start({});
    draft.set('employer', 'M');
    expect(sessionStorage.getItem(draftStorageKey(key))).to.equal(null);
    expect(store(backend, { storage: null }).read()?.values.employer).to.equal('M');
    draft.clear();
  });

  it('ignores a damaged local copy', () => {
    sessionStorage.setItem(draftStorageKey(key), '{not json');
    const draft = store(new FakeBackend());
    expect(draft.read()).to.equal(null);
    sessionStorage.setItem(draftStorageKey(key), JSON.stringify({ values: { employer: 5, school: '云南大学' }, pending: ['school', 'x'] }));
    expect(draft.read()?.values).to.deep.equal({ school: '云南大学' });
    expect(draft.read()?.pending).to.deep.equal(['school']);
  });
});
