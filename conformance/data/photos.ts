/**
 * The photos the kit uploads: the checked ID photo (a 295×413 JPEG, white background, a figure,
 * about 10 KB) and photos a backend must refuse: PNG bytes, a JPEG of other dimensions, an empty
 * file, and one larger than the upload takes.
 */
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

/** The contract's photo size. */
export const PHOTO_WIDTH = 295;
export const PHOTO_HEIGHT = 413;

/** RGBA pixels of a passport-style picture: white background, a head and shoulders. */
function portrait(width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 4);
  const cx = width / 2;
  const head = { cy: height * 0.38, rx: width * 0.2, ry: height * 0.17 };
  const shoulders = { cy: height * 1.02, rx: width * 0.46, ry: height * 0.36 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inHead = ((x - cx) / head.rx) ** 2 + ((y - head.cy) / head.ry) ** 2 <= 1;
      const inHair = inHead && y < head.cy - head.ry * 0.35;
      const inNeck = Math.abs(x - cx) < width * 0.08 && y > head.cy && y < shoulders.cy - shoulders.ry * 0.9;
      const inBody = ((x - cx) / shoulders.rx) ** 2 + ((y - shoulders.cy) / shoulders.ry) ** 2 <= 1;
      // A little texture, as a camera gives: a flat picture would be a 3 KB file.
      const grain = ((x * 7 + y * 13) % 11) - 5;
      const [r, g, b] = inHair ? [40, 30, 25] : inHead || inNeck ? [232, 190, 160] : inBody ? [30, 45, 80] : [255, 255, 255];
      const offset = (y * width + x) * 4;
      const shade = inHead || inNeck || inBody ? grain * 2 : 0;
      pixels[offset] = clamp(r + shade);
      pixels[offset + 1] = clamp(g + shade);
      pixels[offset + 2] = clamp(b + shade);
      pixels[offset + 3] = 255;
    }
  }
  return pixels;
}

const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));

const made = new Map<string, Uint8Array>();

/** Made once per size and kind (encoding in JavaScript takes a while); callers get a copy. */
function once(key: string, make: () => Uint8Array): Uint8Array {
  let bytes = made.get(key);
  if (!bytes) {
    bytes = make();
    made.set(key, bytes);
  }
  return bytes.slice();
}

/** A JPEG of the picture at a size and quality. */
export function portraitJpeg(width = PHOTO_WIDTH, height = PHOTO_HEIGHT, quality = 70): Uint8Array {
  return once(`jpeg ${width}×${height} ${quality}`, () => new Uint8Array(jpeg.encode({ data: portrait(width, height), width, height }, quality).data));
}

/** The width and height in a JPEG's SOF marker (what a backend reads), or null. */
export function jpegDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: (bytes[offset + 5]! << 8) | bytes[offset + 6]!, width: (bytes[offset + 7]! << 8) | bytes[offset + 8]! };
    }
    offset += 2 + length;
  }
  return null;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A real PNG of the picture at the contract's size (a backend must refuse it: not image/jpeg). */
export function portraitPng(width = PHOTO_WIDTH, height = PHOTO_HEIGHT): Uint8Array {
  return once(`png ${width}×${height}`, () => png(width, height));
}

function png(width: number, height: number): Uint8Array {
  const rgba = portrait(width, height);
  const raw = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      raw.set(rgba.subarray(from, from + 3), y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
