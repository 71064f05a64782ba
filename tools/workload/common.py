"""Shared helpers of the Runlens workload: hostile strings, the manifest, and
small shims over the differences between MLflow 2.17 and 3.x clients."""

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

import mlflow

# Strings that must show as text in Runlens, never as markup.
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE = f"{HOSTILE_SCRIPT} {HOSTILE_IMG}"

MLFLOW_VERSION = mlflow.__version__
IS_V3 = int(MLFLOW_VERSION.split(".")[0]) >= 3


class Manifest:
    """What the workload made, by role, so specs and benches never hard-code ids."""

    def __init__(self, tracking_uri: str):
        self.data: dict = {
            "mlflow_version": MLFLOW_VERSION,
            "line": 3 if IS_V3 else 2,
            "tracking_uri": tracking_uri,
            "hostile": {"script": HOSTILE_SCRIPT, "img": HOSTILE_IMG},
            "experiments": {},
            "runs": {},
            "traces": {},
            "models": {},
            "timings_s": {},
        }

    def section(self, name: str) -> dict:
        return self.data.setdefault(name, {})

    def write(self, path: str) -> None:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        tmp = f"{path}.tmp"
        with open(tmp, "w") as f:
            json.dump(self.data, f, indent=2, sort_keys=True)
        os.replace(tmp, path)


def timed(manifest: Manifest, name: str, fn, *args):
    started = time.time()
    result = fn(*args)
    seconds = round(time.time() - started, 1)
    manifest.data["timings_s"][name] = seconds
    print(f"workload: {name} done in {seconds} s", flush=True)
    return result


def parallel(fn, items, workers: int = 2) -> list:
    """Run fn over items on a few threads (HTTP-bound logging) and re-raise errors."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items))


def last_trace_id() -> str:
    """The id of the trace just finished (request_id on 2.x, trace_id on 3.x)."""
    if IS_V3:
        return mlflow.get_last_active_trace_id()
    return mlflow.get_last_active_trace().info.request_id


def flush_traces() -> None:
    flush = getattr(mlflow, "flush_trace_async_logging", None)
    if flush:
        flush()


def log_sklearn(model, name: str, **kwargs):
    """mlflow.sklearn.log_model with the model's name (3.x) or artifact path (2.x)."""
    import mlflow.sklearn

    # Explicit requirements: inferring them imports the model in a subprocess (slow).
    kwargs.setdefault("pip_requirements", ["scikit-learn", "pandas"])
    if IS_V3:
        return mlflow.sklearn.log_model(model, name=name, **kwargs)
    return mlflow.sklearn.log_model(model, artifact_path=name, **kwargs)
