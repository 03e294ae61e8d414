"""The UI in a real browser (Debian Chromium driven by Playwright) and its API through gradio_client."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import REPO

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-quic", "--no-first-run", "--disable-sync"]
XSS_SOURCE = """---
id: xss-probe
title: "<script>window.__xss = 1</script> Probe source"
publisher: Probe
year: 2026
---
# Probe
## Marrow fibrosis
Reticulin marrow fibrosis after checkpoint blockade is a rare finding <script>window.__xss = 2</script> seen on biopsy.
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`assistant serve` on a copy of the shipped corpus plus a source that carries <script> tags."""
    home = tmp_path_factory.mktemp("ui-home")
    shutil.copytree(REPO / "corpus", home / "corpus")
    (home / "corpus" / "xss-probe.md").write_text(XSS_SOURCE)
    port = free_port()
    env = {**os.environ, "ASSISTANT_HOME": str(home)}
    log = open(home / "serve.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=REPO, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 240
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError((home / "serve.log").read_text()) from None
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("the UI did not start: " + (home / "serve.log").read_text())
    yield url
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: apt-get install chromium chromium-driver (make setup does this as root)"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server)
    page.wait_for_selector("#question textarea")
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def ask_in_chat(page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#ask-button").click()
    page.wait_for_selector("#answer-sources blockquote", timeout=120_000)


def choose(page, element_id: str, option_text: str) -> None:
    page.locator(f"#{element_id} input").click()
    page.get_by_role("option", name=option_text).first.click()


@pytest.mark.browser
def test_ask_shows_answer_citations_and_grade_table(page):
    ask_in_chat(page, "Liver cancer in remission, on immunotherapy, WBC 2.7, ANC 2.0, ALC 0.4, platelets 79 — what should I do?")
    chat = page.locator("#chatbot").inner_text()
    assert "Bottom line" in chat and "[1]" in chat
    # an unverified statement never appears without its label, in the answer and in the sources panel
    continuing = next(line for line in chat.splitlines() if "advises continuing the checkpoint inhibitor" in line)
    assert "(unverified)" in continuing
    grades = page.locator("#grades").inner_text()
    assert "Platelets" in grades and "79 10^9/L" in grades and "Platelet count decreased" in grades
    sources = page.locator("#answer-sources").inner_text()
    assert "ASCO 2021" in sources and "grade 1 immune thrombocytopenia" in sources
    assert "UNVERIFIED" in sources and "verified against the source" in sources
    assert "Verified" in page.locator("#checks").inner_text()
    assert "For healthcare professionals" in page.locator("#disclaimer").inner_text()


@pytest.mark.browser
def test_open_a_citations_quote(page):
    ask_in_chat(page, "On pembrolizumab, platelets 30. Hold or continue?")
    page.locator("#citation-pick input").click()
    option = page.get_by_role("option").filter(has_text="Immune thrombocytopenia").first
    option.click()
    view = page.locator("#citation-view")
    view.get_by_text("Quoted passage (verbatim)").wait_for(timeout=30_000)
    assert "immune thrombocytopenia" in view.inner_text()


@pytest.mark.browser
def test_review_tab_flags_a_wrong_grade(page):
    page.get_by_role("tab", name="Review").click()
    page.locator("#review-text textarea").fill("The patient has WBC 2.7, a grade 3 leukopenia. Platelets 79 are grade 1.")
    page.locator("#review-button").click()
    summary = page.locator("#review-summary")
    summary.get_by_text("wrong").wait_for(timeout=30_000)
    text = summary.inner_text()
    assert "2 numeric grading claim(s) checked, 1 wrong" in text and "grade 2" in text
    assert "wrong grade" in page.locator("#review-highlight").inner_text().lower()


@pytest.mark.browser
def test_upload_a_source_then_an_answer_cites_it(page, tmp_path):
    source = tmp_path / "prca-note.md"
    source.write_text("# PRCA note\n## Treatment\nPure red cell aplasia after checkpoint inhibitors responded to cyclosporine in the reported cases.\n")
    page.get_by_role("tab", name="Sources").click()
    page.locator("#source-file input[type=file]").set_input_files(str(source))
    page.locator("#source-title textarea, #source-title input").first.fill("Pure red cell aplasia case note")
    page.locator("#source-publisher textarea, #source-publisher input").first.fill("Ward audit")
    page.locator("#source-year textarea, #source-year input").first.fill("2026")
    page.locator("#add-source").click()
    page.locator("#source-status").get_by_text("searchable now").wait_for(timeout=180_000)
    assert "Pure red cell aplasia case note" in page.locator("#source-table").inner_text()
    page.get_by_role("tab", name="Chat").click()
    ask_in_chat(page, "How is pure red cell aplasia after checkpoint inhibitors treated?")
    sources = page.locator("#answer-sources").inner_text()
    assert "Pure red cell aplasia case note" in sources and "cyclosporine" in sources


@pytest.mark.browser
def test_script_in_a_source_renders_as_text(page):
    page.get_by_role("tab", name="Sources").click()
    table = page.locator("#source-table")
    table.get_by_text("Probe source").first.wait_for(timeout=30_000)
    assert "<script>window.__xss = 1</script>" in table.inner_text()
    page.get_by_role("tab", name="Chat").click()
    ask_in_chat(page, "Is reticulin marrow fibrosis after checkpoint blockade seen on biopsy?")
    assert "<script>window.__xss = 2</script>" in page.locator("#answer-sources").inner_text()
    assert page.evaluate("typeof window.__xss") == "undefined"


@pytest.mark.browser
def test_sixteen_concurrent_api_asks_all_succeed(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    questions = [f"On nivolumab, platelets {20 + 5 * i}. What should I do?" for i in range(16)]

    def call(question):
        return Client(server, verbose=False).predict(question, "5", api_name="/ask")

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(call, questions))
    assert len(results) == 16
    for question, result in zip(questions, results, strict=True):
        assert result["question"] == question and result["grades"][0]["analyte"] == "plt"
        assert result["citations"] and result["checks"]["findings"] == []
    check = client.predict("Platelets 79 are grade 2.", "5", api_name="/check")
    assert [(f["kind"], f["expected_grade"]) for f in check["findings"]] == [("grade_mismatch", 1)]


@pytest.mark.integration
def test_changing_sources_needs_the_admin_password_and_bad_uploads_are_refused(tmp_path, embedder):
    import gradio as gr

    from assistant.knowledge_base import KnowledgeBase
    from assistant.settings import Settings
    from assistant.ui import App

    settings = Settings(home=tmp_path / "ws", admin_password="s3cret")
    app = App(settings, KnowledgeBase(settings, embedder=embedder))
    source = tmp_path / "note.md"
    source.write_text("# Note\n## Platelets\nPlatelet transfusion threshold note.\n")
    with pytest.raises(gr.Error, match="admin password"):
        app.add_source(str(source), "Note", "Ward", "2026", "", "Unverified", "wrong", progress=lambda *a, **k: None)
    assert not (tmp_path / "ws" / "corpus" / "note.md").exists()
    status, rows, _ = app.add_source(str(source), "Note", "Ward", "2026", "", "Secondary source only", "s3cret", progress=lambda *a, **k: None)
    assert "searchable now" in status and rows[0][1] == "Note"
    assert {chunk.status for chunk in app.kb.index().chunks} == {"secondary"}  # the status chosen in the form
    slides = tmp_path / "deck.pptx"
    slides.write_bytes(b"PK\x03\x04")
    with pytest.raises(gr.Error, match="unsupported file type"):
        app.add_source(str(slides), "", "", "", "", "Unverified", "s3cret", progress=lambda *a, **k: None)
    with pytest.raises(gr.Error, match="not a number"):
        app.add_source(str(source), "", "", "twenty", "", "Unverified", "s3cret", progress=lambda *a, **k: None)
    with pytest.raises(gr.Error, match="admin password"):
        app.remove_source("note", "")
    status, rows, _ = app.remove_source("note", "s3cret")
    assert "Removed" in status and rows == []
