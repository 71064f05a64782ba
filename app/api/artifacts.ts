import { obj, list, optStr } from './check';
import { decodeFileInfo } from './decode';
import { endpoints } from './endpoints';
import { relativeUrl, requestBlob, requestJson, requestText } from './http';
import {
  fetchLoggedModelArtifactBlob,
  fetchLoggedModelArtifactText,
  isLoggedModelId,
  listLoggedModelArtifacts,
  loggedModelArtifactUrl,
} from './logged-models';
import type { ArtifactListing } from './types';

const A = endpoints.artifacts;

/*
 * The artifact functions take the id of whoever owns the files: a run, or an
 * MLflow 3 logged model (`m-…`, which has its own artifact endpoints). So the
 * artifacts browser serves both pages without knowing which it shows.
 */

/** One folder level. An empty folder (or a file path) comes back without `files`. */
export async function listArtifacts(
  runId: string,
  path?: string,
  signal?: AbortSignal,
): Promise<ArtifactListing> {
  if (isLoggedModelId(runId)) return listLoggedModelArtifacts(runId, path, signal);
  return requestJson(
    A.list,
    (body) => {
      const o = obj(body, '');
      return {
        rootUri: optStr(o, 'root_uri', '') ?? '',
        files: list(o, 'files', '', decodeFileInfo),
      };
    },
    { query: { run_id: runId, path: path || undefined }, signal },
  );
}

export function runArtifactUrl(runId: string, path: string): string {
  if (isLoggedModelId(runId)) return loggedModelArtifactUrl(runId, path);
  return relativeUrl(A.getArtifact, { path, run_uuid: runId });
}

export function fetchRunArtifactText(
  runId: string,
  path: string,
  signal?: AbortSignal,
): Promise<string> {
  if (isLoggedModelId(runId)) return fetchLoggedModelArtifactText(runId, path, signal);
  return requestText(A.getArtifact, { query: { path, run_uuid: runId }, signal });
}

export function fetchRunArtifactBlob(
  runId: string,
  path: string,
  signal?: AbortSignal,
): Promise<Blob> {
  if (isLoggedModelId(runId)) return fetchLoggedModelArtifactBlob(runId, path, signal);
  return requestBlob(A.getArtifact, { query: { path, run_uuid: runId }, signal });
}

export function fetchModelVersionArtifactText(
  name: string,
  version: string,
  path: string,
  signal?: AbortSignal,
): Promise<string> {
  return requestText(A.modelVersionArtifact, { query: { path, name, version }, signal });
}
