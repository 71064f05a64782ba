"""Traces from @mlflow.trace and start_span: chat, tool and retriever spans, errors,
tags, hostile inputs, and one trace of 5,000 spans."""

import json

import mlflow
import requests
from mlflow.entities import SpanType
from mlflow.tracking import MlflowClient

from common import HOSTILE, HOSTILE_IMG, HOSTILE_SCRIPT, IS_V3, Manifest, flush_traces, last_trace_id, parallel

QUESTIONS = [
    "What is MLflow?",
    "How do I log a metric?",
    "Which optimizer converged fastest?",
    "Summarise run trial-042",
    "What is the champion model?",
    "Compare adam and sgd",
]


@mlflow.trace(span_type=SpanType.RETRIEVER)
def retrieve(query: str) -> list:
    return [
        {"page_content": f"Doc about {query}", "metadata": {"doc_uri": "https://docs/1", "chunk_id": "1"}, "id": "1"},
        {"page_content": "MLflow tracks experiments.", "metadata": {"doc_uri": "https://docs/2", "chunk_id": "2"}, "id": "2"},
    ]


@mlflow.trace(span_type=SpanType.TOOL)
def calculator(expression: str) -> str:
    return str(len(expression))


@mlflow.trace(span_type=SpanType.CHAT_MODEL)
def chat(messages: list) -> dict:
    span = mlflow.get_current_active_span()
    if span:
        span.set_attributes({"model": "toy-gpt", "temperature": 0.2})
    answer = f"Answer to: {messages[-1]['content']}"
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "toy-gpt",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 9, "total_tokens": 21},
    }


@mlflow.trace(span_type=SpanType.AGENT)
def agent(question: str, fail_tool: bool = False) -> str:
    docs = retrieve(question)
    with mlflow.start_span(name="plan", span_type=SpanType.CHAIN) as span:
        span.set_inputs({"question": question, "docs": len(docs)})
        span.set_outputs({"steps": ["calculate", "answer"]})
    if fail_tool:
        try:
            with mlflow.start_span(name="flaky-tool", span_type=SpanType.TOOL) as span:
                span.set_inputs({"expression": "1/0"})
                raise ZeroDivisionError("division by zero in flaky-tool")
        except ZeroDivisionError:
            pass
    calculator(question)
    reply = chat([{"role": "system", "content": "You are helpful."}, {"role": "user", "content": question}])
    return reply["choices"][0]["message"]["content"]


@mlflow.trace(name="failing-agent", span_type=SpanType.AGENT)
def failing_agent(question: str) -> str:
    retrieve(question)
    raise RuntimeError(f"upstream model unavailable for {question!r}")


def big_trace(total: int = 5000) -> None:
    """One root, chains of tool spans under it: exactly `total` spans."""
    with mlflow.start_span(name="batch-pipeline", span_type=SpanType.CHAIN) as root:
        root.set_inputs({"items": total})
        made = 1
        group = 0
        while made < total:
            with mlflow.start_span(name=f"stage-{group}", span_type=SpanType.CHAIN) as stage:
                made += 1
                stage.set_inputs({"stage": group})
                for k in range(min(100, total - made)):
                    with mlflow.start_span(name=f"item-{group}-{k}", span_type=SpanType.TOOL) as leaf:
                        leaf.set_inputs({"k": k})
                        leaf.set_outputs({"ok": True})
                    made += 1
            group += 1
        root.set_outputs({"processed": total})


def traces(client: MlflowClient, m: Manifest) -> None:
    exp_id = client.create_experiment("llm-agent", tags={"mlflow.note.content": "Agent traces for the demo."})
    m.section("experiments")["traces"] = exp_id
    mlflow.set_experiment(experiment_id=exp_id)
    ids = []
    for i, q in enumerate(QUESTIONS):
        agent(q, fail_tool=(i == 2))
        ids.append(last_trace_id())
    t = m.section("traces")
    t["agent"] = ids
    t["error_span"] = ids[2]
    try:
        failing_agent("Why did it fail?")
    except RuntimeError:
        pass
    t["error"] = last_trace_id()
    agent(HOSTILE_SCRIPT)
    t["hostile"] = last_trace_id()
    with mlflow.start_span(name=f"span {HOSTILE_IMG}", span_type="CUSTOM_STEP") as span:
        span.set_inputs({"text": HOSTILE, "html": HOSTILE_IMG})
        span.set_outputs({"echo": HOSTILE_SCRIPT})
    t["hostile_span"] = last_trace_id()
    big_trace(5000)
    t["big"] = last_trace_id()
    t["big_spans"] = 5000
    with mlflow.start_run(experiment_id=exp_id, run_name="traced-run") as run:
        agent("Inside a run")
        t["in_run"] = last_trace_id()
    m.section("runs")["traced"] = run.info.run_id
    flush_traces()
    client.set_trace_tag(ids[0], "reviewed", "yes")
    client.set_trace_tag(ids[0], "topic", "docs")
    client.set_trace_tag(t["hostile"], "note", HOSTILE)


def _logged_trace_ids(m: Manifest) -> list:
    """Every trace id the manifest names (traces, assessments, sessions)."""
    ids = []
    for value in m.data["traces"].values():
        if isinstance(value, str):
            ids.append(value)
        elif isinstance(value, list):
            ids += value
    ids += m.data.get("assessments", {}).get("traces", [])
    for session in m.data.get("sessions", {}).values():
        if isinstance(session, dict):
            ids += session.get("traces", [])
    return list(dict.fromkeys(ids))


def _trace_problem(uri: str, tid: str, want_override: int | None) -> str | None:
    """What is wrong with one logged trace on the server, or None. Asks the endpoints the
    UI reads (v3 trace info, get-trace-artifact) directly: the client's get_trace builds a
    Python object per span, 20x slower on the 5,000-span trace."""
    info = requests.get(f"{uri}/api/3.0/mlflow/traces/{tid}", timeout=60)
    data = requests.get(f"{uri}/ajax-api/2.0/mlflow/get-trace-artifact", params={"request_id": tid}, timeout=60)
    for r in (info, data):
        if not r.ok:
            return f"{tid}: {r.status_code} from {r.url.split('?')[0]}: {r.text[:160]}"
    got = len(data.json().get("spans", []))
    want = want_override
    stats = info.json()["trace"]["trace_info"].get("trace_metadata", {}).get("mlflow.trace.sizeStats")
    if want is None and stats:
        want = json.loads(stats)["num_spans"]
    if got == 0 or (want is not None and got != want):
        return f"{tid}: {got} spans on the server, {want} logged"
    return None


def check_traces(client: MlflowClient, m: Manifest) -> None:
    """Fail the workload when a trace it logged is missing or lost spans on the way to the
    server, rather than let the tests read incomplete data. MLflow 3 exports traces in the
    background and drops spans on full queues (see run.py); 2.x logs each trace when it
    ends, or the call fails, so only 3.x is checked. The expected count is the trace's
    own size stats (5,000 for the big one)."""
    if not IS_V3:
        return
    flush_traces()
    big = m.data["traces"]["big"]
    ids = _logged_trace_ids(m)
    expected = [m.data["traces"]["big_spans"] if tid == big else None for tid in ids]
    uri = m.data["tracking_uri"]
    found = parallel(lambda pair: _trace_problem(uri, *pair), list(zip(ids, expected)), workers=4)
    problems = [p for p in found if p]
    if problems:
        raise RuntimeError("traces incomplete on the server:\n  " + "\n  ".join(problems))
