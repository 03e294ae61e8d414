"""The UI in a real browser (Debian Chromium driven by Playwright) and its API through gradio_client.

One `assistant serve` runs on a copy of the shipped corpus, with an admin password set, a source whose
title and text carry <script> tags, and a small evaluation set in the workspace. Each journey runs at
desktop width and, where the layout differs, at phone width (390 px); a screenshot of each is saved
under test-artifacts/.
"""

from __future__ import annotations

import csv
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import REPO

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-quic", "--no-first-run", "--disable-sync"]
PASSWORD = "s3cret-admin"
DESKTOP = {"width": 1440, "height": 1000}
PHONE = {"width": 390, "height": 844}
XSS_SOURCE = """---
id: xss-probe
title: "<script>window.__xss = 1</script> Probe source"
publisher: Probe
year: 2026
---
# Probe
## Marrow fibrosis
Reticulin marrow fibrosis after checkpoint blockade is a rare finding <script>window.__xss = 2</script> seen on biopsy.
A biopsy image ![marrow](http://127.0.0.1:9/probe.png) is described in the report of reticulin marrow fibrosis.
"""
# A tiny evaluation set: two items the answerer gets right, one whose expectation is wrong on purpose, so the
# Evaluation tab has a failing item to show beside what was expected.
SMOKE_SET = [
    {"id": "smoke-plt", "category": "thrombocytopenia", "question": "Nivolumab, platelets 60 x10^9/L — what now?",
     "expected_grades": {"plt": 2}, "source_ids": ["asco-2021-hematologic-irae"], "in_scope": True},
    {"id": "smoke-oos", "category": "out of scope", "question": "What is the warfarin dose for atrial fibrillation?", "in_scope": False},
    {"id": "smoke-wrong", "category": "neutropenia", "question": "On pembrolizumab, ANC 0.8. Grade?",
     "expected_grades": {"anc": 1}, "in_scope": True},
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("ui-home")
    shutil.copytree(REPO / "corpus", home / "corpus")
    (home / "corpus" / "xss-probe.md").write_text(XSS_SOURCE)
    (home / "evals").mkdir()
    (home / "evals" / "smoke.jsonl").write_text("".join(json.dumps(item) + "\n" for item in SMOKE_SET))
    return home


@pytest.fixture(scope="module")
def server(workspace):
    """`assistant serve` with editing protected by an admin password."""
    port = free_port()
    env = {**os.environ, "ASSISTANT_HOME": str(workspace), "ASSISTANT_ADMIN_PASSWORD": PASSWORD}
    log = open(workspace / "serve.log", "w")
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
                raise RuntimeError((workspace / "serve.log").read_text()) from None
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("the UI did not start: " + (workspace / "serve.log").read_text())
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


def open_page(browser, server, request, viewport):
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.goto(server)
    page.wait_for_selector("#question textarea")
    return context, page


@pytest.fixture
def page(browser, server, request):
    viewport = PHONE if "phone" in request.node.name else DESKTOP
    context, page = open_page(browser, server, request, viewport)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def ask_in_chat(page, question: str, turns_before: int = 0) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('#chat-view article.turn').length > {turns_before}", timeout=120_000)
    page.wait_for_timeout(400)  # the scroll to the new answer runs after it is drawn


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and -2 <= box["y"] < height and box["y"] + min(box["height"], 40) <= height


def no_error_overlay(page) -> bool:
    """Gradio's error toasts and the red 'Error' boxes over components are never shown for a user's mistake."""
    return page.locator(".toast-body, .wrap.error, [data-testid='status-tracker'] .error:not(.inline-message)").count() == 0


def go_to_tab(page, name: str) -> None:
    """Click a tab; on a phone the last tabs sit in Gradio's "More tabs" menu."""
    tab = page.get_by_role("tab", name=name)
    if tab.count():
        tab.click()
    else:
        page.get_by_role("button", name="More tabs").click()
        page.locator(".overflow-dropdown button").filter(has_text=name).click()


def choose(page, element_id: str, option_text: str) -> None:
    page.locator(f"#{element_id} input").click()
    page.get_by_role("option").filter(has_text=option_text).first.click()


def type_password(page, password: str = PASSWORD) -> None:
    page.locator("#admin-password input").fill(password)


# -- chat -----------------------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_answer_opens_at_its_bottom_line_and_a_citation_opens_from_its_marker(page, width):
    question = "Liver cancer in remission, on immunotherapy, WBC 2.7, ANC 2.0, ALC 0.4, platelets 79 — what should I do?"
    ask_in_chat(page, question)
    turn = page.locator("#chat-view article.turn").last
    heading = turn.locator("h2").first
    assert heading.inner_text() == "Bottom line"
    assert in_viewport(page, heading), "the new answer is not shown from its top"
    assert turn.locator(".question-text").inner_text() == question
    # the details are folded; the bottom line names the grades with one unit spelling
    assessment = turn.locator("details.more").filter(has_text="Assessment")
    assert assessment.count() == 1 and assessment.get_attribute("open") is None
    text = turn.inner_text()
    assert "×10⁹/L" in text and "10^9/L" not in text and "10e9/L" not in text
    continuing = next(line for line in text.splitlines() if "advises continuing the checkpoint inhibitor" in line)
    assert "(unverified)" in continuing  # an unverified statement never appears without its label
    assert "deterministic" not in text
    # [n] opens its citation: source, section, year, status, link and the quote highlighted in its chunk
    marker = turn.locator("a.cite-ref").first
    number = marker.inner_text().strip("[]")
    marker.click()
    citation = page.locator(f"#c1-{number}")
    citation.locator("mark").wait_for(timeout=10_000)
    assert citation.get_attribute("open") is not None and in_viewport(page, citation)
    body = citation.inner_text()
    for field in ("Section", "Publisher", "Year", "Status", "Link"):
        assert field in body
    assert "›" in body and ("verified against the source" in body or "UNVERIFIED" in body or "secondary" in body)
    quote = citation.locator("mark").inner_text()
    assert len(quote) > 30 and len(citation.locator("blockquote.chunk").inner_text()) > len(quote)
    assert all(a.get_attribute("href").startswith("https://") for a in citation.locator("a").all())
    links = [a.get_attribute("href") for a in turn.locator("details.citation a").all()]
    assert "https://doi.org/10.1200/JCO.21.01440" in links  # the ASCO guideline's DOI link


@pytest.mark.browser
def test_enter_sends_shift_enter_adds_a_line_and_markdown_export(page):
    box = page.locator("#question textarea")
    box.fill("On nivolumab, platelets 45.")
    box.press("Shift+Enter")
    box.type("Hold or continue?")
    assert box.input_value() == "On nivolumab, platelets 45.\nHold or continue?"
    assert page.locator("#chat-view article.turn").count() == 0
    box.press("Enter")
    page.wait_for_selector("#chat-view article.turn", timeout=120_000)
    assert box.input_value() == ""
    with page.expect_download() as download:
        page.locator("#export-answer").click()
    markdown = Path(download.value.path()).read_text()
    assert markdown.startswith("# Question") and "Hold or continue?" in markdown
    assert "## Sources" in markdown and "[1] " in markdown and "Status: " in markdown
    assert "×10⁹/L" in markdown


@pytest.mark.browser
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_user_mistakes_are_inline_messages_and_the_input_stays_usable(page, server, workspace, width):
    button = page.locator("#ask-button")
    box = page.locator("#question textarea")
    assert button.is_disabled()  # empty input: nothing to send
    box.fill("   ")
    page.wait_for_timeout(500)
    expect(button).to_be_disabled()
    box.press("Enter")
    message = page.locator("#chat-message")
    message.get_by_text("Type a question first").wait_for(timeout=10_000)
    assert no_error_overlay(page)
    # too long a question: an inline message, the text kept, the box still usable
    long_question = "platelets 45 on nivolumab " * 700
    box.fill(long_question)
    expect(button).to_be_enabled()
    button.click()
    message.get_by_text("the limit is").wait_for(timeout=30_000)
    assert no_error_overlay(page) and box.input_value() == long_question
    box.fill("On nivolumab, platelets 45. Hold?")
    box.press("Enter")
    page.wait_for_selector("#chat-view article.turn", timeout=120_000)
    assert message.inner_text().strip() == ""
    log = (workspace / "serve.log").read_text()
    assert "user input refused (ask): Type a question first." in log and "Traceback" not in log


@pytest.mark.browser
def test_what_users_and_sources_write_is_shown_as_text(page, browser, server):
    """No remote image, raw HTML or javascript: link from a question, an answer, a source title or a chunk."""
    hits: list[str] = []

    class Pixel(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))
    tracker = http.server.HTTPServer(("127.0.0.1", 0), Pixel)
    threading.Thread(target=tracker.serve_forever, daemon=True).start()
    host = f"127.0.0.1:{tracker.server_address[1]}"
    try:
        question = (f"![x](http://{host}/x.png) <img src=\"http://{host}/raw.png\"> [click](javascript:window.__xss=4) "
                    "Is reticulin marrow fibrosis after checkpoint blockade seen on biopsy?")
        ask_in_chat(page, question)
        turn = page.locator("#chat-view article.turn").last
        assert turn.locator(".question-text").inner_text() == question
        page.wait_for_timeout(1500)
        assert hits == [], f"the page fetched {hits}"
        assert page.locator("#chat-view img").count() == 0
        hrefs = page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
        turn.locator("details.sources > summary").click()
        sources = turn.locator("details.sources")
        sources.locator("details.citation > summary").first.click()
        assert "<script>window.__xss = 2</script>" in sources.inner_text() or "<script>window.__xss = 1</script>" in sources.inner_text()
        go_to_tab(page, "Sources")
        table = page.locator("#sources-list")
        table.get_by_text("Probe source").first.wait_for(timeout=30_000)
        assert "<script>window.__xss = 1</script>" in table.inner_text()
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert [url for url in requested if not url.startswith(server)] == []  # nothing fetched from anywhere else
    finally:
        tracker.shutdown()


# -- sources ----------------------------------------------------------------------------------------------
@pytest.mark.browser
def test_remove_asks_for_confirmation_then_restore_brings_it_back(page):
    go_to_tab(page, "Sources")
    page.locator("#sources-list").get_by_text("Probe source").first.wait_for(timeout=30_000)
    assert page.locator("#remove-pick input").input_value() == ""  # nothing pre-selected
    type_password(page)
    choose(page, "remove-pick", "xss-probe")
    page.locator("#remove-source").click()
    confirm = page.locator("#remove-confirm")
    confirm.get_by_text("Remove").first.wait_for(timeout=10_000)
    text = confirm.inner_text()
    assert "Probe source" in text and "xss-probe" in text and "chunk(s)" in text
    assert "xss-probe" in page.locator("#sources-list").inner_text()  # nothing happened yet
    page.locator("#remove-yes").click()
    page.locator("#source-status").get_by_text("Removed").wait_for(timeout=120_000)
    assert "xss-probe" not in page.locator("#sources-list").inner_text()
    removed = page.locator("#removed-list")
    assert "xss-probe" in removed.inner_text() and "removed" in removed.inner_text()
    choose(page, "restore-pick", "xss-probe")
    page.locator("#restore-source").click()
    page.locator("#source-status").get_by_text("Restored").wait_for(timeout=120_000)
    assert "xss-probe" in page.locator("#sources-list").inner_text()


@pytest.mark.browser
def test_a_shipped_source_is_protected_from_accidental_removal(page):
    go_to_tab(page, "Sources")
    type_password(page)
    choose(page, "remove-pick", "asco-2021-hematologic-irae")
    page.locator("#remove-source").click()
    page.locator("#remove-confirm").get_by_text("shipped source").wait_for(timeout=10_000)
    assert page.locator("#remove-force").is_visible()
    page.locator("#remove-yes").click()
    page.locator("#source-status").get_by_text("tick 'Remove this shipped source anyway'").wait_for(timeout=10_000)
    page.locator("#remove-no").click()
    page.locator("#source-status").get_by_text("Nothing was removed").wait_for(timeout=10_000)
    assert "asco-2021-hematologic-irae" in page.locator("#sources-list").inner_text()


@pytest.mark.browser
def test_editing_refused_without_the_password_in_the_ui(page, workspace):
    go_to_tab(page, "Sources")
    before = page.locator("#sources-list").inner_text()
    type_password(page, "wrong")
    choose(page, "remove-pick", "xss-probe")
    page.locator("#remove-source").click()
    status = page.locator("#source-status")
    status.get_by_text("The admin password is wrong").wait_for(timeout=10_000)
    assert not page.locator("#remove-confirm").is_visible()
    source = workspace / "refused-note.md"
    source.write_text("# Note\n## Platelets\nA refused note about platelets.\n")
    page.locator("#source-file input[type=file]").set_input_files(str(source))
    page.locator("#source-title input, #source-title textarea").first.fill("Refused note")
    page.locator("#add-source").click()
    page.wait_for_timeout(1500)
    assert "admin password" in status.inner_text()
    page.locator("#restore-source").click()
    page.wait_for_timeout(1000)
    assert "admin password" in status.inner_text() and no_error_overlay(page)
    assert page.locator("#sources-list").inner_text() == before
    assert not (workspace / "corpus" / "refused-note.md").exists()
    assert "Editing sources: protected" in (workspace / "serve.log").read_text()


@pytest.mark.browser
def test_editing_refused_without_the_password_through_the_api(server, workspace):
    from gradio_client import Client

    client = Client(server, verbose=False)
    content = "# API note\n## Platelets\nAn API note says platelet transfusion thresholds differ by bleeding risk.\n"
    for call, args in (("/add_source", ("api-note.md", content, "API note", "Ward", "2026", "", "unverified", "")),
                       ("/remove_source", ("xss-probe", "wrong", False)),
                       ("/restore_source", ("xss-probe", "")),
                       ("/purge_source", ("xss-probe", ""))):
        with pytest.raises(Exception, match="admin password"):
            client.predict(*args, api_name=call)
    listed = client.predict(api_name="/sources")
    assert "xss-probe" in {s["source_id"] for s in listed["sources"]}
    assert "api-note" not in {s["source_id"] for s in listed["sources"]}
    added = client.predict("api-note.md", content, "API note", "Ward", "2026", "", "unverified", PASSWORD, api_name="/add_source")
    assert [(r["source_id"], r["status"]) for r in added] == [("api-note", "added")]
    removed = client.predict("api-note", PASSWORD, False, api_name="/remove_source")
    assert removed["status"] == "removed"
    with pytest.raises(Exception, match="admin password"):
        client.predict("api-note", "", api_name="/restore_source")
    restored = client.predict("api-note", PASSWORD, api_name="/restore_source")
    assert restored["status"] == "restored"
    # the UI's own event handlers are not API endpoints
    endpoints = json.loads(urllib.request.urlopen(server + "gradio_api/info").read())["named_endpoints"]
    assert set(endpoints) == {"/ask", "/check", "/sources", "/add_source", "/remove_source", "/restore_source", "/purge_source"}


@pytest.mark.browser
def test_adding_asks_for_metadata_and_replacing_asks_for_confirmation(page, tmp_path):
    go_to_tab(page, "Sources")
    type_password(page)
    source = tmp_path / "prca-note.md"
    source.write_text("# PRCA note\n## Treatment\nPure red cell aplasia after checkpoint inhibitors responded to cyclosporine in the reported cases.\n")
    page.locator("#source-file input[type=file]").set_input_files(str(source))
    page.locator("#add-source").click()
    status = page.locator("#source-status")
    status.get_by_text("give its title, publisher, year").wait_for(timeout=30_000)
    page.locator("#source-title input, #source-title textarea").first.fill("Pure red cell aplasia case note")
    page.locator("#source-publisher input, #source-publisher textarea").first.fill("Ward audit")
    page.locator("#source-year input, #source-year textarea").first.fill("twenty")
    page.locator("#add-source").click()
    status.get_by_text("four digits").wait_for(timeout=10_000)
    assert "Probe source" in page.locator("#sources-list").inner_text()  # a bad year never blanks the table
    page.locator("#source-year input, #source-year textarea").first.fill("2026")
    page.locator("#add-source").click()
    status.get_by_text("searchable now").wait_for(timeout=180_000)
    assert "Pure red cell aplasia case note" in page.locator("#sources-list").inner_text()
    # a different source claiming the same id asks before replacing
    other = tmp_path / "another-prca.md"
    other.write_text("---\nid: prca-note\ntitle: Another PRCA summary\npublisher: Other ward\nyear: 2025\n---\n# Other\n## Course\n"
                     "Pure red cell aplasia on checkpoint inhibitors was followed with weekly reticulocyte counts.\n")
    page.locator("#source-file button[aria-label*='Clear'], #source-file button[aria-label*='Remove']").first.click()
    page.locator("#source-file input[type=file]").set_input_files(str(other))
    for field in ("#source-title", "#source-publisher", "#source-year"):
        page.locator(f"{field} input, {field} textarea").first.fill("")
    page.locator("#add-source").click()
    confirm = page.locator("#replace-confirm")
    confirm.get_by_text("Replace that source with this file?").wait_for(timeout=60_000)
    text = confirm.inner_text()
    assert "prca-note" in text and "Pure red cell aplasia case note" in text and "Another PRCA summary" in text
    assert "--replace" not in text  # UI wording, not the command line's
    page.wait_for_timeout(500)
    box = confirm.bounding_box()
    viewport = page.viewport_size
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"], "the question is scrolled into view"
    assert "Pure red cell aplasia case note" in page.locator("#sources-list").inner_text()
    page.locator("#replace-yes").click()
    status.get_by_text("replaced").wait_for(timeout=180_000)
    assert "replaced by a newer version" in page.locator("#removed-list").inner_text()
    go_to_tab(page, "Chat")
    ask_in_chat(page, "Pure red cell aplasia on checkpoint inhibitors: how often are reticulocyte counts followed?")
    answer = page.locator("#chat-view article.turn").last.text_content()  # folded sections and citations included
    assert "weekly reticulocyte counts" in answer and "cyclosporine" not in answer  # the new version, not the old


@pytest.mark.browser
def test_sources_table_is_readable_on_a_phone(page):
    go_to_tab(page, "Sources")
    table = page.locator("#sources-list")
    table.get_by_text("Probe source").first.wait_for(timeout=30_000)
    row = table.locator("tbody tr").filter(has_text="asco-2021-hematologic-irae")
    text = row.inner_text()
    assert "Journal of Clinical Oncology" in text and "2021" in text
    # each row stacks into a card whose cells carry their column name, all within the phone's width
    cells = row.locator("td").evaluate_all(
        "cells => cells.map(c => [getComputedStyle(c, '::before').content, getComputedStyle(c).display, c.getBoundingClientRect().right])")
    labels = " ".join(label for label, _, _ in cells)
    for label in ("publisher", "year", "link", "chunks", "checked", "added"):
        assert label in labels
    assert all(display == "block" and right <= PHONE["width"] for _, display, right in cells)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


# -- review ------------------------------------------------------------------------------------------------
@pytest.mark.browser
def test_review_uses_plain_labels_honours_the_named_version_and_exports(page):
    go_to_tab(page, "Review")
    page.locator("#review-text textarea").fill("Graded with CTCAE v6.0. The patient has WBC 2.7, a grade 3 leukopenia. "
                                              "Platelets 79 are grade 1. ANC 1.7, which is below the 1.5 cut-off.")
    page.locator("#review-button").click()
    summary = page.locator("#review-summary")
    summary.get_by_text("checked").first.wait_for(timeout=30_000)
    text = summary.inner_text()
    assert "2 wrong" in text and "wrong grade" in text and "false comparison" in text
    assert "grade_mismatch" not in text
    assert "a grade 2 leukopenia" in text  # the corrected statement, inline
    assert "CTCAE v6.0" in text and "names CTCAE v6.0" in text
    with page.expect_download() as download:
        page.locator("#review-csv").click()
    rows = list(csv.DictReader(Path(download.value.path()).read_text().splitlines()))
    assert [r["label"] for r in rows] == ["wrong grade", "false comparison"] and rows[0]["expected_grade"] == "2"
    with page.expect_download() as download:
        page.locator("#review-json").click()
    payload = json.loads(Path(download.value.path()).read_text())
    assert payload["claims_wrong"] == 2 and payload["findings"][0]["ctcae_version"] == "6.0"
    page.locator("#review-text textarea").fill("")
    page.locator("#review-button").click()
    page.locator("#review-message").get_by_text("Paste a draft").wait_for(timeout=10_000)
    assert no_error_overlay(page) and "2 wrong" in summary.inner_text()


# -- evaluation --------------------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.slow
def test_evaluation_tab_runs_a_set_and_shows_the_scorecard_and_failing_items(page):
    go_to_tab(page, "Evaluation")
    sets = page.locator("#eval-sets")
    sets.get_by_label("questions", exact=False).first.uncheck()
    sets.get_by_label("smoke", exact=False).check()
    page.locator("#eval-run").click()
    page.locator("#eval-message").get_by_text("Done").wait_for(timeout=300_000)
    report = page.locator("#eval-report")
    scorecard = report.locator("#scorecard").inner_text()
    assert "Grades right" in scorecard and "Share of the expected CTCAE grades" in scorecard and "≥ 95.0%" in scorecard
    assert "✗ fail" in scorecard  # the wrong expectation makes the grade accuracy fail
    details = report.locator("#run-details").inner_text()
    assert "Code version" in details and "Corpus digest" in details and "all-MiniLM-L6-v2" in details
    failing = report.locator("#failing").inner_text()
    assert "smoke-wrong" in failing and "grades: anc 1" in failing and "smoke-plt" not in failing
    assert "grade of anc: expected 1, got 3" in failing
    assert "category" in report.locator("#categories").inner_text() and report.locator("img.chart").count() == 1
    with page.expect_download() as download:
        page.locator("#eval-download").click()
    html = Path(download.value.path()).read_text()
    assert 'id="scorecard"' in html and "smoke-wrong" in html and "Grades right" in html
    # a second run is compared with the first
    page.locator("#eval-run").click()
    page.locator("#comparison-summary").wait_for(timeout=300_000)
    assert "0 regressed" in page.locator("#comparison-summary").inner_text()


# -- accessibility -------------------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_accessibility_check_finds_no_violations(page, width):
    """axe-core (contrast, names of controls, structure) on every tab, with an answer on screen."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    ask_in_chat(page, "On pembrolizumab, platelets 30 and gum bleeding. Hold or continue?")
    page.locator("#chat-view a.cite-ref").first.click()
    reports = {}
    for tab in ("Chat", "Review", "Sources", "Evaluation"):
        go_to_tab(page, tab)
        if tab == "Review":  # with every kind of finding label on screen
            page.locator("#review-text textarea").fill("WBC 2.7 is grade 3 leukopenia. ANC 1.8 is below the grade 2 threshold of 1.5. "
                                                       "Under CTCAE v6.0, ALC 0.4 is grade 3 lymphopenia.")
            page.locator("#review-button").click()
            page.locator("#review-highlight").get_by_text("false comparison", exact=False).first.wait_for(timeout=30_000)
        page.wait_for_timeout(500)
        result = axe.run(page)
        reports[tab] = result.generate_report() if result.violations_count else ""
    assert not any(reports.values()), "\n".join(f"{tab}: {text}" for tab, text in reports.items() if text)


# -- API ------------------------------------------------------------------------------------------------------
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
    with pytest.raises(Exception, match="the limit is"):
        client.predict("platelets 45 " * 2000, "5", api_name="/ask")


@pytest.mark.unit
def test_links_images_and_markup_from_content_stay_text():
    from assistant.ui import citation_html, esc, inline, link_html, safe_url, units

    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url("10.1200/JCO.21.01440") == "https://doi.org/10.1200/JCO.21.01440"
    assert link_html("javascript:alert(1)") == "javascript:alert(1)"  # shown, never a link
    assert esc("<img src=x> ${alert(1)} {{value}} `x`") == (
        "&lt;img src=x&gt; &#36;&#123;alert(1)&#125; &#123;&#123;value&#125;&#125; &#96;x&#96;")
    assert "<img" not in inline("![x](http://host/x.png) **bold** [2]", "c1", {2})
    assert '<a class="cite-ref" href="#c1-2"' in inline("see [2] not [3]", "c1", {2}) and "[3]" in inline("[3]", "c1", {2})
    assert units("platelets 79 10^9/L; <50.0 - 25.0 x 10e9/L; 100 x10^9/L; 3000/mm3") == (
        "platelets 79 ×10⁹/L; <50.0 - 25.0 ×10⁹/L; 100 ×10⁹/L; 3000/mm³")
    html = citation_html({"n": 1, "title": "<b>T</b>", "quote": "two", "url": "javascript:x()", "status": "secondary",
                          "locator": "A › B", "year": 2020, "publisher": "P"}, "c1", "one two three")
    assert "one <mark>two</mark> three" in html and "&lt;b&gt;T&lt;/b&gt;" in html and 'href="javascript' not in html
