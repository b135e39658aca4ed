// `npm start`: serves the demo page (the elements on the MSW mock exam office) and prints its URL.
import { createServer } from 'vite';

const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const server = await createServer({
  server: { open: headless || process.env.CI ? false : '/demo/index.html' },
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
console.log(`\n  ruankao-elements demo (mock exam office): ${new URL('demo/index.html', base)}`);
server.printUrls();
