/**
 * Contract: every recorded read and error exchange (all but write_*) of one
 * MLflow line replayed against the mock backend answers with the same status,
 * the same body form (JSON vs HTML vs file), and a JSON body of the same shape
 * (shape.ts). reads.contract.test.ts runs it on the 2.17.0 recordings,
 * reads-3.contract.test.ts on the 3.18.0 ones.
 *
 * Where an exact replay is impossible, and what is asserted instead:
 * - Paged searches against the demo workspace: whether `next_page_token` is
 *   there depends on how many rows the workspace holds. A recording without
 *   it is also checked by asking for the last page explicitly.
 * - GraphQL: Runlens does not use it and the mock has no /graphql route, so
 *   the loader leaves the recorded /graphql answers out; /ajax-api/graphql is
 *   not a route in 2.17 either, and the mock answers the same 404 page.
 * - File bodies: the recorder kept a summary (type, length, sha256) of binary
 *   files, so only status, Content-Type and Content-Disposition are compared
 *   (and the text itself for text files in the recorded workspace).
 */
import type { HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { parseTraceDataText } from '../../app/api/decode';
import { createHandlers } from '../handlers/index';
import { decodePageToken, encodePageToken } from '../search/page-token';
import {
  contentTypeOf,
  isBinarySummary,
  isJsonExchange,
  type Exchange,
  type ExchangeSet,
} from './exchanges';
import { replay, type IdMap, type Replayed } from './replay';
import { shapeDiff } from './shape';
import type { Workspace } from './workspaces';

export interface ReadContract {
  set: ExchangeSet;
  workspaces: Workspace[];
  /** How many recorded reads and errors there are (a recording added or lost fails the count). */
  count: number;
}

/** A path segment that is an id: run, trace (`tr-`), logged model (`m-`) or assessment (`a-`). */
const ID_SEGMENT = /^(?:(?:tr-|m-)?[0-9a-f]{32}|tr-[\w-]+|a-[\w-]+)$/;

/** Same endpoint, either prefix, any id in the path. */
export const endpointOf = (x: Exchange): string =>
  `${x.method} ${x.path
    .replace(/^\/(ajax-)?api\/[23]\.0/, '')
    .split('/')
    .map((seg) => (ID_SEGMENT.test(seg) ? ':id' : seg))
    .join('/')}`;

/** Searches whose page count depends on the workspace's size. */
const PAGED =
  /\/(experiments\/search|runs\/search|registered-models\/search|model-versions\/search|traces|traces\/search|logged-models\/search)$/;

function lenientJson(text: string): unknown {
  // get-history-bulk writes NaN as a bare token, like Flask does
  return JSON.parse(text.replace(/:\s*NaN\b/g, ': "NaN"'));
}

function mockBody(x: Exchange, r: Replayed): unknown {
  if (x.path.endsWith('/get-trace-artifact') && r.status === 200) {
    expect(parseTraceDataText(r.text)).toBeTruthy(); // the app's reader takes it
    return JSON.parse(r.text);
  }
  if (x.path.endsWith('/get-history-bulk') && r.status === 200) return lenientJson(r.text);
  return r.json;
}

export function describeReadContract({ set, workspaces, count }: ReadContract): void {
  const reads = set.load().filter((x) => !x.name.startsWith('write_'));

  /** Other 200 recordings of the same endpoint: their array elements widen what a mock element may hold. */
  function peersOf(x: Exchange): unknown[] {
    return set
      .load()
      .filter((p) => p !== x && p.status === 200 && endpointOf(p) === endpointOf(x))
      .map((p) => p.response);
  }

  function expectJsonShape(x: Exchange, r: Replayed, ids: IdMap, strictPaging: boolean): void {
    expect(r.contentType).toMatch(/^application\/json/);
    let diffs = shapeDiff(x.response, r.json, x.status === 200 ? peersOf(x) : []);
    if (!strictPaging && PAGED.test(x.path))
      diffs = diffs.filter((d) => !d.startsWith('$.next_page_token'));
    expect(diffs, `${x.name}: ${diffs.join('\n')}`).toEqual([]);
    const rec = x.response as { error_code?: string; message?: string };
    if (rec && typeof rec.error_code === 'string') {
      const got = r.json as { error_code?: string; message?: string };
      expect(got.error_code).toBe(rec.error_code);
      expect(got.message).toBe(ids.text(rec.message ?? ''));
    }
  }

  /** Reads change nothing, so one db per workspace serves them all. */
  const contexts = new Map<Workspace, { ids: IdMap; handlers: HttpHandler[] }>();
  function contextOf(ws: Workspace): { ids: IdMap; handlers: HttpHandler[] } {
    let c = contexts.get(ws);
    if (!c) {
      const db = ws.makeDb();
      c = { ids: ws.ids(db), handlers: createHandlers(db) };
      contexts.set(ws, c);
    }
    return c;
  }

  async function checkExchange(ws: Workspace, x: Exchange): Promise<void> {
    const { ids, handlers } = contextOf(ws);
    const r = await replay(handlers, x, ids);
    expect(r.status, `${x.name} status (body ${r.text.slice(0, 300)})`).toBe(x.status);
    const strict = ws.exact === true;
    if (isJsonExchange(x)) {
      if (x.path.endsWith('/get-history-bulk'))
        expect(shapeDiff(x.response, mockBody(x, r), peersOf(x))).toEqual([]);
      else expectJsonShape(x, r, ids, strict);
      return;
    }
    const recordedType = contentTypeOf(x);
    expect(r.contentType, `${x.name} content type`).toBe(recordedType);
    const disposition = x.response_headers['Content-Disposition'];
    if (disposition) expect(r.headers.get('content-disposition')).toBe(ids.text(disposition));
    const summary = isBinarySummary(x.response) ? x.response : null;
    if (summary?.text !== undefined && (recordedType.startsWith('text/html') || strict)) {
      // HTML pages (404/405/500, /version, /health) and, in the recorded workspace, text files
      if (recordedType.startsWith('application/json'))
        expect(JSON.parse(r.text)).toEqual(JSON.parse(ids.text(summary.text)));
      else if (!x.name.includes('mangled') && !x.name.includes('webp'))
        expect(r.text).toBe(summary.text);
    } else if (summary) {
      expect(r.text.length > 0 || summary.byte_length === 0).toBe(true);
    } else {
      // a text/plain file the recorder parsed (JSON artifacts, span data)
      const body = mockBody(x, r) ?? JSON.parse(r.text);
      expect(shapeDiff(x.response, body, peersOf(x)), x.name).toEqual([]);
    }
  }

  for (const ws of workspaces) {
    describe(`contract ${set.line} (${ws.label}): recorded reads and errors`, () => {
      it('covers every recorded read and error exchange', () => {
        expect(reads.length).toBe(count);
      });
      for (const x of reads) {
        it(`${x.name}: ${x.method} ${x.path}`, async () => {
          await checkExchange(ws, x);
        });
      }
      it('the last page of every paged recording has no next_page_token', async () => {
        for (const x of reads.filter((e) => PAGED.test(e.path) && e.status === 200)) {
          const rec = x.response as { next_page_token?: string };
          if (rec.next_page_token) continue;
          const { ids, handlers } = contextOf(ws);
          // walk to the end with the recorded page size
          let page: Exchange = x;
          for (let i = 0; i < 10000; i++) {
            const r = await replay(handlers, page, ids);
            const body = r.json as { next_page_token?: string };
            if (!body.next_page_token) break;
            const offset = decodePageToken(body.next_page_token);
            const token = encodePageToken(offset);
            page =
              x.method === 'GET'
                ? { ...x, query: { ...x.query, page_token: token } }
                : { ...x, body: { ...(x.body as object), page_token: token } };
            if (i === 9999) throw new Error(`${x.name}: no last page`);
          }
        }
      });
    });
  }
}
