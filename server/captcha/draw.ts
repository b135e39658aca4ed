/**
 * The server's captcha picture: an SVG it draws itself. Digits only (2–9: no 0/O or 1/7 to
 * confuse, and easy to speak for the audio alternative), each drawn as jittered strokes (no
 * <text>, so the answer is not in the markup), turned and shifted at random, over noise curves.
 * Large, dark on light, for older eyes (适老化).
 */
import { randomInt } from 'node:crypto';

/** The characters of a captcha. */
export const CAPTCHA_ALPHABET = '23456789';
/** Characters per captcha. */
export const CAPTCHA_LENGTH = 5;

type Point = [number, number];

/** Each digit as polylines on a 10 × 16 grid (y down). */
const GLYPHS: Record<string, Point[][]> = {
  '2': [[[0, 4], [1, 1.5], [3.5, 0], [6.5, 0], [9, 1.5], [10, 4], [9, 7], [0, 16], [10, 16]]],
  '3': [
    [[0, 2], [3, 0], [7, 0], [10, 2.5], [9.5, 5.5], [6.5, 7.5], [4, 7.5]],
    [[6.5, 7.5], [10, 10], [10, 13.5], [7, 16], [3, 16], [0, 14]],
  ],
  '4': [[[7, 16], [7, 0], [0, 11], [10, 11]]],
  '5': [[[10, 0], [1, 0], [0, 7], [4, 6], [8, 6.5], [10, 9.5], [10, 13], [7.5, 16], [3, 16], [0, 14]]],
  '6': [[[9, 1], [6, 0], [3, 0.5], [0.5, 4], [0, 9], [0.5, 13.5], [3, 16], [7, 16], [10, 13], [10, 10], [7.5, 7.5], [3.5, 7.5], [0.5, 10]]],
  '7': [[[0, 0], [10, 0], [4, 16]]],
  '8': [[[5, 7.5], [1.5, 6], [1, 3], [3, 0.5], [5, 0], [7, 0.5], [9, 3], [8.5, 6], [5, 7.5], [1, 9.5], [0, 12.5], [2, 15.5], [5, 16], [8, 15.5], [10, 12.5], [9, 9.5], [5, 7.5]]],
  '9': [[[9.5, 6], [6.5, 8.5], [3, 8.5], [0, 6], [0, 3], [3, 0], [7, 0], [10, 3], [10, 8], [9, 12.5], [6, 16], [2, 15.5]]],
};

const WIDTH = 160;
const HEIGHT = 56;

/** A uniform random number in [min, max). */
const uniform = (min: number, max: number) => min + (randomInt(0, 1_000_000) / 1_000_000) * (max - min);
const fixed = (value: number) => value.toFixed(1);

/** A random captcha code. */
export function randomCaptchaCode(): string {
  return Array.from({ length: CAPTCHA_LENGTH }, () => CAPTCHA_ALPHABET[randomInt(0, CAPTCHA_ALPHABET.length)]).join('');
}

/** The SVG document of a code. */
export function captchaSvg(code: string): string {
  const cell = WIDTH / (code.length + 0.6);
  const strokes: string[] = [];
  Array.from(code).forEach((char, index) => {
    const glyph = GLYPHS[char];
    if (!glyph) throw new Error(`no glyph for ${char}`);
    const scale = uniform(1.9, 2.3);
    const angle = (uniform(-18, 18) * Math.PI) / 180;
    const centreX = cell * (index + 0.8) + uniform(-3, 3);
    const centreY = HEIGHT / 2 + uniform(-4, 4);
    const slant = uniform(-0.2, 0.2);
    for (const line of glyph) {
      const points = line.map(([x, y]) => {
        const jx = x - 5 + uniform(-0.45, 0.45) + slant * (8 - y);
        const jy = y - 8 + uniform(-0.45, 0.45);
        return [
          centreX + scale * (jx * Math.cos(angle) - jy * Math.sin(angle)),
          centreY + scale * (jx * Math.sin(angle) + jy * Math.cos(angle)),
        ] as Point;
      });
      strokes.push(`M${points.map(([x, y]) => `${fixed(x)} ${fixed(y)}`).join('L')}`);
    }
  });
  const noise = Array.from({ length: 4 }, () => {
    const y = () => fixed(uniform(4, HEIGHT - 4));
    return `<path d="M0 ${y()}C${fixed(uniform(20, 60))} ${y()} ${fixed(uniform(90, 130))} ${y()} ${WIDTH} ${y()}" stroke="#8aa4bf" stroke-width="${fixed(uniform(1, 1.8))}" fill="none"/>`;
  }).join('');
  const dots = Array.from({ length: 40 }, () => `<circle cx="${fixed(uniform(0, WIDTH))}" cy="${fixed(uniform(0, HEIGHT))}" r="${fixed(uniform(0.6, 1.4))}" fill="#7d93ab"/>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f7fb"/>${noise}${dots}` +
    `<path d="${strokes.join('')}" stroke="#14304f" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" fill="none"/>` +
    '</svg>'
  );
}

/** `data:image/svg+xml;base64,…` of a code's picture. */
export function captchaImage(code: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(captchaSvg(code)).toString('base64')}`;
}
