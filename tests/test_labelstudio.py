"""Review round-trip through Label Studio.

`check --format labelstudio` writes tasks with pre-annotations; Label Studio's own SDK
(`label_studio_sdk.label_interface.LabelInterface`, the code Label Studio uses to validate
imports) accepts the labeling interface of `review-config` and every prediction.  A reviewer's
export — annotations made from the predictions, one verdict changed, one span removed, one task
skipped — is read back by `hsengine eval` as labelled data.
"""

from __future__ import annotations

import copy
import csv
import json

import pytest
from typer.testing import CliRunner

from hsengine.cli.app import app

LabelInterface = pytest.importorskip("label_studio_sdk.label_interface").LabelInterface

MESSAGES = [
    "Все эти китайцы — вонючие тараканы.",
    "🙂 Шүршіттерді елден қуу керек!",  # an emoji before the evidence: code point offsets
    "Сегодня в Алматы солнечно.",
    "Китайцев не надо выгонять.",
    "Дунгане — крысы, а не люди!",
]


@pytest.fixture(scope="module")
def produced(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ls")
    src = tmp / "posts.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "channel", "text"])
        for i, t in enumerate(MESSAGES):
            w.writerow([i, "канал", t])
    runner = CliRunner()
    tasks_file = tmp / "tasks.json"
    r = runner.invoke(app, ["check", "--input", str(src), "--format", "labelstudio", "-o", str(tasks_file), "-q"],
                      catch_exceptions=False)
    assert r.exit_code == 1, r.stderr
    r = runner.invoke(app, ["review-config"], catch_exceptions=False)
    assert r.exit_code == 0
    return tmp, json.loads(tasks_file.read_text(encoding="utf-8")), r.stdout


def test_config_and_tasks_validate_with_label_studio(produced):
    _, tasks, config = produced
    li = LabelInterface(config)
    li.validate()  # raises on an invalid labeling config
    assert {c.name for c in li.controls} >= {"verdict", "narrative", "target", "rule"}
    assert len(tasks) == len(MESSAGES)
    spans = 0
    for task, text in zip(tasks, MESSAGES):
        assert task["data"]["text"] == text and task["data"]["channel"] == "канал"
        # validate_task checks the data the interface refers to ($text); its own prediction check calls
        # validate_prediction() without the prediction (SDK 2.1.2), so predictions are checked one by one
        assert li.validate_task({"data": task["data"]})
        (pred,) = task["predictions"]
        assert li.validate_prediction(pred, return_errors=True) == []
        ids = [r["id"] for r in pred["result"]]
        assert len(ids) == len(set(ids))
        for region in pred["result"]:
            if region["type"] == "labels":
                v = region["value"]
                assert text[v["start"]:v["end"]] == v["text"]  # code points, as Label Studio stores them
                spans += 1
    assert spans >= 6
    verdicts = [next(r for r in t["predictions"][0]["result"] if r["from_name"] == "verdict")["value"]["choices"]
                for t in tasks]
    assert verdicts == [["hate"], ["hate"], ["not_hate"], ["not_hate"], ["hate"]]
    assert "hs_suppressed" in tasks[3]["data"]  # the negated match is there for the reviewer to see
    emoji = tasks[1]["predictions"][0]["result"][0]["value"]
    assert emoji["start"] == MESSAGES[1].index("Шүршіттерді")


def test_a_broken_prediction_is_refused_by_the_validator(produced):
    _, tasks, config = produced
    li = LabelInterface(config)
    bad = copy.deepcopy(tasks[0]["predictions"][0])
    bad["result"][0]["value"]["labels"] = ["no_such_narrative"]
    assert li.validate_prediction(bad, return_errors=True)  # so the check above can fail


def reviewed_export(tasks: list[dict]) -> list[dict]:
    """What Label Studio exports after review: each task with an annotation made from its prediction."""
    out = []
    for n, t in enumerate(tasks, 1):
        result = copy.deepcopy(t["predictions"][0]["result"])
        ann = {"id": 100 + n, "completed_by": 1, "result": result, "was_cancelled": False, "ground_truth": False,
               "created_at": "2024-06-01T10:00:00.000000Z", "updated_at": "2024-06-01T10:00:00.000000Z",
               "lead_time": 12.5, "prediction": {}, "result_count": len(result), "task": n, "project": 1}
        out.append({"id": n, "annotations": [ann], "drafts": [], "predictions": [], "data": t["data"],
                    "meta": {}, "created_at": "2024-06-01T09:00:00.000000Z",
                    "updated_at": "2024-06-01T10:00:00.000000Z", "inner_id": n, "total_annotations": 1,
                    "cancelled_annotations": 0, "total_predictions": 1, "project": 1})
    # the reviewer: message 4 (negated) IS hate after all; message 5: only the rule span removed;
    # message 3: skipped (cancelled)
    verdict = next(r for r in out[3]["annotations"][0]["result"] if r["from_name"] == "verdict")
    verdict["value"]["choices"] = ["hate"]
    out[4]["annotations"][0]["result"] = [r for r in out[4]["annotations"][0]["result"] if r["from_name"] != "rule"]
    out[2]["annotations"][0]["was_cancelled"] = True
    return out


def test_reviewed_export_is_read_back_by_eval(produced):
    tmp, tasks, config = produced
    export = reviewed_export(tasks)
    li = LabelInterface(config)
    for t in export:
        assert li.validate_annotation(t["annotations"][0])
    f = tmp / "reviewed.json"
    f.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")

    from hsengine.tools.evaluate import load_labelled_file

    items = load_labelled_file(f)
    assert [i.hateful for i in items] == [True, True, True, True]  # the cancelled task is not a label
    assert [i.text for i in items] == [MESSAGES[0], MESSAGES[1], MESSAGES[3], MESSAGES[4]]
    assert items[0].narrative == "xenophobia" and items[0].target == "chinese"

    r = CliRunner().invoke(app, ["eval", str(f), "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0, r.stdout + r.stderr
    report = json.loads(r.stdout)
    (source,) = report.values()
    overall = source["overall"]["engine"] if "overall" in source else source
    assert overall["tp"] + overall["fn"] == 4  # four reviewed texts, all hateful
    assert overall["fn"] >= 1  # the negated message the reviewer marked as hate is missed by the engine
    r = CliRunner().invoke(app, ["eval", str(f)], catch_exceptions=False)
    assert "reviewed.json" in r.stdout


def test_json_min_export_is_read_too(produced, tmp_path):
    _, tasks, _ = produced
    rows = [{"id": 1, "text": MESSAGES[0], "verdict": "not_hate", "annotator": 1, "annotation_id": 5,
             "narrative": [{"start": 8, "end": 15, "text": "китайцы", "labels": ["xenophobia"]}]},
            {"id": 2, "text": MESSAGES[2], "verdict": "hate", "annotator": 1, "annotation_id": 6}]
    f = tmp_path / "min.json"
    f.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    from hsengine.tools.evaluate import load_labelled_file

    items = load_labelled_file(f)
    assert [(i.text, i.hateful) for i in items] == [(MESSAGES[0], False), (MESSAGES[2], True)]
