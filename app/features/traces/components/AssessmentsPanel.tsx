import { useState } from 'react';
import type { Assessment, TraceInfo } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { RelativeTime } from '../../../components/RelativeTime';
import { shownValue } from '../model/assessments';
import { useCreateAssessment, useDeleteAssessment, useUpdateAssessment } from '../mutations';
import { AssessmentForm } from './AssessmentForm';

const SOURCE: Record<Assessment['source']['type'], string> = {
  HUMAN: 'human',
  LLM_JUDGE: 'LLM judge',
  CODE: 'code',
  SOURCE_TYPE_UNSPECIFIED: 'unknown source',
};

/** Who a human assessment made here is from (MLflow records a source id; Runlens has no login). */
const SOURCE_ID = 'runlens';

/**
 * The trace's feedback and expectations (MLflow 3), grouped: on the whole
 * trace, then per span (the selected span's group marked). Humans add, edit
 * and delete them here. Every string is rendered as text.
 */
export function AssessmentsPanel({
  info,
  spanNames,
  selectedSpan,
}: {
  info: TraceInfo;
  /** hex span id -> name, for the spans of this trace */
  spanNames: ReadonlyMap<string, string>;
  /** The selected span: a new assessment goes on it, unless "whole trace" is picked. */
  selectedSpan: { id: string; name: string } | null;
}) {
  const requestId = info.requestId;
  const create = useCreateAssessment(requestId);
  const update = useUpdateAssessment(requestId);
  const remove = useDeleteAssessment(requestId);
  const [adding, setAdding] = useState<null | 'trace' | 'span'>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Assessment | null>(null);

  const groups = new Map<string, Assessment[]>();
  for (const a of info.assessments) {
    const k = a.spanId ?? '';
    const g = groups.get(k);
    if (g) g.push(a);
    else groups.set(k, [a]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  const byId = new Map(info.assessments.map((a) => [a.id, a]));

  return (
    <section aria-labelledby="trace-assessments" className="trace-assessments card">
      <div className="toolbar">
        <h2 id="trace-assessments" style={{ margin: 0 }}>
          Assessments <span className="muted">({info.assessments.length})</span>
        </h2>
        <span className="grow" />
        <button type="button" className="button small" onClick={() => setAdding('trace')}>
          Add to trace
        </button>
        {selectedSpan ? (
          <button type="button" className="button small" onClick={() => setAdding('span')}>
            Add to span {selectedSpan.name}
          </button>
        ) : null}
      </div>
      {adding ? (
        <AssessmentForm
          initial={null}
          target={
            adding === 'span' && selectedSpan ? `span ${selectedSpan.name}` : 'the whole trace'
          }
          busy={create.isPending}
          error={create.error}
          onCancel={() => {
            setAdding(null);
            create.reset();
          }}
          onSubmit={(d) =>
            create.mutate(
              {
                ...d,
                sourceId: SOURCE_ID,
                spanId: adding === 'span' ? (selectedSpan?.id ?? null) : null,
              },
              { onSuccess: () => setAdding(null) },
            )
          }
        />
      ) : null}
      {info.assessments.length === 0 ? (
        <p className="muted">No feedback or expectations yet.</p>
      ) : null}
      {keys.map((k) => (
        <div
          key={k || 'trace'}
          className={k && k === selectedSpan?.id ? 'assessment-group selected' : 'assessment-group'}
        >
          <h3>{k ? `Span ${spanNames.get(k) ?? k}` : 'Whole trace'}</h3>
          <ul
            className="plain-list"
            aria-label={
              k ? `Assessments on span ${spanNames.get(k) ?? k}` : 'Assessments on the trace'
            }
          >
            {groups.get(k)!.map((a) =>
              editing === a.id ? (
                <li key={a.id}>
                  <AssessmentForm
                    initial={a}
                    target=""
                    busy={update.isPending}
                    error={update.error}
                    onCancel={() => {
                      setEditing(null);
                      update.reset();
                    }}
                    onSubmit={(d) =>
                      update.mutate(
                        { id: a.id, kind: a.kind, value: d.value, rationale: d.rationale },
                        { onSuccess: () => setEditing(null) },
                      )
                    }
                  />
                </li>
              ) : (
                <AssessmentItem
                  key={a.id}
                  a={a}
                  overrides={a.overrides ? byId.get(a.overrides) : undefined}
                  onEdit={a.source.type === 'HUMAN' ? () => setEditing(a.id) : undefined}
                  onDelete={() => setConfirming(a)}
                  deleting={remove.isPending && remove.variables === a.id}
                />
              ),
            )}
          </ul>
        </div>
      ))}
      <ConfirmDialog
        open={confirming !== null}
        title={`Delete the assessment ${confirming?.name ?? ''}?`}
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          confirming && remove.mutate(confirming.id, { onSettled: () => setConfirming(null) })
        }
      >
        <p>It is removed from the trace on the tracking server.</p>
      </ConfirmDialog>
    </section>
  );
}

function AssessmentItem({
  a,
  overrides,
  onEdit,
  onDelete,
  deleting,
}: {
  a: Assessment;
  overrides: Assessment | undefined;
  onEdit?: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  const v = shownValue(a);
  return (
    <li
      className={a.valid ? 'assessment' : 'assessment overridden'}
      aria-label={`${a.kind} ${a.name}`}
    >
      <div className="toolbar">
        <strong>{a.name}</strong>
        <span className="badge">{a.kind}</span>
        {v.kind === 'json' ? (
          <pre className="pre-wrap mono">{v.text}</pre>
        ) : (
          <span className={`assessment-value value-${v.kind}`}>{v.text}</span>
        )}
        {!a.valid ? <span className="badge">overridden</span> : null}
        <span className="grow" />
        {onEdit ? (
          <button
            type="button"
            className="button small"
            onClick={onEdit}
            aria-label={`Edit ${a.name}`}
          >
            Edit
          </button>
        ) : null}
        <button
          type="button"
          className="button small danger"
          onClick={onDelete}
          disabled={deleting}
          aria-label={`Delete ${a.name}`}
        >
          Delete
        </button>
      </div>
      {a.rationale ? <p className="pre-wrap assessment-rationale">{a.rationale}</p> : null}
      <p className="muted">
        {SOURCE[a.source.type]}
        {a.source.id ? ` · ${a.source.id}` : ''} ·{' '}
        <RelativeTime ms={a.lastUpdateTime ?? a.createTime} />
        {a.overrides
          ? ` · overrides ${overrides ? `${overrides.name} = ${shownValue(overrides).text}` : a.overrides}`
          : ''}
      </p>
    </li>
  );
}
