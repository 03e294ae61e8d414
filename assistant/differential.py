"""Stage 2 of answering: a short differential, and the plan of what the answer must cover.

The differential ranks the conditions of `clinical.yaml` by what the question names, the low counts
they explain and the findings for and against them. The etiology gate follows from it: when the
findings point away from an immune cause (or no checkpoint inhibitor is given at all), no
immune-specific treatment is planned. The plan is a list of topics in clinical priority: each is a
query for the retriever, the words a quoted sentence must be about, and what to say when the
knowledge base has nothing on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.ctcae import grade_value
from assistant.understanding import Knowledge, Understanding, load_knowledge

# Words of a sentence that advises immune-specific treatment: kept out of an answer when the gate is closed.
IMMUNE_TREATMENT_WORDS = ("prednisone", "steroid", "dexamethasone", "methylprednisolone", "ivig", "immunoglobulin", "rituximab",
                          "cyclosporine", "ciclosporin", "atg", "permanently", "for good", "holding the checkpoint inhibitor",
                          "hold the checkpoint inhibitor", "eculizumab", "plasma exchange", "caplacizumab", "immunosuppress")
# Sentences about these topics only belong in answers whose patient has them.
CONTEXT_GATES = {
    "liver": (("liver cancer", "hepatocellular", "hcc", "hepatitis b", "varices", "hbsag", "child-pugh", "entecavir", "tenofovir"),
              ("liver_cancer", "cirrhosis")),
    "bevacizumab": (("bevacizumab",), ("bevacizumab",)),
    "car_t": (("car-t",), ("car_t",)),
}


@dataclass
class Candidate:
    key: str
    label: str
    immune: bool
    score: float
    named: bool
    supports: list[str]
    against: list[str]
    analytes: list[str]


@dataclass
class Topic:
    """One thing the answer must cover: searched for, then answered with quoted sentences."""

    key: str
    heading: str
    query: str
    words: tuple[str, ...] = ()  # the sentence, or its section headings, must name one of these
    must: tuple[str, ...] = ()  # and the sentence itself must contain one of these
    grade: int | None = None  # guidance must fit this (CTCAE v5.0) grade
    graded: bool = False  # take the source's section for this grade
    limit: int = 3
    not_covered: str | None = None  # said when nothing is found: "The knowledge base has no guidance on ..."
    prefer: tuple[str, ...] = ()  # sentences naming one of these go first when there are any
    needs_number: bool = False  # a statistic was asked for: the sentence must give one
    min_similarity: float | None = None  # stricter than the default for open-ended topics
    asked: bool = False  # answers an intent or a treatment the question asks about: leads the bottom line
    role: str = "main"  # main: may lead the bottom line; assessment: the CTCAE criteria; support: details only


@dataclass
class Plan:
    candidates: list[Candidate]
    immune_gate_open: bool
    gate_reason: str | None
    topics: list[Topic] = field(default_factory=list)
    allowed_contexts: set[str] = field(default_factory=set)

    @property
    def leading(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def advice_grade(lab: dict) -> int:
    """The grade guideline advice is chosen by: ASCO 2021 predates CTCAE v6.0, so its v5.0 grade."""
    if lab["ctcae_version"] == "5.0" or lab["analyte"] == "fn" or lab["value"] is None:
        return lab["grade"] or 0
    return grade_value(lab["analyte"], lab["value"], "5.0").grade or 0


def build_differential(u: Understanding, knowledge: Knowledge) -> list[Candidate]:
    abnormal = {lab["analyte"] for lab in u.abnormal}
    if any(lab["analyte"] == "fn" for lab in u.context.labs):
        abnormal.add("fn")
    candidates = []
    for key, c in knowledge.conditions.items():
        named = key in u.named_conditions
        queried = key in u.queried_conditions
        supports = [f for f in c.get("supports", []) if f in u.findings]
        against = [f for f in c.get("against", []) if f in u.findings]
        analytes = [a for a in c.get("labs", []) if a in abnormal]
        default = c.get("default_for") in abnormal or key in u.generic_conditions
        requires = c.get("requires_any")
        suggested = (len(supports) >= c.get("suggest_at", 99) and (not c.get("labs") or analytes)
                     and (not requires or any(f in u.findings for f in requires)))
        if key == "febrile_neutropenia":
            suggested = "fn" in abnormal
        if not (named or queried or suggested or default):
            continue
        severity = max((advice_grade(lab) for lab in u.abnormal if lab["analyte"] in analytes), default=0)
        # Named counts most; a finding each; asked about ("ITP?") or the default reading of a low count, less.
        score = 3.0 * named + 1.5 * queried + len(supports) + (0.5 if default else 0.0) + (0.5 if analytes else 0.0) + 0.25 * severity
        if key == "febrile_neutropenia" and (named or suggested):
            score += 10.0  # fever with neutropenia: infection comes first, whatever else is going on
        if c["immune"]:
            score -= len(against)
        label = c.get("default_label", c["label"]) if default and not (named or queried or supports) else c["label"]
        candidates.append(Candidate(key, label, c["immune"], score + c.get("priority", 0) / 1000, named, supports, against, analytes))
    return sorted(candidates, key=lambda cand: -cand.score)  # the score carries the priority as a tie-break


def etiology_gate(u: Understanding, candidates: list[Candidate]) -> tuple[bool, str | None]:
    """Whether immune-specific treatment may be advised at all, and why not when it may not.

    Closed when a non-immune cause has findings for it and every immune condition in the differential has
    findings against it (a negative DAT with a low ferritin and microcytosis; low counts before treatment), or
    when no checkpoint inhibitor was given. An immune condition nothing argues against stays treatable: melena
    closes the door on autoimmune hemolysis, not on the immune thrombocytopenia that makes the patient bleed.
    """
    if "car_t" in u.findings and not u.context.on_ici:
        return False, "the patient had CAR-T cell therapy and no checkpoint inhibitor is named"
    causes = [c for c in candidates if not c.immune and c.key != "febrile_neutropenia" and c.supports]
    immune = [c for c in candidates if c.immune]
    if not causes or any(not c.against for c in immune):
        return True, None
    cause = causes[0]
    evidence = ", ".join(u.findings[f] for f in cause.supports if f in u.findings)
    against = sorted({u.findings[f] for c in immune for f in c.against if f in u.findings} - set(evidence.split(", ")))
    why = f"the findings ({evidence}) point to {cause.label}"
    return False, why + (f", and {', '.join(against)} argue against an immune cause" if against else "")


def plan_answer(u: Understanding, knowledge: Knowledge | None = None) -> Plan:
    knowledge = knowledge or load_knowledge()
    candidates = build_differential(u, knowledge)
    gate_open, reason = etiology_gate(u, candidates)
    question = u.question.lower()
    allowed = {name for name, (_, needs) in CONTEXT_GATES.items()
               if any(f in u.findings for f in needs) or any(word in question for word in CONTEXT_GATES[name][0])
               or (name == "bevacizumab" and u.context.bevacizumab) or (name == "liver" and "liver" in question)}
    plan = Plan(candidates, gate_open, reason, allowed_contexts=allowed)
    topics = plan.topics
    intents = list(u.intents) or (["manage"] if (u.abnormal or candidates) else [])
    if u.abnormal and "manage" not in intents:
        intents.append("manage")  # abnormal counts always get what to do, after what was asked
    labs_by_analyte = {lab["analyte"]: lab for lab in u.context.labs if lab["value"] is not None}
    conditions = knowledge.conditions

    def grade_for(candidate: Candidate) -> int | None:
        grades = [advice_grade(labs_by_analyte[a]) for a in candidate.analytes if a in labs_by_analyte]
        return max(grades) if grades else None

    no_ici = "car_t" in u.findings and not u.context.on_ici

    def with_findings(query: str, c: dict) -> str:
        """A topic's query with the question's findings that bear on the condition ("negative DAT" for AIHA)."""
        related = [u.findings[f] for f in [*c.get("supports", []), *c.get("against", []), *c.get("related", [])] if f in u.findings]
        return " ".join([query, *related])
    planned = candidates[:3] + [c for c in candidates[3:] if c.key == "febrile_neutropenia"]
    for candidate in planned:
        c = conditions[candidate.key]
        words = tuple(c["words"])
        grade = grade_for(candidate) if c.get("graded_by_ctcae") else None  # TTP, HLH, ...: not graded by a count
        label = candidate.label
        for intent in intents:
            if intent == "manage" and (not no_ici or not candidate.immune):
                if candidate.immune and (not gate_open or candidate.against):
                    continue  # no immune treatment when the findings argue against this cause
                if (candidate is not candidates[0] and candidates[0].immune and candidates[0].supports
                        and not (candidate.named or candidate.supports)):
                    continue  # a count's default reading gives way to the immune syndrome the findings point to
                if candidate.immune:
                    heading = label[0].upper() + label[1:] + (f", grade {grade}" if grade is not None else "")
                    if "fever" in u.findings and any(x.key == "febrile_neutropenia" for x in candidates):
                        heading = f"Once infection is excluded: {label}"
                    topics.append(Topic(f"manage:{candidate.key}", heading, with_findings(c["query"].format(grade=grade or ""), c), words,
                                        grade=grade, graded=grade is not None, limit=4 if grade is not None else 5))
                else:
                    heading = ("Fever with neutropenia: infection first" if candidate.key == "febrile_neutropenia"
                               else f"Likely cause: {label}")
                    topics.append(Topic(f"cause:{candidate.key}", heading, c["query"], words, limit=3, not_covered=c.get("not_covered")))
                if candidate.supports and candidate.immune and "workup" not in intents and "workup" in knowledge.intent_topics:
                    # a syndrome suggested by findings: how it is recognised and confirmed
                    topics.append(intent_topic("workup", knowledge.intent_topics["workup"], candidate.key, label, words,
                                               with_findings(c.get("workup_query") or knowledge.intent_topics["workup"]["query"].format(label=label), c),
                                               asked=False))
            elif intent in knowledge.intent_topics:
                default_query = knowledge.intent_topics[intent]["query"].format(label=label)
                query = (c.get("workup_query") or default_query) if intent == "workup" else default_query
                topics.append(intent_topic(intent, knowledge.intent_topics[intent], candidate.key, label, words, with_findings(query, c)))
    if not candidates:
        for intent in intents:
            if intent in knowledge.intent_topics and intent != "workup":
                topics.append(intent_topic(intent, knowledge.intent_topics[intent], "general",
                                           "hematologic immune-related adverse events", ()))
    leading = candidates[0] if candidates else None
    for key in u.drugs:  # the query names the condition, so its sentences rank first; any sentence on the drug may answer
        drug = knowledge.drugs[key]
        about = f" in {leading.label}" if leading else ""
        topics.append(Topic(f"drug:{key}", drug["label"][0].upper() + drug["label"][1:] + about,
                            f"{drug['label']} {' '.join(drug['words'])} checkpoint inhibitor",
                            must=tuple(drug["words"]), limit=2, not_covered=drug["label"], asked=True,
                            prefer=tuple(conditions[leading.key]["words"]) if leading else ()))
    if "compare_versions" in intents:
        named = tuple(ANALYTE_WORDS[lab["analyte"]] for lab in u.context.labs if lab["analyte"] in ANALYTE_WORDS)
        topics.append(Topic("versions", "CTCAE v5.0 and v6.0", f"what changed in CTCAE v6.0 from v5.0 {' '.join(named) or 'neutrophil platelet lymphocyte'}",
                            named, must=("v6", "6.0", "version 6", "v5.0"), limit=3, asked=True))
    if "bleeding" in u.findings and u.abnormal and any(lab["analyte"] == "plt" for lab in u.abnormal):
        topics.append(Topic("bleeding", "Bleeding with a low platelet count", "bleeding low platelet count checkpoint inhibitor management",
                            must=("bleed",), limit=2, not_covered="managing active bleeding with a low platelet count"))
    if "gi_bleed" in u.findings:
        topics.append(Topic("gi-bleed", "Gastrointestinal blood loss", "gastrointestinal bleeding blood loss management",
                            must=("gastrointestinal", "blood loss", "melena"), limit=2,
                            not_covered="managing gastrointestinal bleeding"))
    # Supporting topics, by clinical priority after the main ones.
    if u.abnormal or "workup" in intents:
        topics.append(Topic("nonimmune", "Other causes to exclude", "non-immune causes of a low blood count on a checkpoint inhibitor "
                            "compare with baseline count", ("cause", "non-immune", "baseline"), must=("other causes", "baseline", "before treatment", "pre-treatment", "non-immune"),
                            limit=2, role="main" if "workup" in intents else "support"))
    if "liver" in allowed and u.abnormal:
        topics.append(Topic("liver", "Liver disease", "liver cancer cirrhosis portal hypertension hypersplenism low platelets baseline "
                            "hepatitis B screening", must=("cirrhosis", "hepatitis b", "liver cancer"), limit=3, role="support"))
    if any(lab["analyte"] == "alc" for lab in u.abnormal) or "pjp_prophylaxis" in u.drugs:
        topics.append(Topic("pjp", "PJP prophylaxis", "PJP prophylaxis trigger steroid exposure lymphocyte count prednisone",
                            must=("pjp", "pneumocystis"), limit=2, role="main"))  # low lymphocytes: is PJP prophylaxis needed?
    if leading is not None and leading.key == "aiha" and gate_open and "workup" not in intents:
        topics.append(Topic("workup:aiha", "Work-up for hemolysis", conditions["aiha"]["workup_query"], ("hemolytic anemia",),
                            must=("work-up", "dat", "haptoglobin", "ldh", "reticulocyte"), limit=2, role="support"))
    if gate_open and not no_ici and leading is not None and leading.immune and "rechallenge" not in intents and u.abnormal:
        topics.append(Topic(f"resume:{leading.key}", "Resuming treatment", f"rechallenge restart checkpoint inhibitor after {leading.label}",
                            tuple(conditions[leading.key]["words"]), must=("rechalleng", "restart", "resum"), limit=1, role="support"))
    # The question itself, over every source: what a content team just added is found even when no topic names it.
    topics.append(Topic("question", "Also in the sources", u.question, limit=2, role="support", min_similarity=QUESTION_SIMILARITY))
    # Infection first; then what was asked (it gets the first choice of sentences); then the rest, in plan order.
    topics.sort(key=lambda t: 0 if t.key == "cause:febrile_neutropenia" else 1 if t.asked else 2)
    assessment = [Topic(f"ctcae:{lab['analyte']}", "CTCAE criteria",
                        f"{lab['term'] or 'Lymphocyte count decreased'} CTCAE v{lab['ctcae_version']} grade thresholds",
                        must=(f"CTCAE v{lab['ctcae_version']}",), words=(lab["term"] or "Lymphocyte count decreased",), limit=1,
                        role="assessment")
                  for lab in u.context.labs if lab["value"] is not None and lab["analyte"] in CYTOPENIA_TERMS
                  and ((lab["grade"] or 0) >= 1 or lab["term"] is None)]
    plan.topics = _unique(assessment + topics)
    return plan


# How close a sentence must be to the question alone to be quoted under "Also in the sources".
# Calibrated on evals/questions.jsonl only.
QUESTION_SIMILARITY = 0.55
# The word a source uses for each count, for topics about a count rather than a syndrome.
ANALYTE_WORDS = {"wbc": "white blood cell", "anc": "neutrophil", "alc": "lymphocyte", "plt": "platelet", "hgb": "anemia"}
CYTOPENIA_TERMS = {"wbc", "anc", "alc", "plt", "hgb", "fn"}


def intent_topic(intent: str, spec: dict, key: str, label: str, words: tuple[str, ...], query: str | None = None,
                 asked: bool = True) -> Topic:
    """The topic an intent asks for about one condition, from the intent's entry in clinical.yaml."""
    not_covered = spec.get("not_covered")
    return Topic(f"{intent}:{key}", spec["heading"].format(label=label), query or spec["query"].format(label=label), words,
                 must=tuple(spec.get("must", ())), limit=3, needs_number=bool(spec.get("needs_number")),
                 not_covered=not_covered.format(label=label) if not_covered else None, asked=asked)


def _unique(topics: list[Topic]) -> list[Topic]:
    seen, kept = set(), []
    for topic in topics:
        if topic.key not in seen:
            seen.add(topic.key)
            kept.append(topic)
    return kept
