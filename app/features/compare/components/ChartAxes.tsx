/**
 * Tick labels as DOM text beside the canvas (uPlot draws grid and tick marks at the same
 * values): crisp at any pixel ratio, readable by assistive tech and by tests. Renders
 * only when domains or size change, never on hover.
 */
import { memo } from 'react';
import { formatNumber } from '../../../lib/format';
import { linearOrLog, type Plot } from './chart-geometry';

interface Props {
  plot: Plot;
  xDomain: [number, number];
  yDomain: [number, number];
  log: boolean;
  xTicks: number[];
  yTicks: number[];
  formatX: (x: number) => string;
}

export const ChartAxes = memo(function ChartAxes({
  plot,
  xDomain,
  yDomain,
  log,
  xTicks,
  yTicks,
  formatX,
}: Props) {
  const sx = linearOrLog(xDomain, [0, plot.width], false);
  const sy = linearOrLog(yDomain, [plot.height, 0], log);
  return (
    <div className="chart-axes">
      {xTicks.map((v) => (
        <span
          key={`x${v}`}
          className="tick tick-x"
          style={{ left: plot.left + sx(v), top: plot.top + plot.height + 4 }}
        >
          {formatX(v)}
        </span>
      ))}
      {yTicks.map((v) => (
        <span
          key={`y${v}`}
          className="tick tick-y"
          style={{ left: 0, width: plot.left - 6, top: plot.top + sy(v) }}
        >
          {formatNumber(v, 3)}
        </span>
      ))}
    </div>
  );
});
