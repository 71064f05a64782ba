import type { QueryClient } from '@tanstack/react-query';
import { useQueries } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../api';
import { MissingObject } from '../components/MissingObject';
import { ShortcutSheet } from '../components/ShortcutSheet';
import { useDocumentTitle } from '../components/use-document-title';
import { ExperimentHeader } from '../features/runs/components/ExperimentHeader';
import { RunsPage, runListParams } from '../features/runs/components/RunsPage';
import { RUNS_SHORTCUTS } from '../features/runs/components/shortcuts';
import { parseViewState } from '../features/runs/model/view-state';
import { runListQueryOptions } from '../features/runs/queries';
import { experimentsPath } from '../lib/paths';
import { experimentQueryOptions } from '../lib/shared-queries';

function idsOf(param: string | undefined): string[] {
  return (param ?? '').split(',').filter(Boolean);
}

/** Warms the experiments and the first page of runs; the page fetches the rest. */
export function makeLoader(qc: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const ids = idsOf(params.experimentIds);
    for (const id of ids) void qc.prefetchQuery(experimentQueryOptions(id)).catch(() => undefined);
    const view = parseViewState(new URL(request.url).searchParams);
    void qc
      .prefetchInfiniteQuery(runListQueryOptions(runListParams(ids, view)))
      .catch(() => undefined);
    return null;
  };
}

export function Component() {
  const { experimentIds } = useParams();
  const ids = useMemo(() => idsOf(experimentIds), [experimentIds]);
  const experiments = useQueries({ queries: ids.map((id) => experimentQueryOptions(id)) });
  const missing = ids.find((_, i) => {
    const e = experiments[i]?.error;
    return isApiError(e) && e.isNotFound;
  });
  useDocumentTitle(ids.map((id, i) => experiments[i]?.data?.name ?? `Experiment ${id}`).join(', '));
  if (missing !== undefined)
    return (
      <MissingObject
        what={`Experiment ${missing}`}
        backTo={experimentsPath()}
        backLabel="Back to experiments"
      />
    );
  return (
    <section className="page page-runs">
      {ids.map((id) => (
        <ExperimentHeader key={id} experimentId={id} />
      ))}
      <RunsPage key={ids.join(',')} experimentIds={ids} />
      <ShortcutSheet keys={RUNS_SHORTCUTS} />
    </section>
  );
}
