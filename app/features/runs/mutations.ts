import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  deleteRun,
  deleteRunTag,
  restoreRun,
  setExperimentTag,
  setRunTag,
  userMessage,
} from '../../api';
import { toast } from '../../components/toast-store';
import { experimentKeys, runKeys } from '../../lib/query-keys';

/**
 * Bulk writes over selected runs. Each run is its own request (MLflow has no
 * bulk endpoint); a partial failure reports how many failed.
 */
async function each(
  ids: readonly string[],
  fn: (id: string) => Promise<void>,
): Promise<{ ok: number; failed: unknown[] }> {
  const results = await Promise.allSettled(ids.map(fn));
  const failed = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as unknown);
  return { ok: ids.length - failed.length, failed };
}

function report(
  verb: string,
  { ok, failed }: { ok: number; failed: unknown[] },
  undo?: () => void,
) {
  const noun = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  if (ok) toast.success(`${verb} ${noun(ok)}`, undo ? { label: 'Undo', run: undo } : undefined);
  if (failed.length)
    toast.error(
      `Could not ${verb.toLowerCase()} ${noun(failed.length)}: ${userMessage(failed[0])}`,
    );
}

function useRunsMutation<V>(
  verb: string,
  run: (v: V) => Promise<{ ok: number; failed: unknown[] }>,
  undoOf?: (v: V, qc: QueryClient) => () => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result, v) => {
      report(verb, result, undoOf?.(v, qc));
      // lists, children and the run pages all show lifecycle and tags
      return qc.invalidateQueries({ queryKey: runKeys.all });
    },
    onError: (e) => toast.error(`Could not ${verb.toLowerCase()}: ${userMessage(e)}`),
  });
}

/** Deleting offers Undo in its toast: the runs are restored (MLflow keeps deleted runs until garbage collection). */
export const useDeleteRuns = () =>
  useRunsMutation(
    'Deleted',
    (ids: string[]) => each(ids, deleteRun),
    (ids, qc) => () =>
      void each(ids, restoreRun).then(
        (result) => {
          report('Restored', result);
          return qc.invalidateQueries({ queryKey: runKeys.all });
        },
        (e: unknown) => toast.error(`Could not restore: ${userMessage(e)}`),
      ),
  );
export const useRestoreRuns = () =>
  useRunsMutation('Restored', (ids: string[]) => each(ids, restoreRun));

export const useSetRunsTag = () =>
  useRunsMutation('Tagged', ({ ids, key, value }: { ids: string[]; key: string; value: string }) =>
    each(ids, (id) => setRunTag(id, key, value)),
  );

export const useDeleteRunsTag = () =>
  useRunsMutation('Untagged', ({ ids, key }: { ids: string[]; key: string }) =>
    each(ids, (id) => deleteRunTag(id, key)),
  );

/** Sets one tag of an experiment (`mlflow.note.content` is its description); errors go to the caller's form. */
export function useSetExperimentTag(experimentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: string }) =>
      setExperimentTag(experimentId, key, value),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: experimentKeys.detail(experimentId) }),
        qc.invalidateQueries({ queryKey: experimentKeys.lists() }),
      ]),
  });
}
