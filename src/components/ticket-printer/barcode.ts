import { importAgain } from '../../services/import-again.js';

/** JsBarcode, fetched the first time; after a failed fetch (offline), again on the next call. */
const loadJsBarcode = importAgain(() => import('jsbarcode'));

/**
 * The registration number as a Code 128 barcode, drawn by JsBarcode (loaded on demand, the first
 * time a 报名表 is shown) into an `<svg>` made with `createElementNS`: no markup is parsed, and the
 * SVG prints sharply.
 */
export async function code128Svg(value: string, label: string): Promise<SVGSVGElement> {
  const { default: JsBarcode } = await loadJsBarcode();
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  JsBarcode(svg, value, { format: 'CODE128', displayValue: false, margin: 10, height: 56, width: 2, background: '#ffffff', lineColor: '#000000' });
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('part', 'barcode');
  svg.classList.add('barcode');
  // JsBarcode sets pixel width and height; a viewBox lets the print layout scale it.
  const width = svg.getAttribute('width');
  const height = svg.getAttribute('height');
  if (width && height) svg.setAttribute('viewBox', `0 0 ${parseFloat(width)} ${parseFloat(height)}`);
  return svg;
}
