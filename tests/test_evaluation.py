"""Evaluation metrics on hand-made records with known scores, a run over the real set, the report, --compare."""

from __future__ import annotations

import json
import math
import shutil

import pytest

from assistant.evaluation import (
    DEFAULT_QUESTIONS,
    DEFAULT_REVIEW,
    LAB_SETS,
    REVIEW_SETS,
    LabStringItem,
    QuestionItem,
    ReviewItem,
    aggregate,
    check_scores,
    compare,
    evaluate,
    first_rank,
    hit_at,
    judge_item,
    lab_reading_scores,
    load_jsonl,
    mrr,
    render_report,
    run_evaluation,
    write_outputs,
)

ITEM = QuestionItem(id="q", question="Platelets 60?", category="thrombocytopenia", in_scope=True,
                    expected_grades={"plt": 2}, key_facts=[{"fact": "hold", "phrasings": ["holding the checkpoint inhibitor"]},
                                                           {"fact": "prednisone", "phrasings": ["prednisone 1 mg/kg"]}],
                    forbidden_claims=["continue the checkpoint inhibitor"], source_ids=["asco"])
CHUNKS = {"c1": "ASCO advises holding the checkpoint inhibitor until recovery.", "c2": "Other text."}


def response(answer="", grades=None, citations=None, abstained=False, uncited=0):
    return {"answer": answer, "grades": grades or [], "citations": citations or [], "abstained": abstained,
            "checks": {"uncited_statements": uncited}, "latency_ms": 10.0}


@pytest.mark.unit
def test_perfect_answer_scores_one():
    good = response("We recommend holding the checkpoint inhibitor and prednisone 1 mg/kg [1].",
                    grades=[{"analyte": "plt", "grade": 2}],
                    citations=[{"n": 1, "chunk_id": "c1", "quote": "ASCO advises holding the checkpoint inhibitor until recovery."}])
    result = judge_item(ITEM, good, CHUNKS, {"hybrid": 1})
    assert result.score == 1.0 and result.failures == []


@pytest.mark.unit
def test_partial_answer_has_the_known_score():
    partial = response("Consider holding the checkpoint inhibitor. You may also continue the checkpoint inhibitor [1].",
                       grades=[{"analyte": "plt", "grade": 3}],
                       citations=[{"n": 1, "chunk_id": "c1", "quote": "not in the chunk"}])
    result = judge_item(ITEM, partial, CHUNKS, {})
    # parts: grade 0, facts 1/2, citations 0/1, abstention 1, forbidden 0 -> 1.5 / 5
    assert result.score == pytest.approx(0.3)
    assert "forbidden claim: continue the checkpoint inhibitor" in result.failures
    assert "missing key fact: prednisone" in result.failures
    assert "1 citation(s) not verbatim in their chunk" in result.failures


@pytest.mark.unit
@pytest.mark.parametrize("empty", [None, response(""), response("   ", abstained=True)])
def test_empty_or_missing_answer_scores_zero(empty):
    result = judge_item(ITEM, empty, CHUNKS, {})
    assert result.score == 0.0 and "empty or missing answer" in result.failures
    out_of_scope = QuestionItem(id="o", question="warfarin?", category="oos", in_scope=False)
    assert judge_item(out_of_scope, empty, CHUNKS, {}).score == 0.0


@pytest.mark.unit
def test_abstention_is_judged_both_ways():
    out_of_scope = QuestionItem(id="o", question="warfarin?", category="oos", in_scope=False)
    assert judge_item(out_of_scope, response("Not covered.", abstained=True), CHUNKS, {}).score == 1.0
    answered = judge_item(out_of_scope, response("Give 5 mg."), CHUNKS, {})
    assert answered.score == 0.5 and "answered an out-of-scope question" in answered.failures


@pytest.mark.unit
def test_metrics_never_nan_on_empty_contexts():
    metrics = aggregate([], [])
    assert metrics["items"] == 0
    assert all(not (isinstance(v, float) and math.isnan(v)) for v in metrics.values())
    assert metrics["grade_accuracy"] == 0.0 and metrics["citation_validity"] == 0.0 and metrics["retrieval_hit_at_5"] == 0.0
    assert hit_at([], 5) == 0.0 and mrr([]) == 0.0
    assert check_scores([], [])["check_precision"] == 0.0


@pytest.mark.unit
def test_retrieval_and_check_metrics():
    assert first_rank(["a"], ["x", "a", "a"]) == 2 and first_rank(["a"], ["x"]) is None
    assert hit_at([1, 6, None, 5], 5) == 0.5
    assert mrr([1, 2, None, 4]) == pytest.approx((1 + 0.5 + 0.25) / 4)
    f = {"kind": "grade_mismatch", "analyte": "plt", "claimed_grade": 2, "expected_grade": 3}
    g = {"kind": "false_comparison", "analyte": "anc", "claimed_grade": None, "expected_grade": None}
    scores = check_scores([[f], [g], []], [[f], [], [g]])
    assert scores["check_precision"] == 0.5 and scores["check_recall"] == 0.5
    assert scores["check_passage_precision"] == 0.5 and scores["check_passage_recall"] == 0.5
    negated = {"kind": "grade_mismatch", "analyte": "anc", "claimed_grade": None, "expected_grade": 2}
    found = {**negated, "claimed_grade": "not ≥2"}
    assert check_scores([[negated]], [[found]])["check_recall"] == 1.0  # a negated claim is expected without its grade
    named = {**negated, "claimed_grade": 2}  # ... or with the grade it names
    assert check_scores([[named]], [[found]])["check_recall"] == 1.0
    assert check_scores([[{**negated, "claimed_grade": 3}]], [[found]])["check_recall"] == 0.0
    bound = {"kind": "grade_mismatch", "analyte": "hgb", "claimed_grade": "≥3", "expected_grade": 2}  # "grade ≥3 anaemia" at Hb 8.4
    assert check_scores([[{**bound, "claimed_grade": 3}]], [[bound]])["check_recall"] == 1.0
    # labels that allow the same grades match: "not 4" and "not ≥4" ("does not reach grade 4"), "not ≥2" and "≤1"
    top = {"kind": "grade_mismatch", "analyte": "anc", "claimed_grade": "not 4", "expected_grade": 4}
    assert check_scores([[top]], [[{**top, "claimed_grade": "not ≥4"}]])["check_recall"] == 1.0
    assert check_scores([[found]], [[{**found, "claimed_grade": "≤1"}]])["check_recall"] == 1.0
    assert check_scores([[{**top, "claimed_grade": "not 3"}]], [[{**top, "claimed_grade": "not ≥3"}]])["check_recall"] == 0.0


@pytest.mark.unit
def test_chats_are_scored_turn_by_turn(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({"id": "c1", "category": "chat", "turns": [
        {"question": "plt 45 on nivo", "expected_grades": {"plt": 3}},
        {"question": "and now 80?", "expected_grades": {"plt": 1}, "in_scope": True}]}) + "\n")
    items = load_jsonl(path, QuestionItem)
    assert [(i.id, i.chat, i.category) for i in items] == [("c1#1", "c1", "chat"), ("c1#2", "c1", "chat")]


@pytest.mark.unit
def test_lab_reading_counts_misses_and_inventions():
    items = [LabStringItem(id="a", text="ANC 0,9 G/L, plt 95 -> 61 -> 38, neutrophils 62%", expected_labs=[
        {"analyte": "anc", "value": 0.9}, {"analyte": "plt", "value": 38}]),
             LabStringItem(id="b", text="Hb: 2 units transfused", expected_labs=[])]
    scores, misreads = lab_reading_scores(items)
    assert scores["lab_value_accuracy"] == 1.0 and scores["lab_values_invented"] == 0 and misreads == []


@pytest.mark.unit
def test_datasets_are_large_and_cover_what_reviewers_need():
    items = load_jsonl(DEFAULT_QUESTIONS, QuestionItem)
    assert len(items) >= 40 and len({i.id for i in items}) == len(items)
    categories = {i.category for i in items}
    assert {"thrombocytopenia", "neutropenia", "lymphopenia", "anemia", "CTCAE v6", "liver cancer", "epidemiology", "out of scope"} <= categories
    graded = {(a, g) for i in items for a, g in i.expected_grades.items()}
    for analyte, bands in {"plt": {1, 2, 3, 4}, "anc": {0, 1, 2, 3, 4}, "alc": {2, 3, 4, None}, "hgb": {1, 2, 3}, "wbc": {2, 3}}.items():
        assert bands <= {g for a, g in graded if a == analyte}, analyte  # every band, and hemoglobin has no value-defined grade 4
    assert any(not i.in_scope for i in items) and any(i.ctcae == "6" or "v6" in i.question for i in items)
    assert len(load_jsonl(DEFAULT_REVIEW, ReviewItem)) >= 8


@pytest.mark.unit
def test_held_out_sets_are_committed_and_large_enough():
    from assistant.evaluation import QUESTION_SETS

    clinician = load_jsonl(QUESTION_SETS["clinician"], QuestionItem)
    assert len([i for i in clinician if not i.chat]) >= 80 and len({i.chat for i in clinician if i.chat}) >= 5
    assert any(i.add_sources for i in clinician)
    passages = load_jsonl(REVIEW_SETS["review-passages"], ReviewItem)
    assert sum(bool(p.expected_findings) for p in passages) >= 150 and sum(not p.expected_findings for p in passages) >= 150
    assert len(load_jsonl(LAB_SETS["lab-strings"], LabStringItem)) >= 150


@pytest.mark.integration
def test_real_run_report_and_compare_detects_an_injected_regression(answerer, tmp_path):
    items = load_jsonl(DEFAULT_QUESTIONS, QuestionItem)
    review = load_jsonl(DEFAULT_REVIEW, ReviewItem)
    metrics, results, review_results = run_evaluation(answerer, items, review)
    assert metrics["items"] == len(items)
    assert metrics["grade_accuracy"] >= 0.95 and metrics["key_fact_recall"] >= 0.9
    assert metrics["citation_validity"] == 1.0 and metrics["uncited_statements"] == 0 and metrics["forbidden_claims"] == 0
    assert metrics["abstention_accuracy"] >= 0.95 and metrics["retrieval_hit_at_5"] >= 0.85
    assert metrics["check_precision"] == 1.0 and metrics["check_recall"] == 1.0
    again, _, _ = run_evaluation(answerer, items[:6], review[:2])
    first, _, _ = run_evaluation(answerer, items[:6], review[:2])
    assert {k: v for k, v in again.items() if "latency" not in k} == {k: v for k, v in first.items() if "latency" not in k}

    report = {"sets": {"questions": {**metrics, "by_category": {"a": 1.0}}}, "review": {"review": metrics}}
    baseline = tmp_path / "baseline"
    write_outputs(baseline, report, results, review_results, None)
    html = (baseline / "report.html").read_text()
    assert 'id="scorecard"' in html and "data:image/png;base64," in html and 'id="retrieval"' in html
    assert "hybrid_score_fusion" in html and "bm25" in html
    assert len((baseline / "results.jsonl").read_text().splitlines()) == len(items)

    # Inject a regression: an answerer whose retrieval returns nothing for every question.
    from assistant.answering import Answerer

    broken = Answerer(answerer.kb)
    real_search = broken.finder.search_many
    broken.finder.search_many = lambda queries, index, k=8: ({key: [] for key in queries}, real_search(queries, index, k)[1])
    broken_metrics, broken_results, _ = run_evaluation(broken, items, review)
    broken_report = {"sets": {"questions": {**broken_metrics, "by_category": {"a": 0.5}}}, "review": {"review": broken_metrics}}
    comparison = compare(broken_results, baseline, {f"questions/{k}": v for k, v in broken_metrics.items()})
    regressed = {entry["id"] for entry in comparison["regressed"]}
    assert "mission" in regressed and "plt-g2" in regressed
    assert comparison["metric_deltas"]["questions/key_fact_recall"] < 0
    html = render_report(broken_report, broken_results, [], comparison)
    assert "▼ regressed" in html and "mission" in html


@pytest.mark.integration
def test_eval_cli_json_and_bad_dataset(tmp_path, corpus_home):
    from tests.conftest import run_cli

    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(DEFAULT_QUESTIONS.read_text().splitlines()[:3]) + "\n")
    out = tmp_path / "out"
    result = run_cli("eval", "--dataset", str(small), "--out", str(out), "--json", home=corpus_home)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["sets"]["small"]["items"] == 3 and (out / "report.html").is_file()
    assert payload["review"]["review"]["check_items"] >= 8
    copy = tmp_path / "previous"
    shutil.copytree(out, copy)
    compared = run_cli("eval", "--dataset", str(small), "--compare", str(copy), "--json", home=corpus_home)
    assert json.loads(compared.stdout)["comparison"]["regressed"] == []
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n")
    failed = run_cli("eval", "--dataset", str(bad), home=corpus_home)
    assert failed.returncode == 2 and "bad.jsonl line 1" in failed.stderr and "Traceback" not in failed.stderr


@pytest.mark.integration
@pytest.mark.slow
def test_full_evaluation_reports_every_set_side_by_side(answerer, tmp_path):
    payload, results = evaluate(answerer, out=tmp_path / "out")
    assert set(payload["sets"]) == {"questions", "clinician"}
    assert set(payload["review"]) == set(REVIEW_SETS) and {"review-fresh13", "review-fresh18", "review-fresh22", "review-fresh23", "review-fresh25"} <= set(payload["review"])
    assert set(payload["lab_reading"]) == set(LAB_SETS) and {"lab-strings-fresh13", "lab-strings-fresh18", "lab-strings-fresh25", "lab-strings-fresh26", "lab-strings-fresh28"} <= set(payload["lab_reading"])
    clinician = payload["sets"]["clinician"]
    assert clinician["items"] >= 100 and "chat" in clinician["by_category"] and "new-source" in clinician["by_category"]
    assert clinician["citation_validity"] == 1.0 and clinician["uncited_statements"] == 0
    assert any(r.id.startswith("cl-") and r.dataset == "clinician" for r in results)
    assert "clinician" in (tmp_path / "out" / "report.html").read_text()
