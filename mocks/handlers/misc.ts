/** /version, /health, the deployments gateway proxy (no gateway configured: no endpoints). */
import { json, text } from './http';
import { ajaxOnly, type RouteDef } from './router';

export const MLFLOW_VERSION = '2.17.0';

export function miscRoutes(): RouteDef[] {
  return [
    { path: '/version', methods: { GET: () => text(MLFLOW_VERSION) } },
    { path: '/health', methods: { GET: () => text('OK') } },
    ...ajaxOnly('/gateway-proxy', {
      GET: () => json({ endpoints: [] }),
      POST: () => json({ endpoints: [] }),
    }),
  ];
}
