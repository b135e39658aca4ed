// Example only: the mock exam office (MSW) answers /api, then the CDN file defines the elements.
// Your site has a backend and loads only the CDN file.
import { startMockOffice } from '../../src/mocks/index.js';

await startMockOffice({ baseUrl: '/api', quiet: true });
await import('../../dist/cdn/ruankao-elements.js');
