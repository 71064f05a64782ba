/** /version, /health, the deployments gateway proxy (no gateway configured: no endpoints). */
import { json, text } from './http';
import { ajaxOnly, type RouteDef } from './router';

export function miscRoutes(): RouteDef[] {
  return [
    { path: '/version', methods: { GET: ({ db }) => text(db.line) } },
    { path: '/health', methods: { GET: () => text('OK') } },
    ...ajaxOnly('/gateway-proxy', {
      GET: () => json({ endpoints: [] }),
      POST: () => json({ endpoints: [] }),
    }),
  ];
}
