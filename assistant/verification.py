"""Stage 5 of answering: verify an answer before it is returned (and any LLM rewrite of it).

Each quote is verbatim in its chunk and each [n] marker names a citation; every number in the text
appears in the question, the grading engine's output or a cited quote; the rules check finds no wrong
grade or false comparison; and no sentence of advice is left without a citation.
"""

from __future__ import annotations

import json
import re

from assistant.check import check_text, findings_as_dicts
from assistant.composing import NOT_COVERED, STATUS_LABELS
from assistant.evidence import SENTENCE_SPLIT_RE

NUMBER_RE = re.compile(r"(?<![\w])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")
CITATION_RE = re.compile(r"\[(\d+)\]")


def numbers_in(text: str) -> set[float]:
    found = set()
    for token in NUMBER_RE.findall(CITATION_RE.sub(" ", text)):
        try:
            found.add(round(float(token.replace(",", "")), 6))
        except ValueError:
            continue
    return found


def verify(result: dict, index) -> dict:
    """Citations verbatim in their chunks, every number grounded, the rules check clean, no uncited statement."""
    text = result["answer"]
    invalid = [c["n"] for c in result["citations"]
               if c["chunk_id"] not in index.by_id or c["quote"] not in index.by_id[c["chunk_id"]].text]
    known_numbers = {c["n"] for c in result["citations"]}
    dangling = sorted({int(n) for n in CITATION_RE.findall(text)} - known_numbers)
    # Grounded: the question, the grading engine's output, the cited quotes; CTCAE version names.
    allowed = numbers_in(result["question"]) | numbers_in(json.dumps(result["grades"])) | {5.0, 6.0}
    allowed |= numbers_in(json.dumps(result["context"].get("advice_grades", {})))
    allowed |= numbers_in(json.dumps(result["context"].get("other_version_grades", {})))
    for citation in result["citations"]:
        allowed |= numbers_in(citation["quote"])
    if result["abstained"]:
        allowed |= numbers_in(text.split("Its sources include:")[-1])
    ungrounded = sorted(numbers_in(text) - allowed)
    findings = findings_as_dicts(check_text(text, result["context"]["ctcae_version"]))
    unlabelled = [c["n"] for c in result["citations"] if c.get("status", "unverified") != "verified"
                  and not re.search(rf"\[{c['n']}\][^\n]*\(({'|'.join(map(re.escape, STATUS_LABELS.values()))})\)", text)]
    return {
        "findings": findings,
        "citations_verified": not invalid and not dangling,
        "invalid_citations": invalid + dangling,
        "ungrounded_numbers": ungrounded,
        "uncited_statements": len(uncited_statements(text)),
        "unlabelled_citations": unlabelled,
    }


def uncited_statements(markdown: str) -> list[str]:
    """Sentences outside headings, tables, bold engine lines and notes that carry no [n] citation."""
    missing = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", ">", "**Not covered.**", NOT_COVERED)):
            continue
        if stripped.startswith("The knowledge base covers"):
            continue
        body = re.sub(r"^[-*]\s+", "", stripped)
        body = re.sub(r"^\*\*[^*]+\*\*\s*", "", body)
        for sentence in SENTENCE_SPLIT_RE.split(body):
            if sentence.strip() and not CITATION_RE.search(sentence) and not _followed_by_citation(body, sentence):
                missing.append(sentence.strip())
    return missing


def _followed_by_citation(body: str, sentence: str) -> bool:
    position = body.find(sentence)
    return position >= 0 and bool(re.match(r"\s*\[\d+\]", body[position + len(sentence):]))
