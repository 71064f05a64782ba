import type { TagMap } from '../../../api';
import { TagEditor } from '../../../components/TagEditor';
import { useDeleteTraceTag, useSetTraceTag } from '../mutations';

/** User tags of a trace: add, edit and delete through the trace tag endpoints (`mlflow.*` tags are not shown). */
export function TraceTags({ requestId, tags }: { requestId: string; tags: TagMap }) {
  const set = useSetTraceTag();
  const del = useDeleteTraceTag();
  return (
    <section aria-label="Trace tags" className="trace-tags">
      <TagEditor
        tags={tags}
        label="Trace tags"
        systemTags="hide"
        onSet={(key, value) => set.mutateAsync({ requestId, key, value })}
        onDelete={(key) => del.mutateAsync({ requestId, key })}
      />
    </section>
  );
}
