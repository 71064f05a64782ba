/** A tiny logger so tests can silence or capture what the server says. */
export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export const consoleLogger: Logger = {
  info: (line) => console.log(`[runlens] ${line}`),
  warn: (line) => console.warn(`[runlens] WARNING: ${line}`),
  error: (line) => console.error(`[runlens] ERROR: ${line}`),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Collects lines, for assertions in tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (l) => lines.push(`info: ${l}`),
    warn: (l) => lines.push(`warn: ${l}`),
    error: (l) => lines.push(`error: ${l}`),
  };
}
