import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteRun, deleteRunTag, restoreRun, setRunTag, updateRun, type Run } from '../../api';
import { runKeys } from '../../lib/query-keys';

/**
 * Writes to one run. Each refreshes the run (and run lists, which show names,
 * tags and descriptions). Errors are returned to the caller, which shows them
 * beside the field it came from and keeps the user's text.
 */
function useRunWrite<V>(
  runId: string,
  fn: (v: V) => Promise<unknown>,
  patch?: (run: Run, v: V) => Run,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (_d, v) => {
      // Show the saved value at once, then confirm with the server's copy.
      if (patch) qc.setQueryData<Run>(runKeys.detail(runId), (old) => (old ? patch(old, v) : old));
      await Promise.all([
        qc.invalidateQueries({ queryKey: runKeys.detail(runId) }),
        qc.invalidateQueries({ queryKey: runKeys.lists() }),
      ]);
    },
  });
}

export function useRenameRun(runId: string) {
  return useRunWrite(
    runId,
    (name: string) => updateRun(runId, { name }),
    (r, name) => ({ ...r, info: { ...r.info, name } }),
  );
}

export function useSetRunTag(runId: string) {
  return useRunWrite(
    runId,
    ({ key, value }: { key: string; value: string }) => setRunTag(runId, key, value),
    (r, { key, value }) => ({
      ...r,
      tags: { ...r.tags, [key]: value },
      description: key === 'mlflow.note.content' ? value : r.description,
    }),
  );
}

export function useDeleteRun(runId: string) {
  return useRunWrite(runId, () => deleteRun(runId));
}

export function useRestoreRun(runId: string) {
  return useRunWrite(runId, () => restoreRun(runId));
}

export function useDeleteRunTag(runId: string) {
  return useRunWrite(
    runId,
    (key: string) => deleteRunTag(runId, key),
    (r, key) => {
      const tags = { ...r.tags };
      delete tags[key];
      return { ...r, tags };
    },
  );
}
