import { useMemo, useState } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { LongText } from './LongText';

const OPEN_DEPTH = 2;
const PAGE = 100;

function safeStringify(v: unknown, indent?: number): string {
  try {
    return JSON.stringify(v, null, indent) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * A JSON value as a collapsible tree, with a raw toggle and a copy button.
 * Levels below OPEN_DEPTH start closed and render only when opened, and big
 * arrays/objects show PAGE entries at a time, so deep or huge payloads stay cheap.
 */
export function JsonView({ value, label }: { value: unknown; label?: string }) {
  const [raw, setRaw] = useState(false);
  // Stringified once per value: the copy button and the raw view share it.
  const text = useMemo(() => safeStringify(value, 2), [value]);
  const scalar = value === null || typeof value !== 'object';
  return (
    <div className="json-view">
      {scalar ? null : (
        <div className="json-actions">
          <div
            className="segmented"
            role="group"
            aria-label={label ? `${label} view` : 'JSON view'}
          >
            <button type="button" aria-pressed={!raw} onClick={() => setRaw(false)}>
              Tree
            </button>
            <button type="button" aria-pressed={raw} onClick={() => setRaw(true)}>
              Raw
            </button>
          </div>
          <CopyButton text={text} label={label ? `Copy ${label}` : 'Copy JSON'} />
        </div>
      )}
      {raw ? (
        <pre className="json-raw">
          <LongText text={text} limit={20_000} />
        </pre>
      ) : (
        <div className="json-tree mono">
          <JsonNode value={value} depth={0} />
        </div>
      )}
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    return (
      <span className="json-string">
        "<LongText text={value} limit={1000} />"
      </span>
    );
  }
  if (value === null) return <span className="json-null">null</span>;
  return <span className={`json-${typeof value}`}>{String(value)}</span>;
}

function JsonNode({ value, depth }: { value: unknown; depth: number }) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [limit, setLimit] = useState(PAGE);
  if (value === null || typeof value !== 'object') return <Scalar value={value} />;
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  const [o, c] = isArray ? ['[', ']'] : ['{', '}'];
  if (!entries.length) return <span>{o + c}</span>;
  return (
    <span>
      <button
        type="button"
        className="json-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {o}
        {open ? '' : ` ${entries.length} ${isArray ? 'items' : 'keys'} ${c}`}
      </button>
      {open ? (
        <>
          <ul className="json-children">
            {entries.slice(0, limit).map(([k, v]) => (
              <li key={k}>
                <span className="json-key">{isArray ? k : JSON.stringify(k)}</span>:{' '}
                <JsonNode value={v} depth={depth + 1} />
              </li>
            ))}
            {entries.length > limit ? (
              <li>
                <button
                  type="button"
                  className="button small"
                  onClick={() => setLimit(limit + PAGE * 10)}
                >
                  Show more ({entries.length - limit} left)
                </button>
              </li>
            ) : null}
          </ul>
          {c}
        </>
      ) : null}
    </span>
  );
}
