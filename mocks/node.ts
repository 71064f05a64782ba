/**
 * The mock backend for node tests (vitest): msw/node's setupServer over the
 * in-memory db, failing on any request no handler answers.
 *
 *   const backend = setupMockBackend(() => createDemoDb().db);
 *   it('...', async () => { backend.db.runs.get(...) ... });
 *
 * `setupMockBackend` starts the server once per file and gives every test a
 * fresh db (built by `makeDb`) and fresh handlers. (Not named `use...`: it
 * registers vitest hooks, it is not a React hook.)
 */
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createEmptyDb, type Db } from './db';
import { createHandlers } from './handlers/index';

export interface MockBackend {
  /** The db the handlers currently serve. */
  readonly db: Db;
  readonly server: SetupServer;
  /** Serve another db (or a fresh copy from the factory) with fresh handlers. */
  reset(db?: Db): void;
  close(): void;
}

export interface MockServerOptions {
  onUnhandledRequest?: 'error' | 'warn' | 'bypass';
}

export function startMockServer(db: Db, opts: MockServerOptions = {}): MockBackend {
  let current = db;
  const server = setupServer(...createHandlers(current));
  server.listen({ onUnhandledRequest: opts.onUnhandledRequest ?? 'error' });
  return {
    get db() {
      return current;
    },
    server,
    reset(next?: Db) {
      if (next) current = next;
      server.resetHandlers(...createHandlers(current));
    },
    close() {
      server.close();
    },
  };
}

/** Register vitest hooks: one server per file, a fresh db and handlers per test. */
export function setupMockBackend(
  makeDb: () => Db = () => createEmptyDb(),
  opts: MockServerOptions = {},
): MockBackend {
  let backend: MockBackend | null = null;
  const live = (): MockBackend => {
    if (!backend)
      throw new Error('setupMockBackend: the server starts in beforeAll; use it inside tests.');
    return backend;
  };
  beforeAll(() => {
    backend = startMockServer(makeDb(), opts);
  });
  beforeEach(() => {
    live().reset(makeDb());
  });
  afterEach(() => {
    live().server.resetHandlers();
  });
  afterAll(() => {
    backend?.close();
    backend = null;
  });
  return {
    get db() {
      return live().db;
    },
    get server() {
      return live().server;
    },
    reset: (db?: Db) => live().reset(db),
    close: () => live().close(),
  };
}
