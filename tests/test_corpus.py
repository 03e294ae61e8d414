"""The shipped corpus: metadata, no grading errors, and each topic found by a clinician's question."""

from __future__ import annotations

import re

import pytest
import yaml

from assistant.check import check_text
from assistant.loaders import FRONT_MATTER_RE
from tests.conftest import REPO

CORPUS = sorted((REPO / "corpus").glob("*.md"))
REQUIRED = {"id", "title", "authors", "publisher", "year", "type", "version", "summary_note", "status"}


def front_matter(path):
    return yaml.safe_load(FRONT_MATTER_RE.match(path.read_text(encoding="utf-8")).group(1))


@pytest.mark.unit
def test_every_file_has_full_metadata_and_unique_id():
    assert len(CORPUS) >= 15
    ids = []
    for path in CORPUS:
        meta = front_matter(path)
        assert REQUIRED <= set(meta), f"{path.name} lacks {REQUIRED - set(meta)}"
        assert meta.get("doi") or meta.get("url") or meta.get("citation"), f"{path.name} needs a doi, url or citation"
        assert meta["type"] in {"guideline", "study", "criteria", "review"}
        assert "own words" in meta["summary_note"], path.name
        assert isinstance(meta["year"], int) and meta["authors"]
        ids.append(meta["id"])
    assert len(ids) == len(set(ids))


STATUSES = {"verified", "secondary", "unverified"}
HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
STATUS_MARKER_RE = re.compile(r"\s*\{status=([a-z]+)\}\s*$")


def status_lines(path):
    """(effective status, heading path, line) for every non-empty line after the front matter.

    A tiny reading of the markup, independent of the loader: the front matter's `status` is the default,
    and a heading ending in {status=...} sets the status of its section and subsections."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER_RE.match(text)
    default = yaml.safe_load(match.group(1)).get("status")
    stack: list[tuple[int, str, str | None]] = []
    rows = []
    for line in text[match.end():].splitlines():
        heading = HEADING_RE.match(line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2)
            marker = STATUS_MARKER_RE.search(title)
            if marker:
                assert marker.group(1) in STATUSES, f"{path.name}: bad marker in {line!r}"
                title = title[: marker.start()]
            stack[:] = [entry for entry in stack if entry[0] < level]
            stack.append((level, title, marker.group(1) if marker else None))
        if not line.strip():
            continue
        status = next((s for _, _, s in reversed(stack) if s), default)
        rows.append((status, [title for _, title, _ in stack], line))
    return rows


def lines_of(source_id, status=None):
    rows = status_lines(REPO / "corpus" / f"{source_id}.md")
    return [line for s, _, line in rows if status is None or s == status]


@pytest.mark.unit
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_front_matter_status_is_valid(path):
    assert front_matter(path)["status"] in STATUSES, path.name
    for line in path.read_text(encoding="utf-8").splitlines():
        if "{status=" in line:
            assert HEADING_RE.match(line) and STATUS_MARKER_RE.search(line), f"{path.name}: marker outside a heading end: {line!r}"


@pytest.mark.unit
def test_status_parser_reads_defaults_and_nested_markers(tmp_path):
    sample = tmp_path / "s.md"
    sample.write_text("---\nid: s\nstatus: secondary\n---\n# A\nOne.\n## B {status=unverified}\nTwo.\n### C\nThree.\n"
                      "## D {status=verified}\nFour.\n# E\nFive.\n", encoding="utf-8")
    found = {line: status for status, _, line in status_lines(sample) if not line.startswith("#")}
    assert found == {"One.": "secondary", "Two.": "unverified", "Three.": "unverified", "Four.": "verified", "Five.": "secondary"}


# Facts tagged [R] in the fact sheet, found by a phrase that only their statements use.
RECALLED_MARKERS = ["Camitta", "eculizumab dose", "MAC and PJP", "grade 1 immune thrombocytopenia", "75 x 10^9/L at enrolment"]


@pytest.mark.unit
@pytest.mark.parametrize("marker", RECALLED_MARKERS)
def test_recalled_facts_sit_only_in_unverified_sections(marker):
    found = [(path.name, status, line) for path in CORPUS for status, _, line in status_lines(path) if marker.lower() in line.lower()]
    assert found, marker
    assert all(status == "unverified" for _, status, _ in found), [f for f in found if f[1] != "unverified"]


@pytest.mark.unit
def test_eculizumab_schedule_is_unverified():
    rows = [(s, line) for path in CORPUS for s, _, line in status_lines(path)
            if "eculizumab" in line.lower() and re.search(r"\b(dose|dosing|schedule|mg)\b", line, re.I)]
    assert rows and all(s == "unverified" for s, _ in rows), rows


@pytest.mark.unit
def test_no_prose_verification_labels_remain():
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        assert "not yet verified" not in text.lower(), path.name
        assert "seen in a secondary summary" not in text.lower(), path.name


# -- revision 2 of the fact sheet: one test per correction ---------------------------------------

@pytest.mark.unit
def test_pjp_prophylaxis_has_two_asco_thresholds():
    lines = lines_of("asco-2021-hematologic-irae", "verified")
    low = [line for line in lines if "PJP" in line and "20 mg" in line and "4 weeks" in line]
    high = [line for line in lines if "PJP" in line and "30 mg" in line and "3 weeks" in line]
    assert low and high
    assert all("ASCO" in line for line in low + high)
    assert any("steroid exposure, not the lymphocyte count" in line for line in lines)
    for path in CORPUS:
        assert "some summaries" not in path.read_text(encoding="utf-8").lower(), path.name


@pytest.mark.unit
def test_kroll_2022_bibliographic_record_is_corrected():
    meta = front_matter(REPO / "corpus" / "kroll-2022-hematologic-review.md")
    assert meta["title"] == "Hematologic complications of immune checkpoint inhibitors"
    assert meta["authors"] == ["Kroll MH", "Rojas-Hernandez C", "Yee C"]
    assert meta["doi"] == "10.1182/blood.2020009016" and "2022;139(25):3594-3604" in meta["citation"]
    assert meta["status"] == "verified"
    text = (REPO / "corpus" / "kroll-2022-hematologic-review.md").read_text(encoding="utf-8")
    assert "Mechanisms of immune-related hematologic toxicity" not in text
    assert "stays above 1.0" not in text  # a restart threshold the review does not give; it restarts once counts are stable
    assert any("counts are stable" in line for line in lines_of("kroll-2022-hematologic-review", "verified"))


@pytest.mark.unit
def test_grade_1_continue_rule_excepts_hematologic_toxicities():
    verified = lines_of("asco-2021-hematologic-irae", "verified")
    assert any("grade 1" in line and "except" in line and "hematologic" in line for line in verified)
    continuing = [line for line in verified if re.search(r"grade 1\b", line) and "thrombocytopenia" in line and "continu" in line]
    assert all("excepts" in line for line in continuing), continuing


@pytest.mark.unit
def test_leaf_2025_results_are_secondary_and_methods_verified():
    assert front_matter(REPO / "corpus" / "leaf-2025-ici-itp.md")["status"] == "secondary"
    rows = status_lines(REPO / "corpus" / "leaf-2025-ici-itp.md")
    results = ["86,000", "0.25 percent", "75.2 percent", "30.3 percent", "three-fold", "8 weeks", "under 100 x 10^9/L"]
    for phrase in results:
        hits = [s for s, _, line in rows if phrase in line]
        assert hits and set(hits) == {"secondary"}, phrase
    for phrase in ["29 hospitals", "2 controls", "IWG"]:
        hits = [s for s, _, line in rows if phrase in line]
        assert hits and set(hits) == {"verified"}, phrase


@pytest.mark.unit
def test_asco_lymphopenia_advice_and_cut_off_are_unverified():
    rows = status_lines(REPO / "corpus" / "asco-2021-hematologic-irae.md")
    section = [(s, line) for s, headings, line in rows if len(headings) > 1 and headings[1].startswith("8.5")]
    assert section and all(s == "unverified" for s, _ in section)
    assert any("cut-off" in line and "unconfirmed" in line for _, line in section)
    for path in CORPUS:
        for status, _, line in status_lines(path):
            if status != "unverified" and "lymphopenia" in line.lower():
                assert "ASCO" not in line, (path.name, line)


@pytest.mark.unit
def test_ttp_no_data_to_restart_the_checkpoint_inhibitor():
    verified = lines_of("asco-2021-hematologic-irae", "verified")
    assert any("no data" in line and "restart" in line and "TTP" in line for line in verified)
    assert any("caplacizumab" in line and "ADAMTS13" in line and "10 IU/dL" in line for line in verified)


@pytest.mark.unit
def test_negative_dat_does_not_exclude_ici_aiha():
    verified = lines_of("leaf-2019-ici-aiha", "verified")
    assert any("negative DAT does not exclude" in line for line in verified)
    assert any("62 percent" in line for line in verified)


# -- numbers agree with the fact sheet -------------------------------------------------------------

FACTS = REPO.parent / "shared" / "clinical" / "facts.md"
UNIT_RE = re.compile(r"(?:x\s*)?10\^9/L|\bv[56]\.0\b|\b(?:8|12)\.\d\b(?= [A-Z])")
NUMBER_RE = re.compile(r"(?<![A-Za-z]-)(?<![\w.^])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)")


def numbers(text):
    return {float(token.replace(",", "")) for token in NUMBER_RE.findall(UNIT_RE.sub(" ", text))}


# (source, words every checked line contains, numbers those lines must state, with nothing else)
FACT_NUMBERS = [
    ("asco-2021-hematologic-irae", ("PJP", "20 mg"), {20, 4, 30, 3}),
    ("asco-2021-hematologic-irae", ("second threshold",), {30, 3}),
    ("asco-2021-hematologic-irae", ("dexamethasone",), {3, 4, 40, 1}),
    ("asco-2021-hematologic-irae", ("IVIG 1 g/kg",), {3, 4, 40, 1}),
    ("asco-2021-hematologic-irae", ("Grade 2 immune thrombocytopenia is treated",), {2, 1, 0.5, 4, 6}),
    ("asco-2021-hematologic-irae", ("no flare",), {3, 5, 2}),
    ("asco-2021-hematologic-irae", ("factor activity 5 to 40",), {1, 5, 40}),
    ("asco-2021-hematologic-irae", ("factor activity 1 to 5",), {2, 1, 5}),
    ("asco-2021-hematologic-irae", ("rituximab 375",), {2, 5, 1, 375, 4}),
    ("asco-2021-hematologic-irae", ("Folic acid",), {1, 3}),
    ("asco-2021-hematologic-irae", ("hemoglobin target",), {3, 7, 8}),
    ("leaf-2025-ici-itp", ("recovered",), {2025, 161, 214, 75.2, 2.3}),
    ("leaf-2025-ici-itp", ("rechallenged",), {76, 23, 30.3, 70}),
    ("leaf-2025-ici-itp", ("incidence",), {2025, 214, 0.25}),
    ("kramer-2021-hematologic-irae", ("7,626",), {7626, 50, 0.6}),
    ("kramer-2021-hematologic-irae", ("Second-line",), {24}),
    ("delanoy-2019-hematologic-irae", ("grade 4",), {69, 4}),
    ("kroll-2022-hematologic-review", ("recurred",), {50, 33, 66}),
    ("kroll-2022-hematologic-review", ("treatment triggers",), {2, 30, 1.0}),
    ("aplastic-anemia-ici-2023", ("52,303",), {77, 52303, 0.15}),
    ("aplastic-anemia-ici-2023", ("126 days",), {126, 58, 363}),
    ("aplastic-anemia-ici-2023", ("hazard ratio",), {1.72}),
    ("petrelli-2018-hematologic-toxicities", ("anemia of any grade",), {9.8}),
    ("petrelli-2018-hematologic-toxicities", ("febrile neutropenia in",), {0.94, 0.45}),
    ("ohashi-2023-cytopenias-meta-analysis", ("odds ratio",), {3, 5, 1.53}),
    ("boegeholz-2020-ici-neutropenia", ("recovered",), {76, 13}),
    ("boegeholz-2020-ici-neutropenia", ("died",), {41, 9}),
    ("zaremba-2021-ici-neutropenia", ("0.14 percent",), {17, 4, 0.14}),
    ("noseda-2019-ici-hlh", ("VigiBase",), {38, 49883}),
    ("noseda-2019-ici-hlh", ("median",), {6.7}),
    ("diaz-2023-ici-hlh", ("died",), {15.3}),
    ("diaz-2023-ici-hlh", ("mean of",), {102}),
    ("hlh-diagnostic-criteria", ("cytopenia criterion",), {2, 90, 100, 1.0}),
    ("hlh-diagnostic-criteria", ("cut-off",), {169, 93, 86}),
    ("bisiou-2026-pure-red-cell-aplasia", ("median onset",), {31, 63}),
    ("leaf-2019-ici-aiha", ("rechallenged",), {7, 2019, 1}),
    ("ctcae-v6-cytopenias", ("published",), {22, 2025}),
]


@pytest.mark.unit
@pytest.mark.parametrize("source_id,words,expected", FACT_NUMBERS, ids=lambda v: v if isinstance(v, str) else None)
def test_stated_numbers_match_the_fact_sheet(source_id, words, expected):
    lines = [line for line in lines_of(source_id) if all(w in line for w in words) and not line.startswith("#")]
    assert lines, (source_id, words)
    stated = set().union(*(numbers(line) for line in lines))
    assert expected <= stated, (source_id, words, expected - stated)
    assert stated <= expected, (source_id, words, stated - expected)


@pytest.mark.unit
def test_every_number_in_the_corpus_appears_in_the_fact_sheet():
    facts = FACTS.read_text(encoding="utf-8")
    known = {float(token.replace(",", "")) for token in re.findall(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?", facts)}
    for path in CORPUS:
        for _, _, line in status_lines(path):
            if line.startswith("#"):
                continue
            assert numbers(line) <= known, (path.name, line, numbers(line) - known)


@pytest.mark.unit
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_rules_check_finds_nothing_in_the_corpus(path):
    text = path.read_text(encoding="utf-8")
    for version in ("5", "6"):
        assert check_text(text, version) == [], path.name


# (question in a clinician's words, source that must be in the top 3)
TOPIC_QUERIES = [
    ("platelets 40 on pembrolizumab, do I hold it and give steroids?", "asco-2021-hematologic-irae"),
    ("IVIG dose for immune thrombocytopenia from checkpoint inhibitors", "asco-2021-hematologic-irae"),
    ("Coombs positive hemolysis after nivolumab, how to treat?", "asco-2021-hematologic-irae"),
    ("work-up for suspected autoimmune hemolytic anemia on immunotherapy", "asco-2021-hematologic-irae"),
    ("TTP with low ADAMTS13 on a checkpoint inhibitor", "asco-2021-hematologic-irae"),
    ("plasma exchange for thrombotic thrombocytopenic purpura after immunotherapy", "asco-2021-hematologic-irae"),
    ("hemolytic uremic syndrome eculizumab checkpoint inhibitor", "asco-2021-hematologic-irae"),
    ("aplastic anemia after checkpoint inhibitor treatment ATG cyclosporine", "asco-2021-hematologic-irae"),
    ("very low lymphocyte count on immunotherapy, do I need CMV testing?", "asco-2021-hematologic-irae"),
    ("isolated prolonged aPTT and bleeding on pembrolizumab, acquired hemophilia", "asco-2021-hematologic-irae"),
    ("when should I start PJP prophylaxis in a patient on prednisone?", "asco-2021-hematologic-irae"),
    ("CTCAE 5 grade thresholds for neutrophil count decreased", "ctcae-v5-cytopenias"),
    ("how is a platelet count of 75 graded in CTCAE v5", "ctcae-v5-cytopenias"),
    ("CTCAE v5 anemia hemoglobin grades", "ctcae-v5-cytopenias"),
    ("what changed for neutropenia in CTCAE version 6", "ctcae-v6-cytopenias"),
    ("is there a lymphocyte count term in CTCAE v6?", "ctcae-v6-cytopenias"),
    ("thrombocytopenia grade 4 threshold in the new CTCAE 6.0", "ctcae-v6-cytopenias"),
    ("how often does checkpoint inhibitor ITP happen and who is at risk", "leaf-2025-ici-itp"),
    ("recurrence of ITP after rechallenge with immunotherapy", "leaf-2025-ici-itp"),
    ("incidence of hematologic immune-related adverse events in a large cohort", "kramer-2021-hematologic-irae"),
    ("grade 4 hematological toxicity with anti-PD-1 therapy case series", "delanoy-2019-hematologic-irae"),
    ("how long do immune-related cytopenias take to recover", "kroll-2022-hematologic-review"),
    ("G-CSF and steroids for immune neutropenia with ANC under 1.0", "kroll-2022-hematologic-review"),
    ("how soon after starting a checkpoint inhibitor does aplastic anemia appear", "aplastic-anemia-ici-2023"),
    ("fever 38.5 with low neutrophils, how fast should antibiotics be given", "taplitz-2018-fever-neutropenia"),
    ("can a low-risk febrile neutropenia patient be treated at home (MASCC)", "taplitz-2018-fever-neutropenia"),
    ("when is primary prophylaxis with G-CSF indicated", "smith-2015-growth-factors"),
    ("hepatitis B screening before starting immunotherapy", "hwang-2020-hepatitis-b"),
    ("HBsAg positive patient starting cancer treatment: entecavir or tenofovir?", "hwang-2020-hepatitis-b"),
    ("atezolizumab bevacizumab for liver cancer, do I need an endoscopy for varices first?", "imbrave150-atezolizumab-bevacizumab"),
    ("durvalumab plus tremelimumab first-line hepatocellular carcinoma", "himalaya-durvalumab-tremelimumab"),
    ("cirrhosis hypersplenism low platelets in HCC on immunotherapy, is it immune?", "cytopenia-workup-on-ici"),
    ("other causes of cytopenia besides immune toxicity on checkpoint inhibitors", "cytopenia-workup-on-ici"),
    ("prolonged cytopenia after CAR-T cell therapy vs checkpoint inhibitor toxicity", "cytopenia-workup-on-ici"),
    ("hold checkpoint inhibitor at any grade until the cause of cytopenia is known (SITC)", "sitc-2021-irae"),
    ("NCCN recommendation for hematologic immune related adverse events", "nccn-immunotherapy-toxicities"),
    ("ESMO 2022 guideline on immunotherapy toxicities", "esmo-2022-toxicities"),
    ("how common are anemia and thrombocytopenia with anti-PD-1 drugs in a pooled analysis", "petrelli-2018-hematologic-toxicities"),
    ("do checkpoint inhibitors raise the risk of cytopenias in randomized trials?", "ohashi-2023-cytopenias-meta-analysis"),
    ("severe neutropenia on nivolumab: how many patients recover and how many die?", "boegeholz-2020-ici-neutropenia"),
    ("grade 4 neutropenia on immunotherapy for melanoma, could metamizole be the cause?", "zaremba-2021-ici-neutropenia"),
    ("HLH-2004 diagnostic criteria for hemophagocytic lymphohistiocytosis", "hlh-diagnostic-criteria"),
    ("what HScore cut-off suggests HLH?", "hlh-diagnostic-criteria"),
    ("how is HLH treated when it happens on a checkpoint inhibitor?", "hlh-diagnostic-criteria"),
    ("how long after starting immunotherapy does HLH appear?", "noseda-2019-ici-hlh"),
    ("mortality of hemophagocytic lymphohistiocytosis with immune checkpoint inhibitors", "diaz-2023-ici-hlh"),
    ("pure red cell aplasia after pembrolizumab, should I do a marrow biopsy?", "bisiou-2026-pure-red-cell-aplasia"),
    ("Coombs negative hemolysis on ipilimumab, can it still be autoimmune hemolytic anemia?", "leaf-2019-ici-aiha"),
    ("when was CTCAE version 6 released?", "ctcae-v6-cytopenias"),
    ("caplacizumab for TTP on a checkpoint inhibitor", "asco-2021-hematologic-irae"),
    ("can I restart immunotherapy after TTP?", "asco-2021-hematologic-irae"),
    ("grades of acquired hemophilia A by factor activity on immunotherapy", "asco-2021-hematologic-irae"),
    ("what prednisone dose and duration should trigger PJP prophylaxis?", "asco-2021-hematologic-irae"),
    ("does the grade 1 continue rule apply to blood toxicity from checkpoint inhibitors?", "asco-2021-hematologic-irae"),
    ("incidence and survival of aplastic anemia after checkpoint inhibitors", "aplastic-anemia-ici-2023"),
    ("should I treat a hemoglobin drop of 2 g/dL on pembrolizumab?", "kroll-2022-hematologic-review"),
    ("when can a checkpoint inhibitor be restarted after an immune cytopenia?", "kroll-2022-hematologic-review"),
]


@pytest.mark.integration
def test_topic_queries_table_is_large_enough():
    assert len(TOPIC_QUERIES) >= 30


@pytest.mark.integration
@pytest.mark.parametrize("query,source_id", TOPIC_QUERIES)
def test_clinician_question_finds_the_right_source_in_top_3(corpus_kb, query, source_id):
    top = [hit.chunk.source_id for hit in corpus_kb.search(query, k=3)]
    assert source_id in top, f"{query!r}: {top}"


@pytest.mark.unit
def test_locators_read_like_source_sections():
    text = (REPO / "corpus" / "asco-2021-hematologic-irae.md").read_text(encoding="utf-8")
    assert re.search(r"^# ASCO 2021$", text, re.M) and re.search(r"^## 8\.6 Immune thrombocytopenia$", text, re.M)
