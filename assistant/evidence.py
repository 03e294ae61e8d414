"""Stage 3 of answering: retrieve evidence for each planned topic and for the question itself.

Every topic's query and the question are searched (hybrid FAISS + BM25) over the whole knowledge base,
so a source a content team just added is found like the shipped ones. Candidates are single sentences
of the retrieved chunks; a sentence is kept when it is about the topic, fits the patient's grade and
thresholds, passes the context and etiology gates, and is close in meaning to the topic and the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.context import expand_abbreviations
from assistant.differential import CONTEXT_GATES, IMMUNE_TREATMENT_WORDS, Plan, Topic
from assistant.index import Chunk
from assistant.labs import find_mentions
from assistant.retrieval import Hit
from assistant.screening import quotable

SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
GRADE_SCOPE_RE = re.compile(r"(?i)\bgrades?\s+([1-5])(?:\s*(?:-|–|to|and|or)\s*(?:grade\s*)?([1-5]))?(\s+or\s+higher|\+)?")
ALL_GRADES_RE = re.compile(r"(?i)\ball grades\b|\bany grade\b|whatever the grade")
SEARCH_DEPTH = 8
# One pattern per context gate: any of its words, not inside another word.
CONTEXT_GATE_RES = {name: re.compile("|".join(rf"(?<![a-z]){re.escape(w)}" for w in words)) for name, (words, _) in CONTEXT_GATES.items()}
ANAPHORA_RE = re.compile(r"(?:The same|This|These|That|Those|It|They|Such|In that|Of these|Of those)\b")
# A statistic: a share, a count of patients, a time to onset or recovery, a ratio.
STATISTIC_RE = re.compile(r"(?i)\d+(?:\.\d+)?\s*(?:%|percent|weeks?|days?|months?|patients|cases|of \d|/\d)|\bmedian\b|\bratio\b|\b\d+ (?:in|of) \d")
QUERY_CACHE_SIZE = 10_000
WARM_LIMIT = 20_000  # chunks: up to this size, every sentence vector is computed on the first answer
# How close (cosine, mean of "to the topic" and "to the question") a sentence must be to be quoted for a
# topic. Calibrated on evals/questions.jsonl only.
MIN_TOPIC_SIMILARITY = 0.30
QUESTION_WEIGHT = 0.5  # the topic and what the clinician asked count equally (calibrated on evals/questions.jsonl)


def split_sentences(text: str) -> list[str]:
    sentences = []
    for line in text.splitlines():
        sentences.extend(s.strip() for s in SENTENCE_SPLIT_RE.split(line.strip()) if s.strip())
    return sentences


def grade_scope(text: str) -> set[int] | None:
    """The CTCAE grades a heading or sentence speaks of ('Grade 3 and 4' -> {3, 4}); None when it names none."""
    if ALL_GRADES_RE.search(text):
        return {1, 2, 3, 4}
    grades: set[int] = set()
    for match in GRADE_SCOPE_RE.finditer(text):
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) else (4 if match.group(3) else low)
        grades |= set(range(min(low, high), max(low, high) + 1))
    return grades or None


def heading_scope(chunk: Chunk) -> set[int] | None:
    headings = [h for h in chunk.locator.split(" › ") if not h.startswith("part ")]
    return grade_scope(headings[-1]) if headings else None


@dataclass
class Quote:
    chunk: Chunk
    sentence: str
    score: float


SEVERITY_SCOPE = {"mild": {1, 2}, "moderate": {2, 3}, "severe": {3, 4}, "life-threatening": {4}}
SEVERITY_RE = re.compile(r"(?i)\b(mild|moderate|severe|life-threatening)\b")


def fits_patient(sentence: str, labs: list[dict], fever: bool, grade: int | None) -> bool:
    """A sentence fits when the grades (or the severity words) it names include this one and every threshold it
    sets fits the patient."""
    if grade is not None:
        scope = grade_scope(sentence)
        if scope is None:
            severities = [SEVERITY_SCOPE[m.lower()] for m in SEVERITY_RE.findall(sentence)]
            scope = set().union(*severities) if severities else None
        if scope is not None and grade not in scope:
            return False
    patient = {item["analyte"]: item["value"] for item in labs if item["value"] is not None}
    fits: dict[str, bool] = {}
    for mention in find_mentions(sentence):
        if not mention.is_threshold or mention.value is None or mention.analyte not in patient:
            continue
        value = patient[mention.analyte]
        if mention.comparator in ("<", "below", "under", "less than", "lower than"):
            holds = value < mention.value
        elif mention.comparator in (">", "above", "over", "greater than", "higher than"):
            holds = value > mention.value
        else:
            continue
        fits[mention.analyte] = fits.get(mention.analyte, False) or holds  # any band the sentence names
    if not all(fits.values()):
        return False
    lowered = sentence.lower()
    if "without fever" in lowered or "no fever" in lowered:
        return not fever
    return True


class EvidenceFinder:
    """Searches the index and picks sentences; caches sentence vectors (chunks are content-addressed)."""

    def __init__(self, embedder):
        self.embedder = embedder
        self._sentence_cache: dict[tuple[str, str], np.ndarray] = {}
        self._cached_chunks: set[str] = set()
        self._query_cache: dict[str, np.ndarray] = {}

    def search_many(self, queries: dict[str, str], index, k: int = SEARCH_DEPTH) -> tuple[dict[str, list[Hit]], dict[str, np.ndarray]]:
        """Hybrid search for each query, with one batched encoding; the hits and the query vectors."""
        texts = list(dict.fromkeys(queries.values()))
        missing = [text for text in texts if text not in self._query_cache]
        if missing:  # topic queries repeat from question to question: each is encoded once
            if len(self._query_cache) > QUERY_CACHE_SIZE:
                self._query_cache.clear()
            self._query_cache.update(zip(missing, self.embedder.encode(missing), strict=True))
        vectors = {key: self._query_cache[text] for key, text in queries.items()}
        hits = {key: index.search(text, k=k, mode="hybrid", query_vector=vectors[key]) for key, text in queries.items()}
        return hits, vectors

    def warm(self, index) -> None:
        """Encode every sentence of a knowledge base of ordinary size once, so a server's answers never wait for it
        (a one-shot `assistant ask` encodes only the sentences it meets)."""
        if len(index.chunks) <= WARM_LIMIT and len(self._cached_chunks) < len(index.chunks):
            self.sentence_vectors([(chunk, sentence) for chunk in index.chunks for sentence in split_sentences(chunk.text)[:1]])

    def sentence_vectors(self, candidates: list[tuple[Chunk, str]]) -> np.ndarray:
        """Vectors of each sentence alone and with its heading path, stacked so a dot product gives both scores."""
        missing = sorted({chunk.chunk_id: chunk for chunk, _ in candidates if chunk.chunk_id not in self._cached_chunks}.values(),
                         key=lambda c: c.chunk_id)
        if missing:
            texts, owners = [], []
            for chunk in missing:
                for sentence in split_sentences(chunk.text):
                    texts += [sentence, f"{chunk.locator}: {sentence}"]
                    owners.append((chunk.chunk_id, sentence))
            vectors = self.embedder.encode(texts)
            for row, key in enumerate(owners):
                self._sentence_cache[key] = vectors[2 * row: 2 * row + 2]
            self._cached_chunks.update(chunk.chunk_id for chunk in missing)
        return np.stack([self._sentence_cache[(chunk.chunk_id, sentence)] for chunk, sentence in candidates])

    # -- choosing sentences for a plan --------------------------------------------------------------------
    def gather(self, plan: Plan, question: str, labs: list[dict], fever: bool, index) -> dict[str, list[Quote]]:
        """For each topic of the plan, the sentences to quote (each sentence used once, topics in order)."""
        queries = {topic.key: topic.query for topic in plan.topics}
        queries["question"] = expand_abbreviations(question)
        hits, vectors = self.search_many(queries, index)
        used: set[tuple[str, str]] = set()
        chosen: dict[str, list[Quote]] = {}
        for topic in plan.topics:
            pool = _merge(hits[topic.key], hits["question"])
            quotes = self._graded(topic, hits[topic.key], plan, labs, fever, used) if topic.graded else []
            if not quotes:
                quotes = self._closest(topic, pool, vectors[topic.key], vectors["question"], plan, labs, fever, used)
            if not quotes and topic.not_covered:
                # Nothing new, but a sentence already quoted for another topic may answer this one: then it is covered.
                quotes = self._closest(topic, pool, vectors[topic.key], vectors["question"], plan, labs, fever, set())[:1]
            for quote in quotes:
                used.add((quote.chunk.chunk_id, quote.sentence))
            chosen[topic.key] = quotes
        return chosen

    def allowed(self, chunk: Chunk, sentence: str, plan: Plan) -> bool:
        """Never a screened sentence; then the context gates (no liver, bevacizumab or CAR-T text for a patient without them) and the etiology gate."""
        if not quotable(sentence):
            return False  # a source sentence the rules check finds wrong, or one addressed to a model
        lowered = sentence.lower()
        around = f"{chunk.locator} {sentence}".lower()
        for name, pattern in CONTEXT_GATE_RES.items():
            if name not in plan.allowed_contexts and pattern.search(around):
                return False
        if not plan.immune_gate_open and any(word in lowered for word in IMMUNE_TREATMENT_WORDS):
            return False
        return True

    def _about(self, chunk: Chunk, sentence: str, words: tuple[str, ...]) -> bool:
        haystack = f"{chunk.locator}\n{sentence}".lower()
        return not words or any(word.lower() in haystack for word in words)

    def _graded(self, topic: Topic, hits: list[Hit], plan: Plan, labs, fever, used, grade: int | None = None, limit: int | None = None
                ) -> list[Quote]:
        """Sentences of the best chunk whose heading names this grade; when they defer to a lower grade
        ('everything done for grade 2'), that grade's guidance too."""
        grade = topic.grade if grade is None else grade
        limit = limit or topic.limit
        for hit in hits:
            scope = heading_scope(hit.chunk)
            if scope is None or grade not in scope or not any(w.lower() in f"{hit.chunk.locator}\n{hit.chunk.text}".lower() for w in topic.words):
                continue
            sentences = [s for s in split_sentences(hit.chunk.text) if (hit.chunk.chunk_id, s) not in used
                         and fits_patient(s, labs, fever, grade) and self.allowed(hit.chunk, s, plan)][:limit]
            if not sentences:
                continue
            quotes = [Quote(hit.chunk, s, 1.0) for s in sentences]
            deferred = {int(g) for s in sentences for g in re.findall(r"(?i)done for grade (\d)", s)} - {grade}
            for lower in sorted(deferred):
                quotes += self._graded(topic, hits, plan, labs, fever, used, grade=lower, limit=2)
            return quotes
        return []

    def _closest(self, topic: Topic, hits: list[Hit], topic_vector, question_vector, plan: Plan, labs, fever, used) -> list[Quote]:
        candidates: list[tuple[Chunk, str]] = []
        for hit in hits:
            scope = heading_scope(hit.chunk)
            if topic.grade is not None and scope is not None and topic.grade not in scope:
                continue
            for sentence in split_sentences(hit.chunk.text):
                lowered = sentence.lower()
                if (hit.chunk.chunk_id, sentence) in used or not self._about(hit.chunk, sentence, topic.words):
                    continue
                if ANAPHORA_RE.match(sentence):
                    continue  # "The same work-up adds ...": does not stand alone when quoted out of its paragraph
                if topic.must and not any(m.lower() in lowered for m in topic.must):
                    continue
                if topic.needs_number and not STATISTIC_RE.search(sentence):
                    continue
                if not fits_patient(sentence, labs, fever, topic.grade) or not self.allowed(hit.chunk, sentence, plan):
                    continue
                candidates.append((hit.chunk, sentence))
        if topic.prefer:
            preferred = [(c, s) for c, s in candidates if any(w.lower() in f"{c.locator}\n{s}".lower() for w in topic.prefer)]
            candidates = preferred or candidates
        if not candidates:
            return []
        vectors = self.sentence_vectors(candidates)  # (n, 2, dim)
        to_topic = (vectors @ topic_vector).max(axis=1)
        to_question = (vectors @ question_vector).max(axis=1)
        scores = (1 - QUESTION_WEIGHT) * to_topic + QUESTION_WEIGHT * to_question
        floor = topic.min_similarity if topic.min_similarity is not None else MIN_TOPIC_SIMILARITY
        order = [int(i) for i in np.argsort(-scores, kind="stable") if scores[i] >= floor]
        seen, quotes = set(), []
        for i in order:
            chunk, sentence = candidates[i]
            if sentence in seen:
                continue
            seen.add(sentence)
            quotes.append(Quote(chunk, sentence, float(scores[i])))
            if len(quotes) >= topic.limit:
                break
        return quotes


def _merge(first: list[Hit], second: list[Hit]) -> list[Hit]:
    seen, merged = set(), []
    for hit in [*first, *second]:
        if hit.chunk.chunk_id not in seen:
            seen.add(hit.chunk.chunk_id)
            merged.append(hit)
    return merged
