/** Compare 500 runs (MLflow stops at 100): the same figures as charts-100x10k. */
import { defineScenario } from '../lib';
import { measureCharts } from './charts-100x10k';

export default defineScenario({
  name: 'charts-500-runs',
  description:
    'Compare 500 runs × 10,000 steps: first paint, full fidelity, hover latency, points drawn',
  demoEnv: { RUNLENS_DEMO_CHART_RUNS: '500', RUNLENS_DEMO_STEPS: '10000' },
  run: (ctx) => measureCharts(ctx, 500, 'charts-500-runs'),
});
