"""Traces from @mlflow.trace and start_span: chat, tool and retriever spans, errors,
tags, hostile inputs, and one trace of 5,000 spans."""

import json

import mlflow
from mlflow.entities import SpanType
from mlflow.tracking import MlflowClient

from common import HOSTILE, HOSTILE_IMG, HOSTILE_SCRIPT, Manifest, flush_traces, last_trace_id

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


def check_traces(client: MlflowClient, m: Manifest) -> None:
    """Fail the workload when a trace it logged is missing or lost spans on the way to the
    server (MLflow 3 exports asynchronously and drops on full queues), rather than let the
    tests read incomplete data. The expected count is the trace's own size stats (3.x)."""
    flush_traces()
    problems = []
    for tid in _logged_trace_ids(m):
        try:
            trace = client.get_trace(tid)
        except Exception as e:  # noqa: BLE001 - reported below with the id
            problems.append(f"{tid}: {type(e).__name__}: {str(e)[:160]}")
            continue
        got = len(trace.data.spans)
        stats = (getattr(trace.info, "trace_metadata", None) or {}).get("mlflow.trace.sizeStats")
        want = json.loads(stats)["num_spans"] if stats else None
        if tid == m.data["traces"]["big"]:
            want = m.data["traces"]["big_spans"]
        if got == 0 or (want is not None and got != want):
            problems.append(f"{tid}: {got} spans on the server, {want} logged")
    if problems:
        raise RuntimeError("traces incomplete on the server:\n  " + "\n  ".join(problems))
