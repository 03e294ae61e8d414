"""The answerer on the real model and index: grades, sections, citations, abstention, versions, follow-ups, LLM path."""

from __future__ import annotations

import json
import re

import pytest

from assistant.answering import Answerer, Conversation, ask
from tests.conftest import run_cli
from tests.fake_llm import FakeLLMServer

pytestmark = pytest.mark.integration

MISSION = "Liver cancer in remission, on immunotherapy, WBC 2.7, ANC 2.0, ALC 0.4, platelets 79 — what should I do?"


def grades_of(result):
    return {lab["analyte"]: lab["grade"] for lab in result["grades"]}


def assert_verified(result, corpus_kb):
    chunks = corpus_kb.index().by_id
    for citation in result["citations"]:
        assert citation["quote"] in chunks[citation["chunk_id"]].text
        assert f"[{citation['n']}]" in result["answer"]
        assert citation["title"] and citation["year"] and citation["locator"]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", result["answer"])}
    assert markers == {c["n"] for c in result["citations"]}
    checks = result["checks"]
    assert checks["findings"] == [] and checks["citations_verified"] is True
    assert checks["ungrounded_numbers"] == [] and checks["uncited_statements"] == 0
    assert checks["unlabelled_citations"] == []


def bottom_line(result) -> str:
    return result["answer"].split("### ", 2)[1]


def test_mission_question(answerer, corpus_kb):
    result = ask(answerer, MISSION)
    assert grades_of(result) == {"wbc": 2, "anc": 0, "alc": 3, "plt": 1}
    assert all(lab["ctcae_version"] == "5.0" for lab in result["grades"])
    answer = result["answer"]
    assert answer.startswith("### Bottom line")
    lead = bottom_line(result)
    assert "CTCAE v5.0: WBC 2.7 10^9/L grade 2" in lead and "cirrhosis and hypersplenism" in lead
    assert "continuing the checkpoint inhibitor" in lead and "*(unverified)*" in lead and "not yet verified" in lead
    assert "| Platelets | 79 10^9/L | 1 | Platelet count decreased (v5.0)" in answer
    assert "baseline" in answer and "hepatitis B" in answer
    assert "steroid exposure, not the lymphocyte count" in answer
    assert "grade 3 thrombocytopenia" not in answer.lower() and "grade 3 leukopenia" not in answer.lower()
    assert "Do not" not in answer  # rules written for the answer's author never reach the clinician
    assert result["abstained"] is False and result["context"]["cancer"] == "hepatocellular carcinoma"
    assert all(c["status"] in ("verified", "secondary", "unverified") for c in result["citations"])
    assert_verified(result, corpus_kb)
    stripped = {**result, "answer": result["answer"].replace(" *(unverified)*", "")}
    assert answerer.verify(stripped, corpus_kb.index())["unlabelled_citations"]  # a rewrite that drops a label fails


def test_wrong_grade_in_the_question_is_corrected(answerer, corpus_kb):
    result = ask(answerer, "Patient on pembrolizumab with grade 2 thrombocytopenia, platelets 30. Hold or continue?")
    assert grades_of(result) == {"plt": 3}
    assert "Correction: Platelets 30 10^9/L is grade 3 by CTCAE v5.0" in result["answer"]
    assert "hematology consultation" in result["answer"] and "holding the checkpoint inhibitor" in result["answer"]
    assert_verified(result, corpus_kb)


# (question, intent it must be read as, text the answer must contain)
INTENTS = [
    ("ITP on pembro is over, plt back to 180 - can we restart and how likely is a relapse?", "rechallenge", "rechallenged"),
    ("nivo, Hb 8.9, falling - what work-up do I send for hemolysis?", "workup", "direct antiglobulin test"),
    ("How often does aplastic anemia happen on checkpoint inhibitors?", "incidence", "0.15 percent"),
    ("When does aplastic anemia appear after starting a checkpoint inhibitor?", "onset", "126 days"),
    ("what grade is ANC 0.8 on nivo?", "grade", "ANC 0.8 10^9/L grade 3"),
    ("HCC on atezo/bev, plt 60 - should bevacizumab be held as well?", "manage", "bevacizumab"),
    ("pembro, plt 40, on apixaban for a DVT - continue anticoagulation?", "manage", "no guidance on anticoagulation"),
    ("what's the mortality of ICI-associated HLH?", "outcome", "15.3 percent"),
    ("ANC 0.8 and plt 20 - how does the grade differ between v5 and v6?", "compare_versions", "CTCAE v6.0: ANC grade 2; Platelets grade 3"),
]


@pytest.mark.parametrize("question,intent,expected", INTENTS)
def test_the_answer_follows_the_intent_of_the_question(answerer, corpus_kb, question, intent, expected):
    result = ask(answerer, question)
    assert intent in result["context"]["intents"]
    assert expected in bottom_line(result) or expected in result["answer"]
    assert result["abstained"] is False
    assert_verified(result, corpus_kb)


# (question, leading consideration, text the answer must contain, text it must not contain)
SYNDROMES = [
    ("pembro, plt 22, schistocytes on smear, LDH high, haptoglobin undetectable - ITP?", "thrombotic thrombocytopenic purpura",
     "hematologist at once", "IVIG 1 g/kg"),
    ("ipi/nivo, fever 39.5, ferritin 15000, spleen enlarged, plt 60, ANC 0.9", "hemophagocytic lymphohistiocytosis", "HLH-2004", None),
    ("nivo, Hb 7.9, plt 18, ANC 0.4, marrow hypocellular 10%", "aplastic anemia", "marrow", None),
    ("Hb 6.5 on nivo, retics very low, marrow with absent erythroid precursors", "pure red cell aplasia", "bone marrow biopsy", None),
    ("pembro, big bruises, isolated prolonged aPTT, factor VIII 3%", "acquired hemophilia A", "Bethesda", None),
    ("nivo, ANC 0.3, afebrile, feels well", "immune neutropenia", "G-CSF", None),
    ("pembro, Hb dropped to 8.6, LDH up, retics high, DAT positive", "autoimmune hemolytic anemia", "prednisone", None),
    ("nivo, plt 40, schistocytes, creatinine rising, AKI", "hemolytic uremic syndrome", "eculizumab", None),
    ("pembro, plt 40, no other findings", "immune thrombocytopenia", "hematology consultation", None),
    ("on pembro, ANC 0.3 and temp 38.9 - give steroids?", "febrile neutropenia", "within 1 hour of triage", None),
    ("after axi-cel CAR-T, plt 30 ANC 0.6, no checkpoint inhibitor given", "CAR-T", "CAR-T practice", "holding the checkpoint inhibitor"),
    ("on pembro, Hb 8.5, MCV 70, ferritin 6, DAT negative", "iron deficiency", "nutritional deficiency", "prednisone"),
    ("HCC, cirrhosis, plt 70 on durva/treme, plt was 75 before starting", "cirrhosis and hypersplenism", "baseline", "prednisone"),
]


@pytest.mark.parametrize("question,leading,expected,forbidden", SYNDROMES)
def test_syndromes_are_reasoned_from_findings(answerer, corpus_kb, question, leading, expected, forbidden):
    result = ask(answerer, question)
    # the syndrome leads the differential (febrile neutropenia, when present, always comes first: infection first)
    differential = [d for d in result["context"]["differential"] if d != "febrile neutropenia" or leading == "febrile neutropenia"]
    assert leading.lower() in differential[0].lower()
    assert expected in result["answer"]
    if forbidden:
        assert forbidden not in result["answer"]
    assert_verified(result, corpus_kb)


def test_fever_with_neutropenia_puts_infection_first(answerer):
    result = ask(answerer, "on pembro, ANC 0.3 and temp 38.9 - give steroids?")
    quoted = [line for line in bottom_line(result).splitlines() if line.startswith("- ")]
    assert "antibiotics within 1 hour" in quoted[0]
    assert "Once infection is excluded" in result["answer"]


@pytest.mark.parametrize("question", [
    "on pembro, Hb 8.5, MCV 70, ferritin 6, DAT negative - stop pembro and start prednisone?",
    "nivo, Hb 8.1 after melena last week, retics low",
    "after CAR-T (tisa-cel), ANC 0.4 and plt 25, what should I do?",
])
def test_findings_against_an_immune_cause_close_the_etiology_gate(answerer, corpus_kb, question):
    result = ask(answerer, question)
    assert result["context"]["immune_treatment_gate"] == "closed"
    answer = result["answer"].lower()
    for immune_treatment in ("prednisone", "ivig", "dexamethasone", "permanently", "holding the checkpoint inhibitor"):
        assert immune_treatment not in answer, immune_treatment
    assert "no immune-specific treatment is suggested" in answer
    assert_verified(result, corpus_kb)


@pytest.mark.parametrize("question,absent", [
    ("melanoma on ipi/nivo, splenomegaly, plt 90", ("liver cancer", "hepatitis b", "bevacizumab")),
    ("melanoma on ipi/nivo, plt 40 and gum bleeding", ("bevacizumab", "varice", "hepatocellular")),
])
def test_context_sections_stay_on_topic(answerer, question, absent):
    answer = ask(answerer, question)["answer"].lower()
    for word in absent:
        assert word not in answer, word


def test_a_source_added_by_a_content_team_is_used_by_a_lab_bearing_question(tmp_path, corpus_home, embedder):
    import shutil

    from assistant.knowledge_base import KnowledgeBase
    from assistant.settings import Settings

    home = tmp_path / "kb"
    shutil.copytree(corpus_home / "corpus", home / "corpus")
    kb = KnowledgeBase(Settings(home=home), embedder=embedder)
    question = "nivo, ANC 0.4, takes metamizole for pain - what now?"
    before = ask(Answerer(kb), question)
    source = tmp_path / "metamizole-note.md"
    source.write_text("---\nid: metamizole-agranulocytosis-note\ntitle: Metamizole and neutropenia on checkpoint inhibitors\n"
                      "publisher: Test hospital pharmacy\nyear: 2026\nstatus: verified\n---\n# Metamizole\n"
                      "In a patient on a checkpoint inhibitor with neutropenia who takes metamizole, the pharmacy team advises "
                      "stopping metamizole and repeating the blood count before the neutropenia is called immune-related.\n")
    kb.ingest([source])
    after = ask(Answerer(kb), question)
    assert "metamizole-agranulocytosis-note" not in {c["source_id"] for c in before["citations"]}
    assert "metamizole-agranulocytosis-note" in {c["source_id"] for c in after["citations"]}
    assert_verified(after, kb)


@pytest.mark.parametrize("question", [
    "How should I dose warfarin for atrial fibrillation in a patient on nivolumab?",
    "How is checkpoint-inhibitor myocarditis treated?",
    "What is the best chemotherapy regimen for pancreatic cancer?",
])
def test_out_of_scope_questions_abstain(answerer, question):
    result = ask(answerer, question)
    assert result["abstained"] is True
    assert result["citations"] == [] and result["answer"].startswith("**Not covered.**")
    assert "No advice is given" in result["answer"] and "The knowledge base covers" in result["answer"]


def test_ctcae_v6_question_is_graded_by_v6(answerer, corpus_kb):
    result = ask(answerer, "Using CTCAE v6: on nivolumab, ANC 0.8 and ALC 0.4 and platelets 20. What now?")
    labs = {lab["analyte"]: lab for lab in result["grades"]}
    assert labs["anc"]["grade"] == 2 and labs["anc"]["ctcae_version"] == "6.0"
    assert labs["plt"]["grade"] == 3 and labs["plt"]["term"] == "Thrombocytopenia"
    assert labs["alc"]["grade"] is None and "no 'Lymphocyte count decreased' term" in labs["alc"]["criterion"]
    assert "### Assessment (CTCAE v6.0)" in result["answer"]
    assert_verified(result, corpus_kb)
    flag = ask(answerer, "On nivolumab, ANC 0.8", ctcae="6")
    assert grades_of(flag) == {"anc": 2}


def test_follow_ups_carry_context_replace_values_and_change_with_new_facts(answerer, corpus_kb):
    conversation = Conversation(answerer)
    first = conversation.ask("Hepatocellular carcinoma on atezolizumab-bevacizumab, platelets 45.")
    assert grades_of(first) == {"plt": 3}
    second = conversation.ask("What if she starts bleeding?")
    assert grades_of(second) == {"plt": 3}
    assert second["context"]["bleeding"] is True and second["context"]["cancer"] == "hepatocellular carcinoma"
    assert second["answer"] != first["answer"] and "bleeding" in bottom_line(second).lower()
    third = conversation.ask("Platelets now 80 after prednisone")
    assert grades_of(third) == {"plt": 1}
    assert "45 → 80" in third["answer"]
    restart = conversation.ask("can we restart atezo?")
    assert "rechallenge" in restart["context"]["intents"] and restart["answer"] != third["answer"]
    off_topic = conversation.ask("Unrelated: what is the best chemotherapy regimen for pancreatic cancer?")
    assert off_topic["abstained"] is True
    after = conversation.ask("and the platelets?")
    assert grades_of(after) == {"plt": 1}  # the off-topic turn did not drop the patient's context
    for result in (second, third, restart):
        assert_verified(result, corpus_kb)


def test_general_question_is_answered_from_the_right_source(answerer, corpus_kb):
    result = ask(answerer, "How common is immune thrombocytopenia with checkpoint inhibitors?")
    assert result["abstained"] is False
    assert {c["source_id"] for c in result["citations"]} & {"leaf-2025-ici-itp", "kramer-2021-hematologic-irae"}
    assert "0.25 percent" in result["answer"] or "0.6 percent" in result["answer"]
    assert_verified(result, corpus_kb)


def test_fever_and_neutropenia(answerer, corpus_kb):
    result = ask(answerer, "On pembrolizumab, ANC 0.3 and temperature 38.9 C. Next steps?")
    assert grades_of(result) == {"anc": 4, "fn": 3}
    assert "within 1 hour of triage" in result["answer"]
    assert_verified(result, corpus_kb)


def test_llm_draft_is_used_when_it_passes_and_rejected_when_it_misgrades(corpus_kb):
    with FakeLLMServer() as server:
        settings = corpus_kb.settings.model_copy(update={"llm_base_url": server.url, "llm_model": "fake-model"})
        from assistant.knowledge_base import KnowledgeBase

        llm_answerer = Answerer(KnowledgeBase(settings, embedder=corpus_kb.embedder))
        baseline = ask(Answerer(corpus_kb), "Platelets 30 on pembrolizumab, what should I do?")
        good = baseline["answer"].replace("### Bottom line", "### Recommended steps")
        bad = baseline["answer"] + "\n\nPlatelets 30 x10^9/L is grade 2 thrombocytopenia, so continue treatment [2]."
        server.replies = [good, bad]
        accepted = ask(llm_answerer, "Platelets 30 on pembrolizumab, what should I do?")
        assert accepted["writer"] == "llm" and "### Recommended steps" in accepted["answer"]
        assert accepted["checks"]["findings"] == []
        rejected = ask(llm_answerer, "Platelets 30 on pembrolizumab, what should I do?")
        assert rejected["writer"] == "deterministic" and "grade 2 thrombocytopenia, so continue" not in rejected["answer"]
        assert any("LLM draft was rejected" in note and "grading error" in note for note in rejected["notes"])
        assert rejected["checks"]["llm_draft_findings"][0]["expected_grade"] == 3
        assert len(server.requests) == 2 and "Evidence:" in server.requests[0]["messages"][0]["content"]


def test_ask_cli_contract_and_batch(tmp_path, corpus_home):
    result = run_cli("ask", "Platelets 60 on nivolumab?", "--json", home=corpus_home)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) >= {"question", "answer", "abstained", "grades", "citations", "checks", "context", "latency_ms"}
    assert set(answer["citations"][0]) >= {"n", "chunk_id", "source_id", "title", "publisher", "year", "locator", "quote"}
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "q1", "question": "ANC 1.2 on nivolumab"}\n{"id": "q2", "question": "ANC 1.2 on nivolumab", "ctcae": "6"}\n')
    lines = [json.loads(line) for line in run_cli("ask", "--batch", str(batch), home=corpus_home).stdout.splitlines()]
    assert [(line["id"], line["grades"][0]["grade"]) for line in lines] == [("q1", 2), ("q2", 1)]
    empty = run_cli("ask", "", home=corpus_home)
    assert empty.returncode == 2 and "Traceback" not in empty.stderr
    readable = run_cli("ask", MISSION, home=corpus_home)
    assert readable.returncode == 0, readable.stderr
    lines = readable.stdout.splitlines()
    bullets = [line for line in lines if line.startswith("- ") and "advises continuing the checkpoint inhibitor" in line]
    assert bullets and all("*(unverified)*" in line for line in bullets)  # the label beside the statement
    quoted = [number for number, line in enumerate(lines) if line.startswith('    "') and "advises continuing the" in line]
    assert quoted and all("] [unverified] " in lines[number - 1] for number in quoted)  # and in the sources list


def test_chat_cli_keeps_context_between_turns(corpus_home):
    result = run_cli("chat", home=corpus_home, stdin="HCC on atezolizumab-bevacizumab, platelets 45.\nWhat if she starts bleeding?\n\n")
    assert result.returncode == 0, result.stderr
    turns = result.stdout.split("### Assessment (CTCAE v5.0)")
    assert len(turns) == 3  # two answers
    assert "| Platelets | 45 10^9/L | 3 |" in turns[2] and "bleeding" in turns[2]


def test_clinician_abbreviations_are_understood(answerer, corpus_kb):
    from assistant.context import expand_abbreviations

    assert expand_abbreviations("ITP after pembro") == "ITP (immune thrombocytopenia) after pembro (pembrolizumab)"
    result = ask(answerer, "What is the IVIG dose for ITP after nivo?")
    assert result["abstained"] is False and result["context"]["agents"] == ["nivolumab"]
    assert result["context"]["uncovered_terms"] == []
    assert "IVIG" in result["answer"] and "immune thrombocytopenia" in result["answer"]
    common = ask(answerer, "How common is ITP on ICIs?")
    assert common["abstained"] is False and "0.25 percent" in common["answer"]
    assert_verified(result, corpus_kb)


def test_liver_tests_alone_are_graded_but_not_advised_on(answerer):
    result = ask(answerer, "How is immune-related hepatitis with ALT 300 managed?")
    assert result["abstained"] is True and grades_of(result) == {"alt": 3}
    assert "| ALT | 300 U/L | 3 |" in result["answer"] and "**Not covered.**" in result["answer"]
    assert result["citations"] == [] and result["checks"]["findings"] == []


def test_verification_uses_the_ctcae_version_of_the_question_even_without_lab_values(answerer, corpus_kb):
    """A lab-free v6.0 question (e.g. an LLM draft about v6 bands) is rules-checked under v6.0, not the default."""
    chunk = next(c for c in corpus_kb.index().chunks if "Neutrophil count decreased, CTCAE v6.0" in c.text)
    quote = next(s for s in chunk.text.splitlines() if s.startswith("Neutrophil count decreased, CTCAE v6.0"))
    result = {"question": "How does CTCAE v6 grade neutropenia?", "answer": "An ANC of 1.0 x 10^9/L is grade 1 neutropenia [1].",
              "abstained": False, "grades": [], "context": {"ctcae_version": "6.0"},
              "citations": [{"n": 1, "chunk_id": chunk.chunk_id, "quote": quote}]}
    assert answerer.verify(result, corpus_kb.index())["findings"] == []
    result["context"]["ctcae_version"] = "5.0"
    assert [f["expected_grade"] for f in answerer.verify(result, corpus_kb.index())["findings"]] == [2]
