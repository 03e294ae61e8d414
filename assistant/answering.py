"""The answerer: grounded, cited, grade-aware answers (`assistant ask`, `assistant chat`).

Pipeline: read the clinical context -> grade every lab value with the CTCAE engine -> plan which
conditions and grades the answer must cover -> retrieve evidence with targeted hybrid queries ->
compose an answer whose every statement is a verbatim sentence of a cited chunk -> verify it
(citations, numeric grounding, the rules check) -> optionally let an LLM rewrite it, keeping the
rewrite only if it passes the same verification.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.check import check_text, findings_as_dicts
from assistant.context import ClinicalContext, expand_abbreviations, read_context
from assistant.ctcae import ANALYTE_LABELS, grade_value, normalize_version
from assistant.errors import UserError
from assistant.index import Chunk
from assistant.knowledge_base import KnowledgeBase
from assistant.labs import find_mentions
from assistant.retrieval import Hit

DISCLAIMER = "For healthcare professionals. This summary of the knowledge base does not replace clinical judgement."
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
GRADE_SCOPE_RE = re.compile(r"(?i)\bgrades?\s+([1-5])(?:\s*(?:-|–|to|and|or)\s*(?:grade\s*)?([1-5]))?(\s+or\s+higher|\+)?")
ALL_GRADES_RE = re.compile(r"(?i)\ball grades\b|\bany grade\b|whatever the grade")
NUMBER_RE = re.compile(r"(?<![\w])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")
CITATION_RE = re.compile(r"\[(\d+)\]")
# How close the best passage must be before a question without lab values is answered: the cosine of
# the question with a sentence (alone or with its heading path). Calibrated on evals/questions.jsonl,
# where in-scope questions score 0.57 or more and out-of-scope ones 0.51 or less (`assistant eval`).
MIN_SENTENCE_SIMILARITY = 0.55
# Stricter when the question uses rare words that no source uses (a drug or condition the sources lack).
MIN_SIMILARITY_WITH_UNCOVERED_TERMS = 0.58

BLOOD_COUNTS = {"wbc", "anc", "alc", "plt", "hgb", "fn"}
# Conditions a question can be about; a general answer keeps to the passages about the ones it names.
CONDITION_PATTERNS = [
    r"thrombocytopeni|platelet", r"neutropeni|neutrophil|G-CSF", r"hemolytic anemia|hemolysis|\bDAT\b",
    r"lymphopeni|lymphocyte", r"thrombotic thrombocytopenic purpura|\bTTP\b", r"hemolytic uremic|\bHUS\b",
    r"aplastic", r"hemophilia", r"fever|febrile", r"PJP|Pneumocystis", r"hepatitis B|HBsAg", r"CAR-T",
]
# What each graded analyte asks the answer to cover: the condition, words that find it, and the query.
CONDITIONS = {
    "plt": ("Immune thrombocytopenia", ("thrombocytopenia",), "grade {g} immune thrombocytopenia checkpoint inhibitor hold continue prednisone"),
    "anc": ("Neutropenia", ("neutropenia", "ANC", "G-CSF"), "immune neutropenia ANC checkpoint inhibitor G-CSF corticosteroids afebrile neutropenia"),
    "alc": ("Lymphopenia", ("lymphopenia",), "grade {g} lymphopenia checkpoint inhibitor continue hold CMV"),
    "hgb": ("Anemia (if autoimmune hemolytic anemia)", ("hemolytic anemia",), "grade {g} autoimmune hemolytic anemia checkpoint inhibitor hold prednisone"),
    "fn": ("Febrile neutropenia", ("fever and neutropenia", "febrile neutropenia", "fever in a neutropenic"), "fever and neutropenia empirical antibiotics within 1 hour of triage outpatient MASCC"),
}
STOPWORDS = set("""about above after again against all also although among another any anything are aren around
because been before being below between both but can cannot could did does doing done down during each either
else enough even ever every few for from further give given had has have having her here hers herself him himself
his how however into its itself just know least less like likely made make many may maybe might mine more most
much must myself need needs never next none nor not now off often once one only other others otherwise ought our
ours ourselves out over own patient patients please rather really right said same see seem several shall she
should show since some something still such sure take tell than that the their theirs them themselves then there
these they thing things this those though through thus till too toward under until upon use used using very was
way well were what whatever when where whether which while who whom whose why will with within without would yes
yet you your yours yourself yourselves recommended recommend recommendation recommendations guideline guidelines
therapy treatment treatments treat treated treating manage managed management managing approach approaches dose dosing doses
first line best options option current currently today week weeks month months year years day days start started
starting stop stopped continue continued hold holding held receiving received taking takes risk risks common
typical usual usually happen happens happened cause causes caused count counts level levels value values low high
lower higher drop dropped fell fall falls falling rise rose grade grades graded grading mild moderate severe case cases
what's whats doctor clinician clinical question answer evidence source sources study studies data""".split())


def stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ations", "ation", "ments", "ment", "ities", "ity", "ies", "ing", "ed", "es", "s", "ic", "ia", "al"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


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


def numbers_in(text: str) -> set[float]:
    found = set()
    for token in NUMBER_RE.findall(CITATION_RE.sub(" ", text)):
        try:
            found.add(round(float(token.replace(",", "")), 6))
        except ValueError:
            continue
    return found


@dataclass
class CitationList:
    """Numbered citations, each a verbatim sentence of one chunk; the same quote is cited once."""

    items: list[dict] = field(default_factory=list)

    def cite(self, chunk: Chunk, quote: str) -> int:
        for item in self.items:
            if item["chunk_id"] == chunk.chunk_id and item["quote"] == quote:
                return item["n"]
        number = len(self.items) + 1
        self.items.append({"n": number, "chunk_id": chunk.chunk_id, "source_id": chunk.source_id, "title": chunk.title,
                           "publisher": chunk.publisher, "year": chunk.year, "locator": chunk.locator, "quote": quote})
        return number


@dataclass
class Draft:
    """An answer being composed: Markdown lines, citations, and notes from the assistant itself."""

    citations: CitationList = field(default_factory=CitationList)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    used: set[tuple[str, str]] = field(default_factory=set)

    def statement(self, chunk: Chunk, sentence: str) -> str:
        """One bullet: a verbatim sentence of `chunk` and its citation marker."""
        self.used.add((chunk.chunk_id, sentence))
        number = self.citations.cite(chunk, sentence)
        return f"- {sentence} [{number}]"

    def add_section(self, title: str, lines: list[str]) -> None:
        if lines:
            self.sections.append((title, lines))


class Answerer:
    """Answers questions from one knowledge base. Thread-safe: it keeps no per-question state."""

    def __init__(self, knowledge_base: KnowledgeBase, llm=None):
        self.kb = knowledge_base
        self.settings = knowledge_base.settings
        self._llm = llm
        self._vocabulary: tuple[str, set[str]] | None = None
        self._sentence_cache: dict[tuple[str, str], np.ndarray] = {}
        self._cached_chunks: set[str] = set()
        self._common_words: set[str] | None = None

    # -- public ----------------------------------------------------------------------------------
    def answer(self, question: str, ctcae: str | None = None,
               previous: ClinicalContext | None = None) -> tuple[dict, ClinicalContext]:
        """The answer object of `assistant ask --json`, and the clinical context read (for follow-ups)."""
        started = time.perf_counter()
        if not question or not question.strip():
            raise UserError("the question is empty; type a clinical question")
        question = question.strip()
        default_version = normalize_version(ctcae) if ctcae else self.settings.ctcae_version
        context = read_context(question, default_version, previous)
        index = self.kb.index()
        draft = Draft()
        uncovered = self.uncovered_terms(question, index)
        graded = [lab for lab in context.labs if lab["grade"] is not None or lab["term"] is None]
        abstained = False
        if graded and not any(lab["analyte"] in BLOOD_COUNTS for lab in graded):
            # Liver tests are graded (a liver-cancer patient needs them) but the sources hold no hepatitis guidance.
            self._assessment(context, draft, {})
            draft.notes.append("The knowledge base covers cytopenias; it holds no guidance on raised liver tests "
                               "(immune-related hepatitis), so the grades are shown and no advice is given.")
            abstained = True
        elif graded:
            self._compose_clinical(context, draft, index)
            if uncovered:
                draft.notes.append(f"Not covered by the knowledge base, so not addressed: {', '.join(uncovered)}.")
        else:
            abstained = not self._compose_general(question, draft, index, uncovered)
        markdown = self._render(draft, abstained, index)
        result = {
            "question": question,
            "answer": markdown,
            "abstained": abstained,
            "grades": context.labs,
            "citations": draft.citations.items,
            "checks": {},
            "context": {**context.as_dict(), "uncovered_terms": uncovered,
                        "advice_grades": {lab["analyte"]: self.advice_grade(lab, context.ctcae_version)
                                          for lab in context.labs if lab["value"] is not None}},
            "writer": "deterministic",
            "notes": list(draft.notes),
        }
        result["checks"] = self.verify(result, index)
        if self.llm is not None and not abstained:
            self._rewrite_with_llm(result, index)
        result["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return result, context

    # -- composing -------------------------------------------------------------------------------
    def _compose_clinical(self, ctx: ClinicalContext, draft: Draft, index) -> None:
        version = ctx.ctcae_version
        abnormal = [lab for lab in ctx.labs if (lab["grade"] or 0) >= 1 or (lab["term"] is None and lab["value"] is not None)]
        queries: dict[str, str] = {}
        for lab in ctx.labs:
            if lab["term"] or lab["analyte"] == "alc":
                term = lab["term"] or "Lymphocyte count decreased"
                queries[f"ctcae:{lab['analyte']}"] = f"{term} CTCAE v{version} grade thresholds"
        for lab in abnormal:
            condition = CONDITIONS.get(lab["analyte"])
            if condition:
                queries[f"lab:{lab['analyte']}"] = condition[2].format(g=self.advice_grade(lab, version))
        analytes = {lab["analyte"] for lab in abnormal}
        if "alc" in analytes:
            queries["pjp"] = "PJP prophylaxis trigger steroid exposure lymphocyte count prednisone"
        if abnormal:
            queries["workup"] = "non-immune causes of a low blood count on a checkpoint inhibitor compare with baseline count"
        if "hgb" in analytes:
            queries["hemolysis"] = "autoimmune hemolytic anemia work-up DAT haptoglobin LDH reticulocytes"
            queries["hgb-monitoring"] = "autoimmune hemolytic anemia monitoring hemoglobin weekly until steroid taper"
        if ctx.cancer == "hepatocellular carcinoma" or ctx.cirrhosis:
            queries["cirrhosis"] = "liver cancer cirrhosis portal hypertension hypersplenism low platelets baseline"
            queries["hbv"] = "hepatitis B screening HBsAg anti-HBc before checkpoint inhibitor liver cancer"
        if "plt" in analytes and (ctx.bevacizumab or ctx.bleeding):
            queries["bleeding"] = "bevacizumab low platelet count bleeding variceal risk"
        if "plt" in analytes and any(self.advice_grade(lab, version) >= 2 for lab in abnormal if lab["analyte"] == "plt"):
            queries["rechallenge"] = "rechallenge checkpoint inhibitor after immune thrombocytopenia recurrence"
        queries["pitfalls"] = "pitfalls checkpoint inhibitor cytopenia grade do not"
        hits = self._search_many(queries, index, k=10)

        self._assessment(ctx, draft, hits)
        now_lines: list[str] = []
        for lab in sorted(abnormal, key=lambda item: -(item["grade"] or 0)):
            now_lines.extend(self._lab_statements(lab, ctx, draft, hits.get(f"lab:{lab['analyte']}", [])))
            if lab["analyte"] == "alc":
                now_lines.extend(self._pick(draft, hits.get("pjp", []), ("PJP",), limit=2))
        if any(lab["analyte"] == "wbc" for lab in abnormal):
            draft.notes.append("White blood cell decreased has no management of its own in the sources; the advice follows its parts (neutrophils, lymphocytes).")
        draft.add_section("What to do now", now_lines)
        work_up: list[str] = []
        if "hgb" in analytes:
            work_up += self._pick(draft, hits.get("hemolysis", []), ("work-up",), limit=2, locator_words=("Work-up",))
        work_up += self._pick(draft, hits.get("workup", []), ("cause", "baseline"), limit=2, locator_words=("Non-immune",))
        if "cirrhosis" in queries:
            work_up += self._pick(draft, hits.get("cirrhosis", []), ("cirrhosis",), limit=2)
        draft.add_section("Work-up", work_up)
        liver: list[str] = []
        if "hbv" in queries:
            liver += self._pick(draft, hits.get("hbv", []), ("hepatitis B status", "screening for hepatitis B"), limit=2)
        if "bleeding" in queries:
            liver += self._pick(draft, hits.get("bleeding", []), ("bleeding", "varices"), limit=2)
        draft.add_section("Liver cancer context" if ctx.cancer == "hepatocellular carcinoma" or ctx.cirrhosis else "Context", liver)
        monitoring: list[str] = []
        if "hgb-monitoring" in queries:
            monitoring += self._pick(draft, hits.get("hgb-monitoring", []), ("weekly",), limit=1)
        if "rechallenge" in queries:
            monitoring += self._pick(draft, hits.get("rechallenge", []), ("rechallenged",), limit=1)
        draft.add_section("Monitoring and resuming", monitoring)
        draft.add_section("Pitfalls", self._pitfalls(ctx, abnormal, draft, hits.get("pitfalls", [])))
        for finding in ctx.question_findings:
            if finding["kind"] == "grade_mismatch":
                label = ANALYTE_LABELS[finding["analyte"]]
                draft.notes.append(
                    f"Correction: {label} {finding['value']:g} {finding['unit']} is grade {finding['expected_grade']} by CTCAE "
                    f"v{finding['ctcae_version']}, not the grade stated in the question."
                )
            elif finding["kind"] == "false_comparison":
                draft.notes.append(f"Correction: {finding['message']}")

    def advice_grade(self, lab: dict, version: str) -> int:
        """The grade the guideline advice is chosen by: ASCO 2021 predates CTCAE v6.0, so its v5.0 grade."""
        if version == "5.0" or lab["analyte"] == "fn" or lab["value"] is None:
            return lab["grade"] or 0
        v5 = grade_value(lab["analyte"], lab["value"], "5.0")
        return v5.grade or 0

    def _assessment(self, ctx: ClinicalContext, draft: Draft, hits: dict[str, list[Hit]]) -> None:
        version = ctx.ctcae_version
        rows = ["| Lab | Value | Grade | CTCAE term | Criterion met |", "|---|---|---|---|---|"]
        citations_for_terms: list[str] = []
        for lab in ctx.labs:
            value = "not read" if lab["value"] is None else f"{lab['value']:g} {lab['unit']}"
            grade = "not graded" if lab["grade"] is None else str(lab["grade"])
            term = lab["term"] or "no term in this version"
            criterion = (lab["criterion"] or "; ".join(lab["warnings"])).replace("|", "/")
            rows.append(f"| {ANALYTE_LABELS[lab['analyte']]} | {value} | {grade} | {term} (v{lab['ctcae_version']}) | {criterion} |")
            if (lab["grade"] or 0) >= 1 or lab["term"] is None:
                key = f"ctcae:{lab['analyte']}"
                term_words = (lab["term"],) if lab["term"] else ("Lymphocyte count decreased",)
                citations_for_terms += self._pick(draft, hits.get(key, []), term_words, limit=1, must=(f"CTCAE v{version}",))
            for note in lab["assumptions"] + lab["warnings"]:
                if note not in draft.notes:
                    draft.notes.append(note)
            if version == "6.0" and lab["value"] is not None and lab["analyte"] in CONDITIONS:
                advice = self.advice_grade(lab, version)
                if advice != (lab["grade"] or 0) and (lab["grade"] is not None or lab["analyte"] == "alc"):
                    draft.notes.append(
                        f"Guideline advice for {ANALYTE_LABELS[lab['analyte']]} is matched to its CTCAE v5.0 grade "
                        f"({advice}), because the ASCO guideline in the knowledge base was written against CTCAE v5.0."
                    )
        draft.add_section(f"Assessment (CTCAE v{version})", rows + ([""] + citations_for_terms if citations_for_terms else []))

    def _lab_statements(self, lab: dict, ctx: ClinicalContext, draft: Draft, hits: list[Hit]) -> list[str]:
        """A bold line naming the lab and its grade, then the guidance for that grade, each sentence cited.

        The label stands on its own line: a quoted sentence that names other grades must never share a
        sentence with the patient's value, or the rules check would rightly read it as a grade claim.
        """
        condition = CONDITIONS.get(lab["analyte"])
        if condition is None:
            return []
        name, words, _ = condition
        grade = self.advice_grade(lab, ctx.ctcae_version)
        value = "" if lab["value"] is None else f" {lab['value']:g} {lab['unit']}"
        if lab["grade"] is not None:
            label = f"**{ANALYTE_LABELS[lab['analyte']]}{value}: grade {lab['grade']}, {name}**"
        else:  # no term in this CTCAE version: say so, never borrow another version's grade for this line
            label = f"**{ANALYTE_LABELS[lab['analyte']]}{value}: no CTCAE v{lab['ctcae_version']} grade (advice follows its v5.0 grade), {name}**"
        if lab["analyte"] == "fn":
            label = f"**{name}: grade {lab['grade']}**"
        lines = self._graded_guidance(draft, hits, words, lab, ctx, grade)
        if not lines:
            lines = self._pick(draft, hits, words, limit=2, lab=lab, ctx=ctx, grade=grade)
        return [label, *lines] if lines else []

    def _graded_guidance(self, draft: Draft, hits: list[Hit], words, lab: dict, ctx: ClinicalContext, grade: int,
                         limit: int = 4) -> list[str]:
        """Sentences of the best chunk whose heading names this grade; when they defer to a lower grade
        ('everything done for grade 2'), that grade's guidance too."""
        for hit in hits:
            scope = heading_scope(hit.chunk)
            if scope is None or grade not in scope or not self._about(hit.chunk, words):
                continue
            chosen = [s for s in split_sentences(hit.chunk.text) if self._applies(s, lab, ctx, grade)][:limit]
            if not chosen:
                continue
            lines = [draft.statement(hit.chunk, s) for s in chosen]
            deferred = {int(g) for s in chosen for g in re.findall(r"(?i)done for grade (\d)", s)} - {grade}
            for lower in sorted(deferred):
                lines += self._graded_guidance(draft, hits, words, lab, ctx, lower, limit=2)
            return lines
        return []

    def _about(self, chunk: Chunk, words: tuple[str, ...]) -> bool:
        haystack = f"{chunk.locator}\n{chunk.text}".lower()
        return any(word.lower() in haystack for word in words)

    def _applies(self, sentence: str, lab: dict | None, ctx: ClinicalContext, grade: int | None) -> bool:
        """A sentence applies when the grades it names include this one and every threshold it sets fits the patient."""
        if grade is not None:
            scope = grade_scope(sentence)
            if scope is not None and grade not in scope:
                return False
        patient = {item["analyte"]: item["value"] for item in ctx.labs if item["value"] is not None}
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
        if "without fever" in sentence.lower() or "no fever" in sentence.lower():
            return not ctx.fever
        return True

    def _pick(self, draft: Draft, hits: list[Hit], words: tuple[str, ...], limit: int, must: tuple[str, ...] = (),
              locator_words: tuple[str, ...] = (), lab: dict | None = None, ctx: ClinicalContext | None = None,
              grade: int | None = None) -> list[str]:
        """Up to `limit` not-yet-used sentences from `hits` that mention one of `words` (and all of `must`)."""
        lines = []
        for hit in hits:
            if locator_words and not any(w.lower() in hit.chunk.locator.lower() for w in locator_words):
                continue
            scope = heading_scope(hit.chunk)
            if grade is not None and scope is not None and grade not in scope:
                continue
            for sentence in split_sentences(hit.chunk.text):
                lowered = sentence.lower()
                if (hit.chunk.chunk_id, sentence) in draft.used:
                    continue
                if not any(w.lower() in lowered for w in words) or not all(m.lower() in lowered for m in must):
                    continue
                if ctx is not None and not self._applies(sentence, lab, ctx, grade):
                    continue
                lines.append(draft.statement(hit.chunk, sentence))
                if len(lines) >= limit:
                    return lines
        return lines

    def _pitfalls(self, ctx: ClinicalContext, abnormal: list[dict], draft: Draft, hits: list[Hit]) -> list[str]:
        triggers = ["do not call a grade"]
        if any(self.advice_grade(lab, ctx.ctcae_version) == 1 for lab in abnormal):
            triggers.append("grade 1 cytopenia")
        if any(lab["analyte"] == "anc" for lab in abnormal) and not ctx.fever:
            triggers.append("without fever")
        if ctx.cancer or ctx.cirrhosis:
            triggers.append("chemotherapy rules")
        lines = []
        for trigger in triggers:
            lines += self._pick(draft, hits, (trigger,), limit=1, locator_words=("Pitfalls",))
        return lines

    def _compose_general(self, question: str, draft: Draft, index, uncovered: list[str]) -> bool:
        """A question without lab values: the sentences of the best chunks that are closest to it. False = abstain."""
        threshold = MIN_SIMILARITY_WITH_UNCOVERED_TERMS if uncovered else MIN_SENTENCE_SIMILARITY
        # Search with the question as written and with its abbreviations spelled out; merge the two.
        expanded = expand_abbreviations(question)
        variants = [question] if expanded == question else [question, expanded]
        vectors = self.kb.embedder.encode(variants)
        rankings = [index.search(text, k=5, mode="hybrid", query_vector=v) for text, v in zip(variants, vectors, strict=True)]
        hits, seen = [], set()
        for rank in range(5):
            for ranking in rankings:
                if rank < len(ranking) and ranking[rank].chunk.chunk_id not in seen:
                    seen.add(ranking[rank].chunk.chunk_id)
                    hits.append(ranking[rank])
        asked_scope = grade_scope(question)
        named = [p for p in CONDITION_PATTERNS if re.search(p, expanded, re.IGNORECASE)]
        on_topic = [h for h in hits if any(re.search(p, f"{h.chunk.locator} {h.chunk.text}", re.IGNORECASE) for p in named)]
        if named and on_topic:
            hits = on_topic
        candidates: list[tuple[Chunk, str]] = []
        for hit in hits[:5]:
            scope = heading_scope(hit.chunk)
            if asked_scope and scope and not (scope & asked_scope):
                continue
            for sentence in split_sentences(hit.chunk.text):
                own = grade_scope(sentence)
                if asked_scope and own and not (own & asked_scope) and scope is None:
                    continue
                candidates.append((hit.chunk, sentence))
        if not candidates:
            return False
        # scores[i, form, variant]: sentence i (alone or with its headings) against each phrasing of the question.
        scores = self._sentence_vectors(candidates) @ vectors.T
        best = float(scores.max())  # the abstain decision takes the closest match of any form and phrasing
        # Ranking uses the question as written: a spelled-out abbreviation would favour any sentence that
        # merely names the condition over the one that answers the question.
        similarity = scores[:, :, 0].max(axis=1)
        if best < threshold:
            if uncovered:
                draft.notes.append(f"Not covered by the knowledge base: {', '.join(uncovered)}.")
            draft.notes.append("The closest passages in the knowledge base do not answer this question.")
            return False
        if uncovered:
            draft.notes.append(f"Not covered by the knowledge base, so not addressed: {', '.join(uncovered)}.")
        top = float(similarity.max())
        order = [int(i) for i in np.argsort(-similarity) if similarity[i] >= top - 0.12][:4]
        lines = [draft.statement(candidates[i][0], candidates[i][1]) for i in sorted(order)]
        if asked_scope is None:
            lines += self._grade_outline(candidates[int(np.argmax(similarity))][0], draft, index)
        draft.add_section("Answer", lines)
        return True

    def _sentence_vectors(self, candidates: list[tuple[Chunk, str]]):
        """Vectors of each sentence alone and with its heading path ("8.2 Acquired TTP: ..."), stacked so a
        dot product gives both scores. Cached by chunk id: chunks are content-addressed, so the cache never goes stale."""
        missing = sorted({chunk.chunk_id: chunk for chunk, _ in candidates if chunk.chunk_id not in self._cached_chunks}.values(),
                         key=lambda c: c.chunk_id)
        if missing:
            texts, owners = [], []
            for chunk in missing:
                for sentence in split_sentences(chunk.text):
                    texts += [sentence, f"{chunk.locator}: {sentence}"]
                    owners.append((chunk.chunk_id, sentence))
            vectors = self.kb.embedder.encode(texts)
            for row, key in enumerate(owners):
                self._sentence_cache[key] = vectors[2 * row: 2 * row + 2]
            self._cached_chunks.update(chunk.chunk_id for chunk in missing)
        return np.stack([self._sentence_cache[(chunk.chunk_id, sentence)] for chunk, sentence in candidates])

    def _grade_outline(self, best: Chunk, draft: Draft, index) -> list[str]:
        """When the best passage sits in a condition's section that the source splits by grade, the
        opening sentence of each grade's subsection, so a 'what should be done' answer covers every grade."""
        parent = best.locator.rsplit(" › ", 1)[0]
        siblings = [c for c in index.chunks if c.source_id == best.source_id and c.locator.rsplit(" › ", 1)[0] == parent
                    and c.locator != parent and heading_scope(c) is not None]
        lines = []
        for chunk in siblings[:4]:
            sentence = next((s for s in split_sentences(chunk.text) if (chunk.chunk_id, s) not in draft.used), None)
            if sentence:
                lines.append(draft.statement(chunk, sentence))
        return lines

    # -- rendering and checks ----------------------------------------------------------------------
    def _render(self, draft: Draft, abstained: bool, index) -> str:
        if abstained:
            covered = "; ".join(sorted({s["title"] for s in index.manifest["sources"].values()})[:8])
            reason = " ".join(note for note in draft.notes if not note.startswith(("No unit given", "Upper limit", "Baseline assumed"))) \
                or "The knowledge base has no passage that answers this question."
            grades = "".join(f"### {title}\n" + "\n".join(lines) + "\n\n" for title, lines in draft.sections)
            return (f"{grades}**Not covered.** {reason} No advice is given.\n\n"
                    f"The knowledge base covers CTCAE grading of blood counts and the management of cytopenias caused by "
                    f"immune checkpoint inhibitors. Its sources include: {covered}.\n\n> {DISCLAIMER}")
        parts = []
        for title, lines in draft.sections:
            parts.append(f"### {title}\n" + "\n".join(lines))
        if draft.notes:
            parts.append("### Notes from the grading engine\n" + "\n".join(f"> {note}" for note in draft.notes))
        parts.append(f"> {DISCLAIMER}")
        return "\n\n".join(parts)

    def verify(self, result: dict, index) -> dict:
        """Citations verbatim in their chunks, every number grounded, the rules check clean, no uncited statement."""
        text = result["answer"]
        invalid = [c["n"] for c in result["citations"]
                   if c["chunk_id"] not in index.by_id or c["quote"] not in index.by_id[c["chunk_id"]].text]
        known_numbers = {c["n"] for c in result["citations"]}
        dangling = sorted({int(n) for n in CITATION_RE.findall(text)} - known_numbers)
        # Grounded: the question, the grading engine's output, the cited quotes; CTCAE version names.
        allowed = numbers_in(result["question"]) | numbers_in(json.dumps(result["grades"])) | {5.0, 6.0}
        allowed |= numbers_in(json.dumps(result["context"].get("advice_grades", {})))
        for citation in result["citations"]:
            allowed |= numbers_in(citation["quote"])
        if result["abstained"]:
            allowed |= numbers_in(text.split("Its sources include:")[-1])
        ungrounded = sorted(numbers_in(text) - allowed)
        findings = findings_as_dicts(check_text(text, result["context"]["ctcae_version"]))
        return {
            "findings": findings,
            "citations_verified": not invalid and not dangling,
            "invalid_citations": invalid + dangling,
            "ungrounded_numbers": ungrounded,
            "uncited_statements": len(uncited_statements(text)),
        }

    def common_words(self) -> set[str]:
        """Whole words of the embedding model's WordPiece vocabulary: everyday English, never a rare drug or disease name."""
        if self._common_words is None:
            vocab = Path(self.settings.model_path) / "vocab.txt" if self.settings.model_path else None
            self._common_words = ({w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha()}
                                  if vocab and vocab.is_file() else set())
        return self._common_words

    def uncovered_terms(self, question: str, index) -> list[str]:
        """Rare words of the question (a drug, a disease) that no source in the knowledge base uses."""
        if self._vocabulary is None or self._vocabulary[0] != index.generation.name:
            words: set[str] = set()
            for chunk in index.chunks:
                words |= {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]+", chunk.search_text)}
            from assistant.context import CONTEXT_PATTERNS
            from assistant.labs import ANALYTE_PATTERNS

            for pattern in CONTEXT_PATTERNS + list(ANALYTE_PATTERNS.values()):
                words |= {stem(w) for w in re.findall(r"[a-z]{3,}", pattern.lower())}
            self._vocabulary = (index.generation.name, words)
        vocabulary = self._vocabulary[1]
        terms = []
        for word in re.findall(r"[A-Za-z][A-Za-z-]{4,}", question):
            lowered = word.lower()
            if lowered in STOPWORDS or stem(lowered) in STOPWORDS or lowered in self.common_words():
                continue
            parts = [p for p in lowered.split("-") if p]
            if all(stem(p) in vocabulary or p in STOPWORDS or len(p) < 4 or any(p.startswith(v) for v in vocabulary if len(v) >= 6)
                   for p in parts):
                continue
            if lowered not in terms:
                terms.append(lowered)
        return terms

    def _search_many(self, queries: dict[str, str], index, k: int) -> dict[str, list[Hit]]:
        """Run several hybrid searches with one batched query encoding."""
        keys = list(queries)
        vectors = self.kb.embedder.encode([queries[key] for key in keys])
        return {key: index.search(queries[key], k=k, mode="hybrid", query_vector=vectors[row]) for row, key in enumerate(keys)}

    # -- optional LLM writer ---------------------------------------------------------------------
    @property
    def llm(self):
        if self._llm is None and self.settings.llm_configured:
            from assistant.llm import make_llm

            self._llm = make_llm(self.settings)
        return self._llm

    def _rewrite_with_llm(self, result: dict, index) -> None:
        from assistant.llm import rewrite

        try:
            draft = rewrite(self.llm, result)
        except Exception as exc:  # any transport or model failure falls back to the verified answer
            result["notes"].append(f"The LLM writer was not used: {type(exc).__name__}: {str(exc)[:200]}")
            return
        candidate = {**result, "answer": draft}
        checks = self.verify(candidate, index)
        problems = []
        if checks["findings"]:
            problems.append(f"{len(checks['findings'])} grading error(s): " + "; ".join(f["message"] for f in checks["findings"]))
        if not checks["citations_verified"]:
            problems.append(f"citations that do not exist: {checks['invalid_citations']}")
        if checks["ungrounded_numbers"]:
            problems.append(f"numbers not found in the sources or the patient's data: {checks['ungrounded_numbers']}")
        if checks["uncited_statements"]:
            problems.append(f"{checks['uncited_statements']} statement(s) without a citation")
        if problems:
            result["notes"].append("The LLM draft was rejected and the verified answer is shown instead: " + "; ".join(problems))
            result["checks"]["llm_draft_findings"] = checks["findings"]
            return
        result["answer"] = draft
        result["checks"] = checks
        result["writer"] = "llm"


def uncited_statements(markdown: str) -> list[str]:
    """Sentences outside headings, tables and notes that carry no [n] citation."""
    missing = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", ">", "**Not covered.**")):
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


class Conversation:
    """A multi-turn conversation: follow-up questions keep the patient's context."""

    def __init__(self, answerer: Answerer, ctcae: str | None = None):
        self.answerer = answerer
        self.ctcae = ctcae
        self.context: ClinicalContext | None = None
        self.turns: list[dict] = []

    def ask(self, question: str, ctcae: str | None = None) -> dict:
        result, self.context = self.answerer.answer(question, ctcae or self.ctcae, self.context)
        self.turns.append(result)
        return result


def ask(answerer: Answerer, question: str, ctcae: str | None = None) -> dict:
    return answerer.answer(question, ctcae)[0]


def format_answer(result: dict) -> str:
    """The readable CLI form: the Markdown answer, then each citation with its verbatim quote."""
    lines = [result["answer"], ""]
    if result["citations"]:
        lines.append("Sources:")
        for c in result["citations"]:
            lines.append(f"[{c['n']}] {c['title']} ({c['publisher'] or 'n.p.'}, {c['year'] or 'n.d.'}) › {c['locator']}")
            lines.append(f"    \"{c['quote']}\"")
    checks = result["checks"]
    if checks.get("findings") or checks.get("ungrounded_numbers") or not checks.get("citations_verified", True):
        lines.append(f"\nWarning: verification found problems: {json.dumps(checks)}")
    lines.append(f"\n({result['latency_ms']:.0f} ms, {result['writer']} writer)")
    return "\n".join(lines)


def make_answerer(settings) -> Answerer:
    from assistant.index import progress_wanted

    return Answerer(KnowledgeBase(settings, progress=progress_wanted(True)))
