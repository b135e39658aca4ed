/**
 * The photo pipeline: read the header (refuse what would hurt the page), decode once (at reduced
 * size for large photos), measure on reduced copies, cut the frame and encode once to the
 * target size. Runs on the main thread in short steps that give way to the page between them
 * (decoding itself happens off the main thread, see decode.ts); each step works in a worker too,
 * should the library move it there.
 *
 * `processPhoto(file)` runs all of it with the default frame, for a page without UI and for
 * benchmarks; `rk-photo-checker` calls the steps itself to let the candidate move the frame.
 */
import { cutFrame, context2d, encodeToTarget, encodeWithLibrary, makeCanvas, type EncodedPhoto, type PhotoEncoder } from './compress.js';
import { initialFrame, type Size } from './crop.js';
import { decodePhoto } from './decode.js';
import { colourShare, luma, subjectBox, whiteBackgroundShare, type Box } from './measures.js';
import { cycleEchoes, quarterEcho } from './cycle-coherence.js';
import { enlargementOf, jpegGridOf, resamplingTraces, type Enlargement, type ResamplingTraces } from './resampling.js';
import { SOURCE_BLOCKS } from './source-grid.js';
import { detailScale, edgeBlur } from './sharpness.js';
import { DEFAULT_PHOTO_RULES, type JudgementCheck, type PhotoRules } from './rules.js';
import { sniffPhoto, type JpegHeader, type SniffedKind } from './sniff.js';
import { measureStep } from './timing.js';
import { yieldToMain } from './yield.js';

export { yieldToMain };

/** Why a file was refused before any check (each has its own message). */
/** `unreadable`: the browser can no longer read the file (changed, moved or deleted after it was chosen). */
export type PhotoProblem = 'empty' | 'too-large' | 'not-jpeg' | 'corrupt' | 'truncated' | 'too-many-pixels' | 'unreadable';

export interface PhotoRefusal {
  ok: false;
  problem: PhotoProblem;
  /** What the file really is (for `not-jpeg`). */
  kind?: SniffedKind;
  bytes: number;
  width?: number;
  height?: number;
}

/**
 * Long side of the decoded photo: a photo of up to 2400 px is decoded at full size (resizing
 * while decoding costs more than it saves: 23 against 11 ms at 2 MP); a larger one at half its
 * size, but at least 1600 px (detail can be judged at more than twice the output size) and at
 * most 2400 px (iOS fails on canvases over 16.7 MP; less to draw from). Half: where the JPEG
 * decoder cannot scale (decode.ts), `createImageBitmap` resizes off the main thread only at its
 * 'low' (bilinear) quality, which averages cleanly down to half size, not below.
 */
export const DECODE_LONG_SIDE = 1600;
export const DECODE_MAX_LONG_SIDE = 2400;
/** Long side of the copy the colour, background and person are measured on. */
export const SAMPLE_LONG_SIDE = 480;
/** Side of the square (at most) sharpness and traces of enlargement are measured on, from the middle of the photo. */
export const DETAIL_TILE = 1024;

export interface PhotoAnalysis {
  ok: true;
  file: Blob;
  bytes: number;
  header: JpegHeader;
  /** The photo as shown (orientation applied), decoded at `scale` of its size. */
  image: ImageBitmap;
  /** Decoded pixels per source pixel (1, or less for a large photo). */
  scale: number;
  /** A small copy for the colour, background and person measures. */
  sample: ImageData;
  /** Sample pixels per source pixel. */
  sampleScale: number;
  colourShare: number;
  /** Blur of the photo's edges (σ, pixels of the source; Infinity when it has no edges to judge): see sharpness.ts. */
  blur: number;
  /**
   * The traces of enlargement (see resampling.ts); null for a photo decoded at reduced size (over
   * 2400 px, where an enlargement of a photo under the pixel rule would be far too blurred anyway).
   */
  traces: ResamplingTraces | null;
  /** The enlargement the traces tell, if any. */
  enlargement: Enlargement | null;
  /** How much sharp detail the photo holds, in source pixels (its size when sharp). */
  detail: Size;
  /** The person against the background, in source pixels, if one stands out. */
  subject: (Box & { headCentreX: number }) | null;
}

export type CheckId = 'format' | 'bytes' | 'dimensions' | 'colour' | 'background' | 'enlargement' | 'sharpness';
/** `warn`: a judgement check that failed but is advisory on this site. */
export type CheckStatus = 'pass' | 'fail' | 'warn';

export interface PhotoCheck {
  id: CheckId;
  status: CheckStatus;
  /** What was measured and the limit, as message parameters (numbers in their unit). */
  values: Record<string, number>;
}

export interface AnalyseOptions {
  rules?: Partial<PhotoRules>;
  signal?: AbortSignal;
}

function rulesOf(rules?: Partial<PhotoRules>): PhotoRules {
  return { ...DEFAULT_PHOTO_RULES, ...rules };
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('aborted', 'AbortError');
}

/** Decoded size for a photo shown at `width`×`height`: at most DECODE_LONG_SIDE on the long side. */
export function decodeSize(width: number, height: number, longSide = DECODE_LONG_SIDE): Size & { scale: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

/**
 * Pixels of a region of `image` at `width`×`height`. Scaled with 'low' (bilinear) smoothing: the
 * colour, background and person measures are statistics of pixel colours that sampling does not
 * change, and 'medium'/'high' build mipmaps of the whole photo on the main thread (100+ ms at 8 MP).
 */
function pixelsOf(image: CanvasImageSource, sx: number, sy: number, sw: number, sh: number, width: number, height: number): ImageData {
  const canvas = makeCanvas(width, height);
  const ctx = context2d(canvas, true);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'low';
  ctx.drawImage(image, sx, sy, sw, sh, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

async function readable(file: Blob): Promise<boolean> {
  try {
    await file.slice(0, 1).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads, checks the header, decodes and measures a file. Refuses (without decoding) an empty
 * file, one over `maxFileBytes`, anything but a JPEG (by its bytes), a corrupt or truncated
 * JPEG, and one over `maxPixels`.
 */
export async function analysePhoto(file: Blob, options: AnalyseOptions = {}): Promise<PhotoAnalysis | PhotoRefusal> {
  const rules = rulesOf(options.rules);
  const { signal } = options;
  const bytes = file.size;
  if (bytes === 0) return { ok: false, problem: 'empty', bytes };
  if (bytes > rules.maxFileBytes) return { ok: false, problem: 'too-large', bytes };
  let start = performance.now();
  let data: Uint8Array;
  try {
    data = new Uint8Array(await file.arrayBuffer());
  } catch {
    // A file chosen from disk that changed since (a phone still saving it, a synced folder):
    // the browser refuses to read it (NotReadableError). Not the candidate's photo being bad.
    return { ok: false, problem: 'unreadable', bytes };
  }
  throwIfAborted(signal);
  const sniffed = sniffPhoto(data);
  if (sniffed.kind !== 'jpeg') return { ok: false, problem: 'not-jpeg', kind: sniffed.kind, bytes };
  const header = sniffed.jpeg;
  if (!header) return { ok: false, problem: 'corrupt', bytes };
  const size = { bytes, width: header.width, height: header.height };
  if (header.truncated) return { ok: false, problem: 'truncated', ...size };
  if (header.width * header.height > rules.maxPixels) return { ok: false, problem: 'too-many-pixels', ...size };
  measureStep('read', start);

  // Decode once. Chromium applies the EXIF orientation here: never rotate again by hand.
  const long = Math.max(header.width, header.height);
  const longSide = long <= DECODE_MAX_LONG_SIDE ? long : Math.min(DECODE_MAX_LONG_SIDE, Math.max(DECODE_LONG_SIDE, Math.ceil(long / 2)));
  const target = decodeSize(header.width, header.height, longSide);
  let image: ImageBitmap;
  start = performance.now();
  try {
    image = await decodePhoto(file, data, header, target);
  } catch {
    // Changed while being decoded, or really damaged: the first is told by a second read failing.
    return { ok: false, problem: (await readable(file)) ? 'corrupt' : 'unreadable', ...size };
  }
  measureStep('decode', start);
  if (signal?.aborted) {
    image.close();
    throwIfAborted(signal);
  }
  // A decoder that ignores EXIF orientation would give the stored size: measure what we got.
  const scale = image.width / header.width;
  await yieldToMain();

  start = performance.now();
  const sampleSize = decodeSize(image.width, image.height, SAMPLE_LONG_SIDE);
  const sample = pixelsOf(image, 0, 0, image.width, image.height, sampleSize.width, sampleSize.height);
  const sampleScale = sample.width / header.width;
  measureStep('sample measures', start);
  await yieldToMain();
  start = performance.now();
  const colour = header.components === 1 ? 0 : colourShare(sample);
  const person = subjectBox(sample);
  measureStep('sample measures', start);
  await yieldToMain();
  throwIfAborted(signal);

  // Sharpness and traces of enlargement at full decoded resolution, on the middle of the photo
  // (where the face is).
  const tileW = Math.min(DETAIL_TILE, image.width);
  const tileH = Math.min(DETAIL_TILE, image.height);
  const tileX = Math.round((image.width - tileW) / 2);
  const tileY = Math.round(Math.max(0, Math.min(image.height - tileH, image.height * 0.45 - tileH / 2)));
  start = performance.now();
  const tilePixels = pixelsOf(image, tileX, tileY, tileW, tileH, tileW, tileH);
  const tile = luma(tilePixels);
  measureStep('detail tile', start);
  await yieldToMain();
  start = performance.now();
  const blur = edgeBlur(tile, tileW, tileH) / scale;
  measureStep('sharpness measure', start);
  await yieldToMain();
  throwIfAborted(signal);
  start = performance.now();
  let traces: ResamplingTraces | null = null;
  let enlargement: Enlargement | null = null;
  if (scale === 1) {
    const grid = jpegGridOf(header.orientation, header.storedWidth, header.storedHeight, tileX, tileY);
    const blends = resamplingTraces(tile, tileW, tileH, grid.rows, grid.columns, tilePixels.data);
    measureStep('enlargement measure', start);
    await yieldToMain();
    throwIfAborted(signal);
    // The echoes between frequencies, and the 4× echo: steps of their own, so the page gets a
    // turn in between (each takes 100 ms or more the first time a page runs it).
    start = performance.now();
    const echoes = cycleEchoes(tile, tileW, tileH);
    measureStep('echo measure', start);
    await yieldToMain();
    throwIfAborted(signal);
    start = performance.now();
    traces = { ...blends, cycles: { ...echoes, quarter: quarterEcho(tile, tileW, tileH) } };
    enlargement = enlargementOf(traces, blur, { interpolated: rules.enlargementTrace });
    measureStep('4× echo measure', start);
  } else {
    measureStep('enlargement measure', start);
  }
  throwIfAborted(signal);
  const share = detailScale(blur);
  const detail = { width: Math.round(header.width * share), height: Math.round(header.height * share) };

  return {
    ok: true,
    file,
    bytes,
    header,
    image,
    scale,
    sample,
    sampleScale,
    colourShare: colour,
    blur,
    traces,
    enlargement,
    detail,
    subject: person
      ? {
          x: person.x / sampleScale,
          y: person.y / sampleScale,
          width: person.width / sampleScale,
          height: person.height / sampleScale,
          headCentreX: person.headCentreX / sampleScale,
        }
      : null,
  };
}

/** The size of the photo as shown, in source pixels. */
export function shownSize(analysis: PhotoAnalysis): Size {
  return { width: analysis.header.width, height: analysis.header.height };
}

/** The frame a photo starts with (see `initialFrame`), in source pixels. */
export function startFrame(analysis: PhotoAnalysis, rules?: Partial<PhotoRules>): Box {
  const { outputWidth, outputHeight } = rulesOf(rules);
  return initialFrame(shownSize(analysis), { width: outputWidth, height: outputHeight }, analysis.subject);
}

/** Each rule on the analysed photo and `frame` (source pixels); `advisory` checks warn instead of failing. */
export function checkPhoto(
  analysis: PhotoAnalysis,
  frame: Box,
  rules?: Partial<PhotoRules>,
  advisory: readonly JudgementCheck[] = [],
): PhotoCheck[] {
  const r = rulesOf(rules);
  const { header } = analysis;
  const judge = (id: JudgementCheck, ok: boolean): CheckStatus => (ok ? 'pass' : advisory.includes(id) ? 'warn' : 'fail');
  const s = analysis.sampleScale;
  const white = whiteBackgroundShare(
    analysis.sample,
    { x: frame.x * s, y: frame.y * s, width: frame.width * s, height: frame.height * s },
    { level: r.whiteLevel, chroma: r.whiteChroma },
  );
  const minimum = { minWidth: r.minSourceWidth, minHeight: r.minSourceHeight };
  const { enlargement, traces, detail } = analysis;
  // A photo decoded at reduced size (over 2400 px) shows no traces at that size; one enlarged from
  // under the pixel rule would be enlarged over 5×, its detail under the rule: that tells it.
  // (A photo without any edge — a blank wall — tells nothing of enlargement; it is not sharp.)
  const enlarged = traces
    ? enlargement !== null
    : Number.isFinite(analysis.blur) && (detail.width <= r.minSourceWidth || detail.height <= r.minSourceHeight);
  const sharp = { width: Math.ceil(r.minSourceWidth * r.minSharpDetail), height: Math.ceil(r.minSourceHeight * r.minSharpDetail) };
  const sharpOk = detail.width > sharp.width && detail.height > sharp.height;
  return [
    { id: 'format', status: 'pass', values: {} },
    { id: 'bytes', status: analysis.bytes > r.minSourceBytes ? 'pass' : 'fail', values: { bytes: analysis.bytes, limit: r.minSourceBytes } },
    {
      id: 'dimensions',
      status: header.width > r.minSourceWidth && header.height > r.minSourceHeight ? 'pass' : 'fail',
      values: { width: header.width, height: header.height, ...minimum },
    },
    {
      id: 'colour',
      status: analysis.colourShare >= r.minColourShare ? 'pass' : 'fail',
      values: { share: analysis.colourShare, limit: r.minColourShare },
    },
    {
      id: 'background',
      status: judge('background', white >= r.minWhiteShare),
      values: { share: white, limit: r.minWhiteShare, level: r.whiteLevel },
    },
    {
      id: 'enlargement',
      status: judge('enlargement', !enlarged),
      values: {
        // 1: judged by its traces (period, strength, limit); 0: by its detail (width, height).
        traced: traces ? 1 : 0,
        found: enlarged ? 1 : 0,
        // 1: found by the small photo's JPEG blocks, enlarged, in its brightness; 2: in its colour
        // (strength and limit: power over the spectrum's level, see source-grid.ts).
        blocks: enlargement?.kind === 'blocks' ? (enlargement.colour ? 2 : 1) : 0,
        // 1: found by the blend's echoes between frequencies (strength and limit: a ratio to the
        // photo's own level, see cycle-coherence.ts).
        echo: enlargement?.echo ? 1 : 0,
        strength: enlargement?.strength ?? 0,
        period: enlargement?.period ?? 0,
        limit: enlargement?.kind === 'blocks' ? (enlargement.limit ?? SOURCE_BLOCKS) : (enlargement?.limit ?? r.enlargementTrace),
        width: detail.width,
        height: detail.height,
        ...minimum,
      },
    },
    {
      id: 'sharpness',
      status: judge('sharpness', sharpOk),
      values: { blur: analysis.blur, ...detail, minWidth: sharp.width, minHeight: sharp.height },
    },
  ];
}

/** Whether the photo can be used: no check failed (advisory ones may warn). */
export function photoPasses(checks: readonly PhotoCheck[]): boolean {
  return checks.every((check) => check.status !== 'fail');
}

export interface RenderOptions {
  rules?: Partial<PhotoRules>;
  encoder?: PhotoEncoder;
}

/** Cuts `frame` (source pixels) out of the decoded photo at the output size and encodes it to the target. */
export async function renderPhoto(analysis: PhotoAnalysis, frame: Box, options: RenderOptions = {}): Promise<EncodedPhoto> {
  const r = rulesOf(options.rules);
  const s = analysis.scale;
  let start = performance.now();
  const canvas = await cutFrame(
    analysis.image,
    { x: frame.x * s, y: frame.y * s, width: frame.width * s, height: frame.height * s },
    r.outputWidth,
    r.outputHeight,
  );
  measureStep('cut', start);
  const target = { width: r.outputWidth, height: r.outputHeight, targetBytes: r.targetBytes, maxBytes: r.maxOutputBytes };
  start = performance.now();
  const encoded = await (options.encoder === 'browser-image-compression' ? encodeWithLibrary(canvas, target) : encodeToTarget(canvas, target));
  measureStep('encode', start);
  return encoded;
}

export interface ProcessOptions extends AnalyseOptions {
  advisory?: readonly JudgementCheck[];
  encoder?: PhotoEncoder;
}

export type ProcessedPhoto =
  | PhotoRefusal
  | { ok: true; passes: false; checks: PhotoCheck[]; frame: Box }
  | { ok: true; passes: true; checks: PhotoCheck[]; frame: Box; result: EncodedPhoto; file: File };

/**
 * File → checked photo in one call, with the starting frame: refuses, fails (with the checks) or
 * returns the 295×413 JPEG of about 10 KB. The decoded photo is released before returning.
 */
export async function processPhoto(file: Blob, options: ProcessOptions = {}): Promise<ProcessedPhoto> {
  const analysis = await analysePhoto(file, options);
  if (!analysis.ok) return analysis;
  try {
    const frame = startFrame(analysis, options.rules);
    const checks = checkPhoto(analysis, frame, options.rules, options.advisory);
    if (!photoPasses(checks)) return { ok: true, passes: false, checks, frame };
    await yieldToMain();
    const result = await renderPhoto(analysis, frame, options);
    return { ok: true, passes: true, checks, frame, result, file: photoFile(result.blob) };
  } finally {
    analysis.image.close();
  }
}

/** The checked photo as a File (what a form submits). */
export function photoFile(blob: Blob, name = 'photo.jpg'): File {
  return new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() });
}
