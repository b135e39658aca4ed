/**
 * The crop frame's geometry, in pixels of the photo as shown (after EXIF orientation). The frame
 * keeps the output's aspect (5:7), never leaves the photo, and is never smaller than the output
 * (a smaller frame would enlarge the photo).
 */
import type { Box } from './measures.js';

export interface Size {
  width: number;
  height: number;
}

/** The smallest and largest frame for a photo of `image` size and an output of `output` size. */
export function frameLimits(image: Size, output: Size): { min: Size; max: Size } {
  const aspect = output.width / output.height;
  const maxWidth = Math.min(image.width, image.height * aspect);
  const minWidth = Math.min(output.width, maxWidth);
  return {
    min: { width: minWidth, height: minWidth / aspect },
    max: { width: maxWidth, height: maxWidth / aspect },
  };
}

/** Keeps `frame` inside the photo, at the output's aspect and within the size limits. */
export function clampFrame(frame: Box, image: Size, output: Size): Box {
  const { min, max } = frameLimits(image, output);
  const width = Math.min(max.width, Math.max(min.width, frame.width));
  const height = (width * output.height) / output.width;
  // Keep the centre where it was when the size changed.
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  const x = Math.min(image.width - width, Math.max(0, cx - width / 2));
  const y = Math.min(image.height - height, Math.max(0, cy - height / 2));
  return { x, y, width, height };
}

/**
 * The frame a photo starts with: as large as the photo allows, centred on the head across, and
 * from a little above the top of the head down (the upper body), or centred when no person
 * stands out from the background.
 */
export function initialFrame(image: Size, output: Size, subject?: { y: number; headCentreX: number } | null): Box {
  const { max } = frameLimits(image, output);
  const cx = subject ? subject.headCentreX : image.width / 2;
  const top = subject ? subject.y - max.height * 0.08 : (image.height - max.height) / 2;
  return clampFrame({ x: cx - max.width / 2, y: top, width: max.width, height: max.height }, image, output);
}

/** The frame moved by (dx, dy) photo pixels. */
export function moveFrame(frame: Box, dx: number, dy: number, image: Size, output: Size): Box {
  return clampFrame({ ...frame, x: frame.x + dx, y: frame.y + dy }, image, output);
}

/**
 * The frame zoomed by `factor` (> 1 shows more of the photo: a larger frame), keeping the point
 * (`cx`, `cy`) where it is, by default the frame's centre.
 */
export function zoomFrame(frame: Box, factor: number, image: Size, output: Size, cx = frame.x + frame.width / 2, cy = frame.y + frame.height / 2): Box {
  const { min, max } = frameLimits(image, output);
  const width = Math.min(max.width, Math.max(min.width, frame.width * factor));
  const scale = width / frame.width;
  const height = (width * output.height) / output.width;
  const x = cx - (cx - frame.x) * scale;
  const y = cy - (cy - frame.y) * scale;
  return clampFrame({ x, y, width, height }, image, output);
}

/** Whether the frame can still grow / shrink. */
export function zoomRange(frame: Box, image: Size, output: Size): { canGrow: boolean; canShrink: boolean } {
  const { min, max } = frameLimits(image, output);
  return { canGrow: frame.width < max.width - 0.5, canShrink: frame.width > min.width + 0.5 };
}
