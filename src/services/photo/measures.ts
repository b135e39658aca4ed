/**
 * Pixel measures behind the judgement checks, pure functions over RGBA pixels (ImageData or
 * anything shaped like it): how much of the photo is in colour, how white its background is, and
 * where the person is. Sharpness is in sharpness.ts, traces of enlargement in resampling.ts.
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

/**
 * White enough to be taken for background when finding the person (loose: shadows on a white
 * wall count). The background check has its own, stricter limits (`BackgroundLimits`).
 */
const SUBJECT_WHITE_LEVEL = 200;
const SUBJECT_WHITE_CHROMA = 28;

const isWhite = (d: Uint8ClampedArray, i: number): boolean => {
  const r = d[i]!;
  const g = d[i + 1]!;
  const b = d[i + 2]!;
  const min = Math.min(r, g, b);
  return min >= SUBJECT_WHITE_LEVEL && Math.max(r, g, b) - min <= SUBJECT_WHITE_CHROMA;
};

/**
 * How far (0–255, in the units of R−Y and B−Y) a pixel's colour must lie from the photo's tint at
 * its brightness to count as a colour of its own. Sepia, toned and faded prints stay within a few
 * units of their tint; skin beside a grey suit or a white shirt's shadow differs by 15–40.
 */
export const COLOUR_DISTANCE = 12;
/** A pixel with at least this chroma (R−Y, B−Y) has a clear hue. */
const CLEAR_HUE = 20;
/** Pixels whose brightness differs from a neighbour's by more than this (0–255) lie on an edge. */
const EDGE = 10;

/**
 * The share (0–1) of the photo in colours that no tint explains. A black-and-white photo, plain
 * or toned (sepia, warm, cold, a faded print), has one colour at each brightness: its tint. A
 * colour photo of a person does not: skin beside a grey suit, a white shirt or hair of the same
 * brightness, lips, a blue jacket. Counted are the pixels (neither near black nor near white) that
 * lie more than `COLOUR_DISTANCE` from the typical colour of their brightness (the median of R−Y
 * and B−Y over the pixels within 8 grey levels), and those of clear hue more than 45° from the
 * photo's main hue. A grey photo, and any tint, stays near 0; a colour photo of a person is above
 * 2 % (measured on the corpus: 3–60 %).
 */
export function colourShare(pixels: Pixels): number {
  const { data, width, height } = pixels;
  const count = width * height;
  if (!count) return 0;
  // Brightness, and R−Y and B−Y offset by 256 (0–511), of every pixel.
  const y = new Float32Array(count);
  const red = new Uint16Array(count);
  const blue = new Uint16Array(count);
  for (let i = 0, j = 0; j < count; i += 4, j++) {
    const l = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    y[j] = l;
    red[j] = (data[i]! - l + 256.5) | 0;
    blue[j] = (data[i + 2]! - l + 256.5) | 0;
  }
  // Judged: pixels neither near black nor near white, away from strong edges (a JPEG keeps colour
  // at half resolution, so an edge's pixels carry their neighbours' colour). Per brightness band
  // (8 grey levels), histograms of R−Y and B−Y; hues of the clearly coloured pixels in 24
  // sectors of 15° (255: no clear hue; 254: not judged).
  const bands = 32;
  const redBands = new Uint32Array(bands * 512);
  const blueBands = new Uint32Array(bands * 512);
  const inBand = new Uint32Array(bands);
  const hues = new Uint32Array(24);
  const sector = new Uint8Array(count).fill(254);
  for (let row = 1; row < height - 1; row++) {
    for (let col = 1, j = row * width + 1; col < width - 1; col++, j++) {
      const l = y[j]!;
      if (l < 24 || l > 240) continue;
      if (Math.abs(y[j - 1]! - y[j + 1]!) > EDGE || Math.abs(y[j - width]! - y[j + width]!) > EDGE) continue;
      const band = l >> 3;
      redBands[band * 512 + red[j]!]!++;
      blueBands[band * 512 + blue[j]!]!++;
      inBand[band]!++;
      const v = red[j]! - 256;
      const u = blue[j]! - 256;
      sector[j] = u * u + v * v >= CLEAR_HUE * CLEAR_HUE ? hueSector(u, v) : 255;
      if (sector[j]! < 24) hues[sector[j]!]!++;
    }
  }
  const median = (h: Uint32Array, band: number) => {
    const half = inBand[band]! / 2;
    let seen = 0;
    let k = 0;
    while (k < 511 && (seen += h[band * 512 + k]!) < half) k++;
    return k;
  };
  const tintRed = new Int32Array(bands);
  const tintBlue = new Int32Array(bands);
  for (let band = 0; band < bands; band++) {
    if (!inBand[band]) continue;
    tintRed[band] = median(redBands, band);
    tintBlue[band] = median(blueBands, band);
  }
  // The main hue: the 90° (6 sectors) that hold most of the clearly coloured pixels.
  let main = 0;
  let mainCount = -1;
  for (let s = 0; s < 24; s++) {
    let sum = 0;
    for (let k = 0; k < 6; k++) sum += hues[(s + k) % 24]!;
    if (sum > mainCount) {
      mainCount = sum;
      main = s;
    }
  }
  let coloured = 0;
  const far = COLOUR_DISTANCE * COLOUR_DISTANCE;
  for (let j = 0; j < count; j++) {
    const hue = sector[j]!;
    if (hue === 254) continue;
    const band = y[j]! >> 3;
    const dv = red[j]! - tintRed[band]!;
    const du = blue[j]! - tintBlue[band]!;
    if (dv * dv + du * du > far || (hue < 24 && (hue - main + 24) % 24 >= 6)) coloured++;
  }
  return coloured / count;
}

/** The 15° sector (0–23) of the hue of chroma (B−Y, R−Y). */
function hueSector(u: number, v: number): number {
  return Math.floor(((Math.atan2(v, u) / (2 * Math.PI) + 1) % 1) * 24) % 24;
}

/**
 * What counts as white background: bright (luma at least `level`, 0–255) and of no colour (the
 * channels differ by at most `chroma`).
 */
export interface BackgroundLimits {
  level: number;
  chroma: number;
}

/**
 * The share (0–1) of white pixels in the background bands of `box`: a band along the top and
 * bands down the left and right sides over the upper part (the shoulders fill the lower sides).
 */
export function whiteBackgroundShare(pixels: Pixels, box: Box, limits: BackgroundLimits, band = 0.08, sideDepth = 0.55): number {
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
      const i = (y * width + x) * 4;
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      if (0.299 * r + 0.587 * g + 0.114 * b >= limits.level && Math.max(r, g, b) - Math.min(r, g, b) <= limits.chroma) white++;
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
