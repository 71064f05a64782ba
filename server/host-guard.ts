/**
 * The Host allow-list. A page on another site can make a browser send
 * requests to Runlens on 127.0.0.1 by pointing one of its own DNS names at
 * 127.0.0.1 (DNS rebinding); the browser then treats Runlens as that site and
 * lets the page read the answers, credentials Runlens adds included. Such a
 * request carries the attacker's name in Host, so Runlens answers only for
 * names it knows:
 *
 *   - localhost, 127.0.0.1, [::1] and the listen address (HOST), on the port
 *     Runlens listens on;
 *   - when listening on every interface (0.0.0.0 / ::), any IP address on
 *     that port (an IP in Host cannot come from a rebound DNS name);
 *   - the entries of RUNLENS_ALLOWED_HOSTS: `name` (any port) or `name:port`.
 *
 * A malformed Host is a 400, a name not on the list a 421, both as JSON and
 * without a log line (they cost an attacker nothing to send).
 */
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';

export interface HostPattern {
  name: string;
  /** null: every port is allowed. */
  port: number | null;
}

export interface ParsedHost {
  /** Lower case, IPv6 without brackets. */
  name: string;
  port: number | null;
}

const HOST_RE = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9_.-]+))(?::(\d{1,5}))?$/i;

/** `name`, `name:port`, `[v6]`, `[v6]:port`; null when malformed. */
export function parseHost(raw: string): ParsedHost | null {
  const m = HOST_RE.exec(raw.trim());
  if (!m) return null;
  const v6 = m[1];
  if (v6 !== undefined && isIP(v6) !== 6) return null;
  const name = (v6 ?? m[2] ?? '').toLowerCase().replace(/\.$/, '');
  if (!name) return null;
  const port = m[3] === undefined ? null : Number(m[3]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  return { name, port };
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

export function isWildcardHost(listenHost: string): boolean {
  return WILDCARD.has(listenHost.replace(/^\[|\]$/g, ''));
}

export interface HostGuardOptions {
  /** HOST Runlens listens on. */
  listenHost: string;
  /** RUNLENS_ALLOWED_HOSTS entries; `*` allows every Host (no protection). */
  allowedHosts: HostPattern[] | '*';
}

export type HostVerdict = 'ok' | 'malformed' | 'not-allowed';

export function checkHost(
  header: string | undefined,
  localPort: number | undefined,
  opts: HostGuardOptions,
): HostVerdict {
  // HTTP/1.0 without Host: no browser sends that, so no rebinding either.
  if (header === undefined) return 'ok';
  const host = parseHost(header);
  if (!host) return 'malformed';
  if (opts.allowedHosts === '*') return 'ok';
  const port = host.port ?? 80;
  if (opts.allowedHosts.some((p) => p.name === host.name && (p.port === null || p.port === port)))
    return 'ok';
  if (port !== localPort) return 'not-allowed';
  const listen = opts.listenHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (['localhost', '127.0.0.1', '::1', listen].includes(host.name)) return 'ok';
  if (isWildcardHost(listen) && isIP(host.name) !== 0) return 'ok';
  return 'not-allowed';
}

export function hostGuard(opts: HostGuardOptions): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.host;
    const verdict = checkHost(header, req.socket.localPort, opts);
    if (verdict === 'ok') return next();
    const shown = JSON.stringify((header ?? '').slice(0, 100));
    res
      .status(verdict === 'malformed' ? 400 : 421)
      .set({ 'Cache-Control': 'no-store', Connection: 'close' })
      .json(
        verdict === 'malformed'
          ? { error_code: 'BAD_REQUEST', message: `Malformed Host header: ${shown}` }
          : {
              error_code: 'HOST_NOT_ALLOWED',
              message:
                `Runlens does not answer for the host ${shown} (protection against DNS rebinding). ` +
                'If this is how people reach Runlens, add it to RUNLENS_ALLOWED_HOSTS (comma-separated names, e.g. runlens.example.com).',
            },
      );
  };
}
