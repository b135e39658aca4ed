import { ContextConsumer } from '@lit/context';
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import { LitElement, html as litHtml } from 'lit';
import '../src/components/provider/rk-provider.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { define } from '../src/components/base/define.js';
import { RkElement } from '../src/components/base/rk-element.js';
import type { RegistrationBackend } from '../src/services/backend.js';
import { backendContext, configContext, sessionContext } from '../src/services/context.js';
import { NetworkError } from '../src/services/errors.js';
import { HttpBackend } from '../src/services/http-backend.js';
import type { Session } from '../src/services/schemas.js';
import { loginResult } from './fixtures/responses.js';

/** A consumer as a real element would be: reads every context and translates. */
class ContextProbe extends RkElement {
  backend = new ContextConsumer(this, { context: backendContext, subscribe: true });
  session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  config = new ContextConsumer(this, { context: configContext, subscribe: true });
  text(key: string) {
    return this.t(key);
  }
  login() {
    this.emit('rk-login', loginResult);
  }
  protected override render() {
    return litHtml`<p>${this.t('common.retry')}</p>`;
  }
}
define('test-context-probe', ContextProbe);

/** Puts the probe inside its own shadow root, as a real composite element would. */
class ShadowWrapper extends LitElement {
  protected override render() {
    return litHtml`<div><test-context-probe></test-context-probe></div>`;
  }
}
define('test-shadow-wrapper', ShadowWrapper);

const session: Session = loginResult.session;

function fakeBackend(getSession: () => Promise<Session | null>): RegistrationBackend {
  return { getSession } as unknown as RegistrationBackend;
}

function probeIn(provider: RkProvider): ContextProbe {
  const wrapper = provider.querySelector('test-shadow-wrapper')!;
  return wrapper.shadowRoot!.querySelector('test-context-probe') as ContextProbe;
}

describe('rk-provider', () => {
  it('hands backend, session, locale and config to an element nested in another shadow root', async () => {
    let calls = 0;
    const backend = fakeBackend(async () => {
      calls += 1;
      return session;
    });
    const provider = await fixture<RkProvider>(html`
      <rk-provider .backend=${backend} .config=${{ contactPhones: ['0871-64312910'] }}>
        <section><test-shadow-wrapper></test-shadow-wrapper></section>
      </rk-provider>
    `);
    const probe = probeIn(provider);
    await waitUntil(() => probe.session.value !== undefined, 'session never arrived');
    expect(probe.backend.value).to.equal(backend);
    expect(probe.session.value?.user.account).to.equal('13800138000');
    expect(probe.config.value?.contactPhones).to.deep.equal(['0871-64312910']);
    expect(probe.text('common.retry')).to.equal('重试');
    expect(provider.sessionState).to.equal('ready');
    expect(calls).to.equal(1);
  });

  it('switches the nested elements to English and back, re-rendering them', async () => {
    const provider = await fixture<RkProvider>(html`
      <rk-provider .backend=${fakeBackend(async () => null)}><test-shadow-wrapper></test-shadow-wrapper></rk-provider>
    `);
    const probe = probeIn(provider);
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('重试');
    provider.lang = 'en';
    await provider.updateComplete;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('Try again');
    expect(provider.getAttribute('lang')).to.equal('en');
    provider.messages = { en: { 'common.retry': 'Retry now' } };
    await provider.updateComplete;
    await probe.updateComplete;
    expect(probe.text('common.retry')).to.equal('Retry now');
  });

  it('without a provider, an element follows the page lang and defaults to zh-CN', async () => {
    const holder = await fixture(html`<div lang="en"><test-context-probe></test-context-probe></div>`);
    const probe = holder.querySelector('test-context-probe') as ContextProbe;
    expect(probe.text('common.retry')).to.equal('Try again');
    const alone = await fixture<ContextProbe>(html`<test-context-probe></test-context-probe>`);
    expect(alone.text('common.retry')).to.equal('重试');
  });

  it('builds an HttpBackend from api-base', async () => {
    const provider = await fixture<RkProvider>(html`<rk-provider api-base="/nowhere/" api-credentials="include"></rk-provider>`);
    const backend = provider.effectiveBackend;
    expect(backend).to.be.instanceOf(HttpBackend);
    expect((backend as HttpBackend).baseUrl).to.equal('/nowhere');
    expect((backend as HttpBackend).credentials).to.equal('include');
    expect(provider.effectiveBackend).to.equal(backend);
  });

  it('takes the session from rk-login and clears it on rk-logout, firing rk-session-change', async () => {
    const provider = await fixture<RkProvider>(html`
      <rk-provider .backend=${fakeBackend(async () => null)}><test-shadow-wrapper></test-shadow-wrapper></rk-provider>
    `);
    const probe = probeIn(provider);
    await waitUntil(() => probe.session.value === null);
    const changed = oneEvent(provider, 'rk-session-change');
    probe.login();
    expect((await changed).detail.session).to.equal(loginResult.session);
    expect(probe.session.value).to.equal(loginResult.session);

    probe.emit('rk-verified', {
      status: 'verified',
      name: '张三',
      documentType: 'resident-id',
      documentNumberMasked: '530102********1234',
      gender: 'male',
      birthDate: '1990-01-01',
      validFrom: '2015-01-01',
      validTo: '2035-01-01',
      verifiedAt: '2026-11-25T10:00:00+08:00',
    });
    expect(probe.session.value?.realName?.status).to.equal('verified');

    probe.emit('rk-logout', undefined);
    expect(probe.session.value).to.equal(null);
    expect(provider.session).to.equal(null);
  });

  it('shows a retry when the session cannot be loaded, and recovers', async () => {
    let fail = true;
    const backend = fakeBackend(async () => {
      if (fail) throw new NetworkError('getSession', 'down');
      return session;
    });
    const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}></rk-provider>`);
    await waitUntil(() => provider.sessionState === 'error');
    await provider.updateComplete;
    const notice = provider.shadowRoot!.querySelector('[part="session-error"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('网络连接失败');
    fail = false;
    notice.querySelector('button')!.click();
    await waitUntil(() => provider.sessionState === 'ready');
    await provider.updateComplete;
    expect(provider.session).to.equal(session);
    expect(provider.shadowRoot!.querySelector('[part="session-error"]')).to.equal(null);
  });

  it('keeps a session set while its own question was on the way: by the page, or by a sign-in or sign-out', async () => {
    // The backend answers only when told: the answer comes after the newer word.
    const answers: ((value: Session | null) => void)[] = [];
    const failures: ((error: unknown) => void)[] = [];
    const backend = fakeBackend(
      () =>
        new Promise<Session | null>((resolve, reject) => {
          answers.push(resolve);
          failures.push(reject);
        }),
    );
    const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}><test-shadow-wrapper></test-shadow-wrapper></rk-provider>`);
    const probe = probeIn(provider);
    expect(answers).to.have.length(1);
    expect(provider.sessionState).to.equal('loading');

    // The page sets it: the older answer (no one signed in) does not undo it.
    provider.session = session;
    answers[0]!(null);
    await waitUntil(() => provider.sessionState === 'ready');
    await provider.updateComplete;
    expect(provider.session).to.equal(session);
    expect(probe.session.value).to.equal(session);

    // An element reports a sign-out while the provider asks again: signed out it stays.
    void provider.reloadSession();
    probe.emit('rk-logout', undefined);
    answers[1]!(session);
    await waitUntil(() => provider.sessionState === 'ready');
    expect(provider.session).to.equal(null);
    expect(probe.session.value).to.equal(null);

    // A sign-in while the question fails: the session stands, and no error is shown.
    void provider.reloadSession();
    probe.login();
    failures[2]!(new NetworkError('getSession', 'down'));
    await waitUntil(() => provider.sessionState !== 'loading');
    await provider.updateComplete;
    expect(provider.sessionState).to.equal('ready');
    expect(provider.session).to.equal(loginResult.session);
    expect(provider.shadowRoot!.querySelector('[part="session-error"]')).to.equal(null);

    // Nothing newer: the answer is taken.
    void provider.reloadSession();
    answers[3]!(null);
    await waitUntil(() => provider.session === null);
    expect(provider.sessionState).to.equal('ready');
  });

  it('keeps a session the page set and does not ask the backend', async () => {
    let calls = 0;
    const backend = fakeBackend(async () => {
      calls += 1;
      return null;
    });
    const provider = await fixture<RkProvider>(html`<rk-provider .session=${session} .backend=${backend}></rk-provider>`);
    await provider.updateComplete;
    expect(calls).to.equal(0);
    expect(provider.session).to.equal(session);
  });
});

describe('define()', () => {
  it('warns instead of throwing when another copy defined the tag', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Other extends HTMLElement {}
      expect(() => define('rk-provider', Other)).to.not.throw();
      define('rk-provider', customElements.get('rk-provider')!);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('<rk-provider> is already defined');
  });
});
