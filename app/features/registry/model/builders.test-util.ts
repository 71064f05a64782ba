import type { ModelVersion, RegisteredModel } from '../../../api';

/** Tiny builders for registry unit tests. */
export function makeVersion(p: Partial<ModelVersion> & { version: string }): ModelVersion {
  return {
    name: 'm',
    creationTimestamp: 0,
    lastUpdatedTimestamp: 0,
    userId: '',
    currentStage: 'None',
    description: '',
    source: `runs:/r${p.version}/model`,
    runId: `r${p.version}`,
    status: 'READY',
    statusMessage: '',
    modelId: null,
    runLink: '',
    tags: {},
    aliases: [],
    ...p,
  };
}

export function makeModel(p: Partial<RegisteredModel> = {}): RegisteredModel {
  return {
    name: 'm',
    creationTimestamp: 0,
    lastUpdatedTimestamp: 0,
    userId: '',
    description: '',
    latestVersions: [],
    tags: {},
    aliases: {},
    ...p,
  };
}
