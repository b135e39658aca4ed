/**
 * The demo page's script: starts the mock exam office in the browser (MSW), then loads the
 * library exactly as a site would, plus the demo's own round card and QA panel.
 */
import { startMockOffice } from '../src/mocks/index.js';
import type { DemoQaPanel } from './qa-panel.js';

const { office } = await startMockOffice({ baseUrl: '/api', scenario: 'happy-path', quiet: true });
await import('../src/index.js');
await import('./round-card.js');
await import('./qa-panel.js');
const panel = document.querySelector<DemoQaPanel>('demo-qa-panel');
if (panel) panel.office = office;
