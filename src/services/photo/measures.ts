/**
 * Pixel measures behind the judgement checks, pure functions over RGBA pixels (ImageData or
 * anything shaped like it): how colourful the photo is, how white its background is, where the
 * person is, and how much real detail it has at each scale (the enlargement detector).
 */

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A pixel counts as coloured when its channels differ by more than this (0–255). */
export const COLOUR_CHROMA = 24;
/** A pixel counts as white when every channel reaches this and they differ by at most WHITE_CHROMA. */
export const WHITE_LEVEL = 200;
export const WHITE_CHROMA = 28;

const isWhite = (d: Uint8ClampedArray, i: number): boolean => {
  const r = d[i]!;
  const g = d[i + 1]!;
  const b = d[i + 2]!;
  const min = Math.min(r, g, b);
  return min >= WHITE_LEVEL && Math.max(r, g, b) - min <= WHITE_CHROMA;
};

/**
 * The share (0–1) of pixels with visible colour. A grayscale photo, even saved as a colour JPEG,
 * stays near 0 (compression adds a chroma of a few units at most); skin alone puts a colour ID
 * photo well above 1 %.
 */
export function colourShare(pixels: Pixels): number {
  const { data } = pixels;
  let coloured = 0;
  const count = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > COLOUR_CHROMA) coloured++;
  }
  return count ? coloured / count : 0;
}

/**
 * The share (0–1) of white pixels in the background bands of `box`: a band along the top and
 * bands down the left and right sides over the upper part (the shoulders fill the lower sides).
 */
export function whiteBackgroundShare(pixels: Pixels, box: Box, band = 0.08, sideDepth = 0.55): number {
  const { data, width } = pixels;
  const x0 = Math.max(0, Math.round(box.x));
  const y0 = Math.max(0, Math.round(box.y));
  const x1 = Math.min(pixels.width, Math.round(box.x + box.width));
  const y1 = Math.min(pixels.height, Math.round(box.y + box.height));
  const bandX = Math.max(1, Math.round((x1 - x0) * band));
  const bandY = Math.max(1, Math.round((y1 - y0) * band));
  const sideEnd = y0 + Math.round((y1 - y0) * sideDepth);
  let white = 0;
  let total = 0;
  for (let y = y0; y < y1; y++) {
    const top = y < y0 + bandY;
    if (!top && y >= sideEnd) break;
    for (let x = x0; x < x1; x++) {
      if (!top && x >= x0 + bandX && x < x1 - bandX) {
        x = x1 - bandX - 1; // skip the middle of the row
        continue;
      }
      total++;
      if (isWhite(data, (y * width + x) * 4)) white++;
    }
  }
  return total ? white / total : 0;
}

/**
 * Where the person is against a light background: the box of rows and columns with enough
 * non-white pixels, and the centre of the head (the non-white pixels of the box's upper fifth).
 * Columns that are dark from top to bottom (a door frame, a curtain edge) are not the person: a
 * head has background above it. Null when nothing stands out (a blank picture).
 */
export function subjectBox(pixels: Pixels): (Box & { headCentreX: number }) | null {
  const { data, width, height } = pixels;
  const cols = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (!isWhite(data, (y * width + x) * 4)) cols[x]!++;
  }
  const clutter = cols.map((n) => (n >= height * 0.95 ? 1 : 0));
  const rows = new Uint32Array(height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (!clutter[x] && !isWhite(data, (y * width + x) * 4)) rows[y]!++;
  }
  const rowMin = Math.max(1, width * 0.02);
  const colMin = Math.max(1, height * 0.02);
  const top = rows.findIndex((n) => n >= rowMin);
  const left = cols.findIndex((n, x) => !clutter[x] && n >= colMin);
  if (top === -1 || left === -1) return null;
  let bottom = height - 1;
  while (bottom > top && rows[bottom]! < rowMin) bottom--;
  let right = width - 1;
  while (right > left && (clutter[right] || cols[right]! < colMin)) right--;
  const headEnd = top + Math.max(1, Math.round((bottom - top) * 0.2));
  let sumX = 0;
  let n = 0;
  for (let y = top; y < headEnd; y++) {
    for (let x = left; x <= right; x++) {
      if (!clutter[x] && !isWhite(data, (y * width + x) * 4)) {
        sumX += x;
        n++;
      }
    }
  }
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1, headCentreX: n ? sumX / n : (left + right) / 2 };
}

/** Luma (BT.601) of RGBA pixels, as floats. */
export function luma(pixels: Pixels): Float32Array {
  const { data } = pixels;
  const out = new Float32Array(data.length / 4);
  for (let i = 0, j = 0; i < data.length; i += 4, j++) out[j] = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  return out;
}

/** Halves a luma plane by averaging 2×2 blocks (a box filter: no detail is invented). */
export function halve(plane: Float32Array, width: number, height: number): { plane: Float32Array; width: number; height: number } {
  const w = width >> 1;
  const h = height >> 1;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const a = 2 * y * width;
    const b = a + width;
    for (let x = 0; x < w; x++) {
      const s = 2 * x;
      out[y * w + x] = (plane[a + s]! + plane[a + s + 1]! + plane[b + s]! + plane[b + s + 1]!) / 4;
    }
  }
  return { plane: out, width: w, height: h };
}

/**
 * Mean squared difference between pixels `lag` apart (across and down): the structure function
 * D(lag) of the luma plane.
 */
export function structure(plane: Float32Array, width: number, height: number, lag: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y + lag < height; y++) {
    const row = y * width;
    const below = (y + lag) * width;
    for (let x = 0; x + lag < width; x++) {
      const v = plane[row + x]!;
      const dx = plane[row + x + lag]! - v;
      const dy = plane[below + x]! - v;
      sum += dx * dx + dy * dy;
      n++;
    }
  }
  return n ? sum / n : 0;
}

/**
 * How sharp a luma plane is at its own resolution: D(1) / D(2), the mean squared difference of
 * neighbouring pixels over that of pixels two apart. Detail at the pixel level (edges drawn at
 * this resolution, sensor grain) gives 0.37 or more (white noise: 1); a picture enlarged from a
 * smaller one is smooth between its original pixels, so differences grow with distance like a
 * ramp's and the ratio falls towards 0.25 (0.26–0.29 for 2–4× enlargements). Null for a blank plane.
 */
export function pixelDetail(plane: Float32Array, width: number, height: number): number | null {
  const far = structure(plane, width, height, 2);
  // Less than one grey level of change on average: nothing to judge.
  if (far < 1) return null;
  return structure(plane, width, height, 1) / far;
}

export interface DetailLadder {
  /** `pixelDetail` at each scale: [full, 1/2, 1/4, …] of the measured plane. */
  levels: (number | null)[];
  /**
   * How much the picture was enlarged, as a power of two: 1 when it has detail at its own
   * resolution, 2 when only from half size down, and so on. The picture really holds about
   * `width / factor × height / factor` pixels of detail.
   */
  factor: number;
}

/**
 * Measures `pixelDetail` at the full scale and at each halving (2×2 averages), down to
 * `minSide` pixels, and finds the first scale with real detail (at least `threshold`).
 */
export function detailLadder(plane: Float32Array, width: number, height: number, threshold: number, minSide = 48): DetailLadder {
  const levels: (number | null)[] = [];
  let level = { plane, width, height };
  let scale = 1;
  for (;;) {
    const detail = pixelDetail(level.plane, level.width, level.height);
    levels.push(detail);
    if (detail !== null && detail >= threshold) return { levels, factor: scale };
    if (Math.min(level.width, level.height) / 2 < minSide) return { levels, factor: scale * 2 };
    level = halve(level.plane, level.width, level.height);
    scale *= 2;
  }
}
