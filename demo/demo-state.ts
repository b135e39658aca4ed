/**
 * Demo only: what makes the demo survive a reload. The mock office's state is kept in
 * localStorage after every answer, and the candidate's bearer token in sessionStorage, so a
 * reload finds the same candidate at the same step. A real site does neither: its backend keeps
 * the state, and tokens stay in memory (or in an httpOnly cookie).
 */
import { ExamOffice, startMockOffice } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';

const OFFICE_KEY = 'ruankao-demo:office';
const TOKEN_KEY = 'ruankao-demo:token';

/** Starts the mock office with the state of the last visit, saved again after every answer. */
export async function startDemoOffice(): Promise<ExamOffice> {
  let restored: ExamOffice | undefined;
  try {
    const saved = localStorage.getItem(OFFICE_KEY);
    if (saved) restored = ExamOffice.restore(saved);
  } catch {
    localStorage.removeItem(OFFICE_KEY);
  }
  const { office, worker } = await startMockOffice({ baseUrl: '/api', quiet: true, ...(restored ? { office: restored } : {}) });
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

/** Forgets the saved office (the QA panel's 重置). */
export function forgetDemoState(): void {
  localStorage.removeItem(OFFICE_KEY);
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Remembers a candidate's token for the tab. */
export function rememberToken(token: string | undefined): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * The backend of the demo: the REST contract on `/api`, remembering the token of a sign-in for
 * the tab (the elements never see tokens: they stay inside the adapter).
 */
class DemoBackend extends HttpBackend {
  override async login(...args: Parameters<HttpBackend['login']>) {
    const result = await super.login(...args);
    rememberToken(result.token);
    return result;
  }
  override async register(...args: Parameters<HttpBackend['register']>) {
    const result = await super.register(...args);
    rememberToken(result.token);
    return result;
  }
  override async logout(...args: Parameters<HttpBackend['logout']>) {
    rememberToken(undefined);
    return super.logout(...args);
  }
}

export function demoBackend(): HttpBackend {
  addEventListener('rk-session-expired', () => rememberToken(undefined));
  return new DemoBackend({
    baseUrl: '/api',
    authHeaders: (): Record<string, string> => {
      const token = sessionStorage.getItem(TOKEN_KEY);
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
  });
}
