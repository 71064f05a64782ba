/**
 * The in-memory MLflow 2.17 backend as MSW handlers. The same list serves
 * unit tests (mocks/node.ts), the browser demo and the demo server. Every
 * /api and /ajax-api path without a route answers 404 with the real server's
 * HTML page; a known path with another method answers 405.
 */
import { http, type HttpHandler } from 'msw';
import type { Db } from '../db';
import { artifactRoutes } from './artifacts';
import { experimentRoutes } from './experiments';
import { html, HTML_404 } from './http';
import { loggedModelRoutes } from './logged-models';
import { metricRoutes } from './metrics';
import { miscRoutes } from './misc';
import { registryRoutes } from './registry';
import { toMswHandler, type RouteDef } from './router';
import { runRoutes } from './runs';
import { traceRoutes } from './traces';

export function allRoutes(): RouteDef[] {
  return [
    ...experimentRoutes(),
    ...runRoutes(),
    ...metricRoutes(),
    ...artifactRoutes(),
    ...registryRoutes(),
    ...traceRoutes(),
    ...loggedModelRoutes(),
    ...miscRoutes(),
  ];
}

/** Unknown endpoints under the API prefixes: Flask's 404 page. */
function catchAll(): HttpHandler {
  return http.all(
    ({ request }) => {
      const path = new URL(request.url).pathname;
      return path.startsWith('/api/') || path.startsWith('/ajax-api/');
    },
    () => html(HTML_404, 404),
  );
}

export function createHandlers(db: Db): HttpHandler[] {
  return [toMswHandler(db, allRoutes()), catchAll()];
}
