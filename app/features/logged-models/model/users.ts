import type { LoggedModel, Run } from '../../../api';

/** How many runs the model page reads (one runs/get each) to show who used a model. */
export const MODEL_USERS_CAP = 20;

export interface ModelUserCandidates {
  /** Runs to read, at most `cap`. */
  runIds: string[];
  /** Candidates left unread ("and N more"). */
  more: number;
}

/**
 * The runs worth reading to find a model's users. MLflow offers no search for
 * "runs whose model inputs name this model" (and runs/search leaves model
 * inputs out on 3.x), but every metric logged for the model carries its run:
 * those runs, minus the one that produced it, capped.
 */
export function modelUserCandidates(
  model: Pick<LoggedModel, 'metricRunIds' | 'sourceRunId'>,
  cap = MODEL_USERS_CAP,
): ModelUserCandidates {
  const ids = model.metricRunIds.filter((id) => id !== model.sourceRunId);
  return { runIds: ids.slice(0, cap), more: Math.max(0, ids.length - cap) };
}

export interface ModelUser {
  runId: string;
  runName: string;
  /** The run lists the model in `inputs.model_inputs`; otherwise it only logged metrics for it. */
  tookAsInput: boolean;
}

/** A run read with runs/get, as a user of `modelId`. */
export function toModelUser(run: Run, modelId: string): ModelUser {
  return {
    runId: run.info.id,
    runName: run.info.name,
    tookAsInput: run.modelInputs.some((i) => i.modelId === modelId),
  };
}
