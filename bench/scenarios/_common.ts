/** Selectors and helpers shared by several scenarios (files starting with _ are not scenarios). */

/** The experiment list on the home page has rendered at least one experiment link. */
export const EXPERIMENT_LIST_READY =
  'table[aria-label="Experiments"] tbody a[href^="/experiments/"]';

/** Count experiments (deleted ones included) through the API, to check the seed honoured the scale knob. */
export async function countExperiments(baseUrl: string): Promise<number> {
  let total = 0;
  let token: string | undefined;
  do {
    const res = await fetch(`${baseUrl}/api/2.0/mlflow/experiments/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ max_results: 1000, page_token: token, view_type: 'ALL' }),
    });
    if (!res.ok) throw new Error(`experiments/search answered ${res.status}`);
    const body = (await res.json()) as { experiments?: unknown[]; next_page_token?: string };
    total += body.experiments?.length ?? 0;
    token = body.next_page_token;
  } while (token);
  return total;
}
