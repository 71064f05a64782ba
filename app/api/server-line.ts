/**
 * Which MLflow line the tracking server speaks, from its `/version`. Most
 * endpoints are the same on 2.x and 3.x; traces are not: 3.x adds the v3 trace
 * API (state, previews, trace location, assessments) and keeps the 2.x one
 * only as a deprecated subset. The client asks once per origin and remembers
 * the answer (like the base URL in http.ts); `getServerInfo` primes it.
 */
import { requestText } from './http';

export type MlflowLine = 2 | 3;

/** The line of a version string: 3 for `3.18.0` and later majors, else 2. */
export function lineOf(version: string): MlflowLine {
  const major = Number.parseInt(version.trim(), 10);
  return Number.isFinite(major) && major >= 3 ? 3 : 2;
}

let known: Promise<MlflowLine> | null = null;

/** The server's line; one `/version` request per page, shared by every caller. */
export function serverLine(): Promise<MlflowLine> {
  if (!known) {
    const asked = requestText('/version').then(lineOf);
    known = asked;
    // A failed ask is not remembered: the next caller asks again.
    asked.catch(() => {
      if (known === asked) known = null;
    });
  }
  return known;
}

/** The version was read elsewhere (the shell's server info): remember its line. */
export function rememberServerVersion(version: string): void {
  known = Promise.resolve(lineOf(version));
}

/** Forget the line (tests, or a switch of base URL). */
export function forgetServerLine(): void {
  known = null;
}
