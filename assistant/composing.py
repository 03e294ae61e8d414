"""Stage 4 of answering: compose the answer from the plan and the quoted evidence.

The answer leads with a bottom line (the patient's grades, the leading consideration, and two to four
quoted sentences that answer what was asked, or a plain "the knowledge base has no guidance on ..."),
then the assessment table, then the details by clinical priority. Every sentence of advice is a
verbatim sentence of a cited chunk; bold lines hold only what the grading engine and the question give.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.ctcae import ANALYTE_LABELS
from assistant.differential import IMMUNE_TREATMENT_WORDS, Plan, advice_grade
from assistant.evidence import Quote
from assistant.index import Chunk
from assistant.understanding import Understanding

DISCLAIMER = "For healthcare professionals. This summary of the knowledge base does not replace clinical judgement."
STATUS_LABELS = {"secondary": "secondary source", "unverified": "unverified"}
NOT_COVERED = "**Not covered:**"
BOTTOM_LINE_QUOTES = 4  # "two to four cited sentences"


def citation_status(chunk: Chunk) -> str:
    """How far the quoted statement was checked against its source; a source that does not say is unverified."""
    return chunk.status or "unverified"


@dataclass
class CitationList:
    """Numbered citations, each a verbatim sentence of one chunk; the same quote is cited once."""

    items: list[dict] = field(default_factory=list)

    def cite(self, chunk: Chunk, quote: str) -> dict:
        for item in self.items:
            if item["chunk_id"] == chunk.chunk_id and item["quote"] == quote:
                return item
        item = {"n": len(self.items) + 1, "chunk_id": chunk.chunk_id, "source_id": chunk.source_id, "title": chunk.title,
                "publisher": chunk.publisher, "year": chunk.year, "url": chunk.url, "locator": chunk.locator, "quote": quote,
                "status": citation_status(chunk)}
        self.items.append(item)
        return item


@dataclass
class Draft:
    """An answer being composed: Markdown sections, citations, and notes from the assistant itself."""

    citations: CitationList = field(default_factory=CitationList)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def statement(self, chunk: Chunk, sentence: str) -> str:
        """One bullet: a verbatim sentence of `chunk`, its citation marker, and its status label unless verified."""
        item = self.citations.cite(chunk, sentence)
        label = STATUS_LABELS.get(item["status"])
        return f"- {sentence} [{item['n']}]" + (f" *({label})*" if label else "")

    def add_section(self, title: str, lines: list[str]) -> None:
        if lines:
            self.sections.append((title, lines))

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


def value_with_trend(lab: dict) -> str:
    """A lab's value as shown, with the earlier values of its series: "45 → 80"."""
    return " → ".join(f"{v:g}" for v in lab["trend"]) if lab.get("trend") else f"{lab['value']:g}"


def assessment_table(u: Understanding) -> list[str]:
    rows = ["| Lab | Value | Grade | CTCAE term | Criterion met |", "|---|---|---|---|---|"]
    for lab in u.context.labs:
        value = "not read" if lab["value"] is None else f"{value_with_trend(lab)} {lab['unit']}"
        grade = "not graded" if lab["grade"] is None else str(lab["grade"])
        term = lab["term"] or "no term in this version"
        criterion = (lab["criterion"] or "; ".join(lab["warnings"])).replace("|", "/")
        rows.append(f"| {ANALYTE_LABELS[lab['analyte']]} | {value} | {grade} | {term} (v{lab['ctcae_version']}) | {criterion} |")
    return rows


def engine_notes(u: Understanding, draft: Draft) -> None:
    """Assumptions and warnings of the grading engine, the v6/v5 advice note, corrections of the question."""
    version = u.context.ctcae_version
    for lab in u.context.labs:
        for note in lab["assumptions"] + lab["warnings"]:
            draft.note(note)
        if version == "6.0" and lab["value"] is not None and lab["analyte"] in ("plt", "anc", "alc", "hgb"):
            advice = advice_grade(lab)
            if advice != (lab["grade"] or 0) and (lab["grade"] is not None or lab["analyte"] == "alc"):
                draft.note(f"Guideline advice for {ANALYTE_LABELS[lab['analyte']]} is matched to its CTCAE v5.0 grade "
                           f"({advice}), because the ASCO guideline in the knowledge base was written against CTCAE v5.0.")
    for finding in u.context.question_findings:
        if finding["kind"] == "grade_mismatch":
            label = ANALYTE_LABELS[finding["analyte"]]
            draft.note(f"Correction: {label} {finding['value']:g} {finding['unit']} is grade {finding['expected_grade']} by CTCAE "
                       f"v{finding['ctcae_version']}, not the grade stated in the question.")
        elif finding["kind"] == "false_comparison":
            draft.note(f"Correction: {finding['message']}")


def grades_line(u: Understanding) -> str | None:
    parts = []
    for lab in u.context.labs:
        if lab["value"] is None or lab["analyte"] == "fn":
            continue
        grade = f"grade {lab['grade']}" if lab["grade"] is not None else "no grade in this version"
        parts.append(f"{ANALYTE_LABELS[lab['analyte']]} {value_with_trend(lab)} {lab['unit']} {grade}")
    line = f"**CTCAE v{u.context.ctcae_version}: {'; '.join(parts)}.**" if parts else None
    other = other_version_grades(u)
    if line and other and "compare_versions" in u.intents:
        version = next(iter(other.values()))["ctcae_version"]
        line += "\n**CTCAE v{}: {}.**".format(version, "; ".join(
            f"{ANALYTE_LABELS[a]} {g['grade_text']}" for a, g in other.items()))
    return line


def other_version_grades(u: Understanding) -> dict[str, dict]:
    """The grade of each count under the other CTCAE version, computed by the grading engine."""
    from assistant.ctcae import VERSIONS, grade_value

    other = next(v for v in VERSIONS if v != u.context.ctcae_version)
    grades = {}
    for lab in u.context.labs:
        if lab["value"] is None or lab["analyte"] not in ANALYTE_LABELS or lab["analyte"] == "fn":
            continue
        result = grade_value(lab["analyte"], lab["value"], other)
        grades[lab["analyte"]] = {"grade": result.grade, "ctcae_version": result.ctcae_version,
                                  "grade_text": f"grade {result.grade}" if result.grade is not None else "no grade in this version"}
    return grades


def differential_line(u: Understanding, plan: Plan) -> str | None:
    if not plan.candidates:
        return None
    leading = plan.leading
    why = [u.findings[f] for f in leading.supports if f in u.findings]
    text = f"**Leading consideration: {leading.label}" + (f" ({', '.join(why)})" if why else "")
    others = [c.label for c in plan.candidates[1:3]]
    if others:
        text += f"; also consider: {'; '.join(others)}"
    return text + ".**"


def bottom_line_quotes(plan: Plan, quotes: dict[str, list[Quote]]) -> list[Quote]:
    """The first quote of each topic that answers the question, in this order: infection first, then what was asked
    (an intent, a treatment), then the leading condition, then the others; supporting topics only when nothing
    else was found."""
    leading = plan.leading.key if plan.leading else None

    def rank(topic) -> int:
        if topic.key == "cause:febrile_neutropenia":
            return 0
        about_leading = leading and topic.key.endswith(f":{leading}")
        about_other = ":" in topic.key and not topic.key.startswith(("drug:", "ctcae:")) and topic.key != "versions" and not about_leading
        if topic.asked and not about_other:
            return 1
        if about_leading:
            return 2
        return 3
    infection_first = any(c.key == "febrile_neutropenia" for c in plan.candidates)
    chosen: list[Quote] = []
    for role in ("main", "support"):
        for topic in sorted((t for t in plan.topics if t.role == role), key=rank):
            quote = next(iter(quotes.get(topic.key) or []), None)
            if quote is None or len(chosen) >= BOTTOM_LINE_QUOTES or any(q.sentence == quote.sentence for q in chosen):
                continue
            if infection_first and any(w in quote.sentence.lower() for w in (*IMMUNE_TREATMENT_WORDS, "g-csf")):
                continue  # with fever and neutropenia, immune treatment waits until infection is excluded (in the details)
            chosen.append(quote)
        if chosen:
            break
    return chosen


def compose_clinical(u: Understanding, plan: Plan, quotes: dict[str, list[Quote]], draft: Draft) -> bool:
    """Fill `draft` from the plan; False when nothing at all could be said (the caller then abstains)."""
    topics = {topic.key: topic for topic in plan.topics}
    bottom: list[str] = [line for line in (grades_line(u), differential_line(u, plan)) if line]
    if not plan.immune_gate_open:
        bottom.append(f"**No immune-specific treatment is suggested here: {plan.gate_reason}.**")
    else:
        for candidate in plan.candidates:
            if candidate.immune and candidate.against:
                why = [u.findings[f] for f in candidate.against if f in u.findings]
                verb = "argue" if len(why) > 1 else "argues"
                bottom.append(f"**No immune treatment is suggested for {candidate.label}: {', '.join(why)} {verb} against it.**")
    lead_quotes = bottom_line_quotes(plan, quotes)
    bottom += [draft.statement(q.chunk, q.sentence) for q in lead_quotes]
    not_covered = [topic.not_covered for topic in plan.topics if topic.not_covered and not quotes.get(topic.key)]
    bottom += [f"{NOT_COVERED} the knowledge base has no guidance on {what}." for what in dict.fromkeys(not_covered)]
    unverified = [draft.citations.cite(q.chunk, q.sentence)["n"] for q in lead_quotes if citation_status(q.chunk) == "unverified"]
    if unverified:
        markers = ", ".join(f"[{n}]" for n in unverified)
        bottom.append(f"**This bottom line rests in part on a statement not yet verified against its source {markers}.**")
    draft.add_section("Bottom line", bottom)
    if u.context.labs:
        criteria = [draft.statement(q.chunk, q.sentence) for key, qs in quotes.items() if topics[key].role == "assessment" for q in qs]
        draft.add_section(f"Assessment (CTCAE v{u.context.ctcae_version})", assessment_table(u) + ([""] + criteria if criteria else []))
    led = {(q.chunk.chunk_id, q.sentence) for q in lead_quotes}
    for topic in plan.topics:
        if topic.role == "assessment":
            continue
        lines = [draft.statement(q.chunk, q.sentence) for q in quotes.get(topic.key, []) if (q.chunk.chunk_id, q.sentence) not in led]
        draft.add_section(topic.heading, lines)
    engine_notes(u, draft)
    return bool(lead_quotes or not_covered or u.context.labs)


def render(draft: Draft, abstained: bool, covered_titles: list[str]) -> str:
    if abstained:
        covered = "; ".join(covered_titles[:8])
        reason = " ".join(note for note in draft.notes if not note.startswith(("No unit given", "Upper limit", "Baseline assumed"))) \
            or "The knowledge base has no passage that answers this question."
        grades = "".join(f"### {title}\n" + "\n".join(lines) + "\n\n" for title, lines in draft.sections)
        return (f"{grades}**Not covered.** {reason} No advice is given.\n\n"
                f"The knowledge base covers CTCAE grading of blood counts and the management of cytopenias caused by "
                f"immune checkpoint inhibitors. Its sources include: {covered}.\n\n> {DISCLAIMER}")
    parts = [f"### {title}\n" + "\n".join(lines) for title, lines in draft.sections]
    if draft.notes:
        parts.append("### Notes from the grading engine\n" + "\n".join(f"> {note}" for note in draft.notes))
    parts.append(f"> {DISCLAIMER}")
    return "\n\n".join(parts)
