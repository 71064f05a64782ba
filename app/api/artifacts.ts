import { obj, list, optStr } from './check';
import { decodeFileInfo } from './decode';
import { endpoints } from './endpoints';
import { relativeUrl, requestBlob, requestJson, requestText } from './http';
import type { ArtifactListing } from './types';

const A = endpoints.artifacts;

/** One folder level. An empty folder (or a file path) comes back without `files`. */
export async function listArtifacts(
  runId: string,
  path?: string,
  signal?: AbortSignal,
): Promise<ArtifactListing> {
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
  return relativeUrl(A.getArtifact, { path, run_uuid: runId });
}

export function modelVersionArtifactUrl(name: string, version: string, path: string): string {
  return relativeUrl(A.modelVersionArtifact, { path, name, version });
}

export function fetchRunArtifactText(
  runId: string,
  path: string,
  signal?: AbortSignal,
): Promise<string> {
  return requestText(A.getArtifact, { query: { path, run_uuid: runId }, signal });
}

export function fetchRunArtifactBlob(
  runId: string,
  path: string,
  signal?: AbortSignal,
): Promise<Blob> {
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
