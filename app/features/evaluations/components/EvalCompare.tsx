import { useMemo } from 'react';
import { truncate } from '../../../lib/format';
import { compareRuns, scorerNames, type EvalRow } from '../model/eval';
import { Verdict } from './EvalTable';

/** Two evaluation runs row by row (matched by input); a changed verdict is highlighted. */
export function EvalCompare({
  a,
  b,
  failingOnly,
}: {
  a: EvalRow[];
  b: EvalRow[];
  failingOnly: boolean;
}) {
  const rows = useMemo(
    () => compareRuns(a, failingOnly ? b.filter((r) => a.some((x) => x.key === r.key)) : b),
    [a, b, failingOnly],
  );
  const scorers = useMemo(() => scorerNames([...a, ...b]), [a, b]);
  const changed = rows.filter((r) => r.changed.length).length;
  return (
    <>
      <p className="muted" aria-live="polite">
        {changed} of {rows.length} rows changed verdict
      </p>
      <div className="table-scroll">
        <table className="table" aria-label="Evaluation comparison">
          <thead>
            <tr>
              <th scope="col">Inputs</th>
              {scorers.map((s) => (
                <th key={s} scope="col" colSpan={2}>
                  {s}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" />
              {scorers.flatMap((s) => [
                <th key={`${s}-a`} scope="col">
                  this run
                </th>,
                <th key={`${s}-b`} scope="col">
                  other run
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="mono">{truncate((r.a ?? r.b)?.inputs ?? '', 80)}</td>
                {scorers.flatMap((s) => {
                  const cls = r.changed.includes(s) ? 'verdict-changed' : undefined;
                  return [
                    <td
                      key={`${s}-a`}
                      className={cls}
                      aria-label={cls ? `${s} changed` : undefined}
                    >
                      <Verdict a={r.a?.scores[s]} />
                    </td>,
                    <td key={`${s}-b`} className={cls}>
                      <Verdict a={r.b?.scores[s]} />
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
