import { endpoints } from './endpoints';
import { obj, optStr } from './check';
import { requestJson, requestText } from './http';
import { rememberServerVersion } from './server-line';
import type { ServerInfo } from './types';

interface RunlensInfo {
  mode: 'demo' | 'proxy';
  trackingUri?: string;
}

function decodeRunlensInfo(body: unknown): RunlensInfo {
  const o = obj(body, '');
  return {
    mode: optStr(o, 'mode', '') === 'demo' ? 'demo' : 'proxy',
    trackingUri: optStr(o, 'trackingUri', ''),
  };
}

/**
 * What the shell shows in the header: the tracking server's version, or the
 * demo badge. `/runlens/info` is answered by Runlens's own server; when it is
 * missing (e.g. `vite preview` against a bare MLflow) we assume a real server.
 */
export async function getServerInfo(signal?: AbortSignal): Promise<ServerInfo> {
  let demo = false;
  try {
    const info = await requestJson(endpoints.server.runlensInfo, decodeRunlensInfo, { signal });
    demo = info.mode === 'demo';
  } catch {
    demo = false;
  }
  const version = (await requestText(endpoints.server.version, { signal })).trim();
  rememberServerVersion(version);
  return { version, demo };
}
