import { useDeferredValue, useMemo, useState } from 'react';
import { filterKeyValues, toKeyValues } from '../model/rows';
import { FIRST_PAINT_ROWS, useAfterFirstPaint } from './use-after-first-paint';
import { SearchBox, ValueCell } from './ValueCell';

export function ParamsTable({ params }: { params: Record<string, string> }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const all = useMemo(() => toKeyValues(params), [params]);
  const rows = useMemo(() => filterKeyValues(all, query), [all, query]);
  // the box shows a dozen rows: the other hundreds render after the page's first paint
  const full = useAfterFirstPaint();
  const shown = full ? rows : rows.slice(0, FIRST_PAINT_ROWS);
  return (
    <section aria-labelledby="run-params" className="run-section card">
      <div className="toolbar">
        <h2 id="run-params" style={{ margin: 0 }}>
          Parameters <span className="muted">({all.length})</span>
        </h2>
        <SearchBox id="params-search" label="Search parameters" value={q} onChange={setQ} />
      </div>
      {all.length === 0 ? (
        <p className="muted">No parameters.</p>
      ) : (
        <div className="section-scroll">
          <table className="table" aria-labelledby="run-params">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.key}>
                  <td className="mono">{p.key}</td>
                  <td>
                    <ValueCell value={p.value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? <p className="empty">No parameter matches “{query}”.</p> : null}
        </div>
      )}
    </section>
  );
}
