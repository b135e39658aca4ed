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
  /**
   * Share (0–1) of the photo in colours no tint explains (see `colourShare`) that a colour photo
   * has at least. Default 0.0002 (0.02 %): on the corpus grey and toned (sepia, warm, cold,
   * faded) photos measure up to 0.013 %, washed-out colour photos from 0.04 % (most above 1 %).
   */
  minColourShare: number;
  /** Share of white pixels (0–1) in the background bands of the crop. Default 0.85. */
  minWhiteShare: number;
  /**
   * Brightness (luma, 0–255) from which a background pixel counts as white. Default 220 (86 %):
   * studio white measures 240–255, a white wall in daylight exposed for the face 225–250, its
   * darker corners about 225; light grey (#CDCDCD is 205) stays under it.
   */
  whiteLevel: number;
  /** How much a white pixel's channels may differ (0–255). Default 20: ivory and cool white pass, light blue, pink and cream do not. */
  whiteChroma: number;
  /**
   * Strength (0–1) of the traces of interpolation (see resampling.ts) from which a photo counts as
   * enlarged. Default 0.06: on the corpus, photos taken at their size or made smaller measure up
   * to 0.058 (in the weaker direction; small, soft ones), enlargements that keep their traces
   * from 0.061 to 0.97.
   */
  enlargementTrace: number;
  /**
   * Share (0–1) of the pixel rule (`minSourceWidth`×`minSourceHeight`) the photo's sharp detail
   * (see `detailScale`) must exceed, per side. Default 0.6: a photo whose edges are as soft as
   * those of a 178×248 photo enlarged to its size is refused as not sharp (a 150×210 photo
   * enlarged 4× is; a 600×840 photo as soft as a Gaussian blur of σ 1.5 px is not).
   */
  minSharpDetail: number;
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
  minColourShare: 0.0002,
  minWhiteShare: 0.85,
  whiteLevel: 220,
  whiteChroma: 20,
  enlargementTrace: 0.06,
  minSharpDetail: 0.6,
  outputWidth: 295,
  outputHeight: 413,
  targetBytes: 10 * 1024,
  maxOutputBytes: 12 * 1024,
});

/** The judgement checks a site may make advisory (a failing photo can then still be used). */
export const JUDGEMENT_CHECKS = ['background', 'enlargement', 'sharpness'] as const;
export type JudgementCheck = (typeof JUDGEMENT_CHECKS)[number];
