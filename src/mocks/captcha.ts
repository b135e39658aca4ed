/** Captcha pictures of the mock office: a small inline SVG that shows the code. */
import { svgDataUrl } from './encoding.js';

/** Characters of a code, without look-alikes (0/O, 1/I/l). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random code of `length` characters. */
export function randomCaptchaCode(length = 4): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** `data:image/svg+xml;base64,…` of a 120×40 picture showing `code` with a little noise. */
export function captchaImage(code: string): string {
  const letters = Array.from(code)
    .map((char, index) => {
      const x = 16 + index * 26;
      const rotate = ((index * 37) % 30) - 15;
      return `<text x="${x}" y="29" transform="rotate(${rotate} ${x + 8} 20)">${char}</text>`;
    })
    .join('');
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">' +
    '<rect width="120" height="40" fill="#eef3f8"/>' +
    '<path d="M4 30 C30 5, 60 38, 116 12" stroke="#9bb3cc" stroke-width="2" fill="none"/>' +
    `<g font-family="Verdana, sans-serif" font-size="24" font-weight="bold" fill="#1d3f66">${letters}</g>` +
    '</svg>';
  return svgDataUrl(svg);
}
