/**
 * MLflow 3 keeps prompts in the model registry, tagged
 * `mlflow.prompt.is_prompt = 'true'`. Its registered-models and
 * model-versions searches leave them out unless the filter asks for them
 * (SqlAlchemyStore._is_querying_prompt): `tags.\`mlflow.prompt.is_prompt\` = 'true'`
 * (or `!= 'false'`). Checked against a real 3.18.0 server: a search without
 * a filter lists no prompt, `name='qa-prompt'` alone finds no version.
 */
import type { WireKeyValue } from '../../app/api/wire';
import { parseFilter, splitIdentifier, stripQuotes, trimBackticks } from './filter';

export const IS_PROMPT_TAG = 'mlflow.prompt.is_prompt';

export function isPromptTagged(tags: readonly WireKeyValue[] | undefined): boolean {
  return (tags ?? []).some((t) => t.key === IS_PROMPT_TAG && t.value.toLowerCase() === 'true');
}

/** Whether a registry search filter selects prompts rather than models. */
export function queriesPrompts(filter: string | undefined | null): boolean {
  let clauses;
  try {
    clauses = parseFilter(filter, { quoteInvalidClauses: false });
  } catch {
    return false; // the search itself reports the bad filter
  }
  for (const c of clauses) {
    const { entity, key } = splitIdentifier(c.identifier);
    if (entity !== 'tag' && entity !== 'tags') continue;
    if (trimBackticks(stripQuotes(key)) !== IS_PROMPT_TAG) continue;
    const v = stripQuotes(c.value.text).toLowerCase();
    return (c.comparator === '=' && v === 'true') || (c.comparator === '!=' && v === 'false');
  }
  return false;
}
