/**
 * Traces of enlargement that grain and a low JPEG quality leave: the blend of an enlargement by
 * 2.5×, 3× or 3.5× repeats every 5, 3 or 7 pixels, so the photo's lines are "cyclostationary":
 * the detail at each frequency f comes with an echo at f + α (α = 1/3 for 3×; 1/5 and 2/5 for
 * 2.5×; 1/7, 2/7 and 3/7 for 3.5×), in a fixed ratio that is the same on every line. A photo
 * taken at its size has no such echo: what it shows at f and at f + α is unrelated from one line
 * to the next. Grain added after enlarging is unrelated too, so it only dilutes the echo, which
 * the many lines averaged together still show (unlike the per-phase blends of resampling.ts,
 * which grain drowns).
 *
 * Measured: the spectral coherence |Σ Y(f)·Y*(f+α)|² / (Σ|Y(f)|² · Σ|Y(f+α)|²) over segments of
 * 210 pixels (the sums over many lines; 210 = 2·3·5·7, so each α is a whole number of bins),
 * averaged over f, against the same at shifts no enlargement makes (about 1/segments for any
 * photo: the photo's own level). The JPEG blocks repeat every 8 pixels (α = 1/8, 1/4, 3/8, 1/2),
 * which is why 2× (α = 1/2) is not measured here.
 *
 * 4× (α = 1/4) is measured apart, over segments of 256 pixels, and only from the detail a 4×
 * enlargement keeps (below 1/8 cycle per pixel) to its echo a quarter higher. There a photo's own
 * content outweighs its JPEG blocks, whose echoes live among the fine detail the blocks' rounding
 * fills: soft genuine photos saved at quality 35–50 read up to 3.8 (at 1/4) there, and their
 * blocks echo more at 1/8 or 3/8 than at 1/4, which an enlargement does not make.
 */

/** Segment length (pixels) of the 2.5×–3.5× echoes: every α measured is a whole number of its bins. */
const N = 210;

/** The echoes measured: α·N bins, and the pattern's period (pixels) it tells. */
const CYCLES: readonly { shift: number; period: number }[] = [
  { shift: 70, period: 3 }, // α = 1/3: 3× (and 1.5×)
  { shift: 84, period: 5 }, // α = 2/5: 2.5×
  { shift: 42, period: 5 }, // α = 1/5: 2.5×
  { shift: 60, period: 7 }, // α = 2/7: 3.5× (and 1.75×)
  { shift: 90, period: 7 }, // α = 3/7: 3.5× (and 1.75×)
];

/**
 * Shifts no enlargement by 1.5–4× and no JPEG grid makes (α ≈ 0.065, 0.095, 0.17, 0.23, 0.31,
 * 0.355, 0.455): their median is the photo's own level of chance coherence.
 */
const CONTROLS: readonly number[] = [14, 20, 36, 48, 65, 75, 96];

/**
 * Segment length (pixels) of the 4× echo: α = 1/4 is 64 bins, and the JPEG blocks' own 1/8 and
 * 3/8 are 32 and 96.
 */
const Q = 256;

/** The 4× echo's shift (α = 1/4), then the JPEG blocks' own (1/8, 3/8), then the controls. */
const QUARTER_SHIFTS: readonly number[] = [64, 32, 96];

/** Shifts (of 256) no enlargement by 1.5–4× and no JPEG grid makes (α ≈ 0.066–0.46). */
const QUARTER_CONTROLS: readonly number[] = [17, 24, 44, 58, 79, 91, 117];

/** Pixels measured per direction, about (lines are skipped beyond it). */
const SAMPLES = 64_000;

/** One direction's strongest echo, as a ratio to the photo's own level (about 1 for none). */
export interface CycleTrace {
  strength: number;
  /** Its pattern's period (pixels). */
  period: number;
}

/**
 * The echo of a 4× enlargement (α = 1/4), measured only between the detail a 4× enlargement
 * keeps (below 1/8 cycle per pixel, where a photo's own content outweighs its JPEG blocks) and
 * its echo a quarter higher: the weaker direction's, over the photo's own level.
 */
export interface QuarterTrace {
  strength: number;
  /**
   * The same echo over the JPEG blocks' own echoes (α = 1/8 and 3/8) at those frequencies, in the
   * weaker direction: the blocks echo at 1/8, 1/4 and 3/8 alike, an enlargement at 1/4 alone.
   */
  overBlocks: number;
}

export interface CycleCoherence {
  across: CycleTrace;
  down: CycleTrace;
  /** The strongest echo both directions show at one α (the weaker direction's ratio), and its period. */
  both: CycleTrace;
  /** The 4× echo, both directions (0 when not measured). */
  quarter: QuarterTrace;
}

const NO_TRACE: CycleTrace = { strength: 0, period: 0 };
const NO_QUARTER: QuarterTrace = { strength: 0, overBlocks: 0 };

/** Nothing measured (a plane too small for one segment). */
export const NO_ECHOES: CycleCoherence = { across: NO_TRACE, down: NO_TRACE, both: NO_TRACE, quarter: NO_QUARTER };

/** A mixed-radix transform of n points (n the product of `factors`, each at most 7), and its window. */
interface Plan {
  n: number;
  factors: readonly number[];
  /** Per level: the twiddles W_n^(r·k) (r < p, k < m), as cos, sin pairs. */
  twiddles: Float64Array[];
  /** Per level: the p-point DFT's W_p^(r·q), as cos, sin pairs. */
  butterflies: Float64Array[];
  /** The Hann window of a segment. */
  window: Float64Array;
}

function planOf(factors: readonly number[]): Plan {
  const size = factors.reduce((a, b) => a * b, 1);
  const twiddles: Float64Array[] = [];
  const butterflies: Float64Array[] = [];
  let n = size;
  for (const p of factors) {
    const m = n / p;
    const table = new Float64Array(2 * p * m);
    for (let r = 0; r < p; r++) {
      for (let k = 0; k < m; k++) {
        const angle = (-2 * Math.PI * r * k) / n;
        table[2 * (r * m + k)] = Math.cos(angle);
        table[2 * (r * m + k) + 1] = Math.sin(angle);
      }
    }
    twiddles.push(table);
    const butterfly = new Float64Array(2 * p * p);
    for (let r = 0; r < p; r++) {
      for (let q = 0; q < p; q++) {
        const angle = (-2 * Math.PI * ((r * q) % p)) / p;
        butterfly[2 * (r * p + q)] = Math.cos(angle);
        butterfly[2 * (r * p + q) + 1] = Math.sin(angle);
      }
    }
    butterflies.push(butterfly);
    n = m;
  }
  const window = new Float64Array(size);
  for (let j = 0; j < size; j++) window[j] = 0.5 - 0.5 * Math.cos((2 * Math.PI * (j + 0.5)) / size);
  return { n: size, factors, twiddles, butterflies, window };
}

const PLAN_210 = planOf([2, 3, 5, 7]);
// Radix 4 (as 2·2 levels would cost more twiddles): 256 = 4⁴.
const PLAN_256 = planOf([4, 4, 4, 4]);

/**
 * The DFT of `re`/`im` (length 210) into `outRe`/`outIm` (mixed-radix Cooley–Tukey on 2·3·5·7:
 * about N·17 complex products, against N² for the sums written out).
 */
export function dft210(re: Float64Array, im: Float64Array, outRe: Float64Array, outIm: Float64Array): void {
  transform(PLAN_210, re, im, PLAN_210.n, 0, 1, 0, outRe, outIm, 0);
}

/** The DFT of `re`/`im` (length 256) into `outRe`/`outIm` (radix 4). */
export function dft256(re: Float64Array, im: Float64Array, outRe: Float64Array, outIm: Float64Array): void {
  transform(PLAN_256, re, im, PLAN_256.n, 0, 1, 0, outRe, outIm, 0);
}

const tr = new Float64Array(7);
const ti = new Float64Array(7);

function transform(
  plan: Plan,
  re: Float64Array,
  im: Float64Array,
  n: number,
  start: number,
  stride: number,
  level: number,
  outRe: Float64Array,
  outIm: Float64Array,
  out: number,
): void {
  const p = plan.factors[level]!;
  const m = n / p;
  if (m === 1) {
    // The last radix reads the input itself.
    for (let r = 0; r < p; r++) {
      outRe[out + r] = re[start + stride * r]!;
      outIm[out + r] = im[start + stride * r]!;
    }
  } else {
    // The p sub-transforms of every p-th sample land at out + r·m.
    for (let r = 0; r < p; r++) transform(plan, re, im, m, start + stride * r, stride * p, level + 1, outRe, outIm, out + r * m);
  }
  const twiddles = plan.twiddles[level]!;
  const butterfly = plan.butterflies[level]!;
  for (let k = 0; k < m; k++) {
    for (let r = 0; r < p; r++) {
      const w = 2 * (r * m + k);
      const a = outRe[out + r * m + k]!;
      const b = outIm[out + r * m + k]!;
      tr[r] = a * twiddles[w]! - b * twiddles[w + 1]!;
      ti[r] = a * twiddles[w + 1]! + b * twiddles[w]!;
    }
    // The same p places (out + k + m·q) take the p sums.
    for (let q = 0; q < p; q++) {
      let sr = 0;
      let si = 0;
      for (let r = 0; r < p; r++) {
        const w = 2 * (r * p + q);
        sr += tr[r]! * butterfly[w]! - ti[r]! * butterfly[w + 1]!;
        si += tr[r]! * butterfly[w + 1]! + ti[r]! * butterfly[w]!;
      }
      outRe[out + k + m * q] = sr;
      outIm[out + k + m * q] = si;
    }
  }
}

/**
 * The bins whose products stand for every pair (b, b + shift) once: for a real signal the pair
 * (N − b − shift, N − b) has the same product, conjugated twice.
 */
function halfBins(shift: number): Int32Array {
  const bins: number[] = [];
  for (let b = 1; b <= (N - shift) / 2; b++) bins.push(b);
  for (let b = N - shift + 1; b <= N - shift / 2; b++) bins.push(b);
  return Int32Array.from(bins);
}

/**
 * The bins of the detail a 4× enlargement keeps: 0 < |f| ≤ 1/8 cycle per pixel. Each pair
 * (b, b + shift) counts once: its conjugate (−b − shift, −b) starts outside these bins.
 */
function keptBins(): Int32Array {
  const bins: number[] = [];
  for (let b = 1; b <= Q / 8; b++) bins.push(b, Q - b);
  return Int32Array.from(bins);
}

/** What one direction measures: a transform, shifts, and per shift the bins its sums run over. */
interface Measure {
  plan: Plan;
  shifts: readonly number[];
  bins: readonly Int32Array[];
}

const ECHOES: Measure = {
  plan: PLAN_210,
  shifts: [...CYCLES.map((c) => c.shift), ...CONTROLS],
  bins: [...CYCLES.map((c) => c.shift), ...CONTROLS].map(halfBins),
};

const QUARTER: Measure = {
  plan: PLAN_256,
  shifts: [...QUARTER_SHIFTS, ...QUARTER_CONTROLS],
  bins: [...QUARTER_SHIFTS, ...QUARTER_CONTROLS].map(keptBins),
};

/**
 * One direction's coherence at each of the measure's shifts: lines of `length` pixels, line i
 * starting at `i·lineStep` of the plane and running by `pixelStep` (rows: 1, columns: the width).
 */
function direction(
  measure: Measure,
  plane: Float32Array,
  lines: number,
  length: number,
  lineStep: number,
  pixelStep: number,
): number[] | null {
  const { plan, shifts, bins: binsOf } = measure;
  const n = plan.n;
  const window = plan.window;
  const perLine = Math.floor((length - 1) / n);
  if (perLine < 1 || lines < 1) return null;
  const wanted = Math.max(1, Math.ceil(SAMPLES / (perLine * n)));
  const step = Math.max(1, Math.floor(lines / wanted));
  const count = Math.ceil(lines / step) * perLine;
  if (count < 8) return null;
  // Every segment's spectrum, kept (a few hundred × n): the sums below then run as long loops.
  const spectraRe = new Float64Array(count * n);
  const spectraIm = new Float64Array(count * n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const zr = new Float64Array(n);
  const zi = new Float64Array(n);
  let segment = 0;
  let pending = false;
  // Two segments in one transform: the first as the real part, the second as the imaginary;
  // their spectra are told apart by symmetry (a real signal's is conjugate-symmetric).
  const flush = (both: boolean): void => {
    transform(plan, re, im, n, 0, 1, 0, zr, zi, 0);
    const first = (segment - (both ? 2 : 1)) * n;
    for (let b = 0; b < n; b++) {
      const c = b === 0 ? 0 : n - b;
      spectraRe[first + b] = (zr[b]! + zr[c]!) / 2;
      spectraIm[first + b] = (zi[b]! - zi[c]!) / 2;
      if (both) {
        spectraRe[first + n + b] = (zi[b]! + zi[c]!) / 2;
        spectraIm[first + n + b] = (zr[c]! - zr[b]!) / 2;
      }
    }
  };
  for (let i = 0; i < lines; i += step) {
    for (let s = 0; s < perLine; s++) {
      const target = pending ? im : re;
      // Differences take out the slow changes, whose leakage would swamp the echoes.
      let at = i * lineStep + s * n * pixelStep;
      let before = plane[at]!;
      for (let x = 0; x < n; x++) {
        at += pixelStep;
        const value = plane[at]!;
        target[x] = (value - before) * window[x]!;
        before = value;
      }
      segment++;
      if (pending) flush(true);
      else im.fill(0);
      pending = !pending;
    }
  }
  if (pending) flush(false); // the last segment alone (its imaginary part is zero)
  const power = new Float64Array(n);
  for (let at = 0; at < segment * n; at += n) {
    for (let b = 0; b < n; b++) power[b] += spectraRe[at + b]! ** 2 + spectraIm[at + b]! ** 2;
  }
  const crossRe = new Float64Array(n);
  const crossIm = new Float64Array(n);
  return shifts.map((shift, k) => {
    const bins = binsOf[k]!;
    crossRe.fill(0);
    crossIm.fill(0);
    for (let at = 0; at < segment * n; at += n) {
      for (let j = 0; j < bins.length; j++) {
        const b = bins[j]!;
        const c = at + (b + shift < n ? b + shift : b + shift - n);
        const r = spectraRe[at + b]!;
        const m = spectraIm[at + b]!;
        crossRe[b] += r * spectraRe[c]! + m * spectraIm[c]!;
        crossIm[b] += m * spectraRe[c]! - r * spectraIm[c]!;
      }
    }
    let sum = 0;
    let used = 0;
    for (let j = 0; j < bins.length; j++) {
      const b = bins[j]!;
      const c = b + shift < n ? b + shift : b + shift - n;
      const d = power[b]! * power[c]!;
      if (c === 0 || !(d > 0)) continue;
      sum += (crossRe[b]! ** 2 + crossIm[b]! ** 2) / d;
      used++;
    }
    return used ? sum / used : 0;
  });
}

/** The median of the controls (the coherences after the first `measured`): the photo's own level. */
function levelOf(coherence: readonly number[], measured: number): number {
  const controls = coherence.slice(measured).sort((a, b) => a - b);
  return controls[controls.length >> 1]!;
}

/** The 2.5×–3.5× echoes of one direction, over the photo's own level. */
function echoes(coherence: number[] | null): CycleTrace[] | null {
  if (!coherence) return null;
  const level = levelOf(coherence, CYCLES.length);
  if (!(level > 0)) return null;
  return CYCLES.map((cycle, k) => ({ strength: coherence[k]! / level, period: cycle.period }));
}

/** The 4× echo of one direction, over the photo's own level and over the JPEG blocks' echoes. */
function quarter(coherence: number[] | null): QuarterTrace | null {
  if (!coherence) return null;
  const level = levelOf(coherence, QUARTER_SHIFTS.length);
  const blocks = Math.max(coherence[1]!, coherence[2]!);
  if (!(level > 0 && blocks > 0)) return null;
  return { strength: coherence[0]! / level, overBlocks: coherence[0]! / blocks };
}

/** The echoes of enlargement by 2.5×, 3× and 3.5× in a luma plane, across and down. */
export function cycleEchoes(plane: Float32Array, width: number, height: number): Omit<CycleCoherence, 'quarter'> {
  const across = echoes(direction(ECHOES, plane, height, width, width, 1));
  const down = echoes(direction(ECHOES, plane, width, height, 1, width));
  const strongest = (traces: CycleTrace[] | null): CycleTrace =>
    traces ? traces.reduce((best, t) => (t.strength > best.strength ? t : best), NO_TRACE) : NO_TRACE;
  let both = NO_TRACE;
  if (across && down) {
    for (let k = 0; k < CYCLES.length; k++) {
      const strength = Math.min(across[k]!.strength, down[k]!.strength);
      if (strength > both.strength) both = { strength, period: CYCLES[k]!.period };
    }
  }
  return { across: strongest(across), down: strongest(down), both };
}

/** The echo of enlargement by 4× in a luma plane, both directions (the weaker's). */
export function quarterEcho(plane: Float32Array, width: number, height: number): QuarterTrace {
  const across = quarter(direction(QUARTER, plane, height, width, width, 1));
  const down = quarter(direction(QUARTER, plane, width, height, 1, width));
  if (!across || !down) return NO_QUARTER;
  return { strength: Math.min(across.strength, down.strength), overBlocks: Math.min(across.overBlocks, down.overBlocks) };
}

/** Every echo of enlargement (2.5×–4×) in a luma plane (the pipeline measures the two kinds in steps of their own). */
export function cycleCoherence(plane: Float32Array, width: number, height: number): CycleCoherence {
  return { ...cycleEchoes(plane, width, height), quarter: quarterEcho(plane, width, height) };
}
