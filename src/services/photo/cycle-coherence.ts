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
 * which is why 2× and 4× (α = 1/2, 1/4) are not measured here.
 */

/** Segment length (pixels): every α measured is a whole number of its frequency bins. */
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

/** Pixels measured per direction, about (lines are skipped beyond it). */
const SAMPLES = 64_000;

/** One direction's strongest echo, as a ratio to the photo's own level (about 1 for none). */
export interface CycleTrace {
  strength: number;
  /** Its pattern's period (pixels). */
  period: number;
}

export interface CycleCoherence {
  across: CycleTrace;
  down: CycleTrace;
  /** The strongest echo both directions show at one α (the weaker direction's ratio), and its period. */
  both: CycleTrace;
}

const NO_TRACE: CycleTrace = { strength: 0, period: 0 };

/** Nothing measured (a plane too small for one segment). */
export const NO_ECHOES: CycleCoherence = { across: NO_TRACE, down: NO_TRACE, both: NO_TRACE };

// The Hann window of a segment.
const WINDOW = new Float64Array(N);
for (let j = 0; j < N; j++) WINDOW[j] = 0.5 - 0.5 * Math.cos((2 * Math.PI * (j + 0.5)) / N);
const FACTORS = [2, 3, 5, 7];

/** Per level of the transform: the twiddles W_n^(r·k) (r < p, k < m), as cos, sin pairs. */
const TWIDDLES: Float64Array[] = [];
/** Per radix p: the p-point DFT's W_p^(r·q), as cos, sin pairs. */
const BUTTERFLIES: Float64Array[] = [];
{
  let n = N;
  for (const p of FACTORS) {
    const m = n / p;
    const table = new Float64Array(2 * p * m);
    for (let r = 0; r < p; r++) {
      for (let k = 0; k < m; k++) {
        const angle = (-2 * Math.PI * r * k) / n;
        table[2 * (r * m + k)] = Math.cos(angle);
        table[2 * (r * m + k) + 1] = Math.sin(angle);
      }
    }
    TWIDDLES.push(table);
    const butterfly = new Float64Array(2 * p * p);
    for (let r = 0; r < p; r++) {
      for (let q = 0; q < p; q++) {
        const angle = (-2 * Math.PI * ((r * q) % p)) / p;
        butterfly[2 * (r * p + q)] = Math.cos(angle);
        butterfly[2 * (r * p + q) + 1] = Math.sin(angle);
      }
    }
    BUTTERFLIES.push(butterfly);
    n = m;
  }
}

/**
 * The DFT of `re`/`im` (length N) into `outRe`/`outIm` (mixed-radix Cooley–Tukey on 2·3·5·7:
 * about N·17 complex products, against N² for the sums written out).
 */
export function dft210(re: Float64Array, im: Float64Array, outRe: Float64Array, outIm: Float64Array): void {
  transform(re, im, N, 0, 1, 0, outRe, outIm, 0);
}

const tr = new Float64Array(7);
const ti = new Float64Array(7);

function transform(
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
  const p = FACTORS[level]!;
  const m = n / p;
  if (m === 1) {
    // The last radix reads the input itself.
    for (let r = 0; r < p; r++) {
      outRe[out + r] = re[start + stride * r]!;
      outIm[out + r] = im[start + stride * r]!;
    }
  } else {
    // The p sub-transforms of every p-th sample land at out + r·m.
    for (let r = 0; r < p; r++) transform(re, im, m, start + stride * r, stride * p, level + 1, outRe, outIm, out + r * m);
  }
  const twiddles = TWIDDLES[level]!;
  const butterfly = BUTTERFLIES[level]!;
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

const SHIFTS = [...CYCLES.map((c) => c.shift), ...CONTROLS];
const BINS = SHIFTS.map(halfBins);

/**
 * The echoes of one direction: lines of `length` pixels, line i starting at `i·lineStep` of the
 * plane and running by `pixelStep` (rows: 1, columns: the width).
 */
function direction(plane: Float32Array, lines: number, length: number, lineStep: number, pixelStep: number): CycleTrace[] | null {
  const perLine = Math.floor((length - 1) / N);
  if (perLine < 1 || lines < 1) return null;
  const wanted = Math.max(1, Math.ceil(SAMPLES / (perLine * N)));
  const step = Math.max(1, Math.floor(lines / wanted));
  const count = Math.ceil(lines / step) * perLine;
  if (count < 8) return null;
  // Every segment's spectrum, kept (a few hundred × 210): the sums below then run as long loops.
  const spectraRe = new Float64Array(count * N);
  const spectraIm = new Float64Array(count * N);
  const re = new Float64Array(N);
  const im = new Float64Array(N);
  const zr = new Float64Array(N);
  const zi = new Float64Array(N);
  let segment = 0;
  let pending = false;
  // Two segments in one transform: the first as the real part, the second as the imaginary;
  // their spectra are told apart by symmetry (a real signal's is conjugate-symmetric).
  const flush = (both: boolean): void => {
    dft210(re, im, zr, zi);
    const first = (segment - (both ? 2 : 1)) * N;
    for (let b = 0; b < N; b++) {
      const n = b === 0 ? 0 : N - b;
      spectraRe[first + b] = (zr[b]! + zr[n]!) / 2;
      spectraIm[first + b] = (zi[b]! - zi[n]!) / 2;
      if (both) {
        spectraRe[first + N + b] = (zi[b]! + zi[n]!) / 2;
        spectraIm[first + N + b] = (zr[n]! - zr[b]!) / 2;
      }
    }
  };
  for (let i = 0; i < lines; i += step) {
    for (let s = 0; s < perLine; s++) {
      const target = pending ? im : re;
      // Differences take out the slow changes, whose leakage would swamp the echoes.
      let at = i * lineStep + s * N * pixelStep;
      let before = plane[at]!;
      for (let x = 0; x < N; x++) {
        at += pixelStep;
        const value = plane[at]!;
        target[x] = (value - before) * WINDOW[x]!;
        before = value;
      }
      segment++;
      if (pending) flush(true);
      else im.fill(0);
      pending = !pending;
    }
  }
  if (pending) flush(false); // the last segment alone (its imaginary part is zero)
  const power = new Float64Array(N);
  for (let at = 0; at < segment * N; at += N) {
    for (let b = 0; b < N; b++) power[b] += spectraRe[at + b]! ** 2 + spectraIm[at + b]! ** 2;
  }
  const crossRe = new Float64Array(N);
  const crossIm = new Float64Array(N);
  const coherence = SHIFTS.map((shift, k) => {
    const bins = BINS[k]!;
    crossRe.fill(0);
    crossIm.fill(0);
    for (let at = 0; at < segment * N; at += N) {
      for (let j = 0; j < bins.length; j++) {
        const b = bins[j]!;
        const c = at + (b + shift < N ? b + shift : b + shift - N);
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
      const c = b + shift < N ? b + shift : b + shift - N;
      const d = power[b]! * power[c]!;
      if (c === 0 || !(d > 0)) continue;
      sum += (crossRe[b]! ** 2 + crossIm[b]! ** 2) / d;
      used++;
    }
    return used ? sum / used : 0;
  });
  const controls = coherence.slice(CYCLES.length).sort((a, b) => a - b);
  const level = controls[controls.length >> 1]!;
  if (!(level > 0)) return null;
  return CYCLES.map((cycle, k) => ({ strength: coherence[k]! / level, period: cycle.period }));
}

/** The echoes of enlargement by 2.5×, 3× or 3.5× in a luma plane, across and down. */
export function cycleCoherence(plane: Float32Array, width: number, height: number): CycleCoherence {
  const across = direction(plane, height, width, width, 1);
  const down = direction(plane, width, height, 1, width);
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
