/**
 * TensorBoard's debiased exponential moving average (tensorboard/plugins/scalar
 * vz_line_chart2 `resmoothDataset`): `last = last * w + (1 - w) * y`, divided by
 * `1 - w^n` so early points are not pulled toward zero. Non-finite values pass
 * through unsmoothed and do not poison the average; a constant series stays as is.
 */
export function emaDebiased(ys: ArrayLike<number>, weight: number): Float64Array {
  const n = ys.length;
  const out = new Float64Array(n);
  const w = Math.min(Math.max(weight, 0), 1);
  let constant = true;
  for (let i = 1; i < n; i++) {
    if (!Object.is(ys[i], ys[0])) {
      constant = false;
      break;
    }
  }
  let last = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const y = ys[i] as number; // i < n
    if (constant || !Number.isFinite(y) || w === 0) {
      out[i] = y;
      continue;
    }
    last = last * w + (1 - w) * y;
    count++;
    const debias = w === 1 ? 1 : 1 - Math.pow(w, count);
    out[i] = last / debias;
  }
  return out;
}
