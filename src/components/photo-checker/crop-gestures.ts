/**
 * Moving and zooming the crop frame by pointer (mouse, pen, one finger), pinch (two fingers),
 * wheel and keyboard. Works in photo pixels (see services/photo/crop.ts); the stage element's
 * on-screen width gives the scale.
 */
import { clampFrame, moveFrame, zoomFrame, type Size } from '../../services/photo/crop.js';
import type { Box } from '../../services/photo/measures.js';

export interface CropHost {
  readonly frame: Box;
  readonly image: Size;
  readonly output: Size;
  /** A new frame; `settled` when the gesture is over (time to check and encode again). */
  setFrame(frame: Box, settled: boolean): void;
  /** The element the photo is drawn in (its on-screen box is the photo's). */
  stage(): HTMLElement | null;
  /** Where the frame starts (for Home / reset). */
  startFrame(): Box;
}

/** Zoom step of a button, key or wheel notch. */
export const ZOOM_STEP = 1.1;

interface Drag {
  mode: 'move' | 'resize';
  startX: number;
  startY: number;
  frame: Box;
}

export class CropGestures {
  readonly #host: CropHost;
  readonly #pointers = new Map<number, { x: number; y: number }>();
  #drag: Drag | undefined;
  #pinch: { distance: number; frame: Box } | undefined;
  #wheelTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: CropHost) {
    this.#host = host;
  }

  /** Photo pixels per CSS pixel. */
  #scale(): number {
    const stage = this.#host.stage();
    const width = stage?.getBoundingClientRect().width ?? 0;
    return width > 0 ? this.#host.image.width / width : 1;
  }

  pointerDown(event: PointerEvent, mode: 'move' | 'resize'): void {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    event.preventDefault();
    event.stopPropagation();
    try {
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
    } catch {
      // not an active pointer (a synthetic event): moves still arrive while over the frame
    }
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.#pointers.size === 2) {
      this.#drag = undefined;
      this.#pinch = { distance: this.#distance(), frame: this.#host.frame };
    } else {
      this.#drag = { mode, startX: event.clientX, startY: event.clientY, frame: this.#host.frame };
    }
  }

  pointerMove(event: PointerEvent): void {
    if (!this.#pointers.has(event.pointerId)) return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const { image, output } = this.#host;
    if (this.#pinch && this.#pointers.size >= 2) {
      // Fingers apart: closer (a smaller frame).
      const factor = this.#pinch.distance / Math.max(1, this.#distance());
      this.#host.setFrame(zoomFrame(this.#pinch.frame, factor, image, output), false);
      return;
    }
    const drag = this.#drag;
    if (!drag) return;
    const scale = this.#scale();
    const dx = (event.clientX - drag.startX) * scale;
    const dy = (event.clientY - drag.startY) * scale;
    if (drag.mode === 'move') {
      this.#host.setFrame(moveFrame(drag.frame, dx, dy, image, output), false);
    } else {
      // The corner handle: the top-left corner stays, the frame grows or shrinks at 5:7.
      const width = Math.max(drag.frame.width + dx, ((drag.frame.height + dy) * output.width) / output.height);
      const resized = clampFrame({ ...drag.frame, width, height: (width * output.height) / output.width }, image, output);
      const x = Math.min(drag.frame.x, image.width - resized.width);
      const y = Math.min(drag.frame.y, image.height - resized.height);
      this.#host.setFrame({ ...resized, x: Math.max(0, x), y: Math.max(0, y) }, false);
    }
  }

  pointerUp(event: PointerEvent): void {
    if (!this.#pointers.delete(event.pointerId)) return;
    if (this.#pointers.size === 1 && this.#pinch) {
      // One finger left after a pinch: go on moving from here.
      const [x, y] = [...this.#pointers.values()].map((p) => [p.x, p.y])[0]!;
      this.#drag = { mode: 'move', startX: x!, startY: y!, frame: this.#host.frame };
    } else if (this.#pointers.size === 0) {
      this.#drag = undefined;
    }
    this.#pinch = undefined;
    if (this.#pointers.size === 0) this.#host.setFrame(this.#host.frame, true);
  }

  /** Wheel over the photo: zoom around the pointer. */
  wheel(event: WheelEvent): void {
    const stage = this.#host.stage();
    if (!stage || event.deltaY === 0) return;
    event.preventDefault();
    const rect = stage.getBoundingClientRect();
    const scale = this.#scale();
    const cx = (event.clientX - rect.left) * scale;
    const cy = (event.clientY - rect.top) * scale;
    const factor = event.deltaY > 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
    this.#host.setFrame(zoomFrame(this.#host.frame, factor, this.#host.image, this.#host.output, cx, cy), false);
    clearTimeout(this.#wheelTimer);
    this.#wheelTimer = setTimeout(() => this.#host.setFrame(this.#host.frame, true), 250);
  }

  /** Zooms by `factor` around the frame's centre (buttons, keys). */
  zoom(factor: number): void {
    this.#host.setFrame(zoomFrame(this.#host.frame, factor, this.#host.image, this.#host.output), true);
  }

  reset(): void {
    this.#host.setFrame(this.#host.startFrame(), true);
  }

  /** Arrows move (Shift: further), + and − zoom, Home resets. Returns whether the key was used. */
  keyDown(event: KeyboardEvent): boolean {
    const { image, output, frame } = this.#host;
    const step = (event.shiftKey ? 0.1 : 0.02) * Math.max(image.width, image.height);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) {
      this.#host.setFrame(moveFrame(frame, move[0], move[1], image, output), true);
    } else if (event.key === '+' || event.key === '=') {
      this.zoom(1 / ZOOM_STEP);
    } else if (event.key === '-' || event.key === '_') {
      this.zoom(ZOOM_STEP);
    } else if (event.key === 'Home') {
      this.reset();
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  #distance(): number {
    const [a, b] = [...this.#pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 1;
  }

  dispose(): void {
    clearTimeout(this.#wheelTimer);
  }
}
