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
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.errors import UserError

EVALS = Path(__file__).resolve().parent.parent / "evals"
DEFAULT_QUESTIONS = EVALS / "questions.jsonl"
DEFAULT_REVIEW = EVALS / "review.jsonl"
# The question sets reported side by side. `questions` was written together with the answerer and is the
# one thresholds are calibrated on; `clinician` was written blind to the code, before the answerer was
# redesigned, and nothing is tuned on it: its scores are the ones that say how clinicians are served.
QUESTION_SETS = {"questions": DEFAULT_QUESTIONS, "clinician": EVALS / "clinician.jsonl"}
# The same split for the rules check: `review` was tuned with the check, `review-passages` is held out.
# `review-fresh` and `lab-strings-fresh` were written blind after the reader and the check were last changed:
# never tuned on, they are the honest measure of both.
REVIEW_SETS = {"review": DEFAULT_REVIEW, "review-passages": EVALS / "review_passages.jsonl", "review-fresh": EVALS / "review_fresh.jsonl"}
LAB_SETS = {"lab-strings": EVALS / "lab_strings.jsonl", "lab-strings-fresh": EVALS / "lab_strings_fresh.jsonl"}
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
    add_sources: list[str] = field(default_factory=list)  # files (relative to the repository) ingested before asking
    chat: str | None = None  # the chat this item is a turn of; turns of one chat are asked in order


@dataclass
class ChatItem:
    """A multi-turn conversation: each turn is judged like a question item, with the earlier turns as context."""

    id: str
    turns: list[dict]
    category: str = "chat"

    def items(self) -> list[QuestionItem]:
        return [QuestionItem(**{"category": self.category, "in_scope": True, **turn, "id": f"{self.id}#{number}", "chat": self.id})
                for number, turn in enumerate(self.turns, 1)]


@dataclass
class ReviewItem:
    id: str
    text: str
    expected_findings: list[dict]
    ctcae: str | None = None
    style: str | None = None


@dataclass
class LabStringItem:
    id: str
    text: str
    expected_labs: list[dict]  # {"analyte", "value"} in canonical units, every patient value once
    style: str | None = None


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
    dataset: str = ""


def load_jsonl(path: Path, kind) -> list:
    if not path.is_file():
        raise UserError(f"{path}: evaluation set not found; pass --dataset with a JSON-lines file")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if kind is QuestionItem and isinstance(record, dict) and "turns" in record:
                items.extend(ChatItem(**record).items())
                continue
            items.append(kind(**record))
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


def finding_matches(want: dict, got: dict) -> bool:
    """A found finding matches an expected one by kind, analyte and expected grade, and by the claimed grade
    when the expectation names one (a negated claim, "no grade 2 or worse", is expected without one)."""
    return (want["kind"] == got["kind"] and want["analyte"] == got["analyte"]
            and want.get("expected_grade") == got.get("expected_grade")
            and (want.get("claimed_grade") is None or want.get("claimed_grade") == got.get("claimed_grade")))


def check_scores(expected: list[list[dict]], predicted: list[list[dict]]) -> dict:
    """Precision and recall of the rules check, per finding and per passage (a passage is flagged or not)."""
    true_positive = predicted_total = expected_total = 0
    flagged_right = flagged = should_flag = 0
    for want, got in zip(expected, predicted, strict=True):
        unmatched = list(got)
        for finding in want:
            match = next((g for g in unmatched if finding_matches(finding, g)), None)
            if match is not None:
                unmatched.remove(match)
                true_positive += 1
        predicted_total += len(got)
        expected_total += len(want)
        flagged += bool(got)
        should_flag += bool(want)
        flagged_right += bool(got) and bool(want)
    def ratio(a, b):
        return round(a / b, 6) if b else 0.0
    return {
        "check_precision": ratio(true_positive, predicted_total), "check_recall": ratio(true_positive, expected_total),
        "check_passage_precision": ratio(flagged_right, flagged), "check_passage_recall": ratio(flagged_right, should_flag),
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
    previous_metrics = flat_metrics(json.loads((previous_dir / "metrics.json").read_text())) if (previous_dir / "metrics.json").is_file() else {}
    deltas = {k: round(v - previous_metrics[k], 6) for k, v in metrics.items()
              if isinstance(v, (int, float)) and isinstance(previous_metrics.get(k), (int, float))}
    return {"regressed": regressed, "improved": improved, "metric_deltas": deltas,
            "unchanged": len(current) - len(regressed) - len(improved)}


# -- the lab reader ---------------------------------------------------------------------------------------
LAB_TOLERANCE = 0.051  # canonical values are compared after rounding to one decimal


def lab_reading_scores(items: list[LabStringItem]) -> tuple[dict, list[dict]]:
    """How many expected lab values the reader gets right, and how many values it invents."""
    from assistant.labs import grade_text

    expected_total = correct = invented = strings_right = 0
    rows = []
    for item in items:
        read = [lab for lab in grade_text(item.text, "5.0") if lab["value"] is not None and lab["analyte"] in CYTOPENIA_ANALYTES]
        unmatched = list(read)
        misses = []
        for want in item.expected_labs:
            expected_total += 1
            match = next((lab for lab in unmatched if lab["analyte"] == want["analyte"]
                          and abs(lab["value"] - want["value"]) <= LAB_TOLERANCE + 0.005 * abs(want["value"])), None)
            if match is None:
                misses.append(want)
            else:
                correct += 1
                unmatched.remove(match)
        invented += len(unmatched)
        ok = not misses and not unmatched
        strings_right += ok
        if not ok:
            rows.append({"id": item.id, "text": item.text, "missed": misses,
                         "invented": [{"analyte": lab["analyte"], "value": lab["value"]} for lab in unmatched]})
    return {
        "lab_strings": len(items), "lab_values_expected": expected_total,
        "lab_value_accuracy": round(correct / expected_total, 6) if expected_total else 0.0,
        "lab_values_invented": invented,
        "lab_strings_all_right": round(strings_right / len(items), 6) if items else 0.0,
    }, rows


CYTOPENIA_ANALYTES = {"wbc", "anc", "alc", "plt", "hgb"}


# -- running ---------------------------------------------------------------------------------------------
def _answerer_with_sources(answerer, files: list[str], workdir: Path):
    """An answerer over a copy of the knowledge base with `files` ingested, as a content team would add them."""
    import shutil

    from assistant.answering import Answerer
    from assistant.knowledge_base import KnowledgeBase

    settings = answerer.kb.settings.model_copy(update={"home": workdir})
    shutil.copytree(answerer.kb.settings.corpus_dir, settings.corpus_dir)
    kb = KnowledgeBase(settings, embedder=answerer.kb.embedder)
    kb.ingest([EVALS.parent / f for f in files])
    return Answerer(kb)


def run_questions(answerer, items: list[QuestionItem]) -> list[ItemResult]:
    """Ask every item (chat turns in order, in one conversation) and judge each answer."""
    import tempfile

    from assistant.answering import Conversation

    extra: dict[tuple[str, ...], object] = {}
    results = []
    conversations: dict[str, Conversation] = {}
    with tempfile.TemporaryDirectory(prefix="eval-sources-") as workdir:
        for item in items:
            who = answerer
            if item.add_sources:
                key = tuple(sorted(item.add_sources))
                if key not in extra:
                    extra[key] = _answerer_with_sources(answerer, list(key), Path(workdir) / str(len(extra)))
                who = extra[key]
            index = who.kb.index()
            try:
                if item.chat:
                    conversation = conversations.setdefault(item.chat, Conversation(who, item.ctcae))
                    response = conversation.ask(item.question, item.ctcae)
                else:
                    response = who.answer(item.question, item.ctcae)[0]
            except UserError:
                response = None
            ranks = retrieval_ranks(index, who.kb.embedder, item.question, item.source_ids) if item.source_ids else {}
            results.append(judge_item(item, response, {c.chunk_id: c.text for c in index.chunks}, ranks))
    return results


def review_scores(items: list[ReviewItem]) -> tuple[dict, list[dict]]:
    """The rules check on drafts with known findings: per finding and per passage."""
    from assistant.check import check_text, findings_as_dicts

    expected, predicted, rows = [], [], []
    for review in items:
        findings = findings_as_dicts(check_text(review.text, review.ctcae or "5"))
        expected.append(review.expected_findings)
        predicted.append(findings)
        rows.append({"id": review.id, "expected": [list(finding_key(f)) for f in review.expected_findings],
                     "found": [list(finding_key(f)) for f in findings]})
    return check_scores(expected, predicted), rows


def run_evaluation(answerer, items: list[QuestionItem], review_items: list[ReviewItem]) -> tuple[dict, list[ItemResult], list[dict]]:
    """One question set and one review set: metrics, item results and review rows."""
    results = run_questions(answerer, items)
    metrics = aggregate(results, items)
    check_metrics, review_rows = review_scores(review_items)
    metrics.update(check_metrics)
    return metrics, results, review_rows


def category_scores(results: list[ItemResult]) -> dict[str, float]:
    groups: dict[str, list[float]] = {}
    for r in results:
        groups.setdefault(r.category, []).append(r.score)
    return {name: round(statistics.fmean(scores), 4) for name, scores in sorted(groups.items())}


def _plot(values: dict[str, float], title: str, ylabel: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(10, 3.6))
    axis.bar(range(len(values)), list(values.values()), color="#2f6f9f")
    axis.set_xticks(range(len(values)), list(values), rotation=45, ha="right", fontsize=7)
    axis.set_ylim(0, 1.05)
    axis.set_title(title)
    axis.set_ylabel(ylabel)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


SCORECARD_METRICS = ("items", "mean_item_score", "grade_accuracy", "key_fact_recall", "forbidden_claims", "citation_validity",
                     "uncited_statements", "abstention_accuracy", "retrieval_hit_at_5", "retrieval_mrr", "latency_p50_ms",
                     "latency_p95_ms")


def render_report(report: dict, results: list[ItemResult], review: list[dict], comparison: dict | None) -> str:
    """The HTML report: question sets side by side, scores by category, retrieval, failing items, the rules check."""
    e = html.escape
    sets = report["sets"]
    header = "".join(f"<th>{e(name)}</th>" for name in sets)
    rows = "".join(f"<tr><td>{e(k)}</td>" + "".join(f"<td>{e(str(m.get(k, '')))}</td>" for m in sets.values()) + "</tr>"
                   for k in SCORECARD_METRICS)
    category_html = ""
    for name, metrics in sets.items():
        category_html += (f"<h3>{e(name)}</h3><img alt=\"scores by category, {e(name)}\" "
                          f"src=\"data:image/png;base64,{_plot(metrics['by_category'], f'Mean item score by category ({name})', 'score')}\">")
    retrieval_rows = ""
    for name, metrics in sets.items():
        for mode in RETRIEVAL_MODES:
            suffix = "" if mode == "hybrid" else "_" + mode
            retrieval_rows += (f"<tr><td>{e(name)}</td><td>{e(mode)}</td><td>{metrics.get('retrieval_hit_at_5' + suffix, 0.0)}</td>"
                               f"<td>{metrics.get('retrieval_mrr' + suffix, 0.0)}</td></tr>")
    failing = [r for r in results if r.failures]
    failing_rows = "".join(
        f"<tr><td>{e(r.dataset)}</td><td>{e(r.id)}</td><td>{e(r.category)}</td><td>{r.score:.2f}</td><td>{e(r.question)}</td>"
        f"<td><ul>{''.join(f'<li>{e(f)}</li>' for f in r.failures)}</ul></td></tr>" for r in failing)
    review_metrics = "".join(
        f"<tr><td>{e(name)}</td><td>{m['check_items']}</td><td>{m['check_passage_precision']}</td><td>{m['check_passage_recall']}</td>"
        f"<td>{m['check_precision']}</td><td>{m['check_recall']}</td></tr>" for name, m in report["review"].items())
    review_rows = "".join(f"<tr><td>{e(r['id'])}</td><td>{e(str(r['expected']))}</td><td>{e(str(r['found']))}</td></tr>"
                          for r in review if r["expected"] != r["found"])
    lab_sets = report.get("lab_reading") or {}
    lab_html = "".join(f"<h2>Lab reading: {e(name)}</h2><table>" + "".join(f"<tr><td>{e(k)}</td><td>{v}</td></tr>" for k, v in lab.items())
                       + "</table>" for name, lab in lab_sets.items())
    compare_html = ""
    if comparison is not None:
        def listing(entries, label):
            return "".join(f"<tr><td>{label}</td><td>{e(x['id'])}</td><td>{x['before']:.2f} → {x['after']:.2f}</td>"
                           f"<td>{e('; '.join(x['new_failures'] or x['fixed']))}</td></tr>" for x in entries)
        compare_html = (f"<h2>Compared with the previous run</h2><p>{len(comparison['regressed'])} regressed, "
                        f"{len(comparison['improved'])} improved, {comparison['unchanged']} unchanged.</p>"
                        "<table><tr><th></th><th>item</th><th>score</th><th>what changed</th></tr>"
                        f"{listing(comparison['regressed'], '▼ regressed')}{listing(comparison['improved'], '▲ improved')}</table>")
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Answer-accuracy evaluation</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:14px}}</style></head><body>
<h1>Answer-accuracy evaluation</h1>
<p>"questions" was written together with the answerer (thresholds are calibrated on it); "clinician" was written blind
to the code and is never tuned on: its scores are the ones to trust.</p>
<h2>Scorecard</h2><table id="scorecard"><tr><th>metric</th>{header}</tr>{rows}</table>
<h2>Scores by category</h2>{category_html}
<h2>Retrieval: dense, BM25 and hybrid side by side</h2>
<table id="retrieval"><tr><th>set</th><th>mode</th><th>hit@5</th><th>MRR</th></tr>{retrieval_rows}</table>
{compare_html}
<h2>Failing items ({len(failing)})</h2><table id="failing"><tr><th>set</th><th>item</th><th>category</th><th>score</th><th>question</th><th>what was missing or wrong</th></tr>{failing_rows}</table>
<h2>Rules check</h2><table><tr><th>set</th><th>passages</th><th>passage precision</th><th>passage recall</th><th>finding precision</th><th>finding recall</th></tr>{review_metrics}</table>
<table><tr><th>draft</th><th>expected</th><th>found</th></tr>{review_rows or '<tr><td colspan="3">All drafts matched.</td></tr>'}</table>
{lab_html}
</body></html>"""


def write_outputs(out: Path, report: dict, results: list[ItemResult], review: list[dict], comparison: dict | None) -> None:
    from assistant.workspace import atomic_write_bytes, atomic_write_json

    out.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in results)
    atomic_write_bytes(out / "results.jsonl", lines.encode("utf-8"))
    atomic_write_json(out / "metrics.json", report)
    atomic_write_json(out / "review.json", review)
    atomic_write_bytes(out / "report.html", render_report(report, results, review, comparison).encode("utf-8"))


def format_report(report: dict) -> str:
    """The readable CLI scorecard: question sets side by side, scores by category, the rules check, lab reading."""
    sets = report["sets"]
    names = list(sets)
    width = max(len(k) for k in SCORECARD_METRICS) + 2
    lines = [f"{'metric':<{width}}" + "".join(f"{n:>14}" for n in names)]
    lines += [f"{k:<{width}}" + "".join(f"{str(sets[n].get(k, '')):>14}" for n in names) for k in SCORECARD_METRICS]
    categories = sorted({c for n in names for c in sets[n]["by_category"]})
    lines += ["", f"{'score by category':<{width}}" + "".join(f"{n:>14}" for n in names)]
    lines += [f"{c:<{width}}" + "".join(f"{str(sets[n]['by_category'].get(c, '-')):>14}" for n in names) for c in categories]
    lines += ["", "rules check: set, passages, passage precision / recall, finding precision / recall"]
    lines += [f"  {n}: {m['check_items']}, {m['check_passage_precision']} / {m['check_passage_recall']}, "
              f"{m['check_precision']} / {m['check_recall']}" for n, m in report["review"].items()]
    for name, lab in (report.get("lab_reading") or {}).items():
        lines += [f"lab reading, {name}: " + ", ".join(f"{k} {v}" for k, v in lab.items())]
    return "\n".join(lines)


def flat_metrics(report: dict) -> dict:
    """Every number of a report as "set/metric", for comparing two runs."""
    flat = {}
    for group in ("sets", "review"):
        for name, metrics in report.get(group, {}).items():
            flat.update({f"{name}/{k}": v for k, v in metrics.items() if isinstance(v, (int, float))})
    for name, lab in (report.get("lab_reading") or {}).items():
        flat.update({f"{name}/{k}": v for k, v in lab.items()})
    return flat


def evaluate(answerer, dataset: Path | None = None, review_dataset: Path | None = None, out: Path | None = None,
             previous: Path | None = None) -> tuple[dict, list[ItemResult]]:
    """Run the question sets side by side, the review sets and the lab strings; write `out` if given; compare
    with a `previous` out folder if given. `dataset` / `review_dataset` run that one set instead."""
    question_sets = {dataset.stem: dataset} if dataset else {n: p for n, p in QUESTION_SETS.items() if n == "questions" or p.is_file()}
    review_sets = {review_dataset.stem: review_dataset} if review_dataset else {n: p for n, p in REVIEW_SETS.items()
                                                                                 if n == "review" or p.is_file()}
    loaded = {name: load_jsonl(path, QuestionItem) for name, path in question_sets.items()}
    loaded_reviews = {name: load_jsonl(path, ReviewItem) for name, path in review_sets.items()}
    if previous is not None and not (previous / "results.jsonl").is_file():
        raise UserError(f"{previous}: no results.jsonl there; pass a folder written by `assistant eval --out`")
    answerer.finder.warm(answerer.kb.index())  # latencies as a running server has them
    report: dict = {"sets": {}, "review": {}}
    results: list[ItemResult] = []
    for name, items in loaded.items():
        set_results = run_questions(answerer, items)
        for r in set_results:
            r.dataset = name
        report["sets"][name] = {**aggregate(set_results, items), "by_category": category_scores(set_results)}
        results += set_results
    review_rows: list[dict] = []
    for name, items in loaded_reviews.items():
        report["review"][name], rows = review_scores(items)
        review_rows += rows
    if dataset is None:
        report["lab_reading"], report["lab_misreads"] = {}, {}
        for name, path in LAB_SETS.items():
            if path.is_file():
                report["lab_reading"][name], report["lab_misreads"][name] = lab_reading_scores(load_jsonl(path, LabStringItem))
    comparison = compare(results, previous, flat_metrics(report)) if previous else None
    if out:
        write_outputs(out, report, results, review_rows, comparison)
    payload = dict(report)
    if comparison is not None:
        payload["comparison"] = comparison
    return payload, results
