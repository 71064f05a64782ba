/**
 * Requests index.html starts before the app's code has loaded: on a trace
 * page, the span data (megabytes for a big trace) and the trace's info are
 * the reads everything waits for, and asking for them only once the entry
 * chunk has run costs that chunk's download and evaluation. The inline script
 * in index.html puts `[{ url, res }]` on `window.__runlensEarly`; the client
 * takes a response over the first time it asks for the same URL, and decodes
 * it as usual.
 */
interface EarlyRequest {
  url: string;
  res: Promise<EarlyReply>;
  /** Stops the request (index.html does, for the ones not taken within 30 s). */
  abort?: () => void;
}

/** What index.html keeps of a response: its body already read as text (read once, not copied). */
export interface EarlyReply {
  status: number;
  headers: Headers;
  text: string;
}

/** The part of a fetch Response the client reads. */
export interface Reply {
  ok: boolean;
  status: number;
  headers: Headers;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

function toReply(r: EarlyReply): Reply {
  return {
    ok: r.status >= 200 && r.status < 300,
    status: r.status,
    headers: r.headers,
    text: () => Promise.resolve(r.text),
    blob: () => Promise.resolve(new Blob([r.text], { type: r.headers.get('content-type') ?? '' })),
  };
}

declare global {
  interface Window {
    __runlensEarly?: EarlyRequest[];
  }
}

/** The response already on its way for `absoluteUrl` (a GET), handed out once; else null. */
export function takeEarlyResponse(absoluteUrl: string): Promise<Reply> | null {
  const w = globalThis as { __runlensEarly?: EarlyRequest[]; location?: Location };
  const early = w.__runlensEarly;
  if (!early || !w.location) return null;
  for (const [i, { url: raw, res }] of early.entries()) {
    let url: string;
    try {
      url = new URL(raw, w.location.href).toString();
    } catch {
      continue;
    }
    if (url !== absoluteUrl) continue;
    early.splice(i, 1);
    if (early.length === 0) w.__runlensEarly = undefined;
    return res.then(toReply);
  }
  return null;
}
