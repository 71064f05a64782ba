import { Link } from 'react-router';
import type { Run } from '../../../api';
import { evaluationPath } from '../../../lib/paths';

/** An `mlflow.genai.evaluate` run (MLflow 3) links to its results: rows, scorer columns, aggregates. */
export function EvaluationLink({ run }: { run: Run }) {
  if (run.tags['mlflow.runType'] !== 'genai_evaluate') return null;
  return (
    <p className="card">
      This run is an evaluation (<span className="mono">mlflow.genai.evaluate</span>).{' '}
      <Link to={evaluationPath({ experimentId: run.info.experimentId, runId: run.info.id })}>
        Open its evaluation results
      </Link>
    </p>
  );
}
