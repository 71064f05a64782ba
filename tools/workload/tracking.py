"""Experiments, a 100+ run sweep, artifacts of every kind, datasets and system metrics."""

import io
import math
import random
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import mlflow  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from mlflow.entities import Metric, Param, RunTag  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

from common import HOSTILE, HOSTILE_IMG, HOSTILE_SCRIPT, Manifest, parallel  # noqa: E402

STEPS = 1000
TRIALS = 100
SWEEP_DESCRIPTION = """# Hyperparameter sweep

Grid over **learning rate**, batch size, optimizer and depth.

- 100 trials, 1,000 steps each
- a parent run with 5 children
- failed runs diverge to `NaN` and `inf`

| optimizer | lr range |
| --- | --- |
| adam | 1e-4 .. 1e-2 |
| sgd | 1e-3 .. 1e-1 |
"""


def experiments(client: MlflowClient, m: Manifest) -> None:
    ex = m.section("experiments")
    ex["sweep"] = client.create_experiment(
        "hyperparam-sweep",
        tags={"team": "vision", "mlflow.note.content": SWEEP_DESCRIPTION, "priority": "high"},
    )
    ex["artifacts"] = client.create_experiment(
        "vision-demo", tags={"team": "vision", "mlflow.note.content": "Images, figures, tables and datasets."}
    )
    ex["nlp"] = client.create_experiment(
        "nlp/sentiment-classification",
        tags={"team": "nlp", "mlflow.note.content": "## Sentiment\n\nA *BERT*-style classifier."},
    )
    ex["hostile"] = client.create_experiment(
        f"hostile {HOSTILE_SCRIPT}",
        tags={"owner": HOSTILE_IMG, "mlflow.note.content": f"Description with {HOSTILE}"},
    )
    ex["deleted"] = client.create_experiment("old-experiment-deleted", tags={"team": "legacy"})
    client.delete_experiment(ex["deleted"])
    for i in range(3):
        client.create_experiment(f"scratch-{i}")


def _curves(rng: random.Random, lr: float, diverge: bool):
    """train/loss, val/loss, val/accuracy over STEPS steps; a diverging run ends in NaN and inf."""
    t0 = int(time.time() * 1000) - STEPS * 1000
    decay = 0.002 + lr * 2
    out = {"train/loss": [], "val/loss": [], "val/accuracy": []}
    for s in range(STEPS):
        ts = t0 + s * 1000
        base = 2.5 * math.exp(-decay * s) + 0.05
        train = base + rng.gauss(0, 0.02)
        val = base * 1.1 + rng.gauss(0, 0.03)
        acc = min(0.99, 1 - val / 2.8 + rng.gauss(0, 0.005))
        if diverge and s > STEPS * 0.6:
            train = float("nan") if s % 2 else float("inf")
            val = float("nan")
            acc = float("-inf") if s == STEPS - 1 else 0.0
        out["train/loss"].append(Metric("train/loss", train, ts, s))
        out["val/loss"].append(Metric("val/loss", val, ts, s))
        out["val/accuracy"].append(Metric("val/accuracy", acc, ts, s))
    return out


def _log_trial(client: MlflowClient, exp_id: str, i: int, rng: random.Random, parent: str | None = None):
    lr = round(10 ** rng.uniform(-4, -1), 6)
    optimizer = rng.choice(["adam", "sgd", "adamw"])
    diverge = i in (7, 23, 61)
    name = f"trial-{i:03d}" if parent is None else f"child-{i}"
    if i == 13:
        name = f"trial-013 {HOSTILE_SCRIPT}"
    tags = {"mlflow.runName": name, "stage": rng.choice(["explore", "exploit"])}
    if parent:
        tags["mlflow.parentRunId"] = parent
    if i == 13:
        tags["hostile"] = HOSTILE_IMG
        tags["mlflow.note.content"] = f"Run note {HOSTILE}"
    run = client.create_run(exp_id, run_name=name, tags=tags)
    rid = run.info.run_id
    params = [
        Param("lr", str(lr)),
        Param("batch_size", str(rng.choice([16, 32, 64, 128]))),
        Param("optimizer", optimizer),
        Param("layers", str(rng.randint(2, 8))),
    ]
    if i == 13:
        params.append(Param("comment", HOSTILE))
    client.log_batch(rid, params=params)
    for series in _curves(rng, lr, diverge).values():
        client.log_batch(rid, metrics=series)
    status = "FAILED" if diverge else "KILLED" if i == 42 else "FINISHED"
    if i == 99:
        status = None  # still RUNNING
    if status:
        client.set_terminated(rid, status)
    return rid


def sweep(client: MlflowClient, m: Manifest) -> None:
    exp_id = m.data["experiments"]["sweep"]
    rngs = [random.Random(1000 + i) for i in range(TRIALS)]
    ids = parallel(lambda i: _log_trial(client, exp_id, i, rngs[i]), range(TRIALS))
    runs = m.section("runs")
    runs["sweep"] = ids
    runs["failed"] = [ids[7], ids[23], ids[61]]
    runs["killed"] = ids[42]
    runs["running"] = ids[99]
    runs["hostile"] = ids[13]
    runs["trial"] = ids[0]
    parent = client.create_run(exp_id, run_name="parent-search", tags={"kind": "parent"})
    pid = parent.info.run_id
    client.log_batch(pid, params=[Param("search", "bayes")], metrics=[Metric("best/val_loss", 0.12, 0, 0)])
    children = parallel(lambda k: _log_trial(client, exp_id, 200 + k, random.Random(k), parent=pid), range(5))
    client.set_terminated(pid, "FINISHED")
    runs["parent"] = pid
    runs["children"] = children
    deleted = client.create_run(exp_id, run_name="deleted-run")
    client.set_terminated(deleted.info.run_id, "FINISHED")
    client.delete_run(deleted.info.run_id)
    runs["deleted"] = deleted.info.run_id


def _figure(kind: str):
    fig, ax = plt.subplots(figsize=(4, 3))
    xs = np.linspace(0, 10, 200)
    ax.plot(xs, np.exp(-xs / 3), label="loss")
    ax.set_title(f"Loss ({kind})")
    ax.legend()
    return fig


def artifacts(m: Manifest) -> None:
    exp_id = m.data["experiments"]["artifacts"]
    with mlflow.start_run(experiment_id=exp_id, run_name="artifacts-showcase") as run:
        rng = np.random.default_rng(0)
        mlflow.log_image(rng.integers(0, 255, (32, 32, 3), dtype=np.uint8), "images/noise.png")
        for step in range(3):
            img = np.full((16, 16, 3), step * 80, dtype=np.uint8)
            mlflow.log_image(img, key="digits", step=step)
        fig = _figure("png")
        mlflow.log_figure(fig, "figures/loss.png")
        mlflow.log_figure(fig, "figures/loss.svg")
        plt.close(fig)
        mlflow.log_table(
            {"input": ["good movie", HOSTILE_SCRIPT, "bad plot"], "label": [1, 0, 0], "score": [0.93, 0.5, 0.08]},
            artifact_file="tables/predictions.json",
        )
        mlflow.log_dict({"model": {"depth": 4, "dropout": 0.1}, "note": HOSTILE_IMG}, "config/params.json")
        mlflow.log_dict({"optimizer": "adam", "lr": 0.001}, "config/params.yaml")
        mlflow.log_text("# Readme\n\nTrained on **iris**.\n", "notes/README.md")
        mlflow.log_text(f"plain text with {HOSTILE}\n", "notes/hostile.txt")
        csv = io.StringIO()
        pd.DataFrame({"step": range(10), "loss": [1 / (s + 1) for s in range(10)]}).to_csv(csv, index=False)
        mlflow.log_text(csv.getvalue(), "data/metrics.csv")
        mlflow.log_text("deep leaf\n", "deep/a/b/c/leaf.txt")
        train = pd.DataFrame({"x1": rng.normal(size=50), "x2": rng.normal(size=50), "target": rng.integers(0, 2, 50)})
        mlflow.log_input(mlflow.data.from_pandas(train, name="toy-train", targets="target"), context="training")
        evald = train.sample(20, random_state=1)
        mlflow.log_input(mlflow.data.from_pandas(evald, name="toy-eval", targets="target"), context="evaluation")
        mlflow.log_params({"source": "synthetic", "rows": 50})
        mlflow.log_metric("accuracy", 0.87)
    m.section("runs")["artifacts"] = run.info.run_id


def system_metrics(m: Manifest) -> None:
    from mlflow.system_metrics import set_system_metrics_samples_before_logging, set_system_metrics_sampling_interval

    set_system_metrics_sampling_interval(1)
    set_system_metrics_samples_before_logging(1)
    exp_id = m.data["experiments"]["artifacts"]
    with mlflow.start_run(experiment_id=exp_id, run_name="with-system-metrics", log_system_metrics=True) as run:
        for s in range(4):
            mlflow.log_metric("loss", 1 / (s + 1), step=s)
            time.sleep(1)
    m.section("runs")["system_metrics"] = run.info.run_id
