/**
 * How sharp a photo is, as a clerk judges it: by its edges (the outline of the head against the
 * background, of the eyes, the collar), not by its grain. The measure is the blur of step edges,
 * in pixels (the σ of a Gaussian that would blur a perfect edge as much), found by comparing each
 * edge's steepness before and after a known extra blur (Zhuo & Sim's gradient ratio): a sharp
 * edge loses much of its steepness to the extra blur, a soft one little. Sensor noise, grain and
 * JPEG blocks barely move it, since only strong edges that rise steadily over 7 pixels count.
 */
import { halve } from './measures.js';

/** The extra blur the edges are compared with (σ, pixels). */
const EXTRA_BLUR = 1.5;
const KERNEL = (() => {
  const radius = Math.ceil(EXTRA_BLUR * 3);
  const weights = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) sum += weights[i + radius] = Math.exp((-i * i) / (2 * EXTRA_BLUR * EXTRA_BLUR));
  return weights.map((w) => w / sum);
})();
const RADIUS = (KERNEL.length - 1) >> 1;
/** Fewer edges than this: not enough to judge at this scale. */
const MIN_EDGES = 40;
/** Above this blur the measure is taken again on a halved copy, where it is more exact. */
const HALVE_ABOVE = 1.8;

/**
 * The noise of a luma plane (σ, grey levels), from the median second difference of the pixels
 * that are neither near black nor near white (where clipping hides it).
 */
function noiseOf(plane: Float32Array, width: number, height: number): number {
  // A histogram in tenths of a grey level: a median without sorting a million numbers.
  const bins = new Uint32Array(512);
  let count = 0;
  for (let y = 1; y < height - 1; y += 2) {
    for (let x = 1; x < width - 1; x += 2) {
      const i = y * width + x;
      const c = plane[i]!;
      if (c > 245 || c < 10) continue;
      bins[Math.min(511, Math.round(Math.abs(plane[i - 1]! - 2 * c + plane[i + 1]!) * 10))]!++;
      count++;
    }
  }
  if (!count) return 0;
  let seen = 0;
  let median = 0;
  while (median < 511 && (seen += bins[median]!) < count / 2) median++;
  // The median of |N(0, σ²·6)| is 0.6745·σ·√6.
  return median / 10 / 0.6745 / Math.sqrt(6);
}

/**
 * Blur of the step edges of a luma plane at its own scale (σ, pixels), or NaN when it has too few
 * strong, steady edges to tell.
 */
export function stepEdgeBlur(plane: Float32Array, width: number, height: number): number {
  const noise = noiseOf(plane, width, height);
  const floor = Math.max(3, 5 * noise);
  const margin = RADIUS + 5;
  const strength: number[] = [];
  const ratio: number[] = [];
  // Every other row of a large plane: an edge is many pixels long, and this halves the time.
  const rowStep = height > 700 ? 2 : 1;
  for (let y = margin; y < height - margin; y += rowStep) {
    for (let x = margin; x < width - margin; x++) {
      const i = y * width + x;
      const gx = (plane[i + 1]! - plane[i - 1]!) / 2;
      const ax = Math.abs(gx);
      const gy = (plane[i + width]! - plane[i - width]!) / 2;
      const ay = Math.abs(gy);
      // Most pixels lie in flat parts: out at once.
      if (ax < floor && ay < floor) continue;
      // Edges across a row or down a column (diagonal ones would look wider than they are).
      let step: number;
      let g: number;
      if (ax >= 2 * ay) {
        step = 1;
        g = gx;
      } else if (ay >= 2 * ax) {
        step = width;
        g = gy;
      } else continue;
      const a = Math.abs(g);
      if (a < floor) continue;
      // The steepest point of the edge…
      if (Math.abs(plane[i + 2 * step]! - plane[i]!) / 2 > a || Math.abs(plane[i]! - plane[i - 2 * step]!) / 2 > a) continue;
      // …of a step that rises steadily over 7 pixels (not a hair, a line, or noise).
      const sign = Math.sign(g);
      const wiggle = -Math.max(1, 2 * noise);
      let steady = true;
      for (let j = -3; j < 3 && steady; j++) steady = (plane[i + (j + 1) * step]! - plane[i + j * step]!) * sign >= wiggle;
      if (!steady) continue;
      let blurred = 0;
      for (let j = -RADIUS; j <= RADIUS; j++) blurred += KERNEL[j + RADIUS]! * (plane[i + (j + 1) * step]! - plane[i + (j - 1) * step]!);
      strength.push(a);
      ratio.push(a / Math.max(Math.abs(blurred / 2), 1e-6));
    }
  }
  // The strongest quarter of the edges (at least 300): the outline of the person, not texture.
  const order = strength.map((_, k) => k).sort((p, q) => strength[q]! - strength[p]!);
  const chosen = order.slice(0, Math.max(300, Math.round(order.length / 4)));
  if (chosen.length < MIN_EDGES) return NaN;
  // A step blurred by σ keeps σ / √(σ² + extra²) of its steepness under the extra blur.
  const sigmas = chosen.map((k) => (ratio[k]! > 1.0001 ? EXTRA_BLUR / Math.sqrt(ratio[k]! ** 2 - 1) : 20)).sort((p, q) => p - q);
  return sigmas[sigmas.length >> 1]!;
}

/**
 * Blur of the step edges (σ, pixels of the plane), measured again on halved copies while the
 * photo is very soft (down to 160 px), where a wide blur is judged more exactly. Infinity when no
 * scale has enough edges (a blank picture, or one blurred beyond recognition).
 */
export function edgeBlur(plane: Float32Array, width: number, height: number): number {
  let level = { plane, width, height };
  let scale = 1;
  let found = Infinity;
  for (;;) {
    const sigma = stepEdgeBlur(level.plane, level.width, level.height);
    if (!Number.isNaN(sigma)) {
      found = sigma * scale;
      if (sigma < HALVE_ABOVE) return found;
    }
    if (Math.min(level.width, level.height) / 2 < 160) return found;
    level = halve(level.plane, level.width, level.height);
    scale *= 2;
  }
}

/**
 * The edge blur of a sharp photo at its own size (σ, pixels): camera, lens and JPEG together.
 * Measured on the corpus's sharp photos: 0.8–1.1.
 */
export const SHARP_EDGE_BLUR = 1;

/**
 * The share (0–1, per side) of its pixels a photo's detail fills: 1 for a sharp photo, about ¼ for
 * a sharp photo enlarged 4×. From the edge blur `sigma` (pixels): (sharp blur / blur)^1.5, the
 * power fitted on the corpus's enlargements, whose detail is known (3× and 4× enlargements measure
 * within 15 % of the photo they were made from; 2× ones up to a third over it).
 */
export function detailScale(sigma: number): number {
  if (!Number.isFinite(sigma) || sigma <= 0) return 0;
  return Math.min(1, (SHARP_EDGE_BLUR / sigma) ** 1.5);
}
