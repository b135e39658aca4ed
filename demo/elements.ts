/**
 * The page of single elements: the mock office (a fresh one, not the main demo's saved state)
 * with 张三 signed in and approved, so the payment panel has something to pay.
 */
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { startMockOffice } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';

const { office } = await startMockOffice({ baseUrl: '/api', scenario: 'happy-path', quiet: true });
const { token } = office.seedCandidate({ stage: 'approved' });
await import('../src/index.js');

const candidate = document.querySelector<RkProvider>('#candidate')!;
candidate.config = { contactPhones: ['0871-64312910 转 835、836', '0871-63626248'] };
candidate.backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
