"""Answer-accuracy evaluation for editorial reviewers (`assistant eval`).

Each metric is a small named computation over typed records: extract what the answer did, judge it
against the item, score it. Scores are deterministic for the same inputs; an empty or missing answer
scores zero, and a metric with nothing to measure reports 0.0 with its count, never NaN or full marks.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.errors import UserError

DEFAULT_QUESTIONS = Path(__file__).resolve().parent.parent / "evals" / "questions.jsonl"
DEFAULT_REVIEW = Path(__file__).resolve().parent.parent / "evals" / "review.jsonl"
RETRIEVAL_MODES = ("dense", "bm25", "hybrid", "hybrid_score_fusion")


# -- records ------------------------------------------------------------------------------------------
@dataclass
class QuestionItem:
    id: str
    question: str
    category: str
    in_scope: bool
    ctcae: str | None = None
    expected_grades: dict[str, int | None] = field(default_factory=dict)
    key_facts: list[dict] = field(default_factory=list)  # {"fact": str, "phrasings": [str, ...]}
    forbidden_claims: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)


@dataclass
class ReviewItem:
    id: str
    text: str
    expected_findings: list[dict]
    ctcae: str | None = None


@dataclass
class ItemResult:
    id: str
    category: str
    question: str
    answer: str
    abstained: bool
    grades_correct: int
    grades_expected: int
    facts_found: list[str]
    facts_missing: list[str]
    forbidden_found: list[str]
    citations: int
    citations_valid: int
    uncited_statements: int
    abstention_correct: bool
    retrieval_rank: dict[str, int | None]
    latency_ms: float
    score: float
    failures: list[str]


def load_jsonl(path: Path, kind) -> list:
    if not path.is_file():
        raise UserError(f"{path}: evaluation set not found; pass --dataset with a JSON-lines file")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(kind(**json.loads(line)))
        except (json.JSONDecodeError, TypeError) as exc:
            raise UserError(f"{path} line {number}: not a valid {kind.__name__} ({exc}); see evals/README.md") from None
    if not items:
        raise UserError(f"{path}: the evaluation set is empty")
    return items


# -- judging one answer -----------------------------------------------------------------------------------
def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").lower())


def judge_grades(item: QuestionItem, grades: list[dict]) -> tuple[int, list[str]]:
    got = {lab["analyte"]: lab["grade"] for lab in grades or []}
    correct, failures = 0, []
    for analyte, expected in item.expected_grades.items():
        if analyte in got and got[analyte] == expected:
            correct += 1
        else:
            failures.append(f"grade of {analyte}: expected {expected}, got {got.get(analyte, 'nothing')}")
    return correct, failures


def judge_facts(item: QuestionItem, answer: str) -> tuple[list[str], list[str]]:
    text = normalise(answer)
    found, missing = [], []
    for fact in item.key_facts:
        (found if any(normalise(p) in text for p in fact["phrasings"]) else missing).append(fact["fact"])
    return found, missing


def judge_forbidden(item: QuestionItem, answer: str) -> list[str]:
    text = normalise(answer)
    return [claim for claim in item.forbidden_claims if normalise(claim) in text]


def citation_validity(citations: list[dict], chunk_text: dict[str, str]) -> int:
    """How many citations quote their chunk verbatim."""
    return sum(1 for c in citations if c.get("quote") and c["quote"] in chunk_text.get(c.get("chunk_id"), ""))


def item_score(grade_part: float | None, fact_part: float | None, abstention_ok: bool, citation_part: float | None,
               forbidden: int, empty: bool) -> float:
    """Mean of the parts that apply to the item; an empty answer scores 0."""
    if empty:
        return 0.0
    parts = [p for p in (grade_part, fact_part, citation_part) if p is not None]
    parts.append(1.0 if abstention_ok else 0.0)
    parts.append(0.0 if forbidden else 1.0)
    return round(sum(parts) / len(parts), 6)


def judge_item(item: QuestionItem, response: dict | None, chunk_text: dict[str, str], ranks: dict[str, int | None]) -> ItemResult:
    response = response or {}
    answer = response.get("answer") or ""
    empty = not answer.strip()
    abstained = bool(response.get("abstained")) and not empty
    correct, failures = judge_grades(item, response.get("grades") or [])
    found, missing = judge_facts(item, answer)
    forbidden = judge_forbidden(item, answer)
    citations = response.get("citations") or []
    valid = citation_validity(citations, chunk_text)
    uncited = int((response.get("checks") or {}).get("uncited_statements", 0))
    abstention_ok = (abstained == (not item.in_scope)) and not empty
    failures += [f"missing key fact: {fact}" for fact in missing]
    failures += [f"forbidden claim: {claim}" for claim in forbidden]
    if empty:
        failures.append("empty or missing answer")
    if not abstention_ok and not empty:
        failures.append("answered an out-of-scope question" if not item.in_scope else "abstained on an in-scope question")
    if citations and valid < len(citations):
        failures.append(f"{len(citations) - valid} citation(s) not verbatim in their chunk")
    answered_in_scope = item.in_scope and not abstained
    citation_part = (valid / len(citations) if citations else 0.0) if answered_in_scope else None
    score = item_score(
        correct / len(item.expected_grades) if item.expected_grades else None,
        len(found) / len(item.key_facts) if item.key_facts else None,
        abstention_ok, citation_part, len(forbidden), empty,
    )
    return ItemResult(item.id, item.category, item.question, answer, abstained, correct, len(item.expected_grades), found,
                      missing, forbidden, len(citations), valid, uncited, abstention_ok, ranks,
                      float(response.get("latency_ms") or 0.0), score, failures)


# -- retrieval --------------------------------------------------------------------------------------------
def first_rank(source_ids: list[str], ranked_sources: list[str]) -> int | None:
    for position, source in enumerate(ranked_sources, 1):
        if source in source_ids:
            return position
    return None


def score_fusion(dense, lexical, k: int) -> list[int]:
    """Min-max normalised score fusion of dense and BM25, equal weights: the alternative RRF is measured against."""
    fused: dict[int, float] = {}
    for ranking in (dense, lexical):
        if not ranking:
            continue
        scores = [s for _, s in ranking]
        low, high = min(scores), max(scores)
        for row, s in ranking:
            fused[row] = fused.get(row, 0.0) + ((s - low) / (high - low) if high > low else 1.0)
    return [row for row, _ in sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]]


def retrieval_ranks(index, embedder, question: str, source_ids: list[str], depth: int = 10) -> dict[str, int | None]:
    vector = embedder.encode([question])[0]
    ranks = {}
    for mode in ("dense", "bm25", "hybrid"):
        hits = index.search(question, k=depth, mode=mode, query_vector=vector)
        ranks[mode] = first_rank(source_ids, [h.chunk.source_id for h in hits])
    dense = index.dense.search_vector(vector, 40)
    lexical = index.bm25_search(question, 40)
    ranks["hybrid_score_fusion"] = first_rank(source_ids, [index.chunks[row].source_id for row in score_fusion(dense, lexical, depth)])
    return ranks


def hit_at(ranks: list[int | None], k: int) -> float:
    return round(sum(1 for r in ranks if r is not None and r <= k) / len(ranks), 6) if ranks else 0.0


def mrr(ranks: list[int | None]) -> float:
    return round(sum(1.0 / r for r in ranks if r) / len(ranks), 6) if ranks else 0.0


# -- the review set (rules check) -------------------------------------------------------------------------
def finding_key(finding: dict) -> tuple:
    return (finding["kind"], finding["analyte"], finding.get("claimed_grade"), finding.get("expected_grade"))


def check_scores(expected: list[list[dict]], predicted: list[list[dict]]) -> dict:
    """Precision and recall of the rules check, matching findings by kind, analyte and grades."""
    true_positive = predicted_total = expected_total = 0
    for want, got in zip(expected, predicted, strict=True):
        want_keys, got_keys = Counter(map(finding_key, want)), Counter(map(finding_key, got))
        true_positive += sum((want_keys & got_keys).values())
        predicted_total += sum(got_keys.values())
        expected_total += sum(want_keys.values())
    return {
        "check_precision": round(true_positive / predicted_total, 6) if predicted_total else 0.0,
        "check_recall": round(true_positive / expected_total, 6) if expected_total else 0.0,
        "check_items": len(expected), "check_expected_findings": expected_total, "check_predicted_findings": predicted_total,
    }


# -- metrics over a run -----------------------------------------------------------------------------------
def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    position = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return round(ordered[position], 1)


def aggregate(results: list[ItemResult], items: list[QuestionItem]) -> dict:
    by_id = {item.id: item for item in items}
    grades_expected = sum(r.grades_expected for r in results)
    facts_total = sum(len(r.facts_found) + len(r.facts_missing) for r in results)
    citations = sum(r.citations for r in results)
    with_sources = [r for r in results if by_id[r.id].source_ids and by_id[r.id].in_scope]
    latencies = [r.latency_ms for r in results if r.answer]
    metrics = {
        "items": len(results),
        "grade_accuracy": round(sum(r.grades_correct for r in results) / grades_expected, 6) if grades_expected else 0.0,
        "grade_checks": grades_expected,
        "key_fact_recall": round(sum(len(r.facts_found) for r in results) / facts_total, 6) if facts_total else 0.0,
        "key_facts": facts_total,
        "forbidden_claims": sum(len(r.forbidden_found) for r in results),
        "citation_validity": round(sum(r.citations_valid for r in results) / citations, 6) if citations else 0.0,
        "citations": citations,
        "uncited_statements": sum(r.uncited_statements for r in results),
        "abstention_accuracy": round(sum(r.abstention_correct for r in results) / len(results), 6) if results else 0.0,
        "latency_p50_ms": percentile(latencies, 0.5),
        "latency_p95_ms": percentile(latencies, 0.95),
        "mean_item_score": round(statistics.fmean(r.score for r in results), 6) if results else 0.0,
    }
    for mode in RETRIEVAL_MODES:
        ranks = [r.retrieval_rank.get(mode) for r in with_sources]
        suffix = "" if mode == "hybrid" else f"_{mode}"
        metrics[f"retrieval_hit_at_5{suffix}"] = hit_at(ranks, 5)
        metrics[f"retrieval_mrr{suffix}"] = mrr(ranks)
    metrics["retrieval_items"] = len(with_sources)
    return metrics


def compare(current: list[ItemResult], previous_dir: Path, metrics: dict) -> dict:
    """Item by item, what regressed and what improved against a previous `--out` folder."""
    path = previous_dir / "results.jsonl"
    if not path.is_file():
        raise UserError(f"{previous_dir}: no results.jsonl there; pass a folder written by `assistant eval --out`")
    previous = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            previous[record["id"]] = record
    regressed, improved = [], []
    for result in current:
        before = previous.get(result.id)
        if before is None:
            continue
        delta = round(result.score - before["score"], 6)
        entry = {"id": result.id, "before": before["score"], "after": result.score,
                 "new_failures": sorted(set(result.failures) - set(before.get("failures", []))),
                 "fixed": sorted(set(before.get("failures", [])) - set(result.failures))}
        if delta < 0:
            regressed.append(entry)
        elif delta > 0:
            improved.append(entry)
    previous_metrics = json.loads((previous_dir / "metrics.json").read_text()) if (previous_dir / "metrics.json").is_file() else {}
    deltas = {k: round(v - previous_metrics[k], 6) for k, v in metrics.items()
              if isinstance(v, (int, float)) and isinstance(previous_metrics.get(k), (int, float))}
    return {"regressed": regressed, "improved": improved, "metric_deltas": deltas,
            "unchanged": len(current) - len(regressed) - len(improved)}


# -- running ---------------------------------------------------------------------------------------------
def run_evaluation(answerer, items: list[QuestionItem], review_items: list[ReviewItem]) -> tuple[dict, list[ItemResult], list[dict]]:
    from assistant.answering import ask
    from assistant.check import check_text, findings_as_dicts

    index = answerer.kb.index()
    chunk_text = {c.chunk_id: c.text for c in index.chunks}
    results = []
    for item in items:
        try:
            response = ask(answerer, item.question, item.ctcae)
        except UserError:
            response = None
        ranks = retrieval_ranks(index, answerer.kb.embedder, item.question, item.source_ids) if item.source_ids else {}
        results.append(judge_item(item, response, chunk_text, ranks))
    review_results = []
    expected, predicted = [], []
    for review in review_items:
        findings = findings_as_dicts(check_text(review.text, review.ctcae or "5"))
        expected.append(review.expected_findings)
        predicted.append(findings)
        review_results.append({"id": review.id, "expected": [list(finding_key(f)) for f in review.expected_findings],
                               "found": [list(finding_key(f)) for f in findings]})
    metrics = aggregate(results, items)
    metrics.update(check_scores(expected, predicted))
    return metrics, results, review_results


def category_scores(results: list[ItemResult]) -> dict[str, float]:
    groups: dict[str, list[float]] = {}
    for r in results:
        groups.setdefault(r.category, []).append(r.score)
    return {name: round(statistics.fmean(scores), 4) for name, scores in sorted(groups.items())}


def _plot(values: dict[str, float], title: str, ylabel: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(8, 3.2))
    axis.bar(list(values), list(values.values()), color="#2f6f9f")
    axis.set_ylim(0, 1.05)
    axis.set_title(title)
    axis.set_ylabel(ylabel)
    axis.tick_params(axis="x", rotation=30, labelsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


def render_report(metrics: dict, results: list[ItemResult], review: list[dict], comparison: dict | None) -> str:
    e = html.escape
    rows = "".join(f"<tr><td>{e(k)}</td><td>{e(str(v))}</td></tr>" for k, v in metrics.items())
    categories = category_scores(results)
    retrieval = {mode: (metrics[f"retrieval_hit_at_5{'' if mode == 'hybrid' else '_' + mode}"],
                        metrics[f"retrieval_mrr{'' if mode == 'hybrid' else '_' + mode}"]) for mode in RETRIEVAL_MODES}
    retrieval_rows = "".join(f"<tr><td>{e(m)}</td><td>{h}</td><td>{r}</td></tr>" for m, (h, r) in retrieval.items())
    failing = [r for r in results if r.failures]
    failing_rows = "".join(
        f"<tr><td>{e(r.id)}</td><td>{e(r.category)}</td><td>{r.score:.2f}</td><td>{e(r.question)}</td>"
        f"<td><ul>{''.join(f'<li>{e(f)}</li>' for f in r.failures)}</ul></td></tr>" for r in failing)
    review_rows = "".join(f"<tr><td>{e(r['id'])}</td><td>{e(str(r['expected']))}</td><td>{e(str(r['found']))}</td></tr>"
                          for r in review if r["expected"] != r["found"])
    compare_html = ""
    if comparison is not None:
        def listing(entries, label):
            return "".join(f"<tr><td>{label}</td><td>{e(x['id'])}</td><td>{x['before']:.2f} → {x['after']:.2f}</td>"
                           f"<td>{e('; '.join(x['new_failures'] or x['fixed']))}</td></tr>" for x in entries)
        compare_html = (f"<h2>Compared with the previous run</h2><p>{len(comparison['regressed'])} regressed, "
                        f"{len(comparison['improved'])} improved, {comparison['unchanged']} unchanged.</p>"
                        "<table><tr><th></th><th>item</th><th>score</th><th>what changed</th></tr>"
                        f"{listing(comparison['regressed'], '▼ regressed')}{listing(comparison['improved'], '▲ improved')}</table>")
    category_plot = _plot(categories, "Mean item score by category", "score")
    retrieval_plot = _plot({f"{m} hit@5": v[0] for m, v in retrieval.items()} | {f"{m} MRR": v[1] for m, v in retrieval.items()},
                           "Retrieval by mode", "")
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Answer-accuracy evaluation</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:14px}}</style></head><body>
<h1>Answer-accuracy evaluation</h1>
<h2>Scorecard</h2><table id="scorecard"><tr><th>metric</th><th>value</th></tr>{rows}</table>
<h2>Scores by category</h2><img alt="scores by category" src="data:image/png;base64,{category_plot}">
<h2>Retrieval: dense, BM25 and hybrid side by side</h2>
<table id="retrieval"><tr><th>mode</th><th>hit@5</th><th>MRR</th></tr>{retrieval_rows}</table>
<img alt="retrieval by mode" src="data:image/png;base64,{retrieval_plot}">
{compare_html}
<h2>Failing items ({len(failing)})</h2><table id="failing"><tr><th>item</th><th>category</th><th>score</th><th>question</th><th>what was missing or wrong</th></tr>{failing_rows}</table>
<h2>Rules check on the review set</h2><p>precision {metrics['check_precision']}, recall {metrics['check_recall']}</p>
<table><tr><th>draft</th><th>expected</th><th>found</th></tr>{review_rows or '<tr><td colspan="3">All drafts matched.</td></tr>'}</table>
</body></html>"""


def write_outputs(out: Path, metrics: dict, results: list[ItemResult], review: list[dict], comparison: dict | None) -> None:
    from assistant.workspace import atomic_write_bytes, atomic_write_json

    out.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in results)
    atomic_write_bytes(out / "results.jsonl", lines.encode("utf-8"))
    atomic_write_json(out / "metrics.json", metrics)
    atomic_write_json(out / "review.json", review)
    atomic_write_bytes(out / "report.html", render_report(metrics, results, review, comparison).encode("utf-8"))


def evaluate(answerer, dataset: Path | None = None, review_dataset: Path | None = None, out: Path | None = None,
             previous: Path | None = None) -> tuple[dict, list[ItemResult]]:
    """Run both evaluation sets; write `out` if given; compare with a `previous` out folder if given."""
    items = load_jsonl(dataset or DEFAULT_QUESTIONS, QuestionItem)
    review_items = load_jsonl(review_dataset or DEFAULT_REVIEW, ReviewItem)
    if previous is not None and not (previous / "results.jsonl").is_file():
        raise UserError(f"{previous}: no results.jsonl there; pass a folder written by `assistant eval --out`")
    metrics, results, review = run_evaluation(answerer, items, review_items)
    comparison = compare(results, previous, metrics) if previous else None
    if out:
        write_outputs(out, metrics, results, review, comparison)
    payload = {"metrics": metrics}
    if comparison is not None:
        payload["comparison"] = comparison
    return payload, results
