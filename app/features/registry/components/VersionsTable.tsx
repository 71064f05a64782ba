import { Link } from 'react-router';
import type { ModelVersion } from '../../../api';
import { RelativeTime } from '../../../components/RelativeTime';
import { Table } from '../../../components/Table';
import { TagChips } from '../../../components/TagChips';
import { useUrlParams } from '../../../components/use-url-state';
import { excerpt, filterVersions, STAGES } from '../model/filter';
import { modelVersionPath } from '../../../lib/paths';
import { RunLink } from './RunLink';

const COLUMNS = [
  { hidden: 'Compare' },
  'Version',
  'Stage',
  'Aliases',
  'Status',
  'Created',
  'Source run',
  'Tags',
  'Description',
];

/**
 * A model's versions, filterable by stage and alias (filters live in the URL).
 * Checkboxes pick versions to compare.
 */
export function VersionsTable({
  modelName,
  versions,
  aliasNames,
  selected,
  onToggle,
}: {
  modelName: string;
  /** Newest first, aliases merged in. */
  versions: ModelVersion[];
  aliasNames: string[];
  selected: string[];
  onToggle: (version: string) => void;
}) {
  const [params, patch] = useUrlParams();
  const stage = params.get('stage') ?? '';
  const alias = params.get('alias') ?? '';
  const shown = filterVersions(versions, { stage, alias });

  return (
    <div>
      <div className="toolbar">
        <label htmlFor="versions-stage">Filter by stage</label>
        <select
          id="versions-stage"
          value={stage}
          onChange={(e) => patch({ stage: e.target.value })}
        >
          <option value="">Any</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor="versions-alias">Filter by alias</label>
        <select
          id="versions-alias"
          value={alias}
          onChange={(e) => patch({ alias: e.target.value })}
        >
          <option value="">Any</option>
          <option value="*">With any alias</option>
          {aliasNames.map((a) => (
            <option key={a} value={a}>
              @{a}
            </option>
          ))}
        </select>
        <span className="muted" aria-live="polite">
          {shown.length} of {versions.length} versions
        </span>
      </div>
      {shown.length ? (
        <Table label="Versions" columns={COLUMNS}>
          {shown.map((v) => (
            <tr key={v.version}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select version ${v.version}`}
                  checked={selected.includes(v.version)}
                  onChange={() => onToggle(v.version)}
                />
              </td>
              <td>
                <Link to={modelVersionPath({ name: modelName, version: v.version })}>
                  Version {v.version}
                </Link>
              </td>
              <td>{v.currentStage}</td>
              <td>
                {v.aliases.map((a) => (
                  <span key={a} className="badge">
                    @{a}
                  </span>
                ))}
              </td>
              <td className={`status-${v.status}`}>{v.status}</td>
              <td>
                <RelativeTime ms={v.creationTimestamp} />
              </td>
              <td>
                <RunLink runId={v.runId} source={v.source} />
              </td>
              <td>
                <TagChips tags={v.tags} max={4} />
              </td>
              <td className="excerpt" title={v.description}>
                {excerpt(v.description)}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="empty">
          {versions.length
            ? 'No version matches these filters.'
            : 'This model has no versions yet.'}
        </p>
      )}
    </div>
  );
}
