import { useParams } from 'react-router';
import { TracePage } from '../features/traces/components/TracePage';

/*
 * The route's chunk holds the page itself, and no loader of its own: the
 * entry's warmTrace (app/router.tsx) asks for the info and the span data as
 * soon as the route matches, and index.html has already asked on a first
 * load. Splitting the page off would only cost one more request before it can
 * render.
 */
export function Component() {
  const { requestId = '' } = useParams();
  return (
    <section className="page page-wide trace-route">
      <TracePage requestId={requestId} />
    </section>
  );
}
