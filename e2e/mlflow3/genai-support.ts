/**
 * Helpers for the 3.x demo specs: the GenAI experiments get the next free ids
 * when the demo is seeded (they depend on the scale knobs), so specs find
 * them by name, through the API the app uses.
 */
import type { APIRequestContext } from '@playwright/test';

export async function experimentId(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get(
    `/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
  );
  if (!res.ok()) throw new Error(`no experiment ${name} (${res.status()}): is this a 3.x demo?`);
  const body = (await res.json()) as { experiment: { experiment_id: string } };
  return body.experiment.experiment_id;
}

export async function runIdByName(
  request: APIRequestContext,
  experiment: string,
  name: string,
): Promise<string> {
  const res = await request.post('/api/2.0/mlflow/runs/search', {
    data: { experiment_ids: [experiment], filter: `attributes.run_name = '${name}'` },
  });
  const body = (await res.json()) as { runs?: { info: { run_id: string } }[] };
  const id = body.runs?.[0]?.info.run_id;
  if (!id) throw new Error(`no run ${name} in experiment ${experiment}`);
  return id;
}

/** llm-agent (experiment 5): a trace without assessments, and the assessed one. */
export const LLM_EXPERIMENT = '5';
export const PLAIN_TRACE = 'tr-01a28e18d8ce4010a2b68ede2fab4cbf';
export const ASSESSED_TRACE = 'tr-09fcf60b3caa4fc2980ec045557e57d0';
export const IMG = '<img src=x onerror=alert(1)>';
export const SCRIPT = '<script>alert(1)</script>';
