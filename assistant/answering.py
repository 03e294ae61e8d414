"""The answerer: grounded, cited answers that answer the question asked (`assistant ask`, `assistant chat`).

One entry point, `Answerer.answer`, runs five stages, each a module with one job:

1. understand (`understanding.py`): intents, graded labs, findings, named syndromes and treatments;
2. differential and plan (`differential.py`): the conditions that fit, the etiology gate, the topics to cover;
3. retrieve (`evidence.py`): hybrid search for every topic and the question; sentences chosen per topic;
4. compose (`composing.py`): bottom line first, then the assessment and the details, every advice sentence quoted;
5. verify (`verification.py`): quotes verbatim, numbers grounded, the rules check clean, nothing uncited.

An optional LLM may then rewrite the verified answer; its draft is kept only if it passes the same checks.
The CLI, the UI, `assistant eval` and `assistant bench` all call `Answerer.answer` (or `Conversation.ask`).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import numpy as np

from assistant.composing import (
    Draft,
    assessment_table,
    compose_clinical,
    engine_notes,
    other_version_grades,
    render,
)
from assistant.context import CONTEXT_PATTERNS, expand_abbreviations
from assistant.ctcae import normalize_version
from assistant.differential import CYTOPENIA_TERMS, advice_grade, plan_answer
from assistant.errors import UserError
from assistant.evidence import EvidenceFinder, grade_scope, heading_scope, split_sentences
from assistant.index import Chunk
from assistant.knowledge_base import KnowledgeBase
from assistant.labs import ANALYTE_PATTERNS
from assistant.screening import quotable
from assistant.understanding import Understanding, load_knowledge, understand
from assistant.verification import verify

# How close the best passage must be before a question without clinical content is answered: the cosine
# of the question with a sentence (alone or with its heading path). Calibrated on evals/questions.jsonl,
# where in-scope questions score 0.57 or more and out-of-scope ones 0.51 or less (`assistant eval`).
MIN_SENTENCE_SIMILARITY = 0.55
# Stricter when the question uses rare words that no source uses (a drug or condition the sources lack).
MIN_SIMILARITY_WITH_UNCOVERED_TERMS = 0.58
# Conditions a general question can be about; a general answer keeps to the passages about the ones it names.
CONDITION_PATTERNS = [
    r"thrombocytopeni|platelet", r"neutropeni|neutrophil|G-CSF", r"hemolytic anemia|hemolysis|\bDAT\b",
    r"lymphopeni|lymphocyte", r"thrombotic thrombocytopenic purpura|\bTTP\b", r"hemolytic uremic|\bHUS\b",
    r"aplastic", r"hemophilia", r"fever|febrile", r"PJP|Pneumocystis", r"hepatitis B|HBsAg", r"CAR-T",
    r"hemophagocytic|\bHLH\b", r"red cell aplasia|\bPRCA\b",
]
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



# Longer than any clinical question (a pasted two-page note fits); beyond it the work is refused at once.
MAX_QUESTION_CHARS = 12_000

class Answerer:
    """Answers questions from one knowledge base. Thread-safe: it keeps no per-question state."""

    def __init__(self, knowledge_base: KnowledgeBase, llm=None):
        self.kb = knowledge_base
        self.settings = knowledge_base.settings
        self._llm = llm
        self._vocabulary: tuple[str, set[str]] | None = None
        self._common_words: set[str] | None = None
        self._finder: EvidenceFinder | None = None

    @property
    def finder(self) -> EvidenceFinder:
        if self._finder is None:
            self._finder = EvidenceFinder(self.kb.embedder)
        return self._finder

    # -- the entry point ---------------------------------------------------------------------------
    def answer(self, question: str, ctcae: str | None = None,
               previous: Understanding | None = None) -> tuple[dict, Understanding]:
        """The answer object of `assistant ask --json`, and what was understood (the context of a follow-up)."""
        started = time.perf_counter()
        if not question or not question.strip():
            raise UserError("the question is empty; type a clinical question")
        question = question.strip()
        if len(question) > MAX_QUESTION_CHARS:
            raise UserError(f"the question is {len(question):,} characters long; the limit is {MAX_QUESTION_CHARS:,}. "
                            "Keep to the labs and findings that matter; to check a long text for grading errors, "
                            "use the Review tab or `assistant check`")
        default_version = normalize_version(ctcae) if ctcae else self.settings.ctcae_version
        u = understand(question, default_version, previous)
        index = self.kb.index()
        draft = Draft()
        uncovered = self.uncovered_terms(question, index)
        labs = u.context.labs
        graded = [lab for lab in labs if lab["grade"] is not None or lab["term"] is None]
        own_labs = any(lab["span"] is not None for lab in labs)
        # A follow-up that brings nothing clinical of its own, or words the sources never use, is answered on its own.
        carried_only = previous is not None and ((not u.clinical and not u.intents)
                                                 or (bool(uncovered) and not own_labs and not u.named_conditions))
        abstained = False
        plan = None
        if graded and not any(lab["analyte"] in CYTOPENIA_TERMS for lab in graded) and not u.named_conditions:
            # Liver tests are graded (a liver-cancer patient needs them) but the sources hold no hepatitis guidance.
            draft.add_section(f"Assessment (CTCAE v{u.context.ctcae_version})", assessment_table(u))
            engine_notes(u, draft)
            draft.note("The knowledge base covers cytopenias; it holds no guidance on raised liver tests "
                       "(immune-related hepatitis), so the grades are shown and no advice is given.")
            abstained = True
        elif (u.clinical or (previous is not None and u.intents)) and not carried_only \
                and (labs or (plan := plan_answer(u, load_knowledge())).candidates):
            plan = plan or plan_answer(u, load_knowledge())
            quotes = self.finder.gather(plan, question, labs, u.context.fever, index)
            answered = compose_clinical(u, plan, quotes, draft)
            if not answered:
                draft = Draft()
                abstained = not self._compose_general(question, draft, index, uncovered)
            elif uncovered:
                draft.note(f"Not covered by the knowledge base, so not addressed: {', '.join(uncovered)}.")
        else:
            # A question without clinical content (or an off-topic follow-up): answered from the closest passages alone.
            abstained = not self._compose_general(question, draft, index, uncovered)
        covered = sorted({s["title"] for s in index.manifest["sources"].values()})
        result = {
            "question": question,
            "answer": render(draft, abstained, covered),
            "abstained": abstained,
            "grades": labs,
            "citations": draft.citations.items,
            "checks": {},
            "context": {**u.context.as_dict(), **u.as_dict(), "uncovered_terms": uncovered,
                        "differential": [c.label for c in plan.candidates] if plan else [],
                        "immune_treatment_gate": "open" if plan is None or plan.immune_gate_open else "closed",
                        "advice_grades": {lab["analyte"]: advice_grade(lab) for lab in labs if lab["value"] is not None},
                        "other_version_grades": {a: g["grade"] for a, g in other_version_grades(u).items()}},
            "writer": "deterministic",
            "notes": list(draft.notes),
        }
        result["checks"] = self.verify(result, index)
        if self.llm is not None and not abstained:
            self._rewrite_with_llm(result, index)
        result["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return result, u

    def verify(self, result: dict, index) -> dict:
        return verify(result, index)

    # -- questions without clinical content --------------------------------------------------------
    def _compose_general(self, question: str, draft: Draft, index, uncovered: list[str]) -> bool:
        """The sentences of the best chunks that are closest to the question. False = abstain."""
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
            for sentence in filter(quotable, split_sentences(hit.chunk.text)):
                own = grade_scope(sentence)
                if asked_scope and own and not (own & asked_scope) and scope is None:
                    continue
                candidates.append((hit.chunk, sentence))
        if not candidates:
            return False
        # scores[i, form, variant]: sentence i (alone or with its headings) against each phrasing of the question.
        scores = self.finder.sentence_vectors(candidates) @ vectors.T
        best = float(scores.max())  # the abstain decision takes the closest match of any form and phrasing
        # Ranking uses the question as written: a spelled-out abbreviation would favour any sentence that
        # merely names the condition over the one that answers the question.
        similarity = scores[:, :, 0].max(axis=1)
        if best < threshold:
            if uncovered:
                draft.note(f"Not covered by the knowledge base: {', '.join(uncovered)}.")
            draft.note("The closest passages in the knowledge base do not answer this question.")
            return False
        if uncovered:
            draft.note(f"Not covered by the knowledge base, so not addressed: {', '.join(uncovered)}.")
        top = float(similarity.max())
        order = [int(i) for i in np.argsort(-similarity) if similarity[i] >= top - 0.12][:4]
        lead = int(np.argmax(similarity))
        draft.add_section("Bottom line", [draft.statement(*candidates[lead])])
        lines = [draft.statement(candidates[i][0], candidates[i][1]) for i in sorted(order) if i != lead]
        if asked_scope is None:
            lines += self._grade_outline(candidates[lead][0], draft, index, {(candidates[i][0].chunk_id, candidates[i][1]) for i in order})
        draft.add_section("Details", lines)
        return True

    def _grade_outline(self, best: Chunk, draft: Draft, index, used: set) -> list[str]:
        """When the best passage sits in a condition's section that the source splits by grade, the
        opening sentence of each grade's subsection, so a 'what should be done' answer covers every grade."""
        parent = best.locator.rsplit(" › ", 1)[0]
        siblings = [c for c in index.chunks if c.source_id == best.source_id and c.locator.rsplit(" › ", 1)[0] == parent
                    and c.locator != parent and heading_scope(c) is not None]
        lines = []
        for chunk in siblings[:4]:
            sentence = next((s for s in split_sentences(chunk.text) if (chunk.chunk_id, s) not in used and quotable(s)), None)
            if sentence:
                lines.append(draft.statement(chunk, sentence))
        return lines

    # -- words the knowledge base does not know ----------------------------------------------------
    def common_words(self) -> set[str]:
        """Whole words of the embedding model's WordPiece vocabulary: everyday English, never a rare drug or disease name."""
        if self._common_words is None:
            vocab = Path(self.settings.model_path) / "vocab.txt" if self.settings.model_path else None
            self._common_words = ({w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha()}
                                  if vocab and vocab.is_file() else set())
        return self._common_words

    def uncovered_terms(self, question: str, index) -> list[str]:
        """Rare words of the question (a drug, a disease) that no source in the knowledge base uses and the
        answerer's own vocabulary (clinical.yaml, the context and lab readers) does not know."""
        if self._vocabulary is None or self._vocabulary[0] != index.generation.name:
            words: set[str] = set()
            for chunk in index.chunks:
                words |= {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]+", chunk.search_text)}
            knowledge = load_knowledge()
            patterns = CONTEXT_PATTERNS + list(ANALYTE_PATTERNS.values())
            patterns += [p.pattern for entry in knowledge.findings.values() for p in entry["patterns"]]
            patterns += [p.pattern for entry in [*knowledge.conditions.values(), *knowledge.drugs.values()] for p in entry["names"]]
            patterns += [p.pattern for cues in knowledge.intents.values() for p in cues]
            for pattern in patterns:
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
        if checks["unlabelled_citations"]:
            problems.append(f"citations of unverified or secondary statements without their label: {checks['unlabelled_citations']}")
        if problems:
            result["notes"].append("The LLM draft was rejected and the verified answer is shown instead: " + "; ".join(problems))
            result["checks"]["llm_draft_findings"] = checks["findings"]
            return
        result["answer"] = draft
        result["checks"] = checks
        result["writer"] = "llm"


class Conversation:
    """A multi-turn conversation: follow-ups keep the patient's labs, findings and context; a new value replaces the old."""

    def __init__(self, answerer: Answerer, ctcae: str | None = None):
        self.answerer = answerer
        self.ctcae = ctcae
        self.understanding: Understanding | None = None
        self.turns: list[dict] = []

    def ask(self, question: str, ctcae: str | None = None) -> dict:
        result, understood = self.answerer.answer(question, ctcae or self.ctcae, self.understanding)
        if not result["abstained"] or understood.clinical:
            self.understanding = understood  # an off-topic turn does not replace the patient's context
        self.turns.append(result)
        return result


def ask(answerer: Answerer, question: str, ctcae: str | None = None) -> dict:
    return answerer.answer(question, ctcae)[0]


def format_answer(result: dict) -> str:
    """The readable CLI form: the Markdown answer, then each citation with its status and verbatim quote."""
    lines = [result["answer"], ""]
    if result["citations"]:
        lines.append("Sources:")
        for c in result["citations"]:
            status = c.get("status") or "unverified"
            link = f" {c['url']}" if c.get("url") else ""
            lines.append(f"[{c['n']}] [{status}] {c['title']} ({c['publisher'] or 'publisher not given'}, "
                         f"{c['year'] or 'year not given'}) › {c['locator']}{link}")
            lines.append(f"    \"{c['quote']}\"")
    checks = result["checks"]
    if checks.get("findings") or checks.get("ungrounded_numbers") or not checks.get("citations_verified", True):
        lines.append(f"\nWarning: verification found problems: {json.dumps(checks)}")
    lines.append(f"\n({result['latency_ms']:.0f} ms, {result['writer']} writer)")
    return "\n".join(lines)


def make_answerer(settings) -> Answerer:
    from assistant.index import progress_wanted

    return Answerer(KnowledgeBase(settings, progress=progress_wanted(True)))
