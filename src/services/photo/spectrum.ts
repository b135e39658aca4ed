/**
 * The power of frequency `k` (cycles over the whole line) in `values`: one term of a discrete
 * Fourier transform, by rotation (no trigonometry in the loop). The traces of enlargement look
 * at a few hundred terms of a line of at most 1024 values, where this is cheaper than an FFT.
 */
export function powerAt(values: Float64Array, k: number): number {
  const n = values.length;
  const cs = Math.cos((2 * Math.PI * k) / n);
  const sn = Math.sin((2 * Math.PI * k) / n);
  let re = 0;
  let im = 0;
  let c = 1;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    re += v * c;
    im -= v * s;
    const next = c * cs - s * sn;
    s = s * cs + c * sn;
    c = next;
  }
  return re * re + im * im;
}
