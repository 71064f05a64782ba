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

/** How long the first render waits for the page's code before it shows the shell alone. */
const FIRST_RENDER_WAIT_MS = 300;

const queryClient = createQueryClient();
watchConnection(queryClient);
const router = createRouter(queryClient);

// Keep unexpected promise failures visible in the console, never silent.
window.addEventListener('unhandledrejection', (e) => {
  console.error('Unhandled promise rejection', e.reason);
});

const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );

// The first render waits (briefly) for the router to load the page's code: its loaders wait for
// nothing else. The first commit then holds the page, instead of the shell alone followed by the
// page: one render, layout and paint fewer before what the person came for. A slow chunk does not
// keep the shell away for long.
if (router.state.initialized) render();
else {
  const once = () => {
    stop();
    clearTimeout(timer);
    render();
  };
  const stop = router.subscribe((state) => {
    if (state.initialized) once();
  });
  const timer = setTimeout(once, FIRST_RENDER_WAIT_MS);
}
