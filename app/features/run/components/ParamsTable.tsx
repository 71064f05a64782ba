import { useDeferredValue, useMemo, useState } from 'react';
import { filterKeyValues, toKeyValues } from '../model/rows';
import { useVirtualRows } from './use-virtual-rows';
import { SearchBox, ValueCell } from './ValueCell';
import { SpacerRow } from '../../../components/SpacerRow';

export function ParamsTable({ params }: { params: Record<string, string> }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const all = useMemo(() => toKeyValues(params), [params]);
  const rows = useMemo(() => filterKeyValues(all, query), [all, query]);
  const { scrollRef, items, top, bottom, measureRow } = useVirtualRows(rows.length, 30);
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
              <SpacerRow height={top} />
              {items.map(({ index }) => {
                const p = rows[index];
                if (!p) return null; // the virtualizer counts rows.length: never taken
                return (
                  <tr key={p.key} data-index={index} ref={measureRow}>
                    <td className="mono">{p.key}</td>
                    <td>
                      <ValueCell value={p.value} />
                    </td>
                  </tr>
                );
              })}
              <SpacerRow height={bottom} />
            </tbody>
          </table>
          {rows.length === 0 ? <p className="empty">No parameter matches “{query}”.</p> : null}
        </div>
      )}
    </section>
  );
}
