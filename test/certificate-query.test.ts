/** rk-certificate-query: the certificate's fields, none yet, errors. */
import { expect, html } from './helpers/testing.js';
import '../src/components/certificate-query/rk-certificate-query.js';
import type { RkCertificateQuery } from '../src/components/certificate-query/rk-certificate-query.js';
import type { ExamOffice } from '../src/mocks/index.js';
import { textOf } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';
import { mountQuery } from './helpers/query-mount.js';

let office: ExamOffice;
beforeEach(async () => {
  office = await freshOffice();
});

const mount = (stage: Parameters<typeof mountQuery>[1], state: string) =>
  mountQuery<RkCertificateQuery>(office, stage, html`<rk-certificate-query></rk-certificate-query>`, 'rk-certificate-query', state);

describe('rk-certificate-query', () => {
  it('shows every field of the candidate’s certificate', async () => {
    const token = office.seedCandidate({ stage: 'certified' }).token;
    const [certificate] = office.getCertificates(token).certificates;
    const el = await mountQuery<RkCertificateQuery>(office, { token }, html`<rk-certificate-query></rk-certificate-query>`, 'rk-certificate-query', 'ready');
    const text = textOf(el);
    for (const value of [certificate!.number, certificate!.qualification, certificate!.level, certificate!.name, certificate!.issuer]) {
      expect(text).to.contain(value);
    }
    expect(text).to.contain('已签发，待领取');
    await expect(el).to.be.accessible();
  });

  it('says when there is no certificate yet', async () => {
    const el = await mount('scored', 'empty');
    expect(textOf(el)).to.contain('暂无证书信息');
  });

  it('shows a malformed answer as a clear error with 重试', async () => {
    office.faults = { ...office.faults, down: 'invalid-schema', only: ['getCertificates'] };
    const el = await mount('certified', 'error');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('服务器返回的数据有误');
  });
});
