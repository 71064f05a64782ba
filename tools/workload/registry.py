"""Models with signatures and input examples, registered with aliases, stages, tags and descriptions."""

import warnings

import mlflow
import pandas as pd
from mlflow.models import infer_signature
from mlflow.tracking import MlflowClient
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

from common import HOSTILE, HOSTILE_IMG, Manifest, log_sklearn


def iris():
    data = load_iris(as_frame=True)
    X = data.data.rename(columns=lambda c: c.replace(" (cm)", "").replace(" ", "_"))
    return X, data.target


def registry(client: MlflowClient, m: Manifest) -> None:
    X, y = iris()
    exp_id = client.create_experiment("model-training", tags={"team": "ml-platform"})
    m.section("experiments")["models"] = exp_id
    name = "iris-classifier"
    client.create_registered_model(
        name, tags={"task": "classification", "hostile": HOSTILE_IMG}, description=f"Iris classifier. {HOSTILE}"
    )
    versions = []
    for i, c in enumerate([0.1, 1.0, 10.0]):
        with mlflow.start_run(experiment_id=exp_id, run_name=f"iris-C{c}") as run:
            model = LogisticRegression(C=c, max_iter=300).fit(X, y)
            mlflow.log_param("C", c)
            mlflow.log_metric("train_accuracy", float(model.score(X, y)))
            signature = infer_signature(X, model.predict(X))
            log_sklearn(model, "model", signature=signature, input_example=X.head(3), registered_model_name=name)
        mv = client.search_model_versions(f"name='{name}' and run_id='{run.info.run_id}'")[0]
        versions.append(mv.version)
        client.update_model_version(name, mv.version, description=f"C={c}, trained on iris ({i + 1}/3)")
        client.set_model_version_tag(name, mv.version, "validated", "true" if i < 2 else "false")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # stages are deprecated in 3.x but still served
        client.transition_model_version_stage(name, versions[0], "Archived")
        client.transition_model_version_stage(name, versions[1], "Production")
        client.transition_model_version_stage(name, versions[2], "Staging")
    client.set_registered_model_alias(name, "champion", versions[1])
    client.set_registered_model_alias(name, "challenger", versions[2])

    other = "churn-model"
    client.create_registered_model(other, description="## Churn\n\nPredicts **churn**.")
    with mlflow.start_run(experiment_id=exp_id, run_name="churn") as run:
        frame = pd.DataFrame({"tenure": [1, 5, 20, 40], "spend": [10.0, 50.0, 80.0, 20.0]})
        model = LogisticRegression().fit(frame, [1, 1, 0, 0])
        info = log_sklearn(
            model, "model", signature=infer_signature(frame, model.predict(frame)), input_example=frame.head(2)
        )
    mv = mlflow.register_model(info.model_uri, other)
    client.update_model_version(other, mv.version, description="first")
    client.create_registered_model("empty-model", description="No versions yet.")
    m.section("models").update(
        {"registered": name, "versions": versions, "champion": versions[1], "other": other, "empty": "empty-model"}
    )
