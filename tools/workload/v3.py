"""What MLflow 3 adds: logged models with metrics by dataset, assessments on traces,
sessions, prompts with versions, and evaluation runs with deterministic code scorers."""

import time

import mlflow
from mlflow.entities import AssessmentSource, AssessmentSourceType, SpanType
from mlflow.models import infer_signature
from mlflow.tracking import MlflowClient
from sklearn.linear_model import LogisticRegression

from common import HOSTILE, HOSTILE_IMG, HOSTILE_SCRIPT, Manifest, flush_traces, last_trace_id, log_sklearn
from registry import iris
from traces import agent, chat

HUMAN = AssessmentSource(source_type=AssessmentSourceType.HUMAN, source_id="alice@example.com")
JUDGE = AssessmentSource(source_type=AssessmentSourceType.LLM_JUDGE, source_id="gpt-judge-v1")
CODE = AssessmentSource(source_type=AssessmentSourceType.CODE, source_id="length_check.py")


def logged_models(client: MlflowClient, m: Manifest) -> None:
    X, y = iris()
    exp_id = client.create_experiment("logged-models", tags={"mlflow.note.content": "MLflow 3 logged models."})
    m.section("experiments")["logged_models"] = exp_id
    mlflow.set_experiment(experiment_id=exp_id)
    train = mlflow.data.from_pandas(X.assign(target=y), name="iris-train", targets="target")
    evald = mlflow.data.from_pandas(X.assign(target=y).sample(50, random_state=0), name="iris-eval", targets="target")
    out = m.section("logged_models")
    for label, model, params in [
        ("iris-logreg", LogisticRegression(C=1.0, max_iter=300), {"C": "1.0", "penalty": "l2"}),
        ("iris-logreg-strong", LogisticRegression(C=0.05, max_iter=300), {"C": "0.05", "penalty": "l2"}),
    ]:
        with mlflow.start_run(run_name=f"train-{label}") as run:
            model.fit(X, y)
            mlflow.log_input(train, context="training")
            info = log_sklearn(
                model,
                label,
                signature=infer_signature(X, model.predict(X)),
                input_example=X.head(3),
                params=params,
                tags={"framework": "sklearn", "note": HOSTILE_IMG if label == "iris-logreg-strong" else "ok"},
                model_type="classifier",
            )
            metrics = {}
            for ds, frame in [(train, X), (evald, X.sample(50, random_state=0))]:
                acc = float(model.score(frame, y.loc[frame.index]))
                mlflow.log_metric("accuracy", acc, model_id=info.model_id, dataset=ds)
                mlflow.log_metric("f1_macro", acc * 0.98, model_id=info.model_id, dataset=ds)
                metrics[ds.name] = {"accuracy": acc, "f1_macro": acc * 0.98}
        out[label] = {"model_id": info.model_id, "run_id": run.info.run_id, "params": params, "metrics": metrics}
    # A run that uses a model as input, and a registered version made from a logged model.
    with mlflow.start_run(run_name="score-with-logreg") as run:
        mlflow.log_metric("batch_accuracy", 0.95, model_id=out["iris-logreg"]["model_id"], dataset=evald)
    out["iris-logreg"]["metrics"][evald.name]["batch_accuracy"] = 0.95
    out["consumer_run"] = run.info.run_id
    mv = mlflow.register_model(f"models:/{out['iris-logreg']['model_id']}", "iris-logged")
    client.set_registered_model_alias("iris-logged", "prod", mv.version)
    client.update_registered_model("iris-logged", description="Registered from a logged model.")
    out["registered"] = {"name": "iris-logged", "version": mv.version}


def assessments(client: MlflowClient, m: Manifest) -> None:
    exp_id = client.create_experiment("genai-assessments")
    m.section("experiments")["assessments"] = exp_id
    mlflow.set_experiment(experiment_id=exp_id)
    ids = []
    for q in ["What is a logged model?", "How do scorers work?", "Explain sessions"]:
        agent(q)
        ids.append(last_trace_id())
    flush_traces()
    trace = mlflow.get_trace(ids[0])
    chat_span = next(s for s in trace.data.spans if s.span_type == SpanType.CHAT_MODEL)
    a = m.section("assessments")
    a["traces"] = ids
    mlflow.log_feedback(trace_id=ids[0], name="correct", value=True, source=HUMAN, rationale="Matches the docs.")
    mlflow.log_feedback(
        trace_id=ids[0], name="relevance", value=0.8, source=JUDGE, rationale=f"Judge says fine {HOSTILE_SCRIPT}"
    )
    mlflow.log_feedback(trace_id=ids[0], name="length_ok", value="yes", source=CODE)
    on_span = mlflow.log_feedback(
        trace_id=ids[0], name="tone", value="polite", source=HUMAN, span_id=chat_span.span_id, rationale=HOSTILE_IMG
    )
    a["on_span"] = {"trace_id": ids[0], "span_id": chat_span.span_id, "assessment_id": on_span.assessment_id}
    mlflow.log_expectation(trace_id=ids[0], name="expected_answer", value="A model with its own id", source=HUMAN)
    mlflow.log_expectation(
        trace_id=ids[1], name="expected_facts", value={"facts": ["scorers are functions"]}, source=HUMAN
    )
    wrong = mlflow.log_feedback(trace_id=ids[1], name="correct", value=False, source=JUDGE, rationale="Too vague.")
    fixed = mlflow.override_feedback(
        trace_id=ids[1], assessment_id=wrong.assessment_id, value=True, rationale="Human review: correct.", source=HUMAN
    )
    a["overridden"] = {"trace_id": ids[1], "old": wrong.assessment_id, "new": fixed.assessment_id}
    mlflow.log_feedback(trace_id=ids[2], name="correct", value=False, source=HUMAN, rationale="Missed the point.")


def sessions(client: MlflowClient, m: Manifest) -> None:
    exp_id = client.create_experiment("chat-sessions")
    m.section("experiments")["sessions"] = exp_id
    mlflow.set_experiment(experiment_id=exp_id)
    out = m.section("sessions")
    for sid, user, turns in [
        ("session-alpha", "alice", ["Hi!", "What is MLflow?", "Thanks"]),
        ("session-beta", "bob", ["Show my runs", f"Say {HOSTILE}", "Bye"]),
    ]:
        ids = []
        for turn in turns:

            @mlflow.trace(name="chat-turn", span_type=SpanType.CHAT_MODEL)
            def respond(message: str) -> dict:
                mlflow.update_current_trace(metadata={"mlflow.trace.session": sid, "mlflow.trace.user": user})
                return chat([{"role": "user", "content": message}])

            respond(turn)
            ids.append(last_trace_id())
            # Trace times have millisecond resolution: turns logged within one millisecond
            # have no order on the server (it breaks ties by id). People type slower.
            time.sleep(0.01)
        out[sid] = {"user": user, "traces": ids, "messages": turns}
    out["hostile_session"] = "session-beta"
    flush_traces()


def prompts(m: Manifest) -> None:
    out = m.section("prompts")
    name = "qa-prompt"
    texts = [
        "Answer the question: {{question}}",
        "You are a helpful assistant.\nAnswer the question: {{question}}\nUse the context: {{context}}",
        "You are a concise assistant.\nAnswer in one sentence: {{question}}\nContext: {{context}}",
    ]
    for i, t in enumerate(texts):
        mlflow.genai.register_prompt(
            name=name, template=t, commit_message=f"v{i + 1}: {'initial' if i == 0 else 'refine'}", tags={"team": "qa"}
        )
    mlflow.genai.set_prompt_alias(name, "production", 2)
    mlflow.genai.set_prompt_alias(name, "staging", 3)
    hostile = "hostile-prompt"
    mlflow.genai.register_prompt(
        name=hostile, template=f"Say {HOSTILE} to {{{{name}}}}", commit_message=f"hostile {HOSTILE_SCRIPT}"
    )
    out.update(
        {
            "qa": {"name": name, "versions": 3, "aliases": {"production": 2, "staging": 3}, "templates": texts},
            "hostile": hostile,
        }
    )


def _logged_scores(exp_id: str, run_id: str) -> dict:
    """Per scorer, what evaluate logged on the run's traces: rows, passes, fails, values."""
    flush_traces()
    scores: dict = {}
    for trace in mlflow.search_traces(locations=[exp_id], run_id=run_id, return_type="list"):
        for a in trace.info.assessments:
            if a.source.source_type != AssessmentSourceType.CODE:
                continue
            s = scores.setdefault(a.name, {"rows": 0, "passed": 0, "failed": 0, "values": []})
            s["rows"] += 1
            s["passed"] += a.value is True
            s["failed"] += a.value is False
            s["values"].append(a.value)
    for s in scores.values():
        s["values"].sort(key=str)
    return scores


def evaluation(client: MlflowClient, m: Manifest) -> None:
    from mlflow.genai.scorers import scorer

    @scorer
    def exact_match(outputs, expectations) -> bool:
        return outputs == expectations["expected_response"]

    @scorer
    def short_answer(outputs) -> bool:
        return len(str(outputs)) <= 40

    @scorer
    def word_count(outputs) -> int:
        return len(str(outputs).split())

    exp_id = client.create_experiment("genai-eval")
    m.section("experiments")["eval"] = exp_id
    mlflow.set_experiment(experiment_id=exp_id)
    rows = [
        ("What is 2+2?", "4", "4"),
        ("Capital of France?", "Paris", "Paris"),
        ("Colour of the sky?", "Blue, mostly, except at dusk when it turns orange and red", "Blue"),
        ("Largest planet?", "Saturn", "Jupiter"),
        (f"Echo {HOSTILE_SCRIPT}", HOSTILE_IMG, HOSTILE_IMG),
    ]
    out = m.section("evaluations")
    for label, flip in [("baseline", False), ("candidate", True)]:
        data = [
            {
                "inputs": {"question": q},
                "outputs": (e if flip and i == 3 else o),
                "expectations": {"expected_response": e},
            }
            for i, (q, o, e) in enumerate(rows)
        ]
        with mlflow.start_run(run_name=f"eval-{label}") as run:
            result = mlflow.genai.evaluate(data=data, scorers=[exact_match, short_answer, word_count])
        out[label] = {
            "run_id": run.info.run_id,
            "metrics": {k: v for k, v in result.metrics.items()},
            "scorers": _logged_scores(exp_id, run.info.run_id),
        }
    out["scorers"] = ["exact_match", "short_answer", "word_count"]
    out["rows"] = len(rows)
    flush_traces()
