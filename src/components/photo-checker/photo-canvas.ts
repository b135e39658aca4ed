/**
 * What `rk-photo-checker` draws after each render: the photo under the crop frame, the frame's
 * place over it, and the checked photo's preview. Canvases, not <img>: no blob: or data: URLs
 * (strict CSP); the frame placed through CSS custom properties, not a style attribute.
 */
import type { Box } from '../../services/photo/measures.js';

export class PhotoCanvases {
  /** What each canvas shows (a re-rendered view brings a new, blank canvas). */
  readonly #drawn = new WeakMap<HTMLCanvasElement, ImageBitmap | File>();

  /** Draws what changed: `image` the decoded photo (with `frame` in its pixels), `result` the checked photo. */
  draw(root: ParentNode, shown: { image: ImageBitmap | undefined; size: { width: number; height: number }; frame: Box | undefined; result: File | undefined }): void {
    placeFrame(root, shown.frame, shown.size);
    this.#drawPhoto(root, shown.image);
    void this.#drawResult(root, shown.result);
  }

  /** Draws the decoded photo into the stage's canvas (at most 900 px: it is shown smaller). */
  #drawPhoto(root: ParentNode, image: ImageBitmap | undefined): void {
    const canvas = root.querySelector<HTMLCanvasElement>('canvas.photo');
    if (!canvas || !image || this.#drawn.get(canvas) === image) return;
    this.#drawn.set(canvas, image);
    const scale = Math.min(1, 900 / Math.max(image.width, image.height));
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  }

  /** Draws the checked photo into the preview canvas. */
  async #drawResult(root: ParentNode, file: File | undefined): Promise<void> {
    const canvas = root.querySelector<HTMLCanvasElement>('canvas.result');
    if (!canvas || !file || this.#drawn.get(canvas) === file) return;
    this.#drawn.set(canvas, file);
    const bitmap = await createImageBitmap(file);
    if (this.#drawn.get(canvas) !== file) return bitmap.close();
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
  }
}

/** The frame's place over the photo, as percentages in CSS custom properties. */
function placeFrame(root: ParentNode, frame: Box | undefined, { width, height }: { width: number; height: number }): void {
  const stage = root.querySelector<HTMLElement>('.stage');
  if (!stage || !frame) return;
  stage.style.setProperty('--frame-x', `${(frame.x / width) * 100}%`);
  stage.style.setProperty('--frame-y', `${(frame.y / height) * 100}%`);
  stage.style.setProperty('--frame-w', `${(frame.width / width) * 100}%`);
  stage.style.setProperty('--frame-h', `${(frame.height / height) * 100}%`);
}
