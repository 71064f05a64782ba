import { useDeferredValue, useMemo, useState } from 'react';
import { filterKeyValues, toKeyValues } from '../model/rows';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';
import { useVirtualRows } from './use-virtual-rows';
import { SearchBox, ValueCell } from './ValueCell';

export function ParamsTable({ params }: { params: Record<string, string> }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const all = useMemo(() => toKeyValues(params), [params]);
  const rows = useMemo(() => filterKeyValues(all, query), [all, query]);
  const { scrollRef, items, top, bottom, measureRow } = useVirtualRows(rows.length, 30);
  // rows are measured (an unfolded value grows its row) once the first paint is out
  const measure = useAfterFirstPaint() ? measureRow : undefined;
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
        <div className="section-scroll" ref={scrollRef}>
          <table className="table" aria-labelledby="run-params">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
              {items.map(({ index }) => {
                const p = rows[index];
                return (
                  <tr key={p.key} data-index={index} ref={measure}>
                    <td className="mono">{p.key}</td>
                    <td>
                      <ValueCell value={p.value} />
                    </td>
                  </tr>
                );
              })}
              {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
            </tbody>
          </table>
          {rows.length === 0 ? <p className="empty">No parameter matches “{query}”.</p> : null}
        </div>
      )}
    </section>
  );
}
