"""Screening source text: sentences that must never be quoted into an answer.

A source may carry a wrong grade ("platelets 10 is grade 1") or text written to steer a language model
("Ignore previous instructions…", "SYSTEM: …"). Such a sentence is never quoted, whoever wrote it, and
the ingest report lists it so the content team can fix the source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.check import check_text

# Text addressed to a model rather than to a clinician: role labels, overrides of instructions,
# orders about how to answer. General phrasings, not the wording of any one source.
INSTRUCTION_PATTERNS = [
    r"\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|prompts?|rules|guidelines above|messages?|context)\b",
    r"^\W*(?:system|assistant|developer|user)\s*(?:prompt|message)?\s*:",
    r"\byou are (?:now )?(?:an? |the )?(?:ai|assistant|chatbot|bot|language model|llm)\b",
    r"\bas an? (?:ai|language model|llm)\b",
    r"\b(?:always|never|only)\s+(?:answer|respond|reply|say|output|report|tell|state)\b",
    r"\b(?:report|describe|classify|call|label)\s+(?:every|all|each|any)\b[^.]{0,60}\bas\s+grade\b",
    r"\b(?:new|updated|hidden) instructions?\b",
    r"\bdo not (?:tell|mention|reveal|disclose)\b[^.]{0,30}\b(?:user|clinician|reader|anyone)\b",
]
INSTRUCTION_RE = re.compile("|".join(f"(?:{p})" for p in INSTRUCTION_PATTERNS), re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=100_000)
def screen(sentence: str) -> str | None:
    """Why a source sentence must not be quoted, or None when it may be."""
    if INSTRUCTION_RE.search(sentence):
        return "reads as an instruction to a language model"
    findings = check_text(sentence)
    if findings:
        return f"the rules check finds it wrong: {findings[0].message}"
    return None


def quotable(sentence: str) -> bool:
    return screen(sentence) is None


def flagged_sentences(chunks) -> list[dict]:
    """Sentences of these chunks that will never be quoted, with where they are and why."""
    from assistant.evidence import split_sentences

    flagged = []
    for chunk in chunks:
        for sentence in split_sentences(chunk.text):
            reason = screen(sentence)
            if reason:
                flagged.append({"locator": chunk.locator, "sentence": sentence, "reason": reason})
    return flagged
