/**
 * SQL LIKE / ILIKE as MLflow's SQL store evaluates them: `%` any run of
 * characters, `_` one character; LIKE is case-sensitive, ILIKE is not.
 */
const cache = new Map<string, RegExp>();

export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const cacheKey = (caseInsensitive ? 'i:' : 's:') + pattern;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  let src = '';
  for (const ch of pattern) {
    if (ch === '%') src += '[\\s\\S]*';
    else if (ch === '_') src += '[\\s\\S]';
    else src += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const re = new RegExp(`^${src}$`, caseInsensitive ? 'iu' : 'u');
  if (cache.size > 500) cache.clear();
  cache.set(cacheKey, re);
  return re;
}

export function like(value: string, pattern: string): boolean {
  return likeToRegExp(pattern, false).test(value);
}

export function ilike(value: string, pattern: string): boolean {
  return likeToRegExp(pattern, true).test(value);
}
