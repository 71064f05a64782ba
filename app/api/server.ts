import { endpoints } from './endpoints';
import { requestJson, requestText } from './http';
import type { ServerInfo } from './types';

interface RunlensInfo {
  mode: 'demo' | 'proxy';
  trackingUri?: string;
}

/**
 * What the shell shows in the header: the tracking server's version, or the
 * demo badge. `/runlens/info` is answered by Runlens's own server; when it is
 * missing (e.g. `vite preview` against a bare MLflow) we assume a real server.
 */
export async function getServerInfo(signal?: AbortSignal): Promise<ServerInfo> {
  let demo = false;
  try {
    const info = await requestJson<RunlensInfo>(endpoints.server.runlensInfo, { signal });
    demo = info.mode === 'demo';
  } catch {
    demo = false;
  }
  const version = (await requestText(endpoints.server.version, { signal })).trim();
  return { version, demo };
}
