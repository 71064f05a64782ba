"""The Runlens workload: logs realistic data into a real MLflow tracking server over
HTTP with the real Python client, and writes a manifest of what it made.

    .venvs/mlflow-3.18.0/bin/python tools/workload/run.py \\
        --tracking-uri http://127.0.0.1:5000 --manifest /tmp/manifest.json

Run it once per fresh server: names of experiments and models are fixed.
"""

import argparse
import logging
import os
import time
import warnings

os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
# MLflow 3 exports spans from a background OpenTelemetry BatchSpanProcessor whose queue
# holds max(MLFLOW_ASYNC_TRACE_LOGGING_MAX_SPAN_BATCH_SIZE, 2048) spans and silently drops
# the oldest when full ("Queue full, dropping Span."), then from a task queue of
# MLFLOW_ASYNC_TRACE_LOGGING_MAX_QUEUE_SIZE that drops new tasks. On a busy machine the
# 5,000-span trace overflowed the first: spans went missing, and a trace whose only span
# was dropped was "not found". One batch larger than any trace, and a roomy task queue,
# lose nothing (and export the big trace in one request). 2.x ignores both.
os.environ.setdefault("MLFLOW_ASYNC_TRACE_LOGGING_MAX_SPAN_BATCH_SIZE", "8192")
os.environ.setdefault("MLFLOW_ASYNC_TRACE_LOGGING_MAX_QUEUE_SIZE", "100000")

import mlflow  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

from common import IS_V3, Manifest, timed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tracking-uri", required=True)
    ap.add_argument("--manifest", required=True)
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    logging.getLogger("mlflow").setLevel(logging.ERROR)
    # Dropped spans or traces must show in the workload log.
    logging.getLogger("mlflow.tracing").setLevel(logging.WARNING)
    mlflow.set_tracking_uri(args.tracking_uri)
    client = MlflowClient(args.tracking_uri)
    m = Manifest(args.tracking_uri)
    started = time.time()

    import registry
    import tracking
    import traces

    timed(m, "experiments", tracking.experiments, client, m)
    timed(m, "sweep", tracking.sweep, client, m)
    timed(m, "artifacts", tracking.artifacts, m)
    timed(m, "system_metrics", tracking.system_metrics, m)
    timed(m, "registry", registry.registry, client, m)
    timed(m, "traces", traces.traces, client, m)
    if IS_V3:
        import v3

        timed(m, "logged_models", v3.logged_models, client, m)
        timed(m, "assessments", v3.assessments, client, m)
        timed(m, "sessions", v3.sessions, client, m)
        timed(m, "prompts", v3.prompts, m)
        timed(m, "evaluation", v3.evaluation, client, m)
    timed(m, "check_traces", traces.check_traces, client, m)
    m.data["timings_s"]["total"] = round(time.time() - started, 1)
    m.write(args.manifest)
    print(f"workload: MLflow {mlflow.__version__}, {m.data['timings_s']['total']} s, manifest {args.manifest}")


if __name__ == "__main__":
    main()
