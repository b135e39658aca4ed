/**
 * The photo rules, defaults from the real portal's tool (证件照验证和处理工具 v1.3.8); a site
 * changes any of them through `rk-photo-checker`'s `rules` property.
 */
export interface PhotoRules {
  /** Refused before reading: a bigger file would only slow the page down. Default 20 MB. */
  maxFileBytes: number;
  /** Refused before decoding, from the header: a bigger picture could exhaust a phone's memory. Default 50 MP. */
  maxPixels: number;
  /** The source file must be larger than this (bytes). Default 30 KB. */
  minSourceBytes: number;
  /** The source must be wider than this after EXIF orientation (pixels). Default 296. */
  minSourceWidth: number;
  /** The source must be taller than this after EXIF orientation (pixels). Default 413. */
  minSourceHeight: number;
  /** Share of coloured pixels (0–1) a colour photo has at least. Default 0.01. */
  minColourShare: number;
  /** Share of white pixels (0–1) in the background bands of the crop. Default 0.85. */
  minWhiteShare: number;
  /**
   * Pixel-level detail (see `pixelDetail`: 0.25 for a smooth, enlarged picture, 0.37 and more
   * for a real one) from which a scale counts as real detail. Default 0.33.
   */
  minDetail: number;
  /** The checked photo's size in pixels (5:7). Default 295×413. */
  outputWidth: number;
  outputHeight: number;
  /** The checked photo's target size: the best quality at or under it. Default 10 KB. */
  targetBytes: number;
  /** The checked photo may not be larger than this. Default 12 KB. */
  maxOutputBytes: number;
}

export const DEFAULT_PHOTO_RULES: Readonly<PhotoRules> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxPixels: 50_000_000,
  minSourceBytes: 30 * 1024,
  minSourceWidth: 296,
  minSourceHeight: 413,
  minColourShare: 0.01,
  minWhiteShare: 0.85,
  minDetail: 0.33,
  outputWidth: 295,
  outputHeight: 413,
  targetBytes: 10 * 1024,
  maxOutputBytes: 12 * 1024,
});

/** The judgement checks a site may make advisory (a failing photo can then still be used). */
export const JUDGEMENT_CHECKS = ['background', 'enlargement'] as const;
export type JudgementCheck = (typeof JUDGEMENT_CHECKS)[number];
