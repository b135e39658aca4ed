/**
 * What a file really is, from its bytes (never its name or MIME type): the format by its
 * signature, and for a JPEG its size, EXIF orientation and colour components from the header,
 * and whether the data is complete. Runs before any decoding, so a file that would hurt the
 * page (too many pixels, truncated, another format renamed to .jpg) is refused cheaply.
 */

/** Formats told apart by their signature. */
export type SniffedKind = 'jpeg' | 'png' | 'gif' | 'heic' | 'avif' | 'webp' | 'bmp' | 'tiff' | 'pdf' | 'unknown';

export interface JpegHeader {
  /** Pixel size as stored (before EXIF orientation). */
  storedWidth: number;
  storedHeight: number;
  /** Pixel size as shown (EXIF orientation 5–8 swaps width and height). */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 when there is no tag). */
  orientation: number;
  /** Colour components: 1 is a grayscale JPEG, 3 YCbCr, 4 CMYK. */
  components: number;
  progressive: boolean;
  /** The compressed data stops before the end-of-image marker (cut-off download, broken copy). */
  truncated: boolean;
}

export interface Sniffed {
  kind: SniffedKind;
  /** Only for a readable JPEG header. */
  jpeg?: JpegHeader;
  /** The bytes start like a JPEG but the header cannot be read (corrupt). */
  corrupt?: boolean;
}

const ascii = (bytes: Uint8Array, start: number, text: string): boolean => {
  if (bytes.length < start + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** The format of `bytes` by signature. */
export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  if (ascii(bytes, 4, 'ftyp')) {
    // ISO base media: HEIC/HEIF from phones, AVIF; the major brand says which.
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  if (ascii(bytes, 0, 'BM')) return 'bmp';
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*')) return 'tiff';
  if (ascii(bytes, 0, '%PDF')) return 'pdf';
  return 'unknown';
}

/** Sniffs a whole file's bytes (the JPEG check needs the end too, to see truncation). */
export function sniffPhoto(bytes: Uint8Array): Sniffed {
  const kind = sniffKind(bytes);
  if (kind !== 'jpeg') return { kind };
  const jpeg = readJpegHeader(bytes);
  return jpeg ? { kind, jpeg } : { kind, corrupt: true };
}

const u16 = (bytes: Uint8Array, at: number, little = false): number =>
  little ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
const u32 = (bytes: Uint8Array, at: number, little = false): number =>
  little
    ? (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
    : ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

/** SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames. */
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * Walks the JPEG segments up to the first start-of-scan: SOF (size, components, progressive) and
 * APP1 Exif (orientation). Returns null when the structure is broken before a frame header.
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  let orientation = 1;
  let frame: { width: number; height: number; components: number; progressive: boolean } | undefined;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) return null; // end of image before any scan
    const length = u16(bytes, offset + 2);
    if (length < 2) return null;
    const segmentEnd = offset + 2 + length;
    if (marker === 0xda) {
      if (!frame) return null;
      const { width, height, components, progressive } = frame;
      const swapped = orientation >= 5 && orientation <= 8;
      return {
        storedWidth: width,
        storedHeight: height,
        width: swapped ? height : width,
        height: swapped ? width : height,
        orientation,
        components,
        progressive,
        truncated: segmentEnd > bytes.length || !hasEndOfImage(bytes, segmentEnd),
      };
    }
    if (segmentEnd > bytes.length) return null; // a header segment cut off: truncated before the picture
    if (isSof(marker) && length >= 8) {
      const height = u16(bytes, offset + 5);
      const width = u16(bytes, offset + 7);
      if (width === 0 || height === 0) return null;
      frame = { width, height, components: bytes[offset + 9]!, progressive: marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce };
    } else if (marker === 0xe1 && ascii(bytes, offset + 4, 'Exif\0\0')) {
      orientation = exifOrientation(bytes.subarray(offset + 10, segmentEnd)) ?? orientation;
    }
    offset = segmentEnd;
  }
  return null;
}

/**
 * Whether an end-of-image marker follows the first scan. Inside entropy-coded data a 0xFF is
 * always followed by 0x00 or a restart marker, so the first FF D9 after the scan header is the
 * end of the main image (embedded thumbnails live in APP segments, before the scan). Data after
 * it (phones append video or maker data) does not matter.
 */
function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
  let at = bytes.indexOf(0xd9, from);
  while (at !== -1) {
    if (bytes[at - 1] === 0xff) return true;
    at = bytes.indexOf(0xd9, at + 1);
  }
  return false;
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF structure (the payload of APP1 after `Exif\0\0`). */
export function exifOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null;
  const little = ascii(tiff, 0, 'II');
  if (!little && !ascii(tiff, 0, 'MM')) return null;
  if (u16(tiff, 2, little) !== 42) return null;
  const ifd = u32(tiff, 4, little);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(tiff, ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(tiff, entry, little) === 0x0112) {
      const value = u16(tiff, entry + 8, little);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}
