"""Knowledge base on the real parts: real model, real FAISS, real PDF and HTML files."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.knowledge_base import KnowledgeBase
from assistant.settings import Settings
from tests.conftest import REPO, run_cli

pytestmark = pytest.mark.integration


def make_pdf(path: Path, pages: list[str], encrypt: bool = False) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 8, text)
        else:
            pdf.rect(20, 20, 50, 50)  # a page with a drawing and no text layer
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(path))
    return path


HTML = """<!doctype html><html><head><title>Registry of rare marrow events</title>
<style>.x{color:red}</style><script>var tracking = "SCRIPT-TEXT-MUST-NOT-APPEAR";</script></head>
<body><nav>Home | NAV-TEXT-MUST-NOT-APPEAR</nav><main><h1>Marrow events</h1>
<h2>Pure red cell aplasia</h2><p>Pure red cell aplasia after checkpoint blockade presents with reticulocytopenia.</p>
<h2>Hemophagocytic syndrome</h2><p>Hemophagocytic lymphohistiocytosis on immunotherapy shows ferritin above normal.</p></main>
<footer>FOOTER-TEXT-MUST-NOT-APPEAR</footer></body></html>"""


def tree_digest(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def kb(tmp_path, embedder):
    return KnowledgeBase(Settings(home=tmp_path / "ws"), embedder=embedder)


def test_each_format_is_ingested_and_found_with_its_locator(kb, tmp_path):
    pdf = make_pdf(tmp_path / "marrow.pdf", ["Introduction to the registry.", "Eltrombopag rescued refractory aplasia in two cases."])
    html = tmp_path / "events.html"
    html.write_text(HTML)
    md = tmp_path / "notes.md"
    md.write_text("---\nid: notes\ntitle: Ward notes\npublisher: Ward\nyear: 2024\n---\n# Ward\n## Transfusion\nIrradiated blood products are given after fludarabine.\n")
    txt = tmp_path / "memo.txt"
    txt.write_text("Memo on cytopenias\n\nSplenic sequestration explains a low platelet count in portal hypertension.\n")
    results = kb.ingest([pdf, html, md, txt], publisher="Test press", year=2024)
    assert [r["status"] for r in results] == ["added"] * 4
    cases = [("eltrombopag refractory aplasia", "marrow", "p. 2"),
             ("hemophagocytic lymphohistiocytosis ferritin", "events", "Marrow events › Hemophagocytic syndrome"),
             ("irradiated blood products fludarabine", "notes", "Ward › Transfusion"),
             ("splenic sequestration portal hypertension", "memo", "part 1")]
    for query, source_id, locator in cases:
        for mode in ("hybrid", "dense", "bm25"):
            top = kb.search(query, k=1, mode=mode)[0]
            assert (top.chunk.source_id, top.chunk.locator) == (source_id, locator), (query, mode)
    html_text = " ".join(c.text for c in kb.index().chunks if c.source_id == "events")
    assert "MUST-NOT-APPEAR" not in html_text and "reticulocytopenia" in html_text
    assert (kb.workspace.corpus_dir / "marrow.pdf").read_bytes() == pdf.read_bytes()  # self-contained workspace
    listed = {s["source_id"]: s for s in kb.sources()}
    assert listed["notes"]["title"] == "Ward notes" and listed["marrow"]["publisher"] == "Test press"
    assert listed["marrow"]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()


def test_reingest_is_a_noop_change_replaces_and_remove_deletes(kb, tmp_path):
    md = tmp_path / "policy.md"
    md.write_text("# Policy\n## Platelets\nTransfuse platelets before a lumbar puncture.\n")
    assert kb.ingest([md])[0]["status"] == "added"
    before = tree_digest(kb.workspace.home)
    assert kb.ingest([md])[0]["status"] == "unchanged"
    assert tree_digest(kb.workspace.home) == before
    md.write_text("# Policy\n## Platelets\nPlatelet transfusion is given before central line insertion.\n")
    assert kb.ingest([md])[0]["status"] == "replaced"
    texts = [c.text for c in kb.index().chunks]
    assert texts == ["Platelet transfusion is given before central line insertion."]
    assert kb.search("central line insertion", k=1)[0].chunk.source_id == "policy"
    assert kb.remove("policy")["status"] == "removed"
    assert kb.sources() == [] and kb.search("central line", k=3) == []
    assert not (kb.workspace.corpus_dir / "policy.md").exists()


def test_unchanged_chunks_are_not_embedded_again(kb, tmp_path, embedder):
    first = tmp_path / "a.md"
    first.write_text("# A\n## One\nAlpha text about platelets.\n")
    kb.ingest([first])
    calls = []
    original = embedder.encode

    def counting(texts, **kwargs):
        calls.append(len(texts))
        return original(texts, **kwargs)

    embedder.encode = counting
    try:
        second = tmp_path / "b.md"
        second.write_text("# B\n## Two\nBeta text about neutrophils.\n")
        kb.ingest([second])
    finally:
        embedder.encode = original
    assert calls == [1]


BAD_INPUTS = {
    "empty": ("empty.md", lambda p: p.write_text(""), "empty"),
    "corrupt_pdf": ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n this is not really a pdf \x00\x01"), "not a readable PDF"),
    "encrypted_pdf": ("locked.pdf", lambda p: make_pdf(p, ["secret text"], encrypt=True), "encrypted"),
    "no_text_pdf": ("scan.pdf", lambda p: make_pdf(p, [""]), "no text layer"),
    "unsupported": ("slides.pptx", lambda p: p.write_bytes(b"PK\x03\x04"), "unsupported file type"),
    "missing": ("missing.md", lambda p: None, "no such file"),
    "oversize": ("huge.txt", lambda p: p.write_text("word " * 300_000), "over the"),
}


@pytest.fixture(scope="module")
def good_workspace(tmp_path_factory) -> Path:
    """A workspace with one source, ingested once by the real CLI and copied by each test."""
    root = tmp_path_factory.mktemp("good")
    good = root / "good.md"
    good.write_text("# Good\n## Section\nA good source about anemia.\n")
    assert run_cli("ingest", str(good), home=root / "ws").returncode == 0
    return root / "ws"


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_refused_clearly_and_changes_nothing(case, tmp_path, good_workspace):
    import shutil

    home = tmp_path / "ws"
    shutil.copytree(good_workspace, home)
    before = tree_digest(home)
    name, make, message = BAD_INPUTS[case]
    path = tmp_path / name
    make(path)
    result = run_cli("ingest", str(path), "--json", home=home, env={"ASSISTANT_MAX_FILE_MB": "1"})
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(home) == before


def test_killed_ingest_leaves_the_last_good_state(tmp_path):
    home = tmp_path / "ws"
    good = tmp_path / "good.md"
    good.write_text("# Good\n## Section\nA good source about hemolytic anemia and haptoglobin.\n")
    assert run_cli("ingest", str(good), home=home).returncode == 0
    registry_before = (home / "corpus" / "sources.json").read_bytes()
    big = tmp_path / "big.md"
    big.write_text("# Big\n" + "\n".join(f"## Part {i}\n" + f"Sentence {i} about marrow recovery and counts. " * 40 for i in range(400)))
    env = {**os.environ, "ASSISTANT_HOME": str(home)}
    process = subprocess.Popen([sys.executable, "-m", "assistant", "ingest", str(big), "--json"], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not list((home / "index").glob(".building-*")):
        time.sleep(0.05)
    time.sleep(0.5)
    assert process.poll() is None, "ingest finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (home / "corpus" / "sources.json").read_bytes() == registry_before
    assert not (home / "corpus" / "big.md").exists()
    listed = run_cli("sources", "list", "--json", home=home)
    assert listed.returncode == 0
    assert [s["source_id"] for s in json.loads(listed.stdout)["sources"]] == ["good"]
    found = json.loads(run_cli("search", "haptoglobin", "--json", home=home).stdout)["hits"]
    assert found[0]["source_id"] == "good"
    assert run_cli("index", "build", home=home).returncode == 0
    assert not list((home / "index").glob(".building-*"))  # the next writer cleans the killed build's leftovers


def test_second_writer_waits_then_fails_clearly(tmp_path):
    from assistant.workspace import Workspace

    home = tmp_path / "ws"
    source = tmp_path / "s.md"
    source.write_text("# S\n## T\nText about platelets.\n")
    with Workspace(home).writer_lock():
        result = run_cli("ingest", str(source), home=home, env={"ASSISTANT_LOCK_TIMEOUT_S": "1"})
    assert result.returncode == 2
    assert "waiting" in result.stderr and "still holds the workspace lock" in result.stderr and "Traceback" not in result.stderr
    assert not (home / "corpus" / "s.md").exists()


def test_two_ingests_at_once_both_land(tmp_path):
    home = tmp_path / "ws"
    paths = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.md"
        path.write_text(f"# {name}\n## Section\nSource {name} about lymphopenia and CMV screening.\n")
        paths.append(path)
    env = {**os.environ, "ASSISTANT_HOME": str(home)}
    processes = [subprocess.Popen([sys.executable, "-m", "assistant", "ingest", str(p), "--json"], cwd=REPO, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in paths]
    outputs = [p.communicate(timeout=300) for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    listed = json.loads(run_cli("sources", "list", "--json", home=home).stdout)["sources"]
    assert sorted(s["source_id"] for s in listed) == ["one", "two"]


def test_stale_index_is_rebuilt_after_chunker_change(tmp_path):
    home = tmp_path / "ws"
    source = tmp_path / "s.md"
    source.write_text("# S\n## T\n" + "Neutrophil recovery follows G-CSF. " * 60)
    assert run_cli("ingest", str(source), home=home).returncode == 0
    status = json.loads(run_cli("index", "status", "--json", home=home).stdout)
    assert status["stale"] is False and status["chunker"]["chunk_size"] == 180
    changed = {"ASSISTANT_CHUNK_SIZE": "60"}
    status = json.loads(run_cli("index", "status", "--json", home=home, env=changed).stdout)
    assert status["stale"] is True and "the chunker settings changed" in status["reasons"]
    hits = json.loads(run_cli("search", "G-CSF", "--json", home=home, env=changed).stdout)["hits"]
    assert hits
    status = json.loads(run_cli("index", "status", "--json", home=home, env=changed).stdout)
    assert status["stale"] is False and status["chunker"]["chunk_size"] == 60 and status["chunks"] > 3


def test_stale_after_a_corpus_file_is_edited(kb, tmp_path):
    md = tmp_path / "e.md"
    md.write_text("# E\n## F\nOriginal wording about anemia.\n")
    kb.ingest([md])
    (kb.workspace.corpus_dir / "e.md").write_text("# E\n## F\nEdited wording about thrombocytopenia.\n")
    assert kb.stale_reasons() == ["the corpus changed"]
    fresh = KnowledgeBase(kb.settings, embedder=kb.embedder)
    assert fresh.search("thrombocytopenia", k=1)[0].chunk.text == "Edited wording about thrombocytopenia."


def test_search_json_contract_and_empty_query(tmp_path):
    home = tmp_path / "ws"
    source = tmp_path / "s.md"
    source.write_text("# S\n## T\nText about platelets and bleeding.\n")
    run_cli("ingest", str(source), home=home)
    hits = json.loads(run_cli("search", "bleeding", "-k", "1", "--json", home=home).stdout)["hits"]
    assert set(hits[0]) == {"chunk_id", "source_id", "title", "locator", "score", "text"}
    empty = run_cli("search", "  ", home=home)
    assert empty.returncode == 2 and "empty" in empty.stderr


def test_default_corpus_is_searchable_from_the_checkout():
    """After `make setup` the checkout's own index answers searches (ASSISTANT_HOME unset)."""
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_HOME"}
    result = subprocess.run([sys.executable, "-m", "assistant", "search", "hold checkpoint inhibitor grade 2 immune thrombocytopenia",
                             "--json", "-k", "3"], capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert hits[0]["source_id"] == "asco-2021-hematologic-irae"


def test_unreadable_or_older_manifest_is_stale_and_rebuilt(kb, tmp_path):
    md = tmp_path / "m.md"
    md.write_text("# M\n## N\nManifest test text about neutrophils.\n")
    kb.ingest([md])
    manifest = kb.workspace.current_generation() / "manifest.json"
    old = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**old, "format": 1}))
    assert "the index was built by another version of the assistant" in kb.stale_reasons()
    manifest.write_text("{ torn")
    assert kb.stale_reasons() == ["the index manifest is unreadable"]
    assert kb.status()["stale"] is True
    fresh = KnowledgeBase(kb.settings, embedder=kb.embedder)
    assert fresh.search("neutrophils", k=1)[0].chunk.source_id == "m"
    assert fresh.stale_reasons() == []


@pytest.mark.integration
def test_verification_status_from_front_matter_headings_and_the_ingest_flag(tmp_path, isolated_workspace):
    source = tmp_path / "statuses.md"
    source.write_text("---\nid: statuses\ntitle: Statuses\nstatus: verified\n---\n# Statuses\n## Checked\n"
                      "Immune thrombocytopenia on a checkpoint inhibitor was checked.\n"
                      "## Recalled {status=unverified}\nImmune thrombocytopenia dosing here was recalled.\n"
                      "### Also recalled\nA subsection inherits the unverified status.\n")
    text = tmp_path / "audit.txt"
    text.write_text("A local audit of immune thrombocytopenia on checkpoint inhibitors.\n")
    assert run_cli("ingest", str(source), "--json").returncode == 0
    flagged = run_cli("ingest", str(text), "--title", "Audit", "--status", "secondary", "--json")
    assert flagged.returncode == 0, flagged.stderr
    from assistant.knowledge_base import KnowledgeBase
    from assistant.settings import load_settings

    chunks = KnowledgeBase(load_settings()).index().chunks
    statuses = {chunk.locator: chunk.status for chunk in chunks}
    assert statuses["Statuses › Checked"] == "verified" and statuses["Statuses › Recalled"] == "unverified"
    assert statuses["Statuses › Recalled › Also recalled"] == "unverified"
    assert {chunk.status for chunk in chunks if chunk.source_id == "audit"} == {"secondary"}
    bad = tmp_path / "bad.md"
    bad.write_text("---\nstatus: maybe\n---\n# Bad\nText.\n")
    refused = run_cli("ingest", str(bad))
    assert refused.returncode == 2 and "status 'maybe' is not one of verified, secondary, unverified" in refused.stderr
    assert "Traceback" not in refused.stderr
