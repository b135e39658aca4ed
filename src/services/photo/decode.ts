/**
 * Decoding a JPEG at (about) the size the checks need.
 *
 * Where the browser has WebCodecs' `ImageDecoder` and the target is at most 7/8 of the photo,
 * the decoder is asked for the smallest size of the form k/8 × the photo that is not below the
 * target: Chromium's JPEG decoder then scales while it decodes (libjpeg's DCT scaling), which at
 * 12 MP takes a third of the time of `createImageBitmap`'s resize (30 against 90 ms here) and
 * never holds the full-size pixels. The frame it gives carries the EXIF orientation, which
 * `createImageBitmap(frame)` applies (checked: see `turnsAsTold`).
 *
 * Elsewhere (Safari, a page not served over HTTPS), or when it fails or gives anything else,
 * `createImageBitmap` decodes and resizes the file; its error is the one callers see.
 */
import type { JpegHeader } from './sniff.js';

export interface DecodeTarget {
  /** Size as shown (EXIF orientation applied). */
  width: number;
  height: number;
  /** target / photo (1: full size). */
  scale: number;
}

/** `createImageBitmap` resizing to the target that stays off the main thread ('medium'/'high' do not). */
function resizedTo(target: DecodeTarget): ImageBitmapOptions {
  return { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'low' };
}

/**
 * `file` (whose bytes are `data` and header `header`) decoded to `target`, as shown (EXIF
 * orientation applied). Throws as `createImageBitmap(file)` would.
 */
export async function decodePhoto(file: Blob, data: Uint8Array, header: JpegHeader, target: DecodeTarget): Promise<ImageBitmap> {
  const scaled = await decodeScaled(data, header, target).catch(() => undefined);
  if (scaled) return scaled;
  return createImageBitmap(file, target.scale < 1 ? resizedTo(target) : {});
}

/** Through `ImageDecoder` at the nearest k/8 scale at or above the target; undefined where there is none. */
async function decodeScaled(data: Uint8Array, header: JpegHeader, target: DecodeTarget): Promise<ImageBitmap | undefined> {
  const eighths = Math.ceil(target.scale * 8 - 1e-9);
  // Nothing to gain at full size (a photo of up to 2400 px): one step through createImageBitmap.
  // A mirrored orientation would be refused after decoding (see turnsAsTold): do not decode twice.
  if (typeof ImageDecoder !== 'function' || eighths >= 8 || TURNS[header.orientation] === undefined) return undefined;
  // The decoder scales the pixels as stored, before the orientation turns them.
  const decoder = new ImageDecoder({
    data,
    type: 'image/jpeg',
    desiredWidth: Math.ceil((header.storedWidth * eighths) / 8),
    desiredHeight: Math.ceil((header.storedHeight * eighths) / 8),
  });
  let decoded: ImageBitmap;
  try {
    const { image: frame } = await decoder.decode();
    try {
      if (!turnsAsTold(frame, header.orientation)) return undefined;
      decoded = await createImageBitmap(frame);
    } finally {
      frame.close();
    }
  } finally {
    decoder.close();
  }
  if (decoded.width === target.width && decoded.height === target.height) return decoded;
  // Not every decoder scales, nor to the same sizes: bring what came to the target, never up,
  // and never a picture of another shape (turned when it should not be, or not when it should).
  try {
    const shape = decoded.width / decoded.height - target.width / target.height;
    if (decoded.width < target.width || decoded.height < target.height || Math.abs(shape) > 0.02) return undefined;
    return await createImageBitmap(decoded, resizedTo(target));
  } finally {
    decoded.close();
  }
}

/** Clockwise quarter turns the EXIF orientations without a mirror ask for, in degrees. */
const TURNS: Readonly<Record<number, number>> = { 1: 0, 3: 180, 6: 90, 8: 270 };

/**
 * Whether the frame says it is to be turned as the photo's EXIF orientation asks (Chromium gives
 * frames a `rotation`, which `createImageBitmap(frame)` applies). A decoder without it, or a
 * mirrored orientation (rare from cameras), is left to `createImageBitmap(file)`, which applies
 * every orientation.
 */
function turnsAsTold(frame: VideoFrame, orientation: number): boolean {
  const { rotation = 0, flip = false } = frame as VideoFrame & { rotation?: number; flip?: boolean };
  return TURNS[orientation] === rotation && !flip;
}
