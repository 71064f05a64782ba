/**
 * What setting an alias will do, before it is done: create it, move it (from
 * where to where: the confirmation names both), or nothing.
 */
export type AliasPlan =
  | { kind: 'invalid'; reason: string }
  | { kind: 'noop'; alias: string; version: string }
  | { kind: 'create'; alias: string; version: string }
  | { kind: 'move'; alias: string; was: string; now: string };

/** MLflow forbids `latest` and version-like aliases (`v1`, `V12`), which name versions themselves. */
const RESERVED = /^(latest|v\d+)$/i;
const VALID = /^[\w-]+$/;

export function planAlias(
  aliases: Record<string, string>,
  aliasInput: string,
  versionInput: string,
): AliasPlan {
  const alias = aliasInput.trim();
  const version = versionInput.trim();
  if (!alias) return { kind: 'invalid', reason: 'An alias name is required.' };
  if (!VALID.test(alias))
    return { kind: 'invalid', reason: 'Use letters, digits, "_" and "-" only.' };
  if (RESERVED.test(alias))
    return { kind: 'invalid', reason: `"${alias}" is reserved: it already names a version.` };
  if (!/^\d+$/.test(version)) return { kind: 'invalid', reason: 'Choose a version.' };
  const was = aliases[alias];
  if (was === undefined) return { kind: 'create', alias, version };
  if (was === version) return { kind: 'noop', alias, version };
  return { kind: 'move', alias, was, now: version };
}

/** "champion: version 2 -> version 3" for confirmations and toasts. */
export function describeAliasPlan(p: AliasPlan): string {
  switch (p.kind) {
    case 'invalid':
      return p.reason;
    case 'noop':
      return `@${p.alias} already points to version ${p.version}.`;
    case 'create':
      return `@${p.alias} will point to version ${p.version}.`;
    case 'move':
      return `@${p.alias} moves from version ${p.was} to version ${p.now}.`;
  }
}
