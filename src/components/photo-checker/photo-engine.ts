/**
 * What rk-photo-checker needs once a photo is chosen: reading, measuring and judging it
 * (services/photo/pipeline.ts with sniff, measures and crop geometry), making the checked JPEG
 * (compress.ts) and the crop frame's gestures. The element fetches this module when it
 * connects: none of it is needed to paint the element, and the first paint does without its
 * 5 KB. A file chosen before it arrives waits for it; offline, the element offers a retry that
 * checks the same file again.
 */
export { analysePhoto, checkPhoto, photoFile, photoPasses, renderPhoto, startFrame } from '../../services/photo/pipeline.js';
export { zoomRange } from '../../services/photo/crop.js';
export { CropGestures, ZOOM_STEP } from './crop-gestures.js';
