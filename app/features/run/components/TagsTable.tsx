import { useDeferredValue, useMemo, useState } from 'react';
import type { TagMap } from '../../../api';
import { TagEditor } from '../../../components/TagEditor';
import { isSystemTag } from '../../../lib/tags';
import { filterKeyValues, toKeyValues } from '../model/rows';
import { useDeleteRunTag, useSetRunTag } from '../mutations';
import { SearchBox, ValueCell } from './ValueCell';

const renderValue = (v: string) => <ValueCell value={v} />;

/** The run's tags, searchable: user tags editable, `mlflow.*` system tags folded away. */
export function TagsTable({ runId, tags }: { runId: string; tags: TagMap }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const shown = useMemo(
    () =>
      Object.fromEntries(filterKeyValues(toKeyValues(tags), query).map((t) => [t.key, t.value])),
    [tags, query],
  );
  const userCount = useMemo(() => Object.keys(tags).filter((k) => !isSystemTag(k)).length, [tags]);
  const set = useSetRunTag(runId);
  const remove = useDeleteRunTag(runId);

  return (
    <section aria-labelledby="run-tags" className="run-section card">
      <div className="toolbar">
        <h2 id="run-tags" style={{ margin: 0 }}>
          Tags <span className="muted">({userCount})</span>
        </h2>
        <SearchBox id="tags-search" label="Search tags" value={q} onChange={setQ} />
      </div>
      <TagEditor
        tags={shown}
        onSet={(key, value) => set.mutateAsync({ key, value })}
        onDelete={(key) => remove.mutateAsync(key)}
        renderValue={renderValue}
      />
    </section>
  );
}
