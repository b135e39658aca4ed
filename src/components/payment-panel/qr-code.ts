/**
 * The payment QR code, drawn in the page from the order's payload: the encoder (uqr) is loaded on
 * demand, the first time a code is shown, and the code becomes one SVG path (crisp at any size,
 * printable, no image from another site, nothing parsed as HTML).
 */
import { html, type TemplateResult } from 'lit';
import { importAgain } from '../../services/import-again.js';

/** The modules of a QR code as one SVG path, and its size in modules. */
export interface QrPath {
  size: number;
  /** `M x y h1v1h-1z` per dark module, merged along rows. */
  d: string;
}

/** Quiet zone around the code, in modules (the standard asks for 4). */
const QUIET = 4;

/** uqr, fetched the first time; after a failed fetch (offline), again on the next call. */
const loadUqr = importAgain(() => import('uqr'));

/** Encodes `payload` (error correction M, as payment codes use). */
export async function qrPath(payload: string): Promise<QrPath> {
  const { encode } = await loadUqr();
  const { size, data } = encode(payload, { ecc: 'M', border: 0 });
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size, d };
}

/** The code as an `<svg>` with a white quiet zone; `label` is its accessible name. */
export function qrSvg(path: QrPath, label: string): TemplateResult {
  const full = path.size + QUIET * 2;
  return html`<svg
    part="qr-code"
    class="qr-svg"
    role="img"
    aria-label=${label}
    viewBox="${-QUIET} ${-QUIET} ${full} ${full}"
    shape-rendering="crispEdges"
    xmlns="http://www.w3.org/2000/svg"
  >
    <rect x=${-QUIET} y=${-QUIET} width=${full} height=${full} fill="#ffffff"></rect>
    <path d=${path.d} fill="#000000"></path>
  </svg>`;
}
