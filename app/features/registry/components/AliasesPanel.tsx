import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { userMessage } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { describeAliasPlan, planAlias, type AliasPlan } from '../model/alias-plan';
import { aliasEntries } from '../model/filter';
import { useDeleteAlias, useSetAlias } from '../mutations';
import { modelVersionPath } from '../../../lib/paths';
import { FieldError } from '../../../components/FieldError';

/**
 * Aliases of a model: set one to a version, move it (after a confirmation that
 * names where it pointed before), delete it. With `fixedVersion` (the version
 * page) only that version's aliases are listed and new ones point to it.
 * A failed write shows the server's message; the list stays as the server has it.
 */
export function AliasesPanel({
  modelName,
  aliases,
  versions,
  fixedVersion,
}: {
  modelName: string;
  aliases: Record<string, string>;
  /** Version numbers to choose from, newest first. */
  versions: string[];
  fixedVersion?: string;
}) {
  const setAlias = useSetAlias(modelName);
  const deleteAlias = useDeleteAlias(modelName);
  const [alias, setAliasText] = useState('');
  const [version, setVersion] = useState(fixedVersion ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Extract<AliasPlan, { kind: 'move' }> | null>(null);

  const apply = async (a: string, v: string, was?: string) => {
    setError(null);
    try {
      await setAlias.mutateAsync({ alias: a, version: v, was });
      setAliasText('');
    } catch (e) {
      setError(userMessage(e));
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const plan = planAlias(aliases, alias, fixedVersion ?? version);
    if (plan.kind === 'invalid' || plan.kind === 'noop') {
      setError(describeAliasPlan(plan));
      return;
    }
    if (plan.kind === 'move') {
      setPending(plan);
      return;
    }
    void apply(plan.alias, plan.version);
  };

  const shown = aliasEntries(aliases).filter(([, v]) => !fixedVersion || v === fixedVersion);
  return (
    <div className="aliases-panel">
      {shown.length ? (
        <ul className="alias-list" aria-label="Aliases">
          {shown.map(([a, v]) => (
            <li key={a} className="badge">
              <span>@{a}</span>
              {fixedVersion ? null : (
                <>
                  <span aria-hidden="true">→</span>
                  <Link to={modelVersionPath({ name: modelName, version: v })}>version {v}</Link>
                </>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete alias ${a}`}
                disabled={deleteAlias.isPending}
                onClick={() => {
                  setError(null);
                  deleteAlias.mutate(
                    { alias: a, version: v },
                    { onError: (err) => setError(userMessage(err)) },
                  );
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No aliases.</p>
      )}
      <form className="toolbar" onSubmit={submit}>
        <input
          aria-label="Alias"
          placeholder="alias, e.g. champion"
          value={alias}
          onChange={(e) => setAliasText(e.target.value)}
          list="alias-names"
        />
        <datalist id="alias-names">
          {Object.keys(aliases).map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {fixedVersion ? null : (
          <select
            aria-label="Alias version"
            value={version}
            onChange={(e) => setVersion(e.target.value)}
          >
            <option value="">version…</option>
            {versions.map((v) => (
              <option key={v} value={v}>
                version {v}
              </option>
            ))}
          </select>
        )}
        <button type="submit" className="button small" disabled={setAlias.isPending}>
          Set alias
        </button>
      </form>
      <FieldError error={error} />
      <ConfirmDialog
        open={pending !== null}
        title="Move alias?"
        confirmLabel="Move alias"
        busy={setAlias.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const p = pending;
          setPending(null);
          if (p) void apply(p.alias, p.now, p.was);
        }}
      >
        {pending ? (
          <p>
            <strong>@{pending.alias}</strong> points to <strong>version {pending.was}</strong> now.
            It will point to <strong>version {pending.now}</strong>; anything that loads{' '}
            <code>
              models:/{modelName}@{pending.alias}
            </code>{' '}
            gets the new version.
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
