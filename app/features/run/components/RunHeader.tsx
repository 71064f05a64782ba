import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { userMessage, type Run } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CopyButton } from '../../../components/CopyButton';
import { RegisterModelDialog } from '../../../components/RegisterModelDialog';
import { toast } from '../../../components/toast-store';
import { formatDateTime, formatDuration } from '../../../lib/format';
import { useDeleteRun, useRenameRun, useRestoreRun } from '../mutations';
import { runChildrenQueryOptions } from '../queries';
import { comparePath, experimentPath, experimentsPath, runPath } from '../../../lib/paths';
import { TermList } from './TermList';

/** Name (editable), status and times, user, source, id, parent and child runs, actions. */
export function RunHeader({
  run,
  experimentName,
  modelFolders,
}: {
  run: Run;
  experimentName: string | undefined;
  modelFolders: string[];
}) {
  const { info, tags } = run;
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [registering, setRegistering] = useState(false);
  const remove = useDeleteRun(info.id);
  const restore = useRestoreRun(info.id);
  const children = useQuery(runChildrenQueryOptions(info.id, [info.experimentId]));
  const deleted = info.lifecycleStage === 'deleted';
  const end = info.endTime ?? (info.status === 'RUNNING' ? Date.now() : null);
  const source = tags['mlflow.source.name'];
  const runLink = (runId: string) => runPath({ experimentId: info.experimentId, runId });

  return (
    <header className="run-header">
      <nav aria-label="Breadcrumb" className="muted breadcrumb">
        <Link to={experimentsPath()}>Experiments</Link> /{' '}
        <Link to={experimentPath(info.experimentId)}>
          {experimentName ?? `Experiment ${info.experimentId}`}
        </Link>{' '}
        / Run
      </nav>
      <div className="toolbar" style={{ marginBottom: 6 }}>
        {editing ? (
          <RenameForm run={run} onDone={() => setEditing(false)} />
        ) : (
          <>
            <h1 style={{ margin: 0 }}>{info.name || info.id}</h1>
            <button type="button" className="button small" onClick={() => setEditing(true)}>
              Rename
            </button>
          </>
        )}
        <span className={`badge status-${info.status}`}>{info.status}</span>
        {deleted ? <span className="badge">deleted</span> : null}
        <span className="grow" />
        <Link className="button small" to={comparePath({ runIds: [info.id] })}>
          Open in compare
        </Link>
        {modelFolders.length ? (
          <button type="button" className="button small" onClick={() => setRegistering(true)}>
            Register model
          </button>
        ) : null}
        {deleted ? (
          <button
            type="button"
            className="button small"
            disabled={restore.isPending}
            onClick={() =>
              restore.mutate(undefined, {
                onSuccess: () => toast.success('Run restored'),
                onError: (e) => toast.error(`Could not restore the run: ${userMessage(e)}`),
              })
            }
          >
            Restore run
          </button>
        ) : (
          <button type="button" className="button small" onClick={() => setConfirmDelete(true)}>
            Delete run
          </button>
        )}
      </div>
      <dl className="kv">
        <dt>Run ID</dt>
        <dd>
          <span className="mono">{info.id}</span> <CopyButton text={info.id} label="Copy run ID" />
        </dd>
        <dt>Started</dt>
        <dd>{formatDateTime(info.startTime) || '—'}</dd>
        <dt>Ended</dt>
        <dd>
          {info.endTime
            ? formatDateTime(info.endTime)
            : info.status === 'RUNNING'
              ? 'still running'
              : '—'}
        </dd>
        <dt>Duration</dt>
        <dd>{info.startTime && end ? formatDuration(end - info.startTime) : '—'}</dd>
        <dt>User</dt>
        <dd>{info.userId || tags['mlflow.user'] || '—'}</dd>
        {source ? (
          <>
            <dt>Source</dt>
            <dd className="mono">
              {source}
              {tags['mlflow.source.type'] ? (
                <span className="muted"> ({tags['mlflow.source.type']})</span>
              ) : null}
              {tags['mlflow.source.git.commit'] ? (
                <span className="muted"> @ {tags['mlflow.source.git.commit'].slice(0, 10)}</span>
              ) : null}
            </dd>
          </>
        ) : null}
        {run.parentRunId ? (
          <>
            <dt>Parent run</dt>
            <dd>
              <Link to={runLink(run.parentRunId)} className="mono">
                {run.parentRunId}
              </Link>
            </dd>
          </>
        ) : null}
        <TermList
          term="Child runs"
          items={children.data ?? []}
          itemKey={(c) => c.info.id}
          listClassName="chips"
          itemClassName="chip"
        >
          {(c) => <Link to={runLink(c.info.id)}>{c.info.name || c.info.id}</Link>}
        </TermList>
      </dl>
      <ConfirmDialog
        open={confirmDelete}
        title="Delete this run?"
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setConfirmDelete(false);
              toast.success('Run deleted');
            },
            onError: (e) => toast.error(`Could not delete the run: ${userMessage(e)}`),
          })
        }
      >
        <p>
          The run moves to the experiment's deleted runs and can be restored from this page until
          the server purges it.
        </p>
      </ConfirmDialog>
      {registering ? (
        <RegisterModelDialog
          runId={info.id}
          artifactUri={info.artifactUri}
          folders={modelFolders}
          onClose={() => setRegistering(false)}
        />
      ) : null}
    </header>
  );
}

function RenameForm({ run, onDone }: { run: Run; onDone: () => void }) {
  const [name, setName] = useState(run.info.name);
  const rename = useRenameRun(run.info.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    rename.mutate(name.trim(), { onSuccess: onDone });
  };
  return (
    <form className="toolbar" style={{ margin: 0 }} onSubmit={submit}>
      <label htmlFor="run-name" className="visually-hidden">
        Run name
      </label>
      <input id="run-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button small primary" disabled={rename.isPending}>
        Save name
      </button>
      <button type="button" className="button small" onClick={onDone}>
        Cancel
      </button>
      {rename.error ? (
        <span className="field-error" role="alert">
          {userMessage(rename.error)}
        </span>
      ) : null}
    </form>
  );
}
