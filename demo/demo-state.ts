/**
 * Demo only: what makes the demo survive a reload. The mock office's state is kept in
 * localStorage after every answer; the office hands out cookie sessions (as a real backend in
 * cookie mode does), and MSW keeps the mocked session cookie in its own jar, so a reload finds
 * the same candidate signed in at the same step. A real site keeps neither: its backend keeps the
 * state, and the browser the httpOnly cookie.
 */
import { ExamOffice, SEED_ACCOUNT, startMockOffice } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';

const OFFICE_KEY = 'ruankao-demo:office';
/** Where MSW keeps the mocked cookies (the demo's session cookie among them). */
const MSW_COOKIE_STORE = '__msw-cookie-store__';

/** Starts the mock office (cookie sessions) with the state of the last visit, saved again after every answer. */
export async function startDemoOffice(): Promise<ExamOffice> {
  let restored: ExamOffice | undefined;
  try {
    const saved = localStorage.getItem(OFFICE_KEY);
    if (saved) restored = ExamOffice.restore(saved, { auth: 'cookie' });
  } catch {
    localStorage.removeItem(OFFICE_KEY);
  }
  const office = restored ?? new ExamOffice({ auth: 'cookie' });
  const { worker } = await startMockOffice({ baseUrl: '/api', quiet: true, office });
  const save = () => {
    try {
      localStorage.setItem(OFFICE_KEY, office.snapshot());
    } catch {
      // storage full or unavailable: the demo just starts afresh next time
    }
  };
  worker.events.on('response:mocked', save);
  addEventListener('pagehide', save);
  return office;
}

/** Forgets the saved office and the session cookie (the QA panel's 重置). */
export function forgetDemoState(): void {
  localStorage.removeItem(OFFICE_KEY);
  localStorage.removeItem(MSW_COOKIE_STORE);
}

/**
 * Signs the seeded candidate in as a candidate would (the office just seeded 张三 at a stage):
 * a login through the API, whose answer sets the session cookie.
 */
export async function signInSeededCandidate(): Promise<void> {
  const backend = new HttpBackend({ baseUrl: '/api' });
  const captcha = await backend.getCaptcha();
  await backend.login({ account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, captchaId: captcha.id, captchaAnswer: '0000' });
}
