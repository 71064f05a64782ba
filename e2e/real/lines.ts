import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The MLflow lines under test; RUNLENS_REAL_LINES=2.17.0 narrows it. */
export const REAL_LINES = (process.env.RUNLENS_REAL_LINES || '2.17.0,3.18.0')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
export const WORK_DIR = path.join(ROOT, '.runlens-tmp', 'real');
export const STATE_FILE = path.join(WORK_DIR, 'stacks.json');
