/** 10,000 spans: navigation to first rows, p95 frame while scrolling all rows, collapse all, expand all. */
import { traceScenario } from './_trace';

export default traceScenario(10_000);
