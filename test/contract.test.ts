/**
 * The REST contract is written once (src/services/contract.ts); this test fails when the
 * checked-in OpenAPI document, the HTTP adapter and the mock office disagree with it.
 */
import { expect } from './helpers/testing.js';
import { buildOpenApi } from '../scripts/openapi-document.js';
import { operations } from '../src/services/contract.js';
import { officeOperations } from '../src/services/office-contract.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { createHandlers, ExamOffice, startMockOffice } from '../src/mocks/index.js';
import type { RegistrationBackend } from '../src/services/backend.js';
import { jpegBlob } from './fixtures/responses.js';

type Route = `${string} ${string}`;

/** `GET /payment/orders/{orderId}` → `GET /payment/orders/:orderId`, the form MSW and the adapter use. */
const route = (method: string, path: string): Route => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;

describe('REST contract', () => {
  it('docs/openapi.json is the document generated from the schemas (run npm run openapi)', async () => {
    const response = await fetch('/docs/openapi.json');
    expect(response.ok, 'docs/openapi.json is missing: run npm run openapi').to.equal(true);
    const checkedIn = await response.json();
    const { version } = await (await fetch('/package.json')).json();
    expect(checkedIn).to.deep.equal(JSON.parse(JSON.stringify(buildOpenApi(version))));
  });

  it('the document, the contract tables (candidates and office API) and the mock handlers list the same routes', async () => {
    const doc = buildOpenApi('0.0.0') as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => route(method, path)),
    );
    const table = Object.values({ ...operations, ...officeOperations }).map((operation) => route(operation.method, operation.path));
    const handlers = createHandlers(new ExamOffice(), { baseUrl: '/api' }).map((handler) => {
      const info = handler.info as { method: string; path: string };
      return route(String(info.method), String(info.path).replace(/^\/api/, ''));
    });
    expect([...documented].sort()).to.deep.equal([...table].sort());
    expect([...handlers].sort()).to.deep.equal([...table].sort());
  });

  it('every adapter method sends the documented method and path, and the mock office answers it', async () => {
    const { worker } = await startMockOffice({ baseUrl: '/api', quiet: true });
    const sent: Route[] = [];
    const unhandled: string[] = [];
    const onStart = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/')) sent.push(`${request.method} ${url.pathname.slice(4)}`);
    };
    // Only the API's requests: the adapter's own code (the response check) is fetched on demand too.
    const onUnhandled = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname.startsWith('/api/')) unhandled.push(`${request.method} ${request.url}`);
    };
    worker.events.on('request:start', onStart);
    worker.events.on('request:unhandled', onUnhandled);
    try {
      const backend = new HttpBackend({ baseUrl: '/api' });
      const options = { idempotencyKey: 'contract-test-key' };
      const calls: Record<keyof RegistrationBackend, () => Promise<unknown>> = {
        getCaptcha: () => backend.getCaptcha(),
        sendVerificationCode: () =>
          backend.sendVerificationCode({ channel: 'sms', target: '13900139000', purpose: 'register', captchaId: 'x', captchaAnswer: '0000' }),
        register: () => backend.register({ accountType: 'phone', account: '13900139000', password: 'abc12345', code: '123456' }),
        login: () => backend.login({ account: '13900139000', password: 'abc12345', captchaId: 'x', captchaAnswer: '0000' }),
        resetPassword: () => backend.resetPassword({ account: '13900139000', code: '123456', newPassword: 'abc123456' }),
        logout: () => backend.logout(),
        getSession: () => backend.getSession(),
        verifyRealName: () =>
          backend.verifyRealName({ name: '张三', documentType: 'resident-id', documentNumber: '11010519491231002X', validFrom: '2020-01-01', validTo: null }),
        getExamSession: () => backend.getExamSession(),
        getApplication: () => backend.getApplication(),
        saveApplicationDraft: () => backend.saveApplicationDraft({ mobile: '139' }),
        submitApplication: () => backend.submitApplication({} as never, options),
        uploadPhoto: () => backend.uploadPhoto(jpegBlob()),
        createPaymentOrder: () => backend.createPaymentOrder({ channel: 'alipay' }, options),
        getPaymentStatus: () => backend.getPaymentStatus('order-x'),
        getCurrentPayment: () => backend.getCurrentPayment(),
        getRegistrationSlip: () => backend.getRegistrationSlip(),
        requestChange: () => backend.requestChange({ reason: '更改考区到丽江' }),
        getAdmissionTicket: () => backend.getAdmissionTicket(),
        getExamArrangement: () => backend.getExamArrangement(),
        getScores: () => backend.getScores(),
        getCertificates: () => backend.getCertificates(),
      };
      for (const call of Object.values(calls)) {
        // Many calls are refused by a business rule here; the route is what this test checks.
        await call().catch(() => undefined);
      }
      const expected = Object.values(operations).map((operation) =>
        `${operation.method} ${operation.path.replace('{orderId}', 'order-x')}` as Route,
      );
      expect([...new Set(sent)].sort()).to.deep.equal(expected.sort());
      expect(unhandled).to.deep.equal([]);
    } finally {
      worker.events.removeListener('request:start', onStart);
      worker.events.removeListener('request:unhandled', onUnhandled);
    }
  });
});
