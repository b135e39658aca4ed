// Example only: the mock exam office (MSW) answers /api, then the autoloader of dist/cdn/elements/
// loads the elements the page shows. Your site has a backend and loads only the autoloader.
import { startMockOffice } from '../../src/mocks/index.js';

await startMockOffice({ baseUrl: '/api', quiet: true });
await import('../../dist/cdn/elements/autoloader.js');
