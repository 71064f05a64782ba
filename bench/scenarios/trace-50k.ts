/** 50,000 spans, which MLflow's own UI cannot open (mlflow#24314): same figures as trace-10k. */
import { traceScenario } from './_trace';

export default traceScenario(50_000);
