/**
 * Registry writes. Each invalidates what it changed and nothing else; a failed
 * write rejects (the caller keeps its draft and shows the server's message).
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createRegisteredModel,
  deleteModelVersionTag,
  deleteRegisteredModel,
  deleteRegisteredModelAlias,
  deleteRegisteredModelTag,
  renameRegisteredModel,
  setModelVersionTag,
  setRegisteredModelAlias,
  setRegisteredModelTag,
  transitionModelVersionStage,
  updateModelVersion,
  updateRegisteredModel,
} from '../../api';
import { toast } from '../../components/toast-store';
import { modelVersionKeys, registeredModelKeys } from '../../lib/query-keys';

/** The model's page and the list rows that show it. */
function invalidateModel(qc: QueryClient, name: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: registeredModelKeys.detail(name) }),
    qc.invalidateQueries({ queryKey: registeredModelKeys.lists() }),
  ]);
}

/** One version's page and its model's versions table. */
function invalidateVersion(qc: QueryClient, name: string, version: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: modelVersionKeys.detail(name, version) }),
    qc.invalidateQueries({ queryKey: modelVersionKeys.list({ name }) }),
  ]);
}

/** Every version of a model (a stage transition may archive the others). */
function invalidateAllVersions(qc: QueryClient, name: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: modelVersionKeys.list({ name }) }),
    qc.invalidateQueries({
      queryKey: modelVersionKeys.details(),
      predicate: (q) => q.queryKey[2] === name,
    }),
    qc.invalidateQueries({ queryKey: modelVersionKeys.aliases(name) }),
  ]);
}

export function useCreateModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; description?: string }) => createRegisteredModel(input),
    onSuccess: (m) => {
      toast.success(`Model “${m.name}” created`);
      return qc.invalidateQueries({ queryKey: registeredModelKeys.lists() });
    },
  });
}

export function useUpdateModelDescription(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (description: string) => updateRegisteredModel(name, description),
    onSuccess: () => invalidateModel(qc, name),
  });
}

export function useRenameModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ name, newName }: { name: string; newName: string }) =>
      renameRegisteredModel(name, newName),
    onSuccess: (_m, { name }) => {
      qc.removeQueries({ queryKey: registeredModelKeys.detail(name) });
      qc.removeQueries({ queryKey: modelVersionKeys.list({ name }) });
      return qc.invalidateQueries({ queryKey: registeredModelKeys.lists() });
    },
  });
}

export function useDeleteModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteRegisteredModel(name),
    onSuccess: (_d, name) => {
      toast.success(`Model “${name}” deleted`);
      qc.removeQueries({ queryKey: registeredModelKeys.detail(name) });
      qc.removeQueries({ queryKey: modelVersionKeys.list({ name }) });
      return qc.invalidateQueries({ queryKey: registeredModelKeys.lists() });
    },
  });
}

export function useSetModelTag(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: string }) =>
      setRegisteredModelTag(name, key, value),
    onSuccess: () => invalidateModel(qc, name),
  });
}

export function useDeleteModelTag(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => deleteRegisteredModelTag(name, key),
    onSuccess: () => invalidateModel(qc, name),
  });
}

/** Setting an alias moves it off its old version: both versions' pages change. */
export function useSetAlias(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ alias, version }: { alias: string; version: string; was?: string }) =>
      setRegisteredModelAlias(name, alias, version),
    onSuccess: (_d, { alias, version, was }) => {
      toast.success(
        was
          ? `@${alias} moved from version ${was} to ${version}`
          : `@${alias} now points to version ${version}`,
      );
      return Promise.all([
        invalidateModel(qc, name),
        qc.invalidateQueries({ queryKey: modelVersionKeys.detail(name, version) }),
        was ? qc.invalidateQueries({ queryKey: modelVersionKeys.detail(name, was) }) : null,
        qc.invalidateQueries({ queryKey: modelVersionKeys.alias(name, alias) }),
      ]);
    },
  });
}

export function useDeleteAlias(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ alias }: { alias: string; version: string }) =>
      deleteRegisteredModelAlias(name, alias),
    onSuccess: (_d, { alias, version }) => {
      toast.success(`@${alias} deleted`);
      return Promise.all([
        invalidateModel(qc, name),
        qc.invalidateQueries({ queryKey: modelVersionKeys.detail(name, version) }),
        qc.removeQueries({ queryKey: modelVersionKeys.alias(name, alias) }),
      ]);
    },
  });
}

export function useTransitionStage(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      version,
      stage,
      archiveExisting,
    }: {
      version: string;
      stage: string;
      archiveExisting: boolean;
    }) => transitionModelVersionStage(name, version, stage, archiveExisting),
    onSuccess: (mv, { archiveExisting }) => {
      toast.success(
        `Version ${mv.version} is now ${mv.currentStage}${archiveExisting ? '; others in that stage archived' : ''}`,
      );
      // latest_versions (stage columns) and possibly every other version's stage changed.
      return Promise.all([
        invalidateModel(qc, name),
        archiveExisting ? invalidateAllVersions(qc, name) : invalidateVersion(qc, name, mv.version),
      ]);
    },
  });
}

export function useUpdateVersionDescription(name: string, version: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (description: string) => updateModelVersion(name, version, description),
    onSuccess: () => invalidateVersion(qc, name, version),
  });
}

export function useSetVersionTag(name: string, version: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: string }) =>
      setModelVersionTag(name, version, key, value),
    onSuccess: () => invalidateVersion(qc, name, version),
  });
}

export function useDeleteVersionTag(name: string, version: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => deleteModelVersionTag(name, version, key),
    onSuccess: () => invalidateVersion(qc, name, version),
  });
}
