/**
 * The photo pipeline's steps as User Timing measures (`ruankao photo: decode`, …): they show in
 * the browser's performance panel, and the bench (`npm run bench`) prints them as where the time
 * goes (a step the page gets a turn in the middle of is two entries: add them up). A site may
 * read them too, e.g. to report how long candidates' phones take.
 */
export const PHOTO_MEASURE_PREFIX = 'ruankao photo: ';

export type PhotoStep = 'read' | 'decode' | 'sample measures' | 'detail tile' | 'sharpness measure' | 'enlargement measure' | 'echo measure' | '4× echo measure' | 'cut' | 'encode';

/** Records `step` as having run from `start` (a `performance.now()`) until now. */
export function measureStep(step: PhotoStep, start: number): void {
  // Where User Timing is missing or refuses (a very old browser), the photo is checked all the same.
  try {
    performance.measure(PHOTO_MEASURE_PREFIX + step, { start, end: performance.now() });
  } catch {
    /* not measured */
  }
}
