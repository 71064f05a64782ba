/**
 * A request index.html starts before the app's code has loaded: on a trace
 * page, the span data (megabytes for a big trace) is the read everything
 * waits for, and asking for it only once the entry chunk has run costs that
 * chunk's download and evaluation. The inline script in index.html puts
 * `{ url, res }` on `window.__runlensEarly`; the client takes the response
 * over the first time it asks for the same URL, and decodes it as usual.
 */
interface EarlyRequest {
  url: string;
  res: Promise<Response>;
}

declare global {
  interface Window {
    __runlensEarly?: EarlyRequest;
  }
}

/** The response already on its way for `absoluteUrl` (a GET), handed out once; else null. */
export function takeEarlyResponse(absoluteUrl: string): Promise<Response> | null {
  const w = globalThis as { __runlensEarly?: EarlyRequest; location?: Location };
  const early = w.__runlensEarly;
  if (!early || !w.location) return null;
  let url: string;
  try {
    url = new URL(early.url, w.location.href).toString();
  } catch {
    return null;
  }
  if (url !== absoluteUrl) return null;
  w.__runlensEarly = undefined;
  return early.res;
}
