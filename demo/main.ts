/**
 * The demo page's script: starts the mock exam office in the browser (MSW; its state survives a
 * reload), then loads the library exactly as a site would and hands the QA panel the office.
 */
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { startDemoOffice } from './demo-state.js';
import type { DemoQaPanel } from './qa-panel.js';

const office = await startDemoOffice();
await import('../src/index.js');
await import('./qa-panel.js');

const provider = document.querySelector<RkProvider>('rk-provider')!;
provider.config = { contactPhones: ['0871-64312910 转 835、836', '0871-63626248', '0871-63617131'], officeName: '省人事考试机构（演示）' };

const panel = document.querySelector<DemoQaPanel>('demo-qa-panel');
if (panel) panel.office = office;
