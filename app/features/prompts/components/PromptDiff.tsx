import { memo, useMemo, useState } from 'react';
import { diffLines, diffStats, foldUnchanged, type DiffItem, type DiffRow } from '../model/diff';

/**
 * Two versions' texts, line by line: removed lines, added lines, and three
 * common lines around each change; longer common stretches are folded behind
 * a button that shows them.
 */
export const PromptDiff = memo(function PromptDiff({
  from,
  to,
  fromLabel,
  toLabel,
}: {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
}) {
  const rows = useMemo(() => diffLines(from, to), [from, to]);
  const items = useMemo(() => foldUnchanged(rows), [rows]);
  const stats = diffStats(rows);
  // Opened folds belong to one diff: another pair of versions starts folded again.
  const [opened, setOpened] = useState<{ of: readonly DiffRow[]; at: ReadonlySet<number> }>({
    of: rows,
    at: new Set(),
  });
  const open = opened.of === rows ? opened.at : null;
  const show = (at: number) => setOpened({ of: rows, at: new Set([...(open ?? []), at]) });
  return (
    <div className="prompt-diff">
      <p className="muted" aria-live="polite">
        {fromLabel} → {toLabel}: {stats.added} line{stats.added === 1 ? '' : 's'} added,{' '}
        {stats.removed} removed
      </p>
      <table className="table diff-table" aria-label={`Diff of ${fromLabel} and ${toLabel}`}>
        <colgroup>
          <col className="diff-col-no" />
          <col className="diff-col-no" />
          <col />
        </colgroup>
        <tbody>
          {items.map((item) =>
            item.kind === 'fold' ? (
              open?.has(item.at) ? (
                item.rows.map((r) => <Row key={rowKey(r)} r={r} />)
              ) : (
                <tr key={`fold-${item.at}`} className="diff-fold">
                  <td colSpan={3}>
                    <button type="button" className="link-button" onClick={() => show(item.at)}>
                      Show {item.rows.length} unchanged lines
                    </button>
                  </td>
                </tr>
              )
            ) : (
              <Row key={rowKey(item)} r={item} />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
});

function rowKey(r: Exclude<DiffItem, { kind: 'fold' }>): string {
  return r.kind === 'add' ? `a${r.newNo}` : `d${r.oldNo}${r.kind === 'same' ? `-${r.newNo}` : ''}`;
}

function Row({ r }: { r: DiffRow }) {
  return (
    <tr className={`diff-${r.kind}`}>
      <td className="line-no">{r.kind === 'add' ? '' : r.oldNo}</td>
      <td className="line-no">{r.kind === 'del' ? '' : r.newNo}</td>
      <td className="mono pre-wrap">
        {r.kind === 'same' ? (
          // most rows: plain text, no marker element (a folded 5,000-line diff has a thousand)
          `  ${r.text}`
        ) : (
          <>
            <span aria-label={r.kind === 'add' ? 'added' : 'removed'}>
              {r.kind === 'add' ? '+ ' : '− '}
            </span>
            {r.text}
          </>
        )}
      </td>
    </tr>
  );
}
