import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { translateLegacyHash } from './lib/legacy-links';
import { createQueryClient } from './lib/query-client';
import { Providers, watchConnection } from './providers';
import { createRouter } from './router';
import './styles.css';

// Old MLflow UI links (/#/experiments/1/runs/<id>) land on Runlens's own routes.
const legacy = translateLegacyHash(window.location.hash);
if (legacy) window.history.replaceState(null, '', legacy);

const queryClient = createQueryClient();
watchConnection(queryClient);
const router = createRouter(queryClient);

// Keep unexpected promise failures visible in the console, never silent.
window.addEventListener('unhandledrejection', (e) => {
  console.error('Unhandled promise rejection', e.reason);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
