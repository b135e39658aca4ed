/**
 * The small photo's JPEG blocks, enlarged. A photo small enough to be enlarged was almost always
 * a JPEG itself, stored in blocks of 8×8 pixels whose edges its compression left as faint steps.
 * Enlarged k times, those steps come back every 8k pixels, in every line, at the same places:
 * every 16 pixels for 2×, 24 for 3×, 32 for 4×. A photo taken at its size has its own blocks
 * only (every 8 pixels, which this measure leaves out), and nothing that repeats at those
 * distances down the whole photo.
 *
 * Along one direction: how much each place along the lines changes to the next (averaged over
 * the lines, each change capped so that edges of the picture do not outweigh the faint steps),
 * the slow changes of that profile (face against background) and the photo's own block pattern
 * taken out (8 pixels, 16 for colour, stored at half size), then its spectrum: the strongest repeat
 * between 14 and 48 pixels (blocks enlarged 1.75× to 6×; 1.5× and less leave the interpolation
 * traces resampling.ts measures, and a photo made smaller from a larger one by the browser can
 * show a 12-pixel pattern), its 2nd and 3rd harmonics with it, against the spectrum around each.
 *
 * Measured in the brightness and, apart, in the blue-difference colour (resampling.ts), where
 * grain added to the brightness alone does not reach. In the colour, where each direction's
 * strongest repeats share no period as strongly, the repeat read is the one both directions read
 * alike most strongly (see `sharedTraces`).
 */

import { powerAt } from './spectrum.js';

/** The strongest repeat along one direction. */
export interface GridTrace {
  /** Its distance (pixels). */
  period: number;
  /** Its power (with its 2nd and 3rd harmonics) over the spectrum's level around them: about 1 for noise. */
  strength: number;
  /** The same for its first harmonic alone. */
  fundamental: number;
}

/** Nothing repeats (a line too short to tell, or a plane not measured). */
export const NONE: GridTrace = { period: 0, strength: 0, fundamental: 0 };

/** Where the photo's own JPEG grid lies along a line of the plane (see resampling.ts). */
interface Grid {
  origin: number;
  reversed: boolean;
}

/** The place (0–15) of pixel `i` of a line in its 16-pixel macroblock (colour is stored at half size in blocks of 16). */
const placeIn = (grid: Grid, i: number): number => (grid.reversed ? grid.origin - i : grid.origin + i) & 15;

/** Shortest and longest repeat looked for: a source block enlarged 1.75× to 6×. */
const SHORTEST = 14;
const LONGEST = 48;
/**
 * Pixels measured per direction, about: lines are skipped beyond it. (400,000 found no more of
 * the corpus's enlargements that pass every other rule, at more cost.)
 */
const SAMPLES = 150_000;

/** The lines measured: every `lineStepOf`-th row across, every such column down. */
const lineStepOf = (width: number, height: number): number => Math.max(1, Math.floor((width * height) / SAMPLES));

/**
 * The strongest repeats in the blue-difference colour (Cb, BT.601) of RGBA pixels, across and
 * down: where a small photo's blocks, enlarged, show through grain added to the brightness alone
 * (resampling.ts). The colour is gathered only on the rows and columns measured, each column laid
 * out as a row: a fresh plane of the whole tile cost more than the measure itself (12 ms for a
 * 1024 px tile in Chromium, nearly all of it the first touch of its memory).
 */
export function colourTraces(data: Uint8ClampedArray, width: number, height: number, rows: Grid, columns: Grid): { across: GridTrace; down: GridTrace } {
  const step = lineStepOf(width, height);
  const rowCount = Math.ceil(height / step);
  const columnCount = Math.ceil(width / step);
  const cb = (o: number) => 128 - 0.168736 * data[4 * o]! - 0.331264 * data[4 * o + 1]! + 0.5 * data[4 * o + 2]!;
  const sampledRows = new Float32Array(rowCount * width);
  for (let r = 0; r < rowCount; r++) for (let x = 0; x < width; x++) sampledRows[r * width + x] = cb(r * step * width + x);
  const sampledColumns = new Float32Array(columnCount * height);
  for (let y = 0; y < height; y++) for (let c = 0; c < columnCount; c++) sampledColumns[c * height + y] = cb(y * width + c * step);
  return sharedTraces(gridSpectrum(sampledRows, width, rowCount, true, rows), gridSpectrum(sampledColumns, height, columnCount, true, columns));
}

type Spectrum = ReturnType<typeof gridSpectrum>;

/** The repeat at bin `k` of a spectrum. */
const traceAt = (spectrum: Spectrum, k: number): GridTrace => ({ period: spectrum.n / k, strength: spectrum.strengths[k]!, fundamental: spectrum.fundamentals[k]! });

/**
 * The colour's repeats across and down: each direction's strongest, or, where they share no
 * period as strongly, the repeat both directions read alike (one period, each with its first
 * harmonic standing out) most strongly. In the colour, a picture's own pattern (the weave or folds
 * of clothes) can outshine the small photo's blocks in one direction: the strongest repeat across
 * was then the clothes' and the blocks went unread (a 2× enlargement, in Firefox and WebKit).
 * Periods read through different harmonics count only as each direction's strongest: searched
 * among all pairs, chance matches reach their limit on noise.
 */
function sharedTraces(across: Spectrum, down: Spectrum): { across: GridTrace; down: GridTrace } {
  const strongest = { across: strongestOf(across), down: strongestOf(down) };
  const shared = sharedPeriod(strongest.across.period, strongest.down.period, true);
  let best = strongest;
  let bestScore = shared ? sharedBlocks(strongest.across, strongest.down, true) / (shared.alike ? SOURCE_BLOCKS : HARMONIC_BLOCKS) : 0;
  across.strengths.forEach((a, i) => {
    if (!(a > 0) || across.fundamentals[i]! < FUNDAMENTAL) return;
    down.strengths.forEach((d, j) => {
      if (!(d > 0) || down.fundamentals[j]! < FUNDAMENTAL) return;
      if (!sharedPeriod(across.n / i, down.n / j, false)) return;
      const score = Math.min(a, d) / SOURCE_BLOCKS;
      if (score > bestScore) {
        bestScore = score;
        best = { across: traceAt(across, i), down: traceAt(down, j) };
      }
    });
  });
  return best;
}

/** The profile of capped changes along the lines. */
function changeProfile(plane: Float32Array, width: number, height: number, across: boolean): Float64Array {
  const n = across ? width : height;
  const lines = across ? height : width;
  const step = across ? 1 : width;
  const lineStep = lineStepOf(width, height);
  // The cap: 3× the median change (edges of the picture count as that much, no more).
  const histogram = new Uint32Array(256);
  let total = 0;
  for (let l = 0; l < lines; l += lineStep * 4) {
    const base = across ? l * width : l;
    for (let i = 0; i + 1 < n; i += 3) {
      const d = Math.abs(plane[base + (i + 1) * step]! - plane[base + i * step]!);
      histogram[Math.min(255, Math.floor(d * 4))]!++;
      total++;
    }
  }
  let seen = 0;
  let median = 0;
  for (let b = 0; b < 256; b++) {
    seen += histogram[b]!;
    if (seen * 2 >= total) {
      median = (b + 0.5) / 4;
      break;
    }
  }
  const cap = Math.max(1, 3 * median);
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  // Row by row in memory order both ways (down the columns too: a column's pixels lie a row apart).
  const next = across ? 1 : width;
  const outer = across ? lines : n - 1;
  const inner = across ? n - 1 : lines;
  const outerStep = across ? lineStep : 1;
  const innerStep = across ? 1 : lineStep;
  for (let u = 0; u < outer; u += outerStep) {
    for (let v = 0; v < inner; v += innerStep) {
      // Pixel (u, v): line u, place v along the rows; row u, column (line) v down the columns.
      const o = u * width + v;
      const a = plane[o]!;
      const b = plane[o + next]!;
      if (a > 251 || a < 4 || b > 251 || b < 4) continue;
      const i = across ? v : u;
      sum[i]! += Math.min(cap, Math.abs(b - a));
      count[i]!++;
    }
  }
  const profile = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) profile[i] = count[i]! > 0 ? sum[i]! / count[i]! : 0;
  return profile;
}

/** The strength of each repeat along the lines, by its bin of the spectrum (`n` / period). */
function gridSpectrum(plane: Float32Array, width: number, height: number, across: boolean, grid: Grid): { n: number; strengths: Float64Array; fundamentals: Float64Array } {
  const profile = changeProfile(plane, width, height, across);
  const n = profile.length;
  if (n < 4 * LONGEST) return { n, strengths: new Float64Array(0), fundamentals: new Float64Array(0) };
  // Slow changes out: the departure from a running mean over 2 × LONGEST + 1 places, relative to it.
  const half = LONGEST;
  const relative = new Float64Array(n);
  let window = 0;
  let span = 0;
  for (let i = 0; i < Math.min(n, half); i++) {
    window += profile[i]!;
    span++;
  }
  for (let i = 0; i < n; i++) {
    if (i + half < n) {
      window += profile[i + half]!;
      span++;
    }
    if (i - half - 1 >= 0) {
      window -= profile[i - half - 1]!;
      span--;
    }
    const mean = window / span;
    relative[i] = mean > 0 ? profile[i]! / mean - 1 : 0;
  }
  // The photo's own blocks out (8 pixels, 16 for its colour): each place in the macroblock loses its mean.
  const phaseSum = new Float64Array(16);
  const phaseCount = new Float64Array(16);
  for (let i = 0; i < n; i++) {
    phaseSum[placeIn(grid, i)]! += relative[i]!;
    phaseCount[placeIn(grid, i)]!++;
  }
  for (let i = 0; i < n; i++) relative[i]! -= phaseSum[placeIn(grid, i)]! / Math.max(1, phaseCount[placeIn(grid, i)]!);
  for (let i = 0; i < n; i++) relative[i]! *= 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
  // The power spectrum up to the 3rd harmonic of the shortest repeat and the bins about it.
  const top = Math.min(n >> 1, 3 * Math.floor(n / SHORTEST) + 16);
  const power = new Float64Array(top + 1);
  for (let k = 1; k <= top; k++) power[k] = powerAt(relative, k);
  // Near the harmonics of the 16-pixel macroblocks: the photo's own blocks (their mean taken out, not all of them).
  const nearGrid = (k: number) => Math.abs(k - Math.round((k * 16) / n) * (n / 16)) <= 4;
  const lowest = Math.ceil(n / LONGEST);
  /** The spectrum's level around bin `k`: the median of 24 bins about it, itself and the grid's left out. */
  const levelAt = (k: number): number => {
    const around: number[] = [];
    for (let j = Math.max(2, k - 14); j <= Math.min(top, k + 14); j++) if (Math.abs(j - k) > 2 && !nearGrid(j)) around.push(power[j]!);
    around.sort((a, b) => a - b);
    return around[around.length >> 1] ?? 0;
  };
  const strengths = new Float64Array(Math.floor(n / SHORTEST) + 2);
  const fundamentals = new Float64Array(Math.floor(n / SHORTEST) + 2);
  for (let k = lowest; k <= Math.floor(n / SHORTEST); k++) {
    if (nearGrid(k)) continue;
    let sum = 0;
    let level = 0;
    for (let h = 1; h <= 3; h++) {
      const at = h * k;
      if (at + 1 > top) break;
      if (nearGrid(at)) continue;
      // A harmonic between two bins: the stronger of the two.
      sum += h > 1 ? Math.max(power[at]!, power[at - 1]!, power[at + 1]!) : power[at]!;
      level += levelAt(at);
    }
    strengths[k] = level > 0 ? sum / level : 0;
    const own = levelAt(k);
    fundamentals[k] = own > 0 ? power[k]! / own : 0;
  }
  return { n, strengths, fundamentals };
}

/** The strongest repeat of 14–48 pixels along the lines (`across`: along the rows). */
export function gridTrace(plane: Float32Array, width: number, height: number, across: boolean, grid: Grid = { origin: 0, reversed: false }): GridTrace {
  return strongestOf(gridSpectrum(plane, width, height, across, grid));
}

/** A spectrum's strongest repeat. */
function strongestOf(spectrum: Spectrum): GridTrace {
  let best = NONE;
  spectrum.strengths.forEach((strength, k) => {
    if (strength > best.strength) best = { period: spectrum.n / k, strength, fundamental: spectrum.fundamentals[k]! };
  });
  return best;
}

/**
 * From this strength, in both directions, the repeat counts as the small photo's blocks. On the
 * corpus, in Chromium, genuine photos reach 4.5 in the brightness and 5.1 in the colour; the
 * enlargements found by it measure 7.8–22.7 and 9.6–47.3.
 */
export const SOURCE_BLOCKS = 7;
/** …and its first harmonic must stand out in both (at least 3×): not a pattern its harmonics alone make. */
const FUNDAMENTAL = 3;

/**
 * The period two directions' repeats share (within 4 %: an enlargement is by one factor both
 * ways), and whether both read it alike; null if none. With `harmonics`, each direction may show
 * another of its 1st–3rd harmonics: in the colour, stored at half size, the small photo's blocks
 * repeat every 16 of its pixels, 64 once enlarged 4×, beyond the longest repeat looked for, so one
 * direction may read 32 and the other 21.3.
 */
function sharedPeriod(a: number, b: number, harmonics: boolean): { period: number; alike: boolean } | null {
  const most = harmonics ? 3 : 1;
  for (let i = 1; i <= most; i++) {
    for (let j = 1; j <= most; j++) {
      if (Math.abs(a * i - b * j) <= 0.04 * Math.max(a * i, b * j)) return { period: (a * i + b * j) / 2, alike: i === j };
    }
  }
  return null;
}

/**
 * How strongly both directions repeat at one period, each with its first harmonic standing out:
 * the weaker direction's strength, or 0. `harmonics`: see `sharedPeriod`.
 */
export function sharedBlocks(across: GridTrace, down: GridTrace, harmonics = false): number {
  if (!(across.period > 0 && down.period > 0)) return 0;
  if (!sharedPeriod(across.period, down.period, harmonics)) return 0;
  if (Math.min(across.fundamental, down.fundamental) < FUNDAMENTAL) return 0;
  return Math.min(across.strength, down.strength);
}

/**
 * A period read through different harmonics across and down counts from this strength: with nine
 * pairs of harmonics to match, chance matches are likelier and stronger. Genuine photos of the
 * corpus reach 5.1 that way in Chromium, 6.2 in Firefox, 7.3 in WebKit; the enlargements found so
 * 12.2–23.0 in Chromium.
 */
export const HARMONIC_BLOCKS = 10;

/**
 * The small photo's blocks, enlarged, when both directions show them strongly enough (with their
 * limit); else null. `harmonics`: in the colour plane (see `sharedPeriod`).
 */
export function sourceBlocksOf(across: GridTrace, down: GridTrace, harmonics = false): (GridTrace & { limit: number }) | null {
  const shared = sharedPeriod(across.period, down.period, harmonics);
  if (!shared) return null;
  const strength = sharedBlocks(across, down, harmonics);
  const limit = shared.alike ? SOURCE_BLOCKS : HARMONIC_BLOCKS;
  if (strength < limit) return null;
  return { period: shared.period, strength, fundamental: Math.min(across.fundamental, down.fundamental), limit };
}
