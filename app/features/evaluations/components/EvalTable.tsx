import { Link } from 'react-router';
import type { Assessment } from '../../../api';
import { truncate } from '../../../lib/format';
import { tracePath } from '../../../lib/paths';
import { isFailing, type EvalRow } from '../model/eval';

/** A verdict as text: pass/fail, a number, or the scorer's error; its rationale on hover. */
export function Verdict({ a }: { a: Assessment | undefined }) {
  if (!a) return <span className="muted">—</span>;
  const text = a.error
    ? `error: ${a.error}`
    : a.value === true
      ? 'pass'
      : a.value === false
        ? 'fail'
        : typeof a.value === 'string'
          ? a.value
          : JSON.stringify(a.value);
  return (
    <span
      className={isFailing(a) ? 'value-fail' : a.value === true ? 'value-pass' : undefined}
      title={a.rationale || undefined}
    >
      {truncate(text, 60)}
    </span>
  );
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function EvalTable({
  rows,
  scorers,
  expectations,
  experimentId,
}: {
  rows: EvalRow[];
  scorers: string[];
  expectations: string[];
  experimentId: string;
}) {
  if (!rows.length) return <p className="empty">No rows.</p>;
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Evaluation rows">
        <thead>
          <tr>
            <th scope="col">Trace</th>
            <th scope="col">Inputs</th>
            <th scope="col">Outputs</th>
            {expectations.map((e) => (
              <th key={e} scope="col">
                expected: {e}
              </th>
            ))}
            {scorers.map((s) => (
              <th key={s} scope="col">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.traceId} className={r.failing ? 'row-failing' : undefined}>
              <td className="mono">
                <Link to={tracePath({ experimentId, requestId: r.traceId })}>
                  {r.traceId.slice(0, 12)}…
                </Link>
              </td>
              <td className="mono">{truncate(r.inputs, 80)}</td>
              <td className="mono">{truncate(r.outputs, 80)}</td>
              {expectations.map((e) => (
                <td key={e} className="mono">
                  {e in r.expectations ? truncate(show(r.expectations[e]), 60) : ''}
                </td>
              ))}
              {scorers.map((s) => (
                <td key={s}>
                  <Verdict a={r.scores[s]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
