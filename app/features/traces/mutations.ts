import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createAssessment,
  deleteAssessment,
  deleteTraceTag,
  deleteTraces,
  setTraceTag,
  updateAssessment,
  userMessage,
  type AssessmentInput,
  type TraceInfo,
} from '../../api';
import { toast } from '../../components/toast-store';
import { traceKeys } from '../../lib/query-keys';

/** Tag writes update the info optimistically and roll back on failure. */
function useTagMutation<V extends { key: string }>(
  write: (requestId: string, v: V) => Promise<void>,
  apply: (tags: Record<string, string>, v: V) => void,
  verb: string,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...v }: V & { requestId: string }) =>
      write(requestId, v as unknown as V),
    onMutate: async ({ requestId, ...v }) => {
      const key = traceKeys.info(requestId);
      await qc.cancelQueries({ queryKey: key });
      const prev = qc.getQueryData<TraceInfo>(key);
      if (prev) {
        const tags = { ...prev.tags };
        apply(tags, v as unknown as V);
        qc.setQueryData<TraceInfo>(key, { ...prev, tags });
      }
      return { prev };
    },
    onError: (e, { requestId }, ctx) => {
      if (ctx?.prev) qc.setQueryData(traceKeys.info(requestId), ctx.prev);
      toast.error(`Could not ${verb} the tag: ${userMessage(e)}`);
    },
    onSettled: (_d, _e, { requestId }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: traceKeys.info(requestId) }),
        qc.invalidateQueries({ queryKey: traceKeys.lists() }),
      ]),
  });
}

export function useSetTraceTag() {
  return useTagMutation<{ key: string; value: string }>(
    (id, v) => setTraceTag(id, v.key, v.value),
    (t, v) => (t[v.key] = v.value),
    'save',
  );
}

export function useDeleteTraceTag() {
  return useTagMutation<{ key: string }>(
    (id, v) => deleteTraceTag(id, v.key),
    (t, v) => delete t[v.key],
    'delete',
  );
}

export function useDeleteTraces(experimentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (requestIds: string[]) => deleteTraces(experimentId, requestIds),
    onSuccess: (n) => {
      toast.success(`${n} trace${n === 1 ? '' : 's'} deleted`);
      return qc.invalidateQueries({ queryKey: traceKeys.lists() });
    },
    onError: (e) => toast.error(`Could not delete traces: ${userMessage(e)}`),
  });
}

/** Assessment writes (MLflow 3): the server's error is shown, and the trace's info is read again after. */
function useAssessmentWrite<V>(requestId: string, write: (v: V) => Promise<unknown>, verb: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onError: (e) => toast.error(`Could not ${verb} the assessment: ${userMessage(e)}`),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: traceKeys.info(requestId) }),
        qc.invalidateQueries({ queryKey: traceKeys.lists() }),
      ]),
  });
}

export function useCreateAssessment(requestId: string) {
  return useAssessmentWrite(
    requestId,
    (input: AssessmentInput) => createAssessment(requestId, input),
    'add',
  );
}

export function useUpdateAssessment(requestId: string) {
  return useAssessmentWrite(
    requestId,
    ({
      id,
      ...change
    }: {
      id: string;
      kind: 'feedback' | 'expectation';
      value: unknown;
      rationale: string;
    }) => updateAssessment(requestId, id, change),
    'save',
  );
}

export function useDeleteAssessment(requestId: string) {
  return useAssessmentWrite(requestId, (id: string) => deleteAssessment(requestId, id), 'delete');
}
