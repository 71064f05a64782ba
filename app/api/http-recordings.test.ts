/**
 * Every recorded error answer of the real servers, 2.17.0 and 3.18.0 (JSON
 * bodies and HTML pages alike), becomes the right ApiError through
 * errorFromBody (mocks/recordings/mlflow-<line>/exchanges; tests read them,
 * the app never does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, errorFromBody } from './http';

/** Each recorded line and how many error answers its recordings hold (so a lost file fails). */
const LINES = [
  { line: '2.17.0', errors: 38 },
  { line: '3.18.0', errors: 12 },
] as const;

const dirOf = (line: string): string =>
  path.resolve(__dirname, `../../mocks/recordings/mlflow-${line}/exchanges`);

interface Recorded {
  name: string;
  status: number;
  response: unknown;
  response_headers: Record<string, string>;
}

function errorsOf(line: string): Recorded[] {
  const dir = dirOf(line);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== '_index.json')
    .map((f) => ({
      ...(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Omit<Recorded, 'name'>),
      name: f.slice(0, -5),
    }))
    .filter((x) => x.status >= 400);
}

/** The body as the server sent it: JSON re-serialised, or the text the recorder kept. */
function bodyOf(x: Recorded): { contentType: string; text: string } {
  const contentType = x.response_headers['Content-Type'] ?? '';
  const r = x.response as { text?: string; error_code?: string };
  if (r && typeof r.text === 'string' && !('error_code' in r)) return { contentType, text: r.text };
  return { contentType, text: JSON.stringify(x.response) };
}

describe.each(LINES)(
  'errorFromBody on every recorded error of $line',
  ({ line, errors: count }) => {
    const errors = errorsOf(line);
    it('covers them all', () => {
      expect(errors.length).toBe(count);
    });

    for (const x of errors) {
      it(`${x.name} (${x.status})`, () => {
        const { contentType, text } = bodyOf(x);
        const e = errorFromBody(x.status, contentType, text);
        expect(e).toBeInstanceOf(ApiError);
        expect(e.status).toBe(x.status);
        expect(e.message.length).toBeGreaterThan(0);
        if (contentType.startsWith('application/json')) {
          const body = JSON.parse(text) as { error_code: string; message: string };
          expect(e.errorCode).toBe(body.error_code);
          if (/sqlite3|\[SQL:/.test(body.message)) {
            // database internals stay behind the details toggle
            expect(e.message).not.toMatch(/sqlite|SQL|\n/);
            expect(e.details).toBe(body.message);
          } else {
            expect(e.message).toBe(body.message);
          }
        } else {
          expect(e.errorCode).toBe(`HTTP_${x.status}`);
          expect(e.details).toBe(text);
          expect(e.message).not.toMatch(/</);
        }
      });
    }

    // Only the 2.17 recorder kept the text of HTML pages (3.18's kept a summary).
    if (line === '2.17.0')
      it('reads the titles of the HTML pages', () => {
        const title = (name: string): string => {
          const x = errors.find((e) => e.name === name) as Recorded;
          const { contentType, text } = bodyOf(x);
          return errorFromBody(x.status, contentType, text).message;
        };
        expect(title('error_unknown_endpoint')).toBe('404 Not Found');
        expect(title('error_wrong_method')).toBe('405 Method Not Allowed');
        expect(title('get_artifact_missing_file')).toBe('500 Internal Server Error');
        expect(title('get_artifact_step_image_mangled_name_png')).toBe('Bad Request');
      });
  },
);
