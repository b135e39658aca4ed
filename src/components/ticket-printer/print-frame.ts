/**
 * Printing a document without leaving the page: a hidden `<iframe>` gets a copy of the document
 * and the print styles (as a constructed stylesheet of the frame's own document, which a strict
 * CSP allows: no `<style>` element, no inline style attribute), its images are awaited, then the
 * frame's window prints. The browser's print dialog also offers "另存为 PDF".
 */

/** Prints the frame's window; replaceable in tests and by pages that print differently. */
export type FramePrinter = (frame: Window) => void | Promise<void>;

export const printWindow: FramePrinter = (frame) => frame.print();

/** Prints `content` (copied) with `cssText` in a hidden frame, through `printer`. */
export async function printInFrame(content: Element, cssText: string, title: string, printer: FramePrinter = printWindow): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = title;
  // CSSOM, not a style attribute in markup: allowed under style-src 'self'.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0', visibility: 'hidden' });
  document.body.append(frame);
  try {
    const win = frame.contentWindow!;
    const doc = frame.contentDocument!;
    doc.title = title;
    doc.documentElement.lang = document.documentElement.lang || 'zh-CN';
    const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(cssText);
    doc.adoptedStyleSheets = [sheet];
    doc.body.append(doc.importNode(content, true));
    await Promise.all(Array.from(doc.images, (image) => image.decode().catch(() => undefined)));
    await printer(win);
  } finally {
    // Chrome returns from print() when the dialog closes; others print asynchronously.
    setTimeout(() => frame.remove(), 1000);
  }
}
