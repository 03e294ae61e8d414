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

from assistant.check import FINDING_KIND_NAMES
from assistant.errors import UserError

EVALS = Path(__file__).resolve().parent.parent / "evals"
DEFAULT_QUESTIONS = EVALS / "questions.jsonl"
DEFAULT_REVIEW = EVALS / "review.jsonl"
# The question sets reported side by side. `questions` was written together with the answerer and is the
# one thresholds are calibrated on; `clinician` was written blind to the code, before the answerer was
# redesigned, and nothing is tuned on it: its scores are the ones that say how clinicians are served.
QUESTION_SETS = {"questions": DEFAULT_QUESTIONS, "clinician": EVALS / "clinician.jsonl"}
# The same split for the rules check: `review` was tuned with the check, and so, later, was `review-passages`.
# Each later set was written blind to the code: the honest sets before or during a round of work on the reader and the
# check, and never tuned on (review 13, 18, 22, 23, 25, 26, 31, 38, 41, 46, 49, 54, 57, 60, 63, 66, 69, 71, 74, 76, 78, 80,
# 82, 84, 86, 89, 92, 95, 98, 101, 103, 106, 109, 112, 115, 118, 121, 124, 127, 130, 133, 136, 139, 142, 145, 148, 151, 154, 157, 160, 163, 166, 169, 172, 175, 178, 181, 184, 187, 190, 193, 196, 199, 202, 205, 208, 211, 214, 217, 220, 223, 226, 229, 232, 235, 238, 241, 244, 247, 250, 253, 256, 259, 262, 265, 268, 271, 274, 277, 280, 283, 286, 289, 292, 295, 298, 301, 304, 307, 310 and 313; lab strings 13, 18, 25, 26, 28, 32, 35, 39, 44, 47, 50, 55, 58, 61, 64, 67, 70, 72, 75, 77,
# 79, 81, 83, 85, 87, 90, 93, 96, 99, 102, 104, 107, 110, 113, 116, 119, 122, 125, 128, 131, 134, 137, 140, 143, 146, 149, 152, 155, 158, 161, 164, 167, 170, 173, 176, 179, 182, 185, 188, 191, 194, 197, 200, 203, 206, 209, 212, 215, 218, 221, 224, 227, 230, 233, 236, 239, 242, 245, 248, 251, 254, 257, 260, 263, 266, 269, 272, 275, 278, 281, 284, 287, 290, 293, 296, 299, 302, 305, 308, 311 and 314: see the README's Evaluate section); the others as their round's development sets.
REVIEW_ROUNDS = ("", *(str(n) for n in range(2, 315)))
LAB_ROUNDS = ("", *(str(n) for n in range(2, 316)))
REVIEW_SETS = {"review": DEFAULT_REVIEW, "review-passages": EVALS / "review_passages.jsonl",
               **{f"review-fresh{n}": EVALS / f"review_fresh{n}.jsonl" for n in REVIEW_ROUNDS}}
LAB_SETS = {"lab-strings": EVALS / "lab_strings.jsonl",
            **{f"lab-strings-fresh{n}": EVALS / f"lab_strings_fresh{n}.jsonl" for n in LAB_ROUNDS}}
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
    expected: dict = field(default_factory=dict)  # what the item expected, shown beside the answer in the report


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
    expected = {"in_scope": item.in_scope, "grades": dict(item.expected_grades),
                "key_facts": [fact["fact"] for fact in item.key_facts], "forbidden_claims": list(item.forbidden_claims),
                "source_ids": list(item.source_ids)}
    return ItemResult(item.id, item.category, item.question, answer, abstained, correct, len(item.expected_grades), found,
                      missing, forbidden, len(citations), valid, uncited, abstention_ok, ranks,
                      float(response.get("latency_ms") or 0.0), score, failures, expected=expected)


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
    when the expectation names one. A claim of a negation, a bound or a span ("no neutropenia of grade 2 or worse",
    found as "not ≥2"; "≥3", "≤1", "3-4") may be expected without a claimed grade or with the first grade it names."""
    claimed, found = want.get("claimed_grade"), got.get("claimed_grade")
    named = NAMED_GRADE_RE.search(found) if isinstance(found, str) else None
    return (want["kind"] == got["kind"] and ANALYTE_ALIASES.get(want["analyte"], want["analyte"]) == got["analyte"]
            and want.get("expected_grade") == got.get("expected_grade")
            and (claimed is None or claimed == found or named is not None and named.group(0) == str(claimed)
                 or grades_claimed(claimed) is not None and grades_claimed(claimed) == grades_claimed(found)))


def grades_claimed(label) -> frozenset[int] | None:
    """The lab grades (0 to 4) a claimed-grade label allows, so that labels that say the same match: "not 4", "not ≥4"
    and "≤3"; "not ≥2" and "≤1". None for a label it cannot read."""
    if isinstance(label, int):
        return frozenset({label})
    if not isinstance(label, str):
        return None
    text = label.strip().replace(">=", "≥").replace("<=", "≤")
    negated = text.startswith("not ")
    text = text[4:].strip() if negated else text
    span = re.fullmatch(r"(\d)\s*[-–]\s*(\d)", text)
    bound = re.fullmatch(r"([≥≤<>]?)\s*(\d)", text)
    if span:
        grades = set(range(int(span.group(1)), int(span.group(2)) + 1))
    elif bound:
        n = int(bound.group(2))
        grades = {"": {n}, "≥": set(range(n, 5)), ">": set(range(n + 1, 5)), "≤": set(range(0, n + 1)), "<": set(range(0, n))}[bound.group(1)]
    else:
        return None
    return frozenset(set(range(5)) - grades if negated else grades)


NAMED_GRADE_RE = re.compile(r"\d")  # the first grade the check's "not ≥2", "≤1" or "3-4" names
# Other codes a set's writer may give an analyte ("hb" for hemoglobin): the same analyte.
ANALYTE_ALIASES = {"hb": "hgb", "hemoglobin": "hgb", "haemoglobin": "hgb", "neut": "anc", "neutrophils": "anc", "lymph": "alc",
                   "lymphocytes": "alc", "platelets": "plt", "leukocytes": "wbc", "bilirubin": "bili"}


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


def run_questions(answerer, items: list[QuestionItem], progress=None) -> list[ItemResult]:
    """Ask every item (chat turns in order, in one conversation) and judge each answer.
    `progress(done, total)` is called after each item when given (the UI's progress bar)."""
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
            if progress is not None:
                progress(len(results), len(items))
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


# -- the report: plain names, definitions, thresholds ----------------------------------------------------
# Each scorecard metric: its plain name, a one-line definition and the pass rule (None = informative only).
# The thresholds are the bar the product is held to on any set, not numbers fitted to one run.
METRIC_INFO: dict[str, tuple[str, str, tuple[str, float] | None]] = {
    "items": ("Items asked", "Questions and chat turns asked in this set.", None),
    "mean_item_score": ("Overall item score", "Mean per item of the parts that apply: grades, key facts, quotes, abstention, no forbidden claim.", (">=", 0.85)),
    "grade_accuracy": ("Grades right", "Share of the expected CTCAE grades that the answer gives exactly.", (">=", 0.95)),
    "key_fact_recall": ("Key facts stated", "Share of the facts a clinician expects that the answer states, in any accepted wording.", (">=", 0.80)),
    "forbidden_claims": ("Forbidden claims made", "Statements the answer must never make for that question (e.g. steroids for iron deficiency).", ("<=", 0)),
    "citation_validity": ("Quotes word for word", "Share of citations whose quote appears verbatim in the cited passage.", (">=", 1.0)),
    "uncited_statements": ("Uncited statements", "Advice sentences shown without a citation.", ("<=", 0)),
    "abstention_accuracy": ("Declines exactly when it should", "Share of items where the answer says 'not covered' if and only if the question is out of scope.", (">=", 0.95)),
    "retrieval_hit_at_5": ("Right source in the top 5", "Share of questions whose expected source is among the first 5 search hits (hybrid search).", (">=", 0.85)),
    "retrieval_mrr": ("Rank of the right source", "Mean of 1/rank of the first hit from an expected source: 1 means always first.", (">=", 0.60)),
    "latency_p50_ms": ("Typical answer time", "Median time to answer one question on this machine, in milliseconds.", ("<=", 3000)),
    "latency_p95_ms": ("Slow answer time", "95th percentile of the time to answer, in milliseconds.", ("<=", 10000)),
}
CHECK_INFO: dict[str, tuple[str, str, tuple[str, float] | None]] = {
    "check_items": ("Passages checked", "Drafts or passages in the set.", None),
    "check_passage_precision": ("Flagged passages that are wrong", "Of the passages the check flags, the share that really contain a wrong claim.", (">=", 0.95)),
    "check_passage_recall": ("Wrong passages flagged", "Of the passages with a wrong claim, the share the check flags.", (">=", 0.90)),
    "check_precision": ("Findings that are right", "Of the findings reported, the share that match an expected finding.", (">=", 0.90)),
    "check_recall": ("Wrong claims found", "Of the expected findings, the share the check reports.", (">=", 0.85)),
}
LAB_INFO: dict[str, tuple[str, str, tuple[str, float] | None]] = {
    "lab_strings": ("Lab strings read", "Free-text lab strings in the set.", None),
    "lab_value_accuracy": ("Lab values read right", "Share of the expected values the reader finds, with the right analyte and value.", (">=", 0.95)),
    "lab_values_invented": ("Lab values invented", "Values the reader reports that the string does not contain.", ("<=", 0)),
    "lab_strings_all_right": ("Strings read perfectly", "Share of strings with every value found and nothing invented.", (">=", 0.90)),
}
RETRIEVAL_NAMES = {"hybrid": "Hybrid, rank fusion (what answers use)", "dense": "Dense (embeddings)", "bm25": "BM25 (keywords)",
                   "hybrid_score_fusion": "Hybrid, score fusion (the alternative)"}


# The count behind a ratio: with nothing to measure, a ratio is reported as 0.0 but neither passes nor fails.
MEASURED_BY = {"grade_accuracy": "grade_checks", "key_fact_recall": "key_facts", "citation_validity": "citations",
               "retrieval_hit_at_5": "retrieval_items", "retrieval_mrr": "retrieval_items",
               "check_precision": "check_predicted_findings", "check_recall": "check_expected_findings",
               "lab_value_accuracy": "lab_values_expected"}


def passes(rule: tuple[str, float] | None, value, metrics: dict | None = None, key: str = "") -> bool | None:
    """Whether a value meets its threshold; None when the metric has no threshold, no number or nothing to measure."""
    if rule is None or not isinstance(value, (int, float)):
        return None
    if metrics is not None and MEASURED_BY.get(key) in metrics and not metrics[MEASURED_BY[key]]:
        return None
    op, bar = rule
    return value >= bar if op == ">=" else value <= bar


def format_value(key: str, value) -> str:
    if not isinstance(value, (int, float)):
        return "—"
    if key.endswith("_ms"):
        return f"{value:,.0f} ms"
    if key.startswith("retrieval_mrr"):
        return f"{value:.2f}"
    if isinstance(value, int) or key in ("items", "forbidden_claims", "uncited_statements", "lab_values_invented"):
        return f"{value:,.0f}"
    return f"{value * 100:.1f}%"


def format_rule(key: str, rule: tuple[str, float] | None) -> str:
    if rule is None:
        return "—"
    op, bar = rule
    return f"{'≥' if op == '>=' else '≤'} {format_value(key, bar)}"


def _verdict(ok: bool | None) -> str:
    if ok is None:
        return ""
    return '<span class="pass">✓ pass</span>' if ok else '<span class="fail">✗ fail</span>'


def scorecard_rows(info: dict, columns: dict[str, dict]) -> str:
    e = html.escape
    rows = ""
    for key, (name, definition, rule) in info.items():
        cells = "".join(f"<td data-label=\"{e(col)}\">{e(format_value(key, m.get(key)) if passes(rule, m.get(key), m, key) is not None or rule is None else 'nothing to measure')} "
                        f"{_verdict(passes(rule, m.get(key), m, key))}</td>" for col, m in columns.items())
        rows += (f"<tr><th scope=\"row\"><span class=\"metric\">{e(name)}</span><span class=\"definition\">{e(definition)}</span>"
                 f"<code>{e(key)}</code></th><td data-label=\"pass if\">{e(format_rule(key, rule))}</td>{cells}</tr>")
    return rows


def scorecard_table(info: dict, columns: dict[str, dict], table_id: str, caption: str) -> str:
    e = html.escape
    head = "".join(f"<th scope=\"col\">{e(col)}</th>" for col in columns)
    return (f"<div class=\"table-wrap\"><table id=\"{table_id}\" class=\"stack\"><caption>{e(caption)}</caption>"
            f"<thead><tr><th scope=\"col\">measure</th><th scope=\"col\">pass if</th>{head}</tr></thead>"
            f"<tbody>{scorecard_rows(info, columns)}</tbody></table></div>")


def failed_metrics(report: dict) -> list[str]:
    """Plain names of every metric below its threshold, as 'set: name'."""
    failed = []
    for group, info in (("sets", METRIC_INFO), ("review", CHECK_INFO), ("lab_reading", LAB_INFO)):
        for name, metrics in (report.get(group) or {}).items():
            failed += [f"{name}: {label}" for key, (label, _, rule) in info.items() if passes(rule, metrics.get(key), metrics, key) is False]
    return failed


def _plot(sets: dict[str, dict[str, float]], title: str) -> str:
    """Mean item score by category, one horizontal bar per set: labels stay readable however many categories."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    categories = sorted({c for scores in sets.values() for c in scores})
    names = list(sets)
    height = max(2.4, 0.32 * len(categories) * max(1, len(names)) + 1.2)
    figure, axis = plt.subplots(figsize=(9, height))
    bar = 0.8 / max(1, len(names))
    colours = ["#1f5f8b", "#b35900", "#3d7a3d", "#6b4c9a"]
    for number, name in enumerate(names):
        positions = [i + number * bar for i in range(len(categories))]
        values = [sets[name].get(c, 0.0) for c in categories]
        shown = [c in sets[name] for c in categories]
        axis.barh(positions, values, height=bar * 0.9, color=colours[number % len(colours)], label=name)
        for y, value, present in zip(positions, values, shown, strict=True):
            axis.text(min(value, 1.0) + 0.01, y, f"{value:.2f}" if present else "not in set", va="center", fontsize=8)
    axis.set_yticks([i + bar * (len(names) - 1) / 2 for i in range(len(categories))], categories, fontsize=9)
    axis.invert_yaxis()
    axis.set_xlim(0, 1.12)
    axis.axvline(METRIC_INFO["mean_item_score"][2][1], color="#444444", linestyle="--", linewidth=1)
    axis.set_xlabel("mean item score (dashed line: pass threshold)")
    axis.set_title(title)
    if len(names) > 1:
        axis.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


def _expected_html(expected: dict) -> str:
    e = html.escape
    if not expected:
        return "—"
    parts = ["in scope: answer it" if expected.get("in_scope", True) else "out of scope: say it is not covered"]
    if expected.get("grades"):
        parts.append("grades: " + ", ".join(f"{a} {g if g is not None else 'not graded'}" for a, g in expected["grades"].items()))
    if expected.get("key_facts"):
        parts.append("key facts: " + "; ".join(expected["key_facts"]))
    if expected.get("forbidden_claims"):
        parts.append("must not say: " + "; ".join(expected["forbidden_claims"]))
    if expected.get("source_ids"):
        parts.append("sources: " + ", ".join(expected["source_ids"]))
    return "<ul>" + "".join(f"<li>{e(p)}</li>" for p in parts) + "</ul>"


def _finding_text(key: list) -> str:
    kind, analyte, claimed, expected = (list(key) + [None] * 4)[:4]
    text = f"{FINDING_KIND_NAMES.get(kind, kind)} ({analyte}"
    if claimed is not None:
        text += f", claimed {claimed}"
    if expected is not None:
        text += f", correct {expected}"
    return text + ")"


def run_details_html(run: dict | None) -> str:
    e = html.escape
    if not run:
        return ""
    rows = [("Date", run.get("date")), ("Code version", run.get("code_version")), ("Corpus digest", run.get("corpus_digest")),
            ("Knowledge base", f"{run.get('sources', '?')} sources, {run.get('chunks', '?')} chunks"),
            ("Embedding model", run.get("embedding_model")), ("Answer writer", run.get("writer")),
            ("Sets", ", ".join(run.get("sets") or []))]
    return ("<dl id=\"run-details\" class=\"run-details\">" + "".join(f"<dt>{e(k)}</dt><dd>{e(str(v or '—'))}</dd>" for k, v in rows)
            + "</dl>")


def report_body(report: dict, results: list[ItemResult], review: list[dict], comparison: dict | None) -> str:
    """The report's content as an HTML fragment, shared by `report.html` and the UI's Evaluation tab.
    Everything an item or an answer wrote is escaped."""
    e = html.escape
    sets = report.get("sets") or {}
    failed = failed_metrics(report)
    summary = (f"<p class=\"summary fail-summary\">{len(failed)} measure(s) below their threshold: {e('; '.join(failed))}.</p>"
               if failed else "<p class=\"summary pass-summary\">Every measure meets its threshold.</p>")
    parts = ["<h2>Run</h2>", run_details_html(report.get("run")), summary,
             "<p>\"questions\" was written together with the answerer (thresholds are calibrated on it), so its scores are an "
             "upper bound; \"clinician\" was written blind to the code and is never tuned on: its scores are the ones to trust.</p>"]
    if sets:
        parts += ["<h2>Scorecard</h2>", scorecard_table(METRIC_INFO, sets, "scorecard", "Answers, per question set")]
        categories = sorted({c for m in sets.values() for c in m.get("by_category", {})})
        head = "".join(f"<th scope=\"col\">{e(n)}</th>" for n in sets)
        rows = "".join(f"<tr><th scope=\"row\">{e(c)}</th>" + "".join(
            f"<td data-label=\"{e(n)}\">{format_value('score', m['by_category'][c]) if c in m.get('by_category', {}) else '—'}</td>"
            for n, m in sets.items()) + "</tr>" for c in categories)
        chart = _plot({n: m.get("by_category", {}) for n, m in sets.items()}, "Mean item score by category")
        parts += ["<h2>Scores by category</h2>",
                  f"<img class=\"chart\" alt=\"Bar chart of the mean item score by category for {e(', '.join(sets))}; "
                  f"the same numbers are in the table below.\" src=\"data:image/png;base64,{chart}\">",
                  f"<div class=\"table-wrap\"><table id=\"categories\" class=\"stack\"><caption>Mean item score by category</caption>"
                  f"<thead><tr><th scope=\"col\">category</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>"]
        retrieval = ""
        for name, metrics in sets.items():
            for mode in RETRIEVAL_MODES:
                suffix = "" if mode == "hybrid" else "_" + mode
                retrieval += (f"<tr><td data-label=\"set\">{e(name)}</td><td data-label=\"search\">{e(RETRIEVAL_NAMES[mode])} "
                              f"<code>{e(mode)}</code></td>"
                              f"<td data-label=\"right source in top 5\">{format_value('r', metrics.get('retrieval_hit_at_5' + suffix, 0.0))}</td>"
                              f"<td data-label=\"rank of the right source\">{metrics.get('retrieval_mrr' + suffix, 0.0):.2f}</td></tr>")
        parts += ["<h2>Search: dense, BM25 and hybrid side by side</h2>",
                  "<div class=\"table-wrap\"><table id=\"retrieval\" class=\"stack\"><thead><tr><th scope=\"col\">set</th>"
                  "<th scope=\"col\">search</th><th scope=\"col\">right source in top 5</th><th scope=\"col\">rank of the right source (MRR)</th>"
                  f"</tr></thead><tbody>{retrieval}</tbody></table></div>"]
    if comparison is not None:
        def listing(entries, label):
            return "".join(f"<tr><td data-label=\"change\">{label}</td><td data-label=\"item\">{e(x['id'])}</td>"
                           f"<td data-label=\"score\">{x['before']:.2f} → {x['after']:.2f}</td>"
                           f"<td data-label=\"what changed\">{e('; '.join(x['new_failures'] or x['fixed']) or 'score changed')}</td></tr>"
                           for x in entries)
        deltas = "".join(f"<tr><td data-label=\"measure\">{e(k)}</td><td data-label=\"change\">{'+' if v > 0 else ''}{v:g}</td></tr>"
                         for k, v in sorted(comparison.get("metric_deltas", {}).items()) if v)
        parts += [f"<h2>Compared with the previous run</h2><p id=\"comparison-summary\">{len(comparison['regressed'])} regressed, "
                  f"{len(comparison['improved'])} improved, {comparison['unchanged']} unchanged.</p>",
                  "<div class=\"table-wrap\"><table id=\"comparison\" class=\"stack\"><thead><tr><th scope=\"col\">change</th>"
                  "<th scope=\"col\">item</th><th scope=\"col\">score</th><th scope=\"col\">what changed</th></tr></thead><tbody>"
                  f"{listing(comparison['regressed'], '▼ regressed')}{listing(comparison['improved'], '▲ improved')}"
                  f"{'' if comparison['regressed'] or comparison['improved'] else '<tr><td colspan=4>No item changed.</td></tr>'}"
                  "</tbody></table></div>"]
        if deltas:
            parts.append("<details><summary>Every measure that changed</summary><div class=\"table-wrap\"><table class=\"stack\">"
                         f"<thead><tr><th scope=\"col\">measure</th><th scope=\"col\">change</th></tr></thead><tbody>{deltas}</tbody>"
                         "</table></div></details>")
    failing = [r for r in results if r.failures]
    rows = "".join(
        f"<tr><td data-label=\"item\"><strong>{e(r.id)}</strong><br>{e(r.dataset)} · {e(r.category)}<br>score {r.score:.2f}</td>"
        f"<td data-label=\"question\">{e(r.question)}</td>"
        f"<td data-label=\"answer given\"><details><summary>Show the answer ({len(r.answer.split())} words)</summary>"
        f"<div class=\"answer-text\">{e(r.answer) or '(empty)'}</div></details></td>"
        f"<td data-label=\"expected\">{_expected_html(r.expected)}</td>"
        f"<td data-label=\"what went wrong\"><ul>{''.join(f'<li>{e(f)}</li>' for f in r.failures)}</ul></td></tr>" for r in failing)
    parts += [f"<h2>Failing items ({len(failing)})</h2>",
              "<div class=\"table-wrap\"><table id=\"failing\" class=\"stack\"><thead><tr><th scope=\"col\">item</th>"
              "<th scope=\"col\">question</th><th scope=\"col\">answer given</th><th scope=\"col\">expected</th>"
              f"<th scope=\"col\">what went wrong</th></tr></thead><tbody>"
              f"{rows or '<tr><td colspan=5>No failing items.</td></tr>'}</tbody></table></div>"]
    if report.get("review"):
        parts += ["<h2>Rules check</h2>", scorecard_table(CHECK_INFO, report["review"], "rules-check", "The rules check, per set")]
        misses = [r for r in review if r["expected"] != r["found"]]
        miss_rows = "".join(f"<tr><td data-label=\"draft\">{e(r['id'])}</td>"
                            f"<td data-label=\"expected\">{e('; '.join(_finding_text(k) for k in r['expected']) or 'nothing wrong')}</td>"
                            f"<td data-label=\"found\">{e('; '.join(_finding_text(k) for k in r['found']) or 'nothing')}</td></tr>"
                            for r in misses[:200])
        parts += ["<details><summary>Drafts where the check disagreed with the expected findings "
                  f"({len(misses)})</summary><div class=\"table-wrap\"><table class=\"stack\"><thead><tr><th scope=\"col\">draft</th>"
                  "<th scope=\"col\">expected</th><th scope=\"col\">found</th></tr></thead><tbody>"
                  f"{miss_rows or '<tr><td colspan=3>All drafts matched.</td></tr>'}</tbody></table></div></details>"]
    if report.get("lab_reading"):
        parts += ["<h2>Lab reading</h2>", scorecard_table(LAB_INFO, report["lab_reading"], "lab-reading", "The lab reader, per set")]
    return "\n".join(p for p in parts if p)


REPORT_CSS = """
.eval-report{font-family:system-ui,sans-serif;color:#1a1a1a;line-height:1.45}
.eval-report table{border-collapse:collapse;margin:.6em 0;width:100%}
.eval-report caption{text-align:left;font-weight:600;padding:.3em 0}
.eval-report td,.eval-report th{border:1px solid #c8c8c8;padding:6px 8px;vertical-align:top;font-size:14px;text-align:left}
.eval-report thead th{background:#eef1f4}
.eval-report h2{font-size:1.3em;font-weight:700;margin:1.1em 0 .4em}
.eval-report details summary{cursor:pointer;font-weight:600}
.eval-report ul{padding-left:1.2em;margin:0;list-style:disc}
.eval-report .metric{display:block;font-weight:600}
.eval-report .definition{display:block;font-weight:400;color:#3d3d3d;font-size:13px}
.eval-report code{display:block;font-size:12px;color:#3d3d3d}
.eval-report td code{display:inline}
.eval-report .pass{color:#0f5323;font-weight:600;white-space:nowrap}
.eval-report .fail{color:#a1121f;font-weight:600;white-space:nowrap}
.eval-report .summary{padding:.5em .8em;border-radius:6px;font-weight:600}
.eval-report .pass-summary{background:#e3f4e6;color:#0f5323}
.eval-report .fail-summary{background:#fdecee;color:#8a0f1b}
.eval-report .run-details{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:.4em 0}
.eval-report .run-details dt{font-weight:600}
.eval-report .run-details dd{margin:0;overflow-wrap:anywhere}
.eval-report .chart{max-width:100%;height:auto}
.eval-report .answer-text{white-space:pre-wrap;font-size:13px;max-height:28em;overflow:auto}
.eval-report .table-wrap{overflow-x:auto}
@media (max-width:700px){
 .eval-report table.stack thead{position:absolute;left:-9999px}
 .eval-report table.stack tr{display:block;border:1px solid #c8c8c8;margin:0 0 .6em}
 .eval-report table.stack td,.eval-report table.stack th{display:block;border:none;border-bottom:1px solid #e2e2e2}
 .eval-report table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
}
"""


def render_report(report: dict, results: list[ItemResult], review: list[dict], comparison: dict | None) -> str:
    """The HTML report of `assistant eval`: the same content as the UI's Evaluation tab, as one standalone page."""
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Answer-accuracy evaluation</title>"
            f"<style>body{{max-width:1200px;margin:1.5em auto;padding:0 1em}}{REPORT_CSS}</style></head>"
            f"<body><main class=\"eval-report\"><h1>Answer-accuracy evaluation</h1>\n"
            f"{report_body(report, results, review, comparison)}\n</main></body></html>")


def write_outputs(out: Path, report: dict, results: list[ItemResult], review: list[dict], comparison: dict | None) -> None:
    from assistant.workspace import atomic_write_bytes, atomic_write_json

    out.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in results)
    atomic_write_bytes(out / "results.jsonl", lines.encode("utf-8"))
    atomic_write_json(out / "metrics.json", report)
    atomic_write_json(out / "review.json", review)
    atomic_write_bytes(out / "report.html", render_report(report, results, review, comparison).encode("utf-8"))


def format_report(report: dict) -> str:
    """The readable CLI scorecard: run details, question sets side by side with pass/fail, scores by category,
    the rules check, lab reading."""
    sets = report["sets"]
    names = list(sets)
    keys = list(METRIC_INFO)
    width = max(len(METRIC_INFO[k][0]) for k in keys) + 12
    lines = []
    run = report.get("run")
    if run:
        lines += [f"run {run.get('date')}, code {run.get('code_version')}, corpus {str(run.get('corpus_digest') or '?')[:12]}, "
                  f"model {run.get('embedding_model')}", ""]
    lines.append(f"{'measure (pass if)':<{width}}" + "".join(f"{n:>16}" for n in names))
    for key in keys:
        name, _, rule = METRIC_INFO[key]
        label = f"{name} ({format_rule(key, rule)})" if rule else name
        cells = ""
        for n in names:
            ok = passes(rule, sets[n].get(key), sets[n], key)
            cells += f"{format_value(key, sets[n].get(key)) + ('' if ok is None else ' ok' if ok else ' FAIL'):>16}"
        lines.append(f"{label:<{width}}" + cells)
    categories = sorted({c for n in names for c in sets[n]["by_category"]})
    lines += ["", f"{'score by category':<{width}}" + "".join(f"{n:>16}" for n in names)]
    lines += [f"{c:<{width}}" + "".join(f"{str(sets[n]['by_category'].get(c, '-')):>16}" for n in names) for c in categories]
    lines += ["", "rules check: set, passages, passage precision / recall, finding precision / recall"]
    lines += [f"  {n}: {m['check_items']}, {m['check_passage_precision']} / {m['check_passage_recall']}, "
              f"{m['check_precision']} / {m['check_recall']}" for n, m in report["review"].items()]
    for name, lab in (report.get("lab_reading") or {}).items():
        lines += [f"lab reading, {name}: " + ", ".join(f"{k} {v}" for k, v in lab.items())]
    failed = failed_metrics(report)
    lines += ["", f"below threshold: {'; '.join(failed)}" if failed else "every measure meets its threshold"]
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


def code_version() -> str:
    """The git commit of this checkout, marked when it has local changes; "unknown" outside git."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{commit} (with local changes)" if dirty else commit


def run_details(answerer, set_names: list[str]) -> dict:
    """What a run was made on: date, code version, corpus digest, model, writer."""
    from datetime import datetime, timezone

    status = answerer.kb.status()
    model = str(status.get("embedding_model") or "")
    settings = answerer.kb.settings
    return {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "code_version": code_version(),
            "corpus_digest": status.get("corpus_digest"), "sources": status.get("sources"), "chunks": status.get("chunks"),
            "embedding_model": ("all-MiniLM-L6-v2 (bundled)" if not settings.embedding_model else Path(model).name or model)
            + (f", sha256 {str(status.get('model_sha256'))[:12]}" if status.get("model_sha256") else ""),
            "writer": f"LLM {settings.llm_model}" if settings.llm_configured else "deterministic (no LLM)", "sets": set_names}


def evaluate(answerer, dataset: Path | None = None, review_dataset: Path | None = None, out: Path | None = None,
             previous: Path | None = None, *, question_sets: dict[str, Path] | None = None, checks: bool = True,
             progress=None) -> tuple[dict, list[ItemResult]]:
    """Run the question sets side by side, the review sets and the lab strings; write `out` if given; compare
    with a `previous` out folder if given. `dataset` / `review_dataset` run that one set instead.

    For the UI: `question_sets` names the question sets to run, `checks=False` leaves out the rules-check and
    lab-reading sets, and `progress(fraction, description)` is told how far the run is."""
    if question_sets is not None:
        if not question_sets:
            raise UserError("choose at least one question set to evaluate")
    elif dataset:
        question_sets = {dataset.stem: dataset}
    else:
        question_sets = {n: p for n, p in QUESTION_SETS.items() if n == "questions" or p.is_file()}
    review_sets = {review_dataset.stem: review_dataset} if review_dataset else {n: p for n, p in REVIEW_SETS.items()
                                                                                 if n == "review" or p.is_file()}
    if not checks:
        review_sets = {}
    loaded = {name: load_jsonl(path, QuestionItem) for name, path in question_sets.items()}
    loaded_reviews = {name: load_jsonl(path, ReviewItem) for name, path in review_sets.items()}
    if previous is not None and not (previous / "results.jsonl").is_file():
        raise UserError(f"{previous}: no results.jsonl there; pass a folder written by `assistant eval --out`")
    total = sum(len(items) for items in loaded.values()) or 1
    done = 0

    def tell(fraction: float, description: str) -> None:
        if progress is not None:
            progress(min(1.0, fraction), description)

    tell(0.0, "Loading the index")
    answerer.finder.warm(answerer.kb.index())  # latencies as a running server has them
    report: dict = {"run": run_details(answerer, list(loaded) + list(loaded_reviews)), "sets": {}, "review": {}}
    results: list[ItemResult] = []
    for name, items in loaded.items():
        def step(count: int, _size: int, name=name, before=done) -> None:
            tell(0.92 * (before + count) / total, f"Asking the {name} set: {count} of {len(loaded[name])}")

        set_results = run_questions(answerer, items, step)
        done += len(items)
        for r in set_results:
            r.dataset = name
        report["sets"][name] = {**aggregate(set_results, items), "by_category": category_scores(set_results)}
        results += set_results
    review_rows: list[dict] = []
    for name, items in loaded_reviews.items():
        tell(0.93, f"Running the rules check on {name}")
        report["review"][name], rows = review_scores(items)
        review_rows += rows
    if dataset is None and checks:
        report["lab_reading"], report["lab_misreads"] = {}, {}
        for name, path in LAB_SETS.items():
            if path.is_file():
                tell(0.96, f"Reading the lab strings of {name}")
                report["lab_reading"][name], report["lab_misreads"][name] = lab_reading_scores(load_jsonl(path, LabStringItem))
    comparison = compare(results, previous, flat_metrics(report)) if previous else None
    if out:
        tell(0.98, "Writing the report")
        write_outputs(out, report, results, review_rows, comparison)
    payload = dict(report)
    if comparison is not None:
        payload["comparison"] = comparison
    tell(1.0, "Done")
    return payload, results
