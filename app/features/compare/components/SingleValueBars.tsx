import { useState } from 'react';
import { maxOf, minOf } from '../../../lib/extent';
import { formatNumber } from '../../../lib/format';
import type { SingleValue } from '../model/single-value';

interface Props {
  metricKey: string;
  values: SingleValue[];
  names: Map<string, string>;
  colors: Map<string, string>;
  height: number;
}

/**
 * A metric with one value per run (best_val_accuracy, epoch_time_sec): a line
 * chart would draw nothing, so each run gets a bar, its value shown on hover.
 */
export function SingleValueBars({ metricKey, values, names, colors, height }: Props) {
  const [hovered, setHovered] = useState<string | null>(null);
  const finite = values.map((v) => v.value).filter(Number.isFinite);
  const lo = minOf(finite, 0);
  const hi = maxOf(finite, 0);
  const span = hi - lo || 1;
  const shown = values.find((v) => v.id === hovered);
  return (
    <div className="single-bars" style={{ height }}>
      <ul aria-label={`${metricKey} per run`}>
        {values.map((v) => {
          const name = names.get(v.id) ?? v.id;
          const ok = Number.isFinite(v.value);
          const left = ok ? ((Math.min(0, v.value) - lo) / span) * 100 : 0;
          const width = ok ? (Math.abs(v.value) / span) * 100 : 0;
          return (
            <li
              key={v.id}
              onMouseEnter={() => setHovered(v.id)}
              onMouseLeave={() => setHovered((h) => (h === v.id ? null : h))}
            >
              <span className="single-bar-name" title={name}>
                {name}
              </span>
              <span className="single-bar-track">
                <span
                  className="single-bar"
                  style={{
                    left: `${left}%`,
                    width: `max(2px, ${width}%)`,
                    background: colors.get(v.id) ?? '#888',
                  }}
                />
              </span>
            </li>
          );
        })}
      </ul>
      {shown ? (
        <div role="tooltip" className="single-bars-tip">
          {names.get(shown.id) ?? shown.id}: {formatNumber(shown.value, 6)}
        </div>
      ) : null}
    </div>
  );
}
