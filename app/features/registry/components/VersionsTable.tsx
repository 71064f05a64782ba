import { useId } from 'react';
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
        <FilterSelect
          label="Filter by stage"
          value={stage}
          onChange={(v) => patch({ stage: v })}
          options={STAGES.map((s) => ({ value: s, label: s }))}
        />
        <FilterSelect
          label="Filter by alias"
          value={alias}
          onChange={(v) => patch({ alias: v })}
          options={[
            { value: '*', label: 'With any alias' },
            ...aliasNames.map((a) => ({ value: a, label: `@${a}` })),
          ]}
        />
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

/** A labelled select whose first choice, "Any", is no filter (''). */
function FilterSelect(p: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{p.label}</label>
      <select id={id} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        <option value="">Any</option>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
