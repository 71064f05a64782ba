import { useMemo } from 'react';
import { diffLines, diffStats } from '../model/diff';

/** Two versions' texts, line by line: removed lines, added lines, common ones between. */
export function PromptDiff({
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
  const stats = diffStats(rows);
  return (
    <div className="prompt-diff">
      <p className="muted" aria-live="polite">
        {fromLabel} → {toLabel}: {stats.added} line{stats.added === 1 ? '' : 's'} added,{' '}
        {stats.removed} removed
      </p>
      <table className="table diff-table" aria-label={`Diff of ${fromLabel} and ${toLabel}`}>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={`diff-${r.kind}`}>
              <td className="line-no">{r.kind === 'add' ? '' : r.oldNo}</td>
              <td className="line-no">{r.kind === 'del' ? '' : r.newNo}</td>
              <td className="mono pre-wrap">
                <span
                  aria-label={r.kind === 'add' ? 'added' : r.kind === 'del' ? 'removed' : undefined}
                >
                  {r.kind === 'add' ? '+ ' : r.kind === 'del' ? '− ' : '  '}
                </span>
                {r.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
