"""Client-shaped calls for the 3.x recordings, made by the real Python client through
tools/record-proxy.ts: each call is named first (POST /__record/name), so the exchange
files say what they are. Reads first, then writes on objects the reads no longer need."""

import json
import sys

import mlflow
import requests
from mlflow.entities import AssessmentSource, AssessmentSourceType
from mlflow.tracking import MlflowClient

proxy, manifest_file = sys.argv[1], sys.argv[2]
m = json.load(open(manifest_file))
mlflow.set_tracking_uri(proxy)
client = MlflowClient(proxy)


def name(n):
    requests.post(f"{proxy}/__record/name", json={"name": n}, timeout=10)


def call(n, fn, *args, **kwargs):
    name(n)
    try:
        return fn(*args, **kwargs)
    except Exception as e:  # errors are recorded too
        print(f"record_calls: {n}: {type(e).__name__}: {str(e)[:120]}")
        return None
    finally:
        name(None)


exps = m["experiments"]
lm = m["logged_models"]
a = m["assessments"]
# Reads, as the client makes them.
call("client_search_traces_v3", client.search_traces, locations=[exps["traces"]], max_results=5)
call("client_search_traces_session", client.search_traces, locations=[exps["sessions"]],
     filter_string="metadata.`mlflow.trace.session` = 'session-alpha'")
call("client_search_traces_eval_run", client.search_traces, locations=[exps["eval"]],
     run_id=m["evaluations"]["baseline"]["run_id"])
call("client_get_trace_assessed", client.get_trace, a["traces"][0])
call("client_search_logged_models", client.search_logged_models, experiment_ids=[exps["logged_models"]])
call("client_search_logged_models_filter", client.search_logged_models, experiment_ids=[exps["logged_models"]],
     filter_string="metrics.accuracy > 0.5", datasets=[{"dataset_name": "iris-eval"}],
     order_by=[{"field_name": "metrics.accuracy", "ascending": False, "dataset_name": "iris-eval"}])
call("client_get_logged_model", client.get_logged_model, lm["iris-logreg"]["model_id"])
call("client_search_prompts", mlflow.genai.search_prompts)
call("client_load_prompt_alias", mlflow.genai.load_prompt, "prompts:/qa-prompt@production")
call("client_load_prompt_v1", mlflow.genai.load_prompt, "prompts:/qa-prompt/1")
call("client_get_assessment", mlflow.get_assessment, a["traces"][0], a["on_span"]["assessment_id"])
call("error_get_assessment_missing", mlflow.get_assessment, a["traces"][0], "a-missing")
call("error_get_logged_model_missing", client.get_logged_model, "m-00000000000000000000000000000000")
call("error_search_traces_bad_filter", client.search_traces, locations=[exps["traces"]], filter_string="foo = ")

# Writes.
trace_id = a["traces"][2]
human = AssessmentSource(source_type=AssessmentSourceType.HUMAN, source_id="carol@example.com")
fb = call("write_assessments_create_feedback", mlflow.log_feedback, trace_id=trace_id, name="helpful",
          value=True, source=human, rationale="Clear answer.")
call("write_assessments_create_expectation", mlflow.log_expectation, trace_id=trace_id,
     name="expected_answer", value="Sessions group traces.", source=human)
if fb:
    call("write_assessments_update", mlflow.update_assessment, trace_id=trace_id,
         assessment_id=fb.assessment_id,
         assessment=mlflow.entities.Feedback(name="helpful", value=False, rationale="On reflection, no."))
    call("write_assessments_delete", mlflow.delete_assessment, trace_id=trace_id, assessment_id=fb.assessment_id)
call("write_error_assessments_delete_missing", mlflow.delete_assessment, trace_id=trace_id, assessment_id="a-missing")
call("write_traces_set_tag_v3", client.set_trace_tag, trace_id, "reviewed", "yes")
call("write_traces_delete_tag_v3", client.delete_trace_tag, trace_id, "reviewed")
model_id = lm["iris-logreg-strong"]["model_id"]
call("write_logged_models_set_tags", client.set_logged_model_tags, model_id, {"stage": "candidate"})
call("write_logged_models_delete_tag", client.delete_logged_model_tag, model_id, "stage")
new = call("write_logged_models_create", client.create_logged_model, exps["logged_models"], name="external-model",
           params={"source": "external"}, tags={"kind": "external"})
if new:
    call("write_logged_models_finalize", client.finalize_logged_model, new.model_id, "READY")
    call("write_logged_models_log_params", client.log_model_params, new.model_id, {"k": "v"})
run = call("write_runs_create_for_model_io", client.create_run, exps["logged_models"], run_name="model-io")
if run and new:
    ds = mlflow.data.from_dict({"x": [1, 2]}, name="tiny") if hasattr(mlflow.data, "from_dict") else None
    call("write_runs_log_metric_model_dataset", client.log_metric, run.info.run_id, "accuracy", 0.9,
         model_id=new.model_id, dataset_name="tiny", dataset_digest="abc123")
    from mlflow.entities import LoggedModelOutput
    call("write_runs_log_outputs", client.log_outputs, run.info.run_id, [LoggedModelOutput(new.model_id, 0)])
call("write_prompts_register_version", mlflow.genai.register_prompt, name="qa-prompt",
     template="Answer briefly: {{question}}", commit_message="v4: shorter")
call("write_prompts_set_alias", mlflow.genai.set_prompt_alias, "qa-prompt", "canary", 4)
call("write_prompts_delete_alias", mlflow.genai.delete_prompt_alias, "qa-prompt", "canary")
print("record_calls: done")
