import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createExperiment,
  deleteExperiment,
  renameExperiment,
  restoreExperiment,
  userMessage,
} from '../../api';
import { toast } from '../../components/toast-store';
import { experimentKeys } from '../../lib/query-keys';

function onError(action: string) {
  return (e: unknown) => toast.error(`Could not ${action}: ${userMessage(e)}`);
}

export function useCreateExperiment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; artifactLocation?: string }) => createExperiment(input),
    onSuccess: () => qc.invalidateQueries({ queryKey: experimentKeys.lists() }),
  });
}

export function useRenameExperiment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renameExperiment(id, name),
    onSuccess: (_d, { id }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: experimentKeys.lists() }),
        qc.invalidateQueries({ queryKey: experimentKeys.detail(id) }),
      ]),
  });
}

export function useDeleteExperiment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteExperiment(id),
    onSuccess: (_d, id) => {
      toast.success('Experiment deleted');
      return Promise.all([
        qc.invalidateQueries({ queryKey: experimentKeys.lists() }),
        qc.invalidateQueries({ queryKey: experimentKeys.detail(id) }),
      ]);
    },
    onError: onError('delete the experiment'),
  });
}

export function useRestoreExperiment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => restoreExperiment(id),
    onSuccess: (_d, id) => {
      toast.success('Experiment restored');
      return Promise.all([
        qc.invalidateQueries({ queryKey: experimentKeys.lists() }),
        qc.invalidateQueries({ queryKey: experimentKeys.detail(id) }),
      ]);
    },
    onError: onError('restore the experiment'),
  });
}
