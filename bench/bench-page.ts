/**
 * The browser half of `npm run bench`, built for production and driven by scripts/bench.mjs
 * through `window.bench`: the photo pipeline side by side with the floor and the peer, the photo
 * checks against the labelled corpus, first render of each element, payment polling while
 * visible and hidden, peak heap of a 12 MP check.
 */
import imageCompression from 'browser-image-compression';
import { startMockOffice, type ExamOffice } from '../src/mocks/index.js';
import { processPhoto } from '../src/services/photo/pipeline.js';
import { PHOTO_MEASURE_PREFIX } from '../src/services/photo/timing.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { asFile, portraitJpeg } from '../test/fixtures/photo-fixtures.js';
import { photoCorpus, type Split } from '../test/fixtures/photo-corpus.js';
import { judgeCorpusPhoto, JUDGED } from '../test/fixtures/corpus-judge.js';
import '../src/index.js';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let office: ExamOffice;
async function mockOffice(): Promise<ExamOffice> {
  office ??= (await startMockOffice({ baseUrl: '/api', quiet: true })).office;
  office.faults = { ...office.faults, latencyMs: 0 };
  return office;
}
function backendFor(token: string): HttpBackend {
  return new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
}

/** Photo sizes of the bench: 12, 8 and 2 megapixels, 3:4 as phone cameras take them. */
const SIZES = { '12 MP': [3000, 4000], '8 MP': [2448, 3264], '2 MP': [1224, 1632] } as const;

/** The floor: decode the source and encode one 295×413 JPEG, nothing else. */
async function floor(file: File): Promise<number> {
  const start = performance.now();
  const bitmap = await createImageBitmap(file);
  const canvas = new OffscreenCanvas(295, 413);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, 295, 413);
  bitmap.close();
  await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  return performance.now() - start;
}

/** The peer: browser-image-compression's default path (its web worker), asked for the same output. */
async function peer(file: File): Promise<number> {
  const start = performance.now();
  await imageCompression(file, {
    maxSizeMB: 10 / 1024,
    maxWidthOrHeight: 413,
    fileType: 'image/jpeg',
    useWebWorker: true,
    // Same origin (scripts/bench.mjs serves it): the default CDN URL is unreachable here.
    libURL: '/browser-image-compression.js',
  });
  return performance.now() - start;
}

/** The time of each step of ours (the pipeline's User Timing measures), per run. */
const steps: Record<string, number[]> = {};

/** Ours: the element's whole pipeline (sniff, decode, measure, check, crop, encode to ~10 KB). */
async function ours(file: File): Promise<number> {
  performance.clearMeasures();
  const start = performance.now();
  const result = await processPhoto(file);
  const time = performance.now() - start;
  if (!result.ok || !result.passes) throw new Error('the bench photo did not pass the checks');
  const run: Record<string, number> = {};
  for (const entry of performance.getEntriesByType('measure')) {
    if (entry.name.startsWith(PHOTO_MEASURE_PREFIX)) {
      const step = entry.name.slice(PHOTO_MEASURE_PREFIX.length);
      run[step] = (run[step] ?? 0) + entry.duration;
    }
  }
  for (const [step, duration] of Object.entries(run)) (steps[step] ??= []).push(duration);
  return time;
}

async function photoPipeline(runs: number) {
  const rows = [];
  for (const [label, [width, height]] of Object.entries(SIZES)) {
    const file = asFile(await portraitJpeg(width, height, { quality: 0.9 }), `${label}.jpg`);
    await ours(file); // warm-up: code paths and the encoder
    for (const step of Object.keys(steps)) delete steps[step];
    const times = { floor: [] as number[], peer: [] as number[], ours: [] as number[] };
    const order = [
      ['floor', floor],
      ['peer', peer],
      ['ours', ours],
    ] as const;
    for (let run = 0; run < runs; run += 1) {
      // Interleaved, so a slow moment of the machine hits all three alike, and in turn in each
      // place: the one after the peer (whose worker is still winding down) is not always ours.
      for (let step = 0; step < order.length; step += 1) {
        const [name, pipeline] = order[(run + step) % order.length]!;
        times[name].push(await pipeline(file));
        await sleep(50);
      }
    }
    const oursSteps = Object.fromEntries(Object.entries(steps).map(([step, durations]) => [step, median(durations)]));
    rows.push({ size: label, bytes: file.size, floor: median(times.floor), peer: median(times.peer), ours: median(times.ours), oursSteps, runs });
  }
  return rows;
}

/**
 * Every photo of the corpus's `split` made, checked and judged against its label (`every`: only
 * every n-th, for a quick run). Returns one row per photo; scripts/bench.mjs makes the tables.
 */
async function corpus(split: Split, every = 1) {
  const rows = [];
  const photos = photoCorpus(split).filter((_, i) => i % every === 0);
  for (const photo of photos) {
    const judged = await judgeCorpusPhoto(photo);
    rows.push({
      id: photo.id,
      kind: photo.kind,
      expected: photo.expected,
      kernel: photo.enlargement?.kernel ?? null,
      quality: photo.enlargement?.quality ?? photo.capture.quality,
      refused: judged.refused,
      correct: judged.correct,
      usable: judged.usable,
      bytes: judged.bytes,
      ms: judged.ms,
      blocks: judged.blocks,
      colourBlocks: judged.colourBlocks,
      echo: judged.echo,
      quarter: judged.quarter,
      quarterOverBlocks: judged.quarterOverBlocks,
      values: Object.fromEntries(JUDGED.map((id) => [id, judged.checks[id]!.values])),
    });
  }
  return rows;
}

const ELEMENTS: { tag: string; stage: Parameters<ExamOffice['seedCandidate']>[0]['stage'] | null; attrs?: Record<string, string> }[] = [
  { tag: 'rk-login', stage: null },
  { tag: 'rk-realname', stage: 'registered' },
  { tag: 'rk-exam-notice', stage: null },
  { tag: 'rk-exam-plan', stage: null },
  { tag: 'rk-registration-form', stage: 'draft' },
  { tag: 'rk-photo-checker', stage: 'verified' },
  { tag: 'rk-payment-panel', stage: 'approved' },
  { tag: 'rk-status-timeline', stage: 'approved' },
  { tag: 'rk-ticket-printer', stage: 'paid' },
  { tag: 'rk-exam-arrangement', stage: 'ticket' },
  { tag: 'rk-score-query', stage: 'scored' },
  { tag: 'rk-certificate-query', stage: 'certified' },
  { tag: 'rk-portal', stage: 'approved' },
];

/**
 * Time from putting the element on the page to its first render (its shadow root is drawn) and
 * to its first render with the mock office's data (its `state` leaves `loading`; the portal: its
 * timeline is ready). The elements are defined once, when the library loads; each run is a new
 * instance in a new provider. Paint follows at the next frame (16.7 ms steps here).
 */
async function firstRender(runs: number) {
  const mock = await mockOffice();
  const stage = document.getElementById('stage')!;
  const rows = [];
  const settled = (element: Element) =>
    element.localName === 'rk-portal'
      ? element.shadowRoot?.querySelector('rk-status-timeline[state="ready"]') !== null && element.shadowRoot !== null
      : !['loading', null].includes(element.getAttribute('state'));
  for (const { tag, stage: candidateStage } of ELEMENTS) {
    const token = candidateStage ? mock.seedCandidate({ stage: candidateStage }).token : 'nobody';
    const rendered: number[] = [];
    const ready: number[] = [];
    for (let run = 0; run < runs + 2; run += 1) {
      const provider = document.createElement('rk-provider');
      provider.backend = backendFor(token);
      const start = performance.now();
      const element = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
      provider.append(element);
      stage.append(provider);
      await element.updateComplete;
      const firstRender = performance.now() - start;
      const deadline = start + 5000;
      while (!settled(element) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 0));
      await element.updateComplete;
      const withData = performance.now() - start;
      await frame();
      provider.remove();
      if (run >= 2) {
        rendered.push(firstRender);
        ready.push(withData);
      }
    }
    rows.push({ tag, firstRender: median(rendered), withData: median(ready), runs });
  }
  return rows;
}

/** Status requests per minute of rk-payment-panel with its QR code shown, visible, then hidden. */
async function polling(seconds: number) {
  const mock = await mockOffice();
  const token = mock.seedCandidate({ stage: 'approved' }).token;
  let requests = 0;
  class CountingBackend extends HttpBackend {
    override getPaymentStatus(...args: Parameters<HttpBackend['getPaymentStatus']>) {
      requests += 1;
      return super.getPaymentStatus(...args);
    }
  }
  const provider = document.createElement('rk-provider');
  provider.backend = new CountingBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
  const panel = document.createElement('rk-payment-panel') as HTMLElement & { choose(channel: string): Promise<void> };
  provider.append(panel);
  document.getElementById('stage')!.append(provider);
  while (panel.getAttribute('state') !== 'choose') await sleep(10);
  await panel.choose('alipay');
  requests = 0;
  await sleep(seconds * 1000);
  const visible = (requests * 60) / seconds;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
  requests = 0;
  await sleep(seconds * 1000);
  const hidden = (requests * 60) / seconds;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  document.dispatchEvent(new Event('visibilitychange'));
  provider.remove();
  return { visible, hidden, seconds };
}

/** A 12 MP photo checked once; scripts/bench.mjs samples the heap meanwhile (Chrome DevTools Protocol). */
async function memory() {
  const file = asFile(await portraitJpeg(3000, 4000, { quality: 0.9 }), '12mp.jpg');
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(200);
  (window as unknown as { memoryPhase: string }).memoryPhase = 'running';
  await ours(file);
  (window as unknown as { memoryPhase: string }).memoryPhase = 'done';
  return { sourceBytes: file.size };
}

(window as unknown as { bench: unknown }).bench = { photoPipeline, corpus, firstRender, polling, memory };
(window as unknown as { benchReady: boolean }).benchReady = true;
