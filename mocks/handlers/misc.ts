/** /version, /health, the deployments gateway proxy (no gateway configured: no endpoints). */
import { isLine3 } from '../db';
import { json, text } from './http';
import { ajaxOnly, type RouteDef } from './router';

export function miscRoutes(): RouteDef[] {
  return [
    { path: '/version', methods: { GET: ({ db }) => text(db.line) } },
    // 2.17's Flask view answers text/html; 3.x says text/plain (recorded: health)
    {
      path: '/health',
      methods: {
        GET: ({ db }) => (isLine3(db) ? text('OK', 200, 'text/plain; charset=utf-8') : text('OK')),
      },
    },
    ...ajaxOnly('/gateway-proxy', {
      GET: () => json({ endpoints: [] }),
      POST: () => json({ endpoints: [] }),
    }),
  ];
}
