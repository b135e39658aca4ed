import { createRoot } from 'react-dom/client';
import 'ruankao-elements';
import { startMockOffice } from 'ruankao-elements/mocks';
import { App } from './App';

// Example only: the mock exam office answers /api. Your app talks to its backend instead.
await startMockOffice({ baseUrl: '/api', quiet: true });

createRoot(document.getElementById('root')!).render(<App />);
