/**
 * Step images of MLflow 2.17 (`log_image(key=..., step=...)`):
 * `images/<key>%step%<n>%timestamp%<ms>%<uuid>.png`. The key may hold `#` for `/`.
 */
export interface StepImage {
  key: string;
  step: number;
  timestamp: number;
  path: string;
}

const RE = /^images\/(.+)%step%(\d+)%timestamp%(\d+)%[^/]+\.(png|jpe?g|gif|webp)$/i;

export function parseStepImage(path: string): StepImage | null {
  const m = RE.exec(path);
  if (!m) return null;
  const [, key = '', step, timestamp] = m; // the groups are not optional: present on a match
  return { key: key.replace(/#/g, '/'), step: Number(step), timestamp: Number(timestamp), path };
}

/** The image of `key` at the step closest to (not after, when possible) `step`. */
export function imageAtStep(images: StepImage[], key: string, step: number): StepImage | null {
  let best: StepImage | null = null;
  for (const im of images) {
    if (im.key !== key) continue;
    if (!best) best = im;
    else if (im.step <= step && (best.step > step || im.step > best.step)) best = im;
    else if (best.step > step && im.step < best.step) best = im;
  }
  return best;
}
