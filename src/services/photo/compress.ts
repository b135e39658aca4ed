/**
 * The checked photo: the frame cut out of the decoded photo at the output size, then encoded as
 * a JPEG at the best quality that stays at or under the target size (a search on the quality of
 * the browser's own encoder, 1–6 encodes of 1–3 ms each, usually 2).
 *
 * `browser-image-compression` is the other encoder (loaded on demand, without its worker: that
 * worker fetches the library from a public CDN): kept so the two can be benchmarked on the same
 * input; the native path is the default.
 */
import type { Box } from './measures.js';
import { yieldToMain } from './yield.js';
import { importAgain } from '../import-again.js';

export type PhotoEncoder = 'native' | 'browser-image-compression';

export interface EncodeTarget {
  width: number;
  height: number;
  targetBytes: number;
  maxBytes: number;
}

export interface EncodedPhoto {
  blob: Blob;
  width: number;
  height: number;
  bytes: number;
  /** The JPEG quality used (0–1), when known. */
  quality: number | null;
  /** Whether the size is at or under `maxBytes`. */
  withinTarget: boolean;
  /** How many encodes it took. */
  encodes: number;
}

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;

/**
 * An OffscreenCanvas where there is one (also in workers), else a detached <canvas>; `forEncoding`
 * prefers the <canvas> on a page (see `encodeJpeg`).
 */
export function makeCanvas(width: number, height: number, forEncoding = false): AnyCanvas {
  const page = typeof document !== 'undefined';
  if (typeof OffscreenCanvas !== 'undefined' && !(forEncoding && page)) return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

export function context2d(canvas: AnyCanvas, willReadFrequently = false): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new Error('2d canvas unavailable');
  return ctx;
}

/**
 * Encodes a canvas as JPEG. On a page, through `toDataURL`: synchronous, but a 295×413 encode
 * takes 2–3 ms, while Chromium's `toBlob`/`convertToBlob` wait for an idle period, which after
 * a key press or a touch can take a second each (8 encodes: 8 s). In a worker, `convertToBlob`.
 */
export async function encodeJpeg(canvas: AnyCanvas, quality: number): Promise<Blob> {
  if ('toDataURL' in canvas) {
    const url = canvas.toDataURL('image/jpeg', quality);
    const binary = atob(url.slice(url.indexOf(',') + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: 'image/jpeg' });
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/**
 * Draws `frame` of `source` onto a canvas of the output size. A large frame is first halved
 * (bilinear at exactly half size averages 2×2 pixels: no aliasing) until it is less than twice
 * the output, giving the page a turn after each halving; then one high-quality draw. A single
 * high-quality draw from the whole photo would build its mipmaps on the main thread (~100 ms at 8 MP).
 */
export async function cutFrame(source: CanvasImageSource, frame: Box, width: number, height: number): Promise<AnyCanvas> {
  let from: CanvasImageSource = source;
  let region = frame;
  while (region.width / 2 >= width * 2) {
    const w = Math.round(region.width / 2);
    const h = Math.round(region.height / 2);
    const half = makeCanvas(w, h);
    const ctx = context2d(half);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'low';
    ctx.drawImage(from, region.x, region.y, region.width, region.height, 0, 0, w, h);
    from = half;
    region = { x: 0, y: 0, width: w, height: h };
    await yieldToMain();
  }
  const canvas = makeCanvas(width, height, true);
  const ctx = context2d(canvas);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  // A white ground: JPEG has no transparency.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(from, region.x, region.y, region.width, region.height, 0, 0, width, height);
  return canvas;
}

/** Stop searching once a quality gives at least this share of the target: close enough. */
const CLOSE_ENOUGH = 0.95;
/** Most encodes of one search (each takes 1–3 ms at 295×413). */
const MAX_ENCODES = 6;
/** The qualities searched: hundredths from 0.05 to 0.95 (the browsers' JPEG encoders take a whole-number quality). */
const BOTTOM = 0.05;
const TOP = 0.95;
const hundredths = (quality: number): number => Math.round(Math.min(TOP, Math.max(BOTTOM, quality)) * 100) / 100;

/**
 * Where the search starts: the bracket the last search ended with (the best quality under the
 * target, and the quality above it when one was over). Moving the frame re-encodes the same photo,
 * and photos of one camera need about the same quality, so the first guess is often right and
 * the second tells.
 */
let lastBracket: { under: number; over?: number } = { under: 0.75 };

interface Sample {
  blob: Blob;
  quality: number;
}

/**
 * The best quality at or under `targetBytes`, found in few encodes. It tries the quality the last
 * search found, then above it the one that was over last time (or the top quality, which a plain
 * photo may fit), then a secant between the best quality under and the lowest over the target, on
 * the logarithm of the size (JPEG bytes grow about exponentially with the quality), aiming 3 %
 * under the target; when every quality tried is over, it goes down along the line through the
 * last two, at least 0.05 at a time. It stops at 95 % of the target, or when the quality under
 * and the one over are neighbours. When even the lowest quality is over the target, returns the
 * smallest encode with `withinTarget` telling whether that is at or under `maxBytes`.
 */
export async function encodeToTarget(canvas: AnyCanvas, target: EncodeTarget): Promise<EncodedPhoto> {
  const goal = target.targetBytes;
  const wanted = Math.log(goal * 0.97);
  /** The quality where the line through `a` and `b` (quality, log bytes) reaches `wanted`. */
  const secant = (a: Sample, b: Sample) => {
    const slope = (Math.log(b.blob.size) - Math.log(a.blob.size)) / (b.quality - a.quality);
    return slope > 0 ? a.quality + (wanted - Math.log(a.blob.size)) / slope : (a.quality + b.quality) / 2;
  };
  let encodes = 0;
  const encode = async (quality: number): Promise<Sample> => {
    encodes++;
    return { blob: await encodeJpeg(canvas, quality), quality };
  };
  /** The best quality at or under the goal so far, the lowest over it, and the one over before that. */
  let under: Sample | undefined;
  let over: Sample | undefined;
  let previousOver: Sample | undefined;
  let quality = hundredths(lastBracket.under);
  for (;;) {
    const sample = await encode(quality);
    if (sample.blob.size <= goal) {
      if (!under || sample.quality > under.quality) under = sample;
    } else if (!over || sample.quality < over.quality) {
      previousOver = over;
      over = sample;
    }
    if (under && (under.blob.size >= goal * CLOSE_ENOUGH || under.quality >= TOP)) break;
    if (over && over.quality <= BOTTOM) break;
    if (under && over && over.quality - under.quality < 0.015) break;
    if (encodes >= MAX_ENCODES) break;
    if (!over) {
      // Every quality so far is under: try higher, where the last search found the target crossed.
      quality = lastBracket.over !== undefined && lastBracket.over > under!.quality ? lastBracket.over : TOP;
    } else if (!under) {
      const step = over.quality - 0.05;
      quality = hundredths(previousOver ? Math.min(step, secant(over, previousOver)) : step);
    } else {
      quality = Math.min(hundredths(over.quality - 0.01), Math.max(hundredths(under.quality + 0.01), hundredths(secant(under, over))));
    }
  }
  let chosen: Sample;
  if (under) {
    chosen = under;
    lastBracket = { under: under.quality, over: over?.quality };
  } else {
    // Even the lowest quality is over the target: the smallest there is.
    chosen = over!.quality <= BOTTOM ? over! : await encode(BOTTOM);
    if (chosen.blob.size > over!.blob.size) chosen = over!;
  }
  return {
    blob: chosen.blob,
    width: canvas.width,
    height: canvas.height,
    bytes: chosen.blob.size,
    quality: chosen.quality,
    withinTarget: chosen.blob.size <= target.maxBytes,
    encodes,
  };
}

/**
 * The same result through browser-image-compression (loaded on demand, main thread: its worker
 * would load the library from a CDN). The frame is cut first, so its own resizing keeps the
 * exact output size (`alwaysKeepResolution`).
 */
const loadImageCompression = importAgain(() => import('browser-image-compression'));

export async function encodeWithLibrary(canvas: AnyCanvas, target: EncodeTarget): Promise<EncodedPhoto> {
  const { default: imageCompression } = await loadImageCompression();
  const lossless =
    'convertToBlob' in canvas
      ? await canvas.convertToBlob({ type: 'image/png' })
      : await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/png'));
  const file = new File([lossless], 'photo.png', { type: 'image/png' });
  const blob = await imageCompression(file, {
    maxSizeMB: target.targetBytes / (1024 * 1024),
    maxWidthOrHeight: Math.max(target.width, target.height),
    alwaysKeepResolution: true,
    useWebWorker: false,
    fileType: 'image/jpeg',
    initialQuality: 0.95,
    maxIteration: 12,
  });
  return {
    blob,
    width: canvas.width,
    height: canvas.height,
    bytes: blob.size,
    quality: null,
    withinTarget: blob.size <= target.maxBytes,
    encodes: 0,
  };
}
