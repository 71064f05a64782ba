import { memo } from 'react';
import { Link } from 'react-router';
import type { Experiment } from '../../../api';
import { MarkdownText } from '../../../components/MarkdownText';
import { RelativeTime } from '../../../components/RelativeTime';
import { TagChips } from '../../../components/TagChips';
import { truncate } from '../../../lib/format';
import { experimentPath } from '../../../lib/paths';

interface Props {
  experiment: Experiment;
  onRename: (e: Experiment) => void;
  onDelete: (e: Experiment) => void;
  onRestore: (e: Experiment) => void;
}

export const ExperimentRow = memo(function ExperimentRow({
  experiment: e,
  onRename,
  onDelete,
  onRestore,
}: Props) {
  const deleted = e.lifecycleStage === 'deleted';
  return (
    <tr>
      <td>
        <Link to={experimentPath(e.id)}>{e.name}</Link>
        {deleted ? (
          <span className="badge" style={{ marginLeft: 6 }}>
            deleted
          </span>
        ) : null}
        <div className="muted mono">id {e.id}</div>
      </td>
      <td>
        <TagChips tags={e.tags} max={5} />
      </td>
      <td className="description-cell">
        {e.description ? <MarkdownText source={truncate(e.description, 300)} /> : null}
      </td>
      <td>
        <RelativeTime ms={e.creationTime} />
      </td>
      <td>
        <RelativeTime ms={e.lastUpdateTime} />
      </td>
      <td className="actions-cell">
        {deleted ? (
          <button
            type="button"
            className="button small"
            onClick={() => onRestore(e)}
            aria-label={`Restore ${e.name}`}
          >
            Restore
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button small"
              onClick={() => onRename(e)}
              aria-label={`Rename ${e.name}`}
            >
              Rename
            </button>{' '}
            <button
              type="button"
              className="button small"
              onClick={() => onDelete(e)}
              aria-label={`Delete ${e.name}`}
            >
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
});
