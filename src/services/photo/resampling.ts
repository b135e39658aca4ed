/**
 * Traces of enlargement. A photo enlarged from a smaller one is made of interpolated pixels: each
 * is a fixed blend of its neighbours that depends on where it falls between two pixels of the
 * small photo, and that place repeats every `factor` pixels. So pixels of the same phase are
 * predicted from their neighbours by the same blend, pixels of another phase by another one,
 * while in a photo taken at its size one prediction serves every pixel alike (Popescu & Farid's
 * idea, in the form of per-phase least squares).
 *
 * Measured along rows and down columns: the gain (0–1) of predicting each pixel with its phase's
 * own blend of its four neighbours over one blend for all. The photo's own JPEG blocks (8 pixels)
 * also make pixels differ by phase, so a period that divides 8 cannot be told from them by
 * phases alone: periods 3, 5, 7 and the strongest other period (found from the spectrum of the
 * second differences, with the block grid taken out) are measured on the pixels inside the JPEG
 * blocks only, where the blocks' own pattern averages out over the phases; repeated pixels (a
 * nearest-neighbour enlargement, any factor) and the 2× pattern are measured apart.
 *
 * Where the JPEG and grain have erased those traces, the small photo's own JPEG blocks may still
 * show, enlarged (source-grid.ts), and a 2.5×, 3×, 3.5× or 4× blend still echoes between frequencies
 * alike on every line (cycle-coherence.ts).
 */
import type { CycleCoherence } from './cycle-coherence.js';
import { colourTraces, gridTrace, NONE, sourceBlocksOf, type GridTrace } from './source-grid.js';
import { powerAt } from './spectrum.js';

/** What the traces say along one direction. */
export interface DirectionTraces {
  /** Best gain of periods 3, 5, 7 and of the spectrum's strongest other period. */
  interpolated: number;
  /** The period (pixels) of that gain. */
  period: number;
  /**
   * The share (0–1) of neighbouring pixels of that period that repeat each other (phases whose
   * pixels differ from the next by less than a third of the busiest phase's): 1 − 1/factor for a
   * nearest-neighbour enlargement, 0 for a smooth one.
   */
  repeatShare: number;
  /** Gain of the 2-pixel phases on a prediction from the two nearest neighbours: pixels repeated in pairs or fours. */
  repeated: number;
  /** The share of repeating neighbours over 4-pixel phases (½ for 2×, ¾ for 4× nearest-neighbour). */
  repeatedShare: number;
  /** Gain of the 2-pixel phases inside the JPEG blocks (a 2× or 4× enlargement, when the JPEG kept it). */
  alternating: number;
  /** The strongest repeat of 14–48 pixels: the small photo's JPEG blocks, enlarged (source-grid.ts). */
  blocks: GridTrace;
}

export interface ResamplingTraces {
  across: DirectionTraces;
  down: DirectionTraces;
  /**
   * The strongest repeat of 14–48 pixels in the blue-difference colour (Cb), across and down: the
   * small photo's JPEG blocks, enlarged, in its colour, which grain added to the brightness alone
   * (a film-grain filter) leaves untouched. Red-difference is left out: a face's reds vary so much
   * that genuine photos show chance repeats there nearly as strong as enlargements' (up to 7.2 on
   * the corpus, against 4.6 in Cb).
   */
  colourBlocks: { across: GridTrace; down: GridTrace };
  /** The echoes of an enlargement by 2.5×, 3×, 3.5× or 4× between frequencies, which grain does not hide (cycle-coherence.ts). */
  cycles: CycleCoherence;
}

/** Pixels measured per direction, about: lines are skipped beyond it (the traces are the same all over). */
const SAMPLES = 64_000;

/**
 * Where the photo's JPEG grid lies along a line of the measured plane: the stored pixel (along
 * that line) of the plane's first pixel, and whether the plane runs the other way (a photo turned
 * or mirrored by its EXIF orientation).
 */
export interface JpegGrid {
  origin: number;
  reversed: boolean;
}

/** The place (0–7) in its JPEG block of pixel `i` of a line. */
const placeIn = (grid: JpegGrid, i: number): number => (grid.reversed ? grid.origin - i : grid.origin + i) & 7;

/** A 3-feature least-squares accumulator slot: Gram (6), cross (3), target² (1). */
const SLOT = 10;

function sse3(a: Float64Array, o: number): number {
  // Solve G x = h for the 3×3 symmetric Gram G (with a trace-relative ridge), SSE = t² − h·x.
  const ridge = 1e-7 * (a[o]! + a[o + 3]! + a[o + 5]!) + 1e-9;
  const g00 = a[o]! + ridge;
  const g01 = a[o + 1]!;
  const g02 = a[o + 2]!;
  const g11 = a[o + 3]! + ridge;
  const g12 = a[o + 4]!;
  const g22 = a[o + 5]! + ridge;
  const h0 = a[o + 6]!;
  const h1 = a[o + 7]!;
  const h2 = a[o + 8]!;
  const c00 = g11 * g22 - g12 * g12;
  const c01 = g02 * g12 - g01 * g22;
  const c02 = g01 * g12 - g02 * g11;
  const det = g00 * c00 + g01 * c01 + g02 * c02;
  if (!(Math.abs(det) > 0)) return a[o + 9]!;
  const c11 = g00 * g22 - g02 * g02;
  const c12 = g01 * g02 - g00 * g12;
  const c22 = g00 * g11 - g01 * g01;
  const x0 = (c00 * h0 + c01 * h1 + c02 * h2) / det;
  const x1 = (c01 * h0 + c11 * h1 + c12 * h2) / det;
  const x2 = (c02 * h0 + c12 * h1 + c22 * h2) / det;
  return Math.max(0, a[o + 9]! - (h0 * x0 + h1 * x1 + h2 * x2));
}

/**
 * The residual every photo has (grey levels², per pixel: the JPEG's rounding and more), added to
 * both sides of a gain: a flat drawing, predicted almost exactly by any blend, shows no gain from
 * the few pixels it mispredicts.
 */
const FLOOR = 0;

/**
 * 1 − (sum of per-class SSE) / shared SSE, for classes `first`…`first + count − 1` of `a`, shared
 * in slot `shared`, over `samples` pixels.
 */
function gain3(a: Float64Array, first: number, count: number, shared: number, samples: number): number {
  const whole = sse3(a, shared * SLOT) + samples * FLOOR;
  if (!(whole > 0)) return 0;
  let parts = samples * FLOOR;
  for (let c = 0; c < count; c++) parts += sse3(a, (first + c) * SLOT);
  return Math.max(0, 1 - parts / whole);
}

/** The same for a 1-feature model (slots of 3: f², f·t, t²). */
function gain1(a: Float64Array, first: number, count: number, shared: number, samples: number): number {
  const sse = (o: number) => (a[o]! > 0 ? Math.max(0, a[o + 2]! - (a[o + 1]! * a[o + 1]!) / a[o]!) : a[o + 2]!);
  const whole = sse(shared * 3) + samples * FLOOR;
  if (!(whole > 0)) return 0;
  let parts = samples * FLOOR;
  for (let c = 0; c < count; c++) parts += sse((first + c) * 3);
  return Math.max(0, 1 - parts / whole);
}

const clipped = (v: number) => v > 251 || v < 4;

/**
 * The frequency (cycles per pixel, 0.06–0.5) of the strongest periodic change of the second
 * differences along the lines, with the 8-pixel JPEG grid taken out (its share of each phase of
 * 8 is subtracted, and frequencies near its harmonics are skipped).
 */
function strongestFrequency(plane: Float32Array, width: number, height: number, across: boolean, grid: JpegGrid, lineStep: number): { frequency: number; weights: Float64Array } {
  const n = across ? width : height;
  const lines = across ? height : width;
  const step = across ? 1 : width;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  for (let l = 0; l < lines; l += lineStep) {
    const base = across ? l * width : l;
    for (let i = 1; i + 1 < n; i++) {
      const a = plane[base + (i - 1) * step]!;
      const b = plane[base + i * step]!;
      const c = plane[base + (i + 1) * step]!;
      if (clipped(a) || clipped(b) || clipped(c)) continue;
      sum[i]! += Math.abs(a - 2 * b + c);
      count[i]!++;
    }
  }
  const profile = new Float64Array(n);
  for (let i = 0; i < n; i++) profile[i] = count[i]! > 0 ? sum[i]! / count[i]! : 0;
  const weights = busyWeights(profile);
  // Relative change against a running mean over 33 pixels (the face is busier than the background).
  const relative = new Float64Array(n);
  let window = 0;
  let span = 0;
  for (let i = 0; i < Math.min(n, 17); i++) {
    window += profile[i]!;
    span++;
  }
  for (let i = 0; i < n; i++) {
    if (i + 17 < n) {
      window += profile[i + 17]!;
      span++;
    }
    if (i - 17 >= 0) {
      window -= profile[i - 17]!;
      span--;
    }
    const mean = window / span;
    relative[i] = mean > 0 ? profile[i]! / mean - 1 : 0;
  }
  const phaseMean = new Float64Array(8);
  const phaseCount = new Float64Array(8);
  for (let i = 1; i < n - 1; i++) {
    phaseMean[placeIn(grid, i)]! += relative[i]!;
    phaseCount[placeIn(grid, i)]!++;
  }
  for (let i = 1; i < n - 1; i++) relative[i]! -= phaseMean[placeIn(grid, i)]! / Math.max(1, phaseCount[placeIn(grid, i)]!);
  relative[0] = relative[n - 1] = 0;
  for (let i = 0; i < n; i++) relative[i]! *= 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
  let best = 0;
  let bestK = 0;
  const powers = new Float64Array((n >> 1) + 2);
  for (let k = Math.ceil(n * 0.06); k <= n >> 1; k++) {
    // Near the grid's harmonics, phases of the period follow the place in the block.
    if ([1, 2, 3, 4].some((j) => Math.abs(k / n - j / 8) <= Math.max(2 / n, 0.012))) continue;
    powers[k] = powerAt(relative, k);
    if (powers[k]! > best) {
      best = powers[k]!;
      bestK = k;
    }
  }
  if (!bestK) return { frequency: 0.5, weights };
  // Between two bins: a parabola through the peak and its neighbours.
  const [y0, y1, y2] = [powers[bestK - 1] ?? 0, powers[bestK]!, powers[bestK + 1] ?? 0];
  const curve = y0 - 2 * y1 + y2;
  const shift = curve < 0 ? (y0 - y2) / (2 * curve) : 0;
  return { frequency: (bestK + (Math.abs(shift) < 1 ? shift : 0)) / n, weights };
}

/**
 * A weight (0–1) for each place along the lines: 1, or less where the lines are much busier than
 * at most places (mean second difference over 3× the median). A long straight edge across the
 * lines (a shoulder, a fringe, the edge of a door) falls at the same place in every line, so on
 * one phase, and would otherwise outweigh the traces spread over all of them.
 */
function busyWeights(profile: Float64Array): Float64Array {
  const sorted = [...profile].filter((v) => v > 0).sort((a, b) => a - b);
  const cap = 3 * (sorted[sorted.length >> 1] ?? 0);
  return profile.map((v) => (v > cap && cap > 0 ? cap / v : 1));
}

/** The traces along rows (`across`) or down columns; `grid` places the photo's JPEG blocks. */
export function directionTraces(plane: Float32Array, width: number, height: number, across: boolean, grid: JpegGrid = { origin: 0, reversed: false }): DirectionTraces {
  const n = across ? width : height;
  const lines = across ? height : width;
  const step = across ? 1 : width;
  const lineStep = Math.max(1, Math.floor((lines * n) / SAMPLES));
  const { frequency, weights } = strongestFrequency(plane, width, height, across, grid, lineStep);
  // Slots: period 3 (0–2), 5 (3–7), 7 (8–14), strongest period (15–22, 8 phase bins), 2× inside
  // the blocks (23–24), shared (25).
  const a = new Float64Array(26 * SLOT);
  // Repeated pixels, a 1-feature model: parity (0–1), four phases (2–5), shared (6).
  const r = new Float64Array(7 * 3);
  const slots = new Int32Array(5);
  // How much each phase's pixels differ from the next (sum, count): slots 0–22 as above, then
  // the four phases of 4 (23–26).
  const steps = new Float64Array(27);
  const stepCounts = new Float64Array(27);
  let repeatSamples = 0;
  let blendSamples = 0;
  for (let l = 0; l < lines; l += lineStep) {
    const base = across ? l * width : l;
    for (let i = 2; i + 2 < n; i++) {
      const place = placeIn(grid, i);
      if (place < 1 || place > 6) continue;
      const o = base + i * step;
      const p2 = plane[o - 2 * step]!;
      const p1 = plane[o - step]!;
      const c = plane[o]!;
      const n1 = plane[o + step]!;
      const n2 = plane[o + 2 * step]!;
      if (clipped(p1) || clipped(c) || clipped(n1)) continue;
      // Predicting the middle pixel from its neighbours: the target is its departure from their
      // mean, weighed down where the lines are much busier than usual (see `busyWeights`).
      const weight = weights[i]!;
      const t = (c - (p1 + n1) / 2) * weight;
      const slope = (n1 - p1) * weight;
      // Repeated pixels (positions 1–6 of a block: the 3 pixels lie in it).
      const parity = place & 1;
      const four = place & 3;
      const ss = slope * slope;
      const st = slope * t;
      const tt = t * t;
      r[parity * 3]! += ss;
      r[parity * 3 + 1]! += st;
      r[parity * 3 + 2]! += tt;
      r[(2 + four) * 3]! += ss;
      r[(2 + four) * 3 + 1]! += st;
      r[(2 + four) * 3 + 2]! += tt;
      r[18]! += ss;
      r[19]! += st;
      r[20]! += tt;
      repeatSamples++;
      const forward = Math.abs(n1 - c) * weight;
      // The next pixel lies in the same block.
      if (grid.reversed ? place > 1 : place < 6) {
        steps[23 + four]! += forward;
        stepCounts[23 + four]!++;
      }
      // Interpolation (positions 2–5: the 5 pixels lie in the block).
      if (place < 2 || place > 5 || clipped(p2) || clipped(n2)) continue;
      blendSamples++;
      const f1 = slope;
      const f2 = (n2 - p2) * weight;
      const f3 = (n2 + p2 - p1 - n1) * weight;
      slots[0] = i % 3;
      slots[1] = 3 + (i % 5);
      slots[2] = 8 + (i % 7);
      slots[3] = 15 + Math.floor(((i * frequency) % 1) * 8);
      slots[4] = 23 + (place & 1);
      const v0 = f1 * f1;
      const v1 = f1 * f2;
      const v2 = f1 * f3;
      const v3 = f2 * f2;
      const v4 = f2 * f3;
      const v5 = f3 * f3;
      const v6 = f1 * t;
      const v7 = f2 * t;
      const v8 = f3 * t;
      const v9 = t * t;
      for (let k = 0; k < 4; k++) {
        steps[slots[k]!]! += forward;
        stepCounts[slots[k]!]!++;
      }
      for (let k = 0; k < 6; k++) {
        const q = (k < 5 ? slots[k]! : 25) * SLOT;
        a[q]! += v0;
        a[q + 1]! += v1;
        a[q + 2]! += v2;
        a[q + 3]! += v3;
        a[q + 4]! += v4;
        a[q + 5]! += v5;
        a[q + 6]! += v6;
        a[q + 7]! += v7;
        a[q + 8]! += v8;
        a[q + 9]! += v9;
      }
    }
  }
  /** Share of the samples of phases `first`…`first + count − 1` whose pixels repeat the next one. */
  const repeatShare = (first: number, count: number): number => {
    let busiest = 0;
    for (let c = 0; c < count; c++) busiest = Math.max(busiest, steps[first + c]! / Math.max(1, stepCounts[first + c]!));
    let repeating = 0;
    let all = 0;
    for (let c = 0; c < count; c++) {
      all += stepCounts[first + c]!;
      if (steps[first + c]! / Math.max(1, stepCounts[first + c]!) < busiest / 3) repeating += stepCounts[first + c]!;
    }
    return all ? repeating / all : 0;
  };
  const candidates: [number, number, number][] = [
    [gain3(a, 0, 3, 25, blendSamples), 3, repeatShare(0, 3)],
    [gain3(a, 3, 5, 25, blendSamples), 5, repeatShare(3, 5)],
    [gain3(a, 8, 7, 25, blendSamples), 7, repeatShare(8, 7)],
    [gain3(a, 15, 8, 25, blendSamples), frequency > 0 ? 1 / frequency : 2, repeatShare(15, 8)],
  ];
  const [interpolated, period, share] = candidates.reduce((best, c) => (c[0] > best[0] ? c : best));
  return {
    interpolated,
    period,
    repeatShare: share,
    repeated: Math.max(gain1(r, 0, 2, 6, repeatSamples), gain1(r, 2, 4, 6, repeatSamples)),
    repeatedShare: repeatShare(23, 4),
    alternating: gain3(a, 23, 2, 25, blendSamples),
    blocks: gridTrace(plane, width, height, across, grid),
  };
}

/**
 * The traces of enlargement in a luma plane, with the photo's JPEG grid along its rows and its
 * columns; `rgba` is the same pixels in colour, if its blocks are to be measured there too.
 */
export function resamplingTraces(
  plane: Float32Array,
  width: number,
  height: number,
  rows: JpegGrid,
  columns: JpegGrid,
  rgba?: Uint8ClampedArray,
): Omit<ResamplingTraces, 'cycles'> {
  return {
    across: directionTraces(plane, width, height, true, rows),
    down: directionTraces(plane, width, height, false, columns),
    colourBlocks: rgba ? colourTraces(rgba, width, height, rows, columns) : { across: NONE, down: NONE },
  };
}

/**
 * The JPEG grid of a photo shown (EXIF orientation applied) at full size, for a plane cut from
 * it at (`x`, `y`): along its rows and down its columns. `storedWidth`×`storedHeight` is the
 * photo as stored.
 */
export function jpegGridOf(orientation: number, storedWidth: number, storedHeight: number, x: number, y: number): { rows: JpegGrid; columns: JpegGrid } {
  const w = storedWidth - 1;
  const h = storedHeight - 1;
  // Which stored coordinate each shown one is, and whether it runs backwards (EXIF orientations 1–8).
  switch (orientation) {
    case 2:
      return { rows: { origin: w - x, reversed: true }, columns: { origin: y, reversed: false } };
    case 3:
      return { rows: { origin: w - x, reversed: true }, columns: { origin: h - y, reversed: true } };
    case 4:
      return { rows: { origin: x, reversed: false }, columns: { origin: h - y, reversed: true } };
    case 5:
      return { rows: { origin: x, reversed: false }, columns: { origin: y, reversed: false } };
    case 6:
      return { rows: { origin: h - x, reversed: true }, columns: { origin: y, reversed: false } };
    case 7:
      return { rows: { origin: h - x, reversed: true }, columns: { origin: w - y, reversed: true } };
    case 8:
      return { rows: { origin: x, reversed: false }, columns: { origin: w - y, reversed: true } };
    default:
      return { rows: { origin: x, reversed: false }, columns: { origin: y, reversed: false } };
  }
}

/** An enlargement told by its traces. */
export interface Enlargement {
  /**
   * Pixels repeated (nearest neighbour) or blended (bilinear, bicubic, Lanczos, …), or the small
   * photo's JPEG blocks found enlarged (any kernel).
   */
  kind: 'repeated' | 'interpolated' | 'blocks';
  /** For blocks: found in the photo's colour (blue-difference), not its brightness. */
  colour?: boolean;
  /** The strength it had to reach, where not the rules' `enlargementTrace`: blocks (`SOURCE_BLOCKS`, `HARMONIC_BLOCKS`), echoes (`CYCLE_ECHO`, `QUARTER_ECHO`). */
  limit?: number;
  /** Found by the echoes between frequencies (cycle-coherence.ts); strength is then a ratio (about 1 for none). */
  echo?: boolean;
  /** How many pixels apart the pattern repeats (2 for pixels doubled, 3 for a 1.5× or 3× enlargement, 32 for blocks enlarged 4×, …). */
  period: number;
  /**
   * The strength of the traces in the weaker of the two directions: 0–1 for repeated and blended
   * pixels; for blocks, their repeat's power over the spectrum's level (about 1 for none; see
   * `SOURCE_BLOCKS`).
   */
  strength: number;
}

/** Thresholds of `enlargementOf`. */
export interface TraceLimits {
  /** Interpolation traces (periods 3, 5, 7 and others) from which a photo counts as enlarged. */
  interpolated: number;
}

/**
 * The echoes of a 2.5×, 3× or 3.5× enlargement, both ways at one α, over the photo's own level:
 * genuine photos of the corpus read up to 1.6 (tuning and held-out), the enlargements the other
 * traces miss under grain and a low quality 3.3–4.5.
 */
export const CYCLE_ECHO = 2.2;

/**
 * The echo of a 4× enlargement (α = 1/4) from the detail it keeps, both ways, over the photo's own
 * level (cycle-coherence.ts): genuine photos of the corpus read up to 3.2 in Chromium, 3.3 in
 * Firefox and 3.8 in WebKit (all of them soft photos saved at quality 50 or less, whose blocks
 * echo more at 1/8 or 3/8), the 4× enlargements sharpened or with grain that every other trace
 * misses 5.1–33 across the engines (whose JPEG encoders make different files of one drawing).
 */
export const QUARTER_ECHO = 5;

/** …and it must stand above the JPEG blocks' own echoes (1/8, 3/8) there: genuine photos that do read up to 1.3 at 1/4. */
const QUARTER_OVER_BLOCKS = 1;

/** Repeated pixels: the 2-phase prediction gain from which pixels count as repeated (photos measure up to 0.053). */
const REPEATED = 0.15;
/** The 2× pattern inside the JPEG blocks: soft photos measure up to 0.092 from the JPEG blocks alone. */
const ALTERNATING = 0.12;
/** …and only counts on a photo at least this soft (σ, pixels): a 2× enlargement is. */
const ALTERNATING_BLUR = 1.1;

/** Whether `period` is a harmonic of the whole period `whole` (`whole` / k), within 2.5 %. */
function harmonicOf(period: number, whole: number): boolean {
  const k = Math.round(whole / period);
  return k >= 1 && Math.abs(whole / k - period) <= 0.025 * period;
}

/**
 * Whether two directions' periods are one enlargement's: both harmonics of one whole period of
 * at most 16 pixels (an enlargement by p/q repeats every p pixels, and the measures may read p
 * or p/2, p/3, …: 7 and 2.33 for 1.75×). A photo is enlarged by one factor both ways, so its
 * pattern repeats alike across and down; a genuine photo's chance patterns (the JPEG's rounding,
 * noise) fall at unrelated periods (drawn 900×1260 photos read 12.5 px across and 5 px down, or
 * 6.02 and 5).
 */
function onePattern(a: number, b: number): boolean {
  if (!(a > 0 && b > 0)) return false;
  for (let whole = 2; whole <= 16; whole++) if (harmonicOf(a, whole) && harmonicOf(b, whole)) return true;
  return false;
}

/**
 * Whether the traces tell an enlargement. Both directions must show it, with one pattern (an
 * enlarged photo is enlarged both ways, by one factor). `blur` is the photo's edge blur (σ,
 * pixels: see sharpness.ts): the 2× pattern counts only on a soft photo, since a sharp one's
 * JPEG blocks can show it too. Null when nothing shows.
 */
export function enlargementOf(traces: ResamplingTraces, blur: number, limits: TraceLimits): Enlargement | null {
  const { across, down } = traces;
  // Nearest neighbour at 2× or 4×: pixels repeated in pairs or fours.
  const repeated = Math.min(across.repeated, down.repeated);
  if (repeated >= REPEATED) {
    const share = (across.repeatedShare + down.repeatedShare) / 2;
    return { kind: 'repeated', period: share > 0.6 ? 4 : 2, strength: repeated };
  }
  const interpolated = Math.min(across.interpolated, down.interpolated);
  if (interpolated >= limits.interpolated && onePattern(across.period, down.period)) {
    const strongest = across.interpolated >= down.interpolated ? across : down;
    return { kind: strongest.repeatShare > 0.2 ? 'repeated' : 'interpolated', period: strongest.period, strength: interpolated };
  }
  // A smooth 2× or 4× enlargement the JPEG kept: the 2-pixel pattern, with soft edges.
  const alternating = Math.min(across.alternating, down.alternating);
  if (alternating >= ALTERNATING && blur >= ALTERNATING_BLUR) return { kind: 'interpolated', period: 2, strength: alternating };
  // The small photo's JPEG blocks, enlarged: one repeat of 14–48 pixels both ways.
  const blocks = sourceBlocksOf(across.blocks, down.blocks);
  if (blocks) return { kind: 'blocks', period: blocks.period, strength: blocks.strength, limit: blocks.limit };
  // …or in its colour, where grain added to the brightness does not reach.
  const colour = sourceBlocksOf(traces.colourBlocks.across, traces.colourBlocks.down, true);
  if (colour) return { kind: 'blocks', period: colour.period, strength: colour.strength, colour: true, limit: colour.limit };
  // The blend's echoes between frequencies, which the many lines together show through grain.
  const echo = traces.cycles.both;
  if (echo.strength >= CYCLE_ECHO) return { kind: 'interpolated', period: echo.period, strength: echo.strength, limit: CYCLE_ECHO, echo: true };
  // …and a 4× blend's, which repeats with the JPEG blocks (every 4 of their 8 pixels).
  const quarter = traces.cycles.quarter;
  if (quarter.strength >= QUARTER_ECHO && quarter.overBlocks >= QUARTER_OVER_BLOCKS) {
    return { kind: 'interpolated', period: 4, strength: quarter.strength, limit: QUARTER_ECHO, echo: true };
  }
  return null;
}
