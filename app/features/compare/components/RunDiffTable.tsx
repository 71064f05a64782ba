import { useMemo, useState } from 'react';
import type { Run } from '../../../api';
import { diffRows } from '../model/diff';

export function RunDiffTable({ runs }: { runs: Run[] }) {
  const [onlyDiff, setOnlyDiff] = useState(false);
  const rows = useMemo(() => diffRows(runs), [runs]);
  const shown = onlyDiff ? rows.filter((r) => r.differs) : rows;
  return (
    <div>
      <div className="toolbar">
        <label className="field-inline">
          <input
            type="checkbox"
            checked={onlyDiff}
            onChange={(e) => setOnlyDiff(e.target.checked)}
          />
          Hide equal rows
        </label>
        <span className="muted">
          {rows.filter((r) => r.differs).length} of {rows.length} rows differ
        </span>
      </div>
      <div style={{ overflowX: 'auto' }}>
        <table className="table" aria-label="Run diff">
          <thead>
            <tr>
              <th scope="col">Key</th>
              {runs.map((r) => (
                <th key={r.info.id} scope="col">
                  {r.info.name || r.info.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={`${row.section}-${row.key}`}
                className={row.differs ? 'diff-row' : undefined}
                aria-label={`${row.section} ${row.key}${row.differs ? ' (differs)' : ''}`}
              >
                <th scope="row">
                  <span className="muted">{row.section === 'param' ? 'param ' : 'metric '}</span>
                  {row.key}
                </th>
                {row.values.map((v, i) => (
                  <td key={i} className={row.section === 'metric' ? 'num' : undefined}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
