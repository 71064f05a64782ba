import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ModelVersion } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { RelativeTime } from '../../../components/RelativeTime';
import { Spinner } from '../../../components/Spinner';
import { Table } from '../../../components/Table';
import { TagChips } from '../../../components/TagChips';
import { useUrlParams } from '../../../components/use-url-state';
import { promptsPath } from '../../../lib/paths';
import { promptText, templateVariables } from '../model/template';
import { promptExperimentIds } from '../model/linked';
import { promptQueryOptions, promptRunsQueryOptions, promptVersionsQueryOptions } from '../queries';
import { PromptDiff } from './PromptDiff';
import { PromptTemplate } from './PromptTemplate';
import { PromptRuns } from './PromptRuns';

/**
 * One prompt: its versions (commit messages, aliases), the chosen version's
 * template with variables marked (`?version=`), and a diff of any two
 * versions (`?from=&to=`).
 */
export function PromptPage({ name }: { name: string }) {
  const prompt = useQuery(promptQueryOptions(name));
  const versions = useQuery(promptVersionsQueryOptions(name));
  const [params, patch] = useUrlParams();
  const linked = useQuery({
    ...promptRunsQueryOptions(name, promptExperimentIds(prompt.data?.tags ?? {})),
    enabled: !!prompt.data,
  });
  if (prompt.isPending || versions.isPending) return <Spinner label="Loading prompt…" />;
  if (prompt.isError)
    return (
      <ErrorNotice
        title={`Prompt ${name}`}
        error={prompt.error}
        onRetry={() => void prompt.refetch()}
      />
    );
  if (versions.isError)
    return (
      <ErrorNotice
        title="Prompt versions"
        error={versions.error}
        onRetry={() => void versions.refetch()}
      />
    );
  const vs = versions.data;
  const aliasesOf = (v: string) =>
    Object.entries(prompt.data.aliases)
      .filter(([, ver]) => ver === v)
      .map(([a]) => a);
  const shown = vs.find((v) => v.version === params.get('version')) ?? vs[0];
  const from = vs.find((v) => v.version === params.get('from')) ?? vs[1] ?? vs[0];
  const to = vs.find((v) => v.version === params.get('to')) ?? vs[0];
  const userTags = Object.fromEntries(
    Object.entries(prompt.data.tags).filter(([k]) => !k.startsWith('_mlflow')),
  );
  return (
    <div className="prompt-page">
      <p className="muted">
        <Link to={promptsPath()}>Prompts</Link> ›
      </p>
      <h1>{name}</h1>
      <TagChips tags={userTags} />
      <section aria-labelledby="prompt-versions" className="run-section">
        <h2 id="prompt-versions">Versions</h2>
        <Table
          label="Prompt versions"
          columns={['Version', 'Commit message', 'Aliases', 'Created', 'Used in runs']}
        >
          {vs.map((v) => (
            <tr key={v.version} aria-current={v === shown ? 'true' : undefined}>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => patch({ version: v.version })}
                >
                  Version {v.version}
                </button>
              </td>
              <td className="pre-wrap">{v.description}</td>
              <td>
                {aliasesOf(v.version).map((a) => (
                  <span key={a} className="chip">
                    @{a}
                  </span>
                ))}
              </td>
              <td>
                <RelativeTime ms={v.creationTimestamp} />
              </td>
              <td>
                <PromptRuns runs={linked.data?.get(v.version) ?? []} />
              </td>
            </tr>
          ))}
        </Table>
      </section>
      {shown ? (
        <section aria-labelledby="prompt-template" className="run-section">
          <h2 id="prompt-template">Template of version {shown.version}</h2>
          <VersionTemplate v={shown} />
        </section>
      ) : null}
      {vs.length > 1 && from && to ? (
        <section aria-labelledby="prompt-diff" className="run-section">
          <h2 id="prompt-diff">Compare versions</h2>
          <div className="toolbar">
            <VersionSelect
              label="From"
              versions={vs}
              value={from.version}
              onChange={(v) => patch({ from: v })}
            />
            <VersionSelect
              label="To"
              versions={vs}
              value={to.version}
              onChange={(v) => patch({ to: v })}
            />
          </div>
          <PromptDiff
            from={promptText(from.tags)}
            to={promptText(to.tags)}
            fromLabel={`version ${from.version}`}
            toLabel={`version ${to.version}`}
          />
        </section>
      ) : null}
    </div>
  );
}

function VersionTemplate({ v }: { v: ModelVersion }) {
  const text = promptText(v.tags);
  const vars = templateVariables(text);
  return (
    <>
      {vars.length ? (
        <p className="muted">
          Variables:{' '}
          {vars.map((x) => (
            <mark key={x} className="prompt-var">
              {x}
            </mark>
          ))}
        </p>
      ) : null}
      <PromptTemplate text={text} />
    </>
  );
}

function VersionSelect({
  label,
  versions,
  value,
  onChange,
}: {
  label: string;
  versions: readonly ModelVersion[];
  value: string;
  onChange: (version: string) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
          </option>
        ))}
      </select>
    </label>
  );
}
