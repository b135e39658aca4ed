import { createApp } from 'vue';
import 'ruankao-elements';
import { startMockOffice } from 'ruankao-elements/mocks';
import App from './App.vue';

// Example only: the mock exam office answers /api. Your app talks to its backend instead.
await startMockOffice({ baseUrl: '/api', quiet: true });

createApp(App).mount('#app');
