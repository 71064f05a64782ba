/**
 * A page's code that cannot be fetched: after a redeploy the old build's chunk
 * names are gone (404), or the Runlens server is down. The first case heals by
 * loading the new build, so the app reloads once; a second failure soon after
 * is shown instead (no reload loop).
 */
const KEY = 'runlens.chunk-reload-at';
/** A reload within this long of the last one is a loop, not a redeploy. */
const LOOP_MS = 30_000;

const CHUNK_MESSAGE =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to load module script/i;

export function isChunkLoadError(e: unknown): boolean {
  return e instanceof Error && CHUNK_MESSAGE.test(e.message);
}

function lastReloadAt(): number {
  try {
    return Number(sessionStorage.getItem(KEY) ?? 0) || 0;
  } catch {
    return 0;
  }
}

/**
 * Reloads onto the current build when this tab has not just done so and the
 * server answers (a reload of a dead server would show the browser's error
 * page instead of ours). Resolves false when it will not reload.
 */
export async function reloadForNewBuild(now = Date.now()): Promise<boolean> {
  if (now - lastReloadAt() < LOOP_MS) return false;
  const up = await fetch('/runlens/info', { cache: 'no-store' }).then(
    (r) => r.ok,
    () => false,
  );
  if (!up) return false;
  try {
    sessionStorage.setItem(KEY, String(now));
  } catch {
    return false; // without a record of this reload, a second failure would loop
  }
  window.location.reload();
  return true;
}
