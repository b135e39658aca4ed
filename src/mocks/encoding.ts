/** Small encoding helpers of the mock office: base64, data URLs, random hex. */

/** Base64 of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Base64 of a string's UTF-8 bytes. */
export function base64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** `data:<type>;base64,…` of some bytes. */
export function dataUrl(type: string, bytes: Uint8Array): string {
  return `data:${type};base64,${bytesToBase64(bytes)}`;
}

/** `data:image/svg+xml;base64,…` of an SVG document. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64(svg)}`;
}

/** Random lowercase hex of `bytes` bytes. */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
