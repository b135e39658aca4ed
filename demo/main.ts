/**
 * The demo page's script. `npm start`: starts the mock exam office in the browser (MSW; its state
 * survives a reload). `npm run server`: the page is built for the reference server
 * (VITE_RK_DEMO_BACKEND=server) and talks to it over real HTTP with a cookie session; the QA panel
 * plays the office through the server's office API. Then it loads the library exactly as a site
 * would and hands the QA panel its controls.
 */
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { DemoOfficeControls, ServerDemoConfig } from './office-controls.js';
import type { DemoQaPanel } from './qa-panel.js';

const serverMode = import.meta.env.VITE_RK_DEMO_BACKEND === 'server';

async function controls(provider: () => RkProvider): Promise<DemoOfficeControls> {
  if (serverMode) {
    const { serverControls } = await import('./office-controls.js');
    const config = (await (await fetch('/demo-config.json')).json()) as ServerDemoConfig;
    return serverControls(config, {
      signOut: async () => {
        await provider().backend?.logout().catch(() => undefined);
        provider().dispatchEvent(new CustomEvent('rk-logout', { bubbles: true, composed: true }));
      },
    });
  }
  const [{ startDemoOffice, signInSeededCandidate, forgetDemoState }, { mockControls }] = await Promise.all([import('./demo-state.js'), import('./office-controls.js')]);
  const office = await startDemoOffice();
  return mockControls(office, { signInSeeded: signInSeededCandidate, forget: forgetDemoState });
}

const provider = () => document.querySelector<RkProvider>('rk-provider')!;
const office = await controls(provider);
await import('../src/index.js');
await import('./qa-panel.js');

provider().config = { contactPhones: ['0871-64312910 转 835、836', '0871-63626248', '0871-63617131'], officeName: '省人事考试机构（演示）' };
if (serverMode) {
  document.documentElement.dataset.backend = 'server';
  const lead = document.querySelector('.lead');
  if (lead) lead.textContent = '以下区域由 ruankao-elements 的 <rk-portal> 嵌入，连接的是参考考务服务器（真实的 HTTP 接口和 PostgreSQL 数据库，Cookie 会话）；刷新页面后仍保持登录，数据保存在服务器上。';
  const note = document.querySelector('.site-title small');
  if (note) note.textContent = '演示站点 · 参考服务器';
}

const panel = document.querySelector<DemoQaPanel>('demo-qa-panel');
if (panel) panel.controls = office;
