"""The browser UI (`assistant serve`): Chat, Review, Sources and Evaluation tabs, plus the API endpoints.

The model, the index and the answerer are loaded once and shared by every session; the answerer keeps
no per-request state, and each browser session keeps its own conversation.

What users and sources write is shown as text: every such string is HTML-escaped (braces too, because
gr.HTML templates read them) before it reaches the page; the only markup is the small set this module
writes itself (headings, bold, lists, tables), no image is ever rendered from content, and only http(s)
links are made clickable. A user's mistake is a short inline message and one log line, never an
overlay or a traceback.
"""

from __future__ import annotations

import csv
import hmac
import html
import io
import json
import logging
import os
import re
import tempfile
import time
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline: no telemetry calls

import gradio as gr  # noqa: E402

from assistant.answering import Answerer, Conversation, ask  # noqa: E402
from assistant.check import FINDING_KIND_NAMES, check_report, findings_as_dicts  # noqa: E402
from assistant.ctcae import normalize_version  # noqa: E402
from assistant.errors import SourceConflict, UserError  # noqa: E402
from assistant.evaluation import REPORT_CSS  # noqa: E402
from assistant.knowledge_base import KnowledgeBase  # noqa: E402
from assistant.loaders import SUPPORTED_SUFFIXES, load_source  # noqa: E402
from assistant.settings import Settings  # noqa: E402

log = logging.getLogger("assistant.ui")

EXAMPLES = [
    "Liver cancer in remission, on immunotherapy, WBC 2.7, ANC 2.0, ALC 0.4, platelets 79 — what should I do?",
    "On pembrolizumab, platelets 30 and gum bleeding. Hold or continue?",
    "Nivolumab, ANC 0.4 and temperature 38.6 C. Next steps?",
    "How common is immune thrombocytopenia with checkpoint inhibitors?",
    "What changed for neutropenia in CTCAE v6?",
]
DISCLAIMER = ("**For healthcare professionals.** Answers summarise the sources in this knowledge base and do not "
              "replace clinical judgement. Grades are computed by the CTCAE engine; every statement is cited.")
STATUS_CHOICES = {"Verified": "verified", "Secondary source only": "secondary", "Unverified": "unverified"}
STATUS_BADGES = {"verified": "verified against the source", "secondary": "secondary source only",
                 "unverified": "UNVERIFIED — not yet checked against the source"}
EMPTY_CHAT = ('<p class="empty-chat">Ask about a patient on a checkpoint inhibitor: the counts, the drug, what you want to '
              "know. The answer starts with its bottom line; every statement links to the passage it quotes.</p>")


# -- text as text ---------------------------------------------------------------------------------------
UNIT_SPELLINGS = [
    (re.compile(r"(?<=\d)\s*(?:[x×*]\s*)?10\s*(?:\^|e|E)\s*9\s*/\s*L\b"), " ×10⁹/L"),
    (re.compile(r"(?:(?<![\w])[x×]\s*)?(?<![\w.])10\s*(?:\^|e|E)\s*9\s*/\s*L\b"), "×10⁹/L"),
    (re.compile(r"/mm3\b"), "/mm³"),
]


def units(text: str) -> str:
    """One spelling for count units in what the UI shows: 10^9/L, 10e9/L and x 10^9/L all read ×10⁹/L."""
    for pattern, spelling in UNIT_SPELLINGS:
        text = pattern.sub(spelling, text)
    return text


def esc(value) -> str:
    """What a user or a source wrote, made safe to place in HTML: escaped, braces and backticks included
    (gr.HTML fills templates with `${...}` and `{{...}}`), with units spelled one way."""
    text = html.escape(units(str(value if value is not None else "")), quote=True)
    return text.replace("{", "&#123;").replace("}", "&#125;").replace("$", "&#36;").replace("`", "&#96;")


def safe_url(url) -> str | None:
    """An http(s) address to link to, or None: `javascript:`, `data:` and every other scheme are never links."""
    text = str(url or "").strip()
    if re.match(r"(?i)^10\.\d{4,9}/\S+$", text):
        text = "https://doi.org/" + text
    elif re.match(r"(?i)^doi:\s*10\.", text):
        text = "https://doi.org/" + text.split(":", 1)[1].strip()
    return text if re.match(r"(?i)^https?://[^\s<>\"']+$", text) else None


def link_html(url, label: str | None = None) -> str:
    address = safe_url(url)
    if not address:
        return esc(url) if url else "no link given"
    return f'<a href="{esc(address)}" target="_blank" rel="noopener noreferrer">{esc(label or address)}</a>'


def message_html(text: str, kind: str = "error") -> str:
    """An inline message under the control that caused it; the inputs stay usable."""
    icon = {"error": "⚠", "ok": "✓", "info": "ℹ"}[kind]
    role = "alert" if kind == "error" else "status"
    return f'<p class="inline-message {kind}" role="{role}"><span aria-hidden="true">{icon}</span> {text}</p>'


def user_mistake(action: str, text: str) -> str:
    """One log line for a user's mistake (no traceback), and the inline message that tells the user."""
    log.info("user input refused (%s): %s", action, text)
    return message_html(esc(text[:1].upper() + text[1:]))


# -- answers ----------------------------------------------------------------------------------------------
def inline(text: str, prefix: str, numbers: set[int]) -> str:
    """One line of the answer's Markdown: escaped, then bold, italics and `[n]` links to the citation."""
    out = esc(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])", r"<em>\1</em>", out)

    def cite(match: re.Match) -> str:
        number = int(match.group(1))
        if number not in numbers:
            return match.group(0)
        target = f"{prefix}-{number}"
        return (f'<a class="cite-ref" href="#{target}" data-cite="{target}" '
                f'aria-label="citation {number}: open the quoted passage">[{number}]</a>')

    return re.sub(r"\[(\d{1,3})\]", cite, out)


def table_html(rows: list[list[str]], prefix: str, numbers: set[int]) -> str:
    header, body = rows[0], rows[1:]
    head = "".join(f'<th scope="col">{inline(cell, prefix, numbers)}</th>' for cell in header)
    lines = "".join("<tr>" + "".join(f'<td data-label="{esc(header[i] if i < len(header) else "")}">{inline(cell, prefix, numbers)}</td>'
                                     for i, cell in enumerate(row)) + "</tr>" for row in body)
    return f'<div class="table-wrap"><table class="stack"><thead><tr>{head}</tr></thead><tbody>{lines}</tbody></table></div>'


def lines_html(lines: list[str], prefix: str, numbers: set[int]) -> str:
    """The block Markdown the answerer writes (paragraphs, bullets, tables, quotes) as HTML, nothing else."""
    out, index = [], 0
    while index < len(lines):
        line = lines[index].rstrip()
        if not line.strip():
            index += 1
        elif line.lstrip().startswith("|"):
            rows = []
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                cells = [c.strip() for c in lines[index].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                    rows.append(cells)
                index += 1
            if rows:
                out.append(table_html(rows, prefix, numbers))
        elif re.match(r"\s*[-*]\s+", line):
            items = []
            while index < len(lines) and re.match(r"\s*[-*]\s+", lines[index]):
                item = re.sub(r"^\s*[-*]\s+", "", lines[index])
                items.append(f"<li>{inline(item, prefix, numbers)}</li>")
                index += 1
            out.append("<ul>" + "".join(items) + "</ul>")
        elif line.startswith(">"):
            quoted = []
            while index < len(lines) and lines[index].startswith(">"):
                if lines[index].lstrip(">").strip():
                    quoted.append(f"<p>{inline(lines[index].lstrip('>').strip(), prefix, numbers)}</p>")
                index += 1
            out.append('<div class="note">' + "".join(quoted) + "</div>")
        else:
            out.append(f"<p>{inline(line, prefix, numbers)}</p>")
            index += 1
    return "".join(out)


def markdown_sections(markdown: str) -> list[tuple[str | None, list[str]]]:
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in markdown.splitlines():
        heading = re.match(r"#{1,6}\s+(.*)", line)
        if heading:
            sections.append((heading.group(1).strip(), []))
        else:
            sections[-1][1].append(line)
    return [(title, lines) for title, lines in sections if title is not None or any(line.strip() for line in lines)]


def status_label(citation: dict) -> str:
    return STATUS_BADGES.get(citation.get("status") or "unverified", STATUS_BADGES["unverified"])


def citation_html(citation: dict, prefix: str, chunk_text: str | None) -> str:
    """One citation: source, section, year, status and link, with the quote highlighted inside its full chunk."""
    quote = citation.get("quote") or ""
    full = chunk_text or quote
    at = full.find(quote) if quote else -1
    if at >= 0:
        passage = f"{esc(full[:at])}<mark>{esc(quote)}</mark>{esc(full[at + len(quote):])}"
    else:
        passage = f"<mark>{esc(quote)}</mark>"
    status = citation.get("status") or "unverified"
    number = citation["n"]
    rows = [("Section", esc(citation.get("locator") or "—")),
            ("Publisher", esc(citation.get("publisher") or "publisher not given")),
            ("Year", esc(citation.get("year") or "year not given")),
            ("Status", f'<span class="badge {esc(status)}">{esc(status_label(citation))}</span>'),
            ("Link", link_html(citation.get("url")))]
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (f'<details class="citation" id="{prefix}-{number}"><summary><span class="cnum">[{number}]</span> '
            f'{esc(citation.get("title") or "title not given")} — <span class="badge {esc(status)}">{esc(status_label(citation))}</span>'
            f"</summary><dl>{details}</dl><p class=\"passage-label\">The quoted sentence, highlighted in its passage:</p>"
            f'<blockquote class="chunk">{passage}</blockquote></details>')


def checks_html(result: dict) -> str:
    checks = result.get("checks") or {}
    problems = []
    if checks.get("findings"):
        problems += [f"rules check: {esc(f.get('message'))}" for f in checks["findings"]]
    if checks.get("ungrounded_numbers"):
        problems.append(f"numbers not found in the sources or the question: {esc(checks['ungrounded_numbers'])}")
    if not checks.get("citations_verified", True):
        problems.append(f"citations that failed verification: {esc(checks.get('invalid_citations'))}")
    if problems:
        return '<div class="checks warning" role="status"><strong>Warning.</strong><ul>' + "".join(f"<li>{p}</li>" for p in problems) + "</ul></div>"
    count = len(result.get("citations") or [])
    if result.get("abstained") or not count:
        return ""
    return (f'<p class="checks ok"><span aria-hidden="true">✓</span> Verified: {count} quote(s) word for word from their '
            "sources, every number found in a source or in the question, the rules check is clean.</p>")


def answer_markdown(question: str, result: dict) -> str:
    """An answer with its citations as Markdown, for copying and downloading."""
    lines = ["# Question", "", *[f"> {line}" for line in question.splitlines() or [""]], "", units(result["answer"]), "", "## Sources", ""]
    for c in result.get("citations") or []:
        where = ", ".join(str(part) for part in (c.get("publisher"), c.get("year")) if part)
        lines.append(f"[{c['n']}] {c.get('title')}. {where or 'publisher and year not given'}. {c.get('locator') or ''}. "
                     f"Status: {status_label(c)}." + (f" {c['url']}" if c.get("url") else ""))
        lines.append(f"    > {units(c.get('quote') or '')}")
    lines += ["", f"_Exported {time.strftime('%Y-%m-%d %H:%M')} from the ICI cytopenia assistant. For healthcare professionals; "
              "it summarises its sources and does not replace clinical judgement._"]
    return "\n".join(lines) + "\n"


def turn_html(number: int, question: str, result: dict, chunk_texts: dict[str, str]) -> str:
    """One question and its answer: the bottom line open, the details folded, the citations below."""
    prefix = f"c{number}"
    citations = result.get("citations") or []
    numbers = {c["n"] for c in citations}
    parts, first = [], True
    for title, lines in markdown_sections(result.get("answer") or ""):
        body_lines = [line for line in lines if not line.lstrip("> ").startswith("For healthcare professionals")]
        body = lines_html(body_lines, prefix, numbers)
        if title is None:
            if body:
                parts.append(f'<div class="lead">{body}</div>')
        elif first or result.get("abstained"):
            parts.append(f'<section class="lead"><h2>{inline(title, prefix, numbers)}</h2>{body}</section>')
            first = False
        else:
            parts.append(f'<details class="more"><summary>{inline(title, prefix, numbers)}</summary>{body}</details>')
    parts.append(checks_html(result))
    notes = [n for n in result.get("notes") or [] if n not in (result.get("answer") or "")]  # not twice
    if notes:
        parts.append('<details class="more"><summary>Notes</summary><ul>' + "".join(f"<li>{esc(n)}</li>" for n in notes)
                     + "</ul></details>")
    if citations:
        counts = {}
        for c in citations:
            counts[c.get("status") or "unverified"] = counts.get(c.get("status") or "unverified", 0) + 1
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        parts.append(f'<details class="sources"><summary>Sources ({len(citations)}: {esc(summary)})</summary>'
                     + "".join(citation_html(c, prefix, chunk_texts.get(c.get("chunk_id"))) for c in citations) + "</details>")
    parts.append('<div class="answer-tools"><button type="button" class="copy-md">Copy answer as Markdown</button>'
                 '<button type="button" class="print-answer">Print</button></div>')
    parts.append(f'<pre class="md-export" hidden>{esc(answer_markdown(question, result))}</pre>')
    return (f'<article class="turn" id="turn-{number}" aria-label="Answer {number}"><div class="asked">'
            f'<span class="who">You asked</span><p class="question-text">{esc(question)}</p></div>'
            f'<div class="answer">{"".join(parts)}</div></article>')


# -- review ----------------------------------------------------------------------------------------------
FLIPS = {"below": "above", "above": "below", "under": "over", "over": "under", "less than": "more than",
         "more than": "less than", "lower than": "higher than", "higher than": "lower than", "exceeds": "is below",
         "<": ">", ">": "<"}


def sentence_start(text: str, finding) -> int:
    """Where the sentence quoted by a finding starts in the draft (-1 if it cannot be found around the claim)."""
    at = text.find(finding.text, max(0, finding.span[1] - len(finding.text)))
    return at if 0 <= at <= finding.span[0] and finding.span[1] <= at + len(finding.text) else -1


def corrected_statement(text: str, finding) -> str | None:
    """The sentence with the wrong claim put right, when that is a plain substitution; None otherwise."""
    start = sentence_start(text, finding)
    if start < 0:
        return None
    left, claim, right = text[start:finding.span[0]], text[finding.span[0]:finding.span[1]], text[finding.span[1]:start + len(finding.text)]
    if finding.kind == "grade_mismatch" and finding.expected_grade is not None:
        fixed = re.sub(r"(?i)\b(grade|g)\s*(not\s*)?[≥>=≤<]*\s*(\d|iv|iii|ii|i)(\s*[-–]\s*(\d|iv|iii|ii|i))?\b",
                       lambda m: m.group(1) + ("" if m.group(1).lower() == "g" else " ") + str(finding.expected_grade), claim, count=1)
        if fixed == claim:
            return None
        return (left + fixed + right).strip()
    if finding.kind == "false_comparison":
        pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in FLIPS if w[0].isalpha()) + r")\b|[<>]")
        fixed, count = pattern.subn(lambda m: FLIPS[m.group(0).lower()] if m.group(0).lower() in FLIPS else m.group(0), claim, count=1)
        return (left + fixed + right).strip() if count else None
    return None


# -- the app ---------------------------------------------------------------------------------------------
class App:
    """The shared state behind the UI: one knowledge base and one answerer."""

    def __init__(self, settings: Settings, knowledge_base: KnowledgeBase | None = None):
        self.settings = settings
        self.kb = knowledge_base or KnowledgeBase(settings)
        self.answerer = Answerer(self.kb)
        self.exports = Path(tempfile.mkdtemp(prefix="assistant-ui-"))

    def warm_up(self) -> None:
        self.answerer.finder.warm(self.kb.index())
        ask(self.answerer, "platelets 79 on pembrolizumab")

    @property
    def editing_protected(self) -> bool:
        return bool(self.settings.admin_password)

    def authorised(self, password: str | None) -> bool:
        expected = self.settings.admin_password
        return not expected or hmac.compare_digest((password or "").encode(), expected.encode())

    def _export_file(self, name: str, content: str) -> str:
        folder = Path(tempfile.mkdtemp(dir=self.exports))
        path = folder / name
        path.write_text(content, encoding="utf-8")
        return str(path)

    # -- API endpoints ---------------------------------------------------------------------------------
    def _api_refuse(self, action: str, message: str):
        log.info("API request refused (%s): %s", action, message)
        raise gr.Error(message, print_exception=False)

    def _api_authorise(self, action: str, password: str | None) -> None:
        if not self.authorised(password):
            self._api_refuse(action, "changing sources needs the admin password (ASSISTANT_ADMIN_PASSWORD); pass it as `password`")

    def api_ask(self, question: str, ctcae: str = "5") -> dict:
        """The same JSON object as `assistant ask --json`."""
        try:
            return ask(self.answerer, question, ctcae or None)
        except UserError as exc:
            self._api_refuse("ask", str(exc))

    def api_check(self, text: str, ctcae: str = "5") -> dict:
        """The same JSON object as `assistant check --json`."""
        try:
            findings, _ = check_report(text or "", normalize_version(ctcae or "5"))
        except UserError as exc:
            self._api_refuse("check", str(exc))
        return {"findings": findings_as_dicts(findings)}

    def api_sources(self) -> dict:
        """The sources in the knowledge base and the removed ones that can be restored."""
        return {"sources": self.kb.sources(), "removed": self.kb.removed()}

    def api_add_source(self, file_name: str, content: str, title: str = "", publisher: str = "", year: str = "",
                       url: str = "", status: str = "unverified", password: str = "", replace: bool = False) -> list[dict]:
        """Add a Markdown, HTML or text source given as text; the admin password when one is set."""
        self._api_authorise("add source", password)
        name = Path(file_name or "").name
        if not name or Path(name).suffix.lower() not in (".md", ".markdown", ".txt", ".html", ".htm"):
            self._api_refuse("add source", f"file_name '{file_name}': give a .md, .txt or .html name (PDFs: use the Sources tab)")
        path = Path(tempfile.mkdtemp(dir=self.exports)) / name
        path.write_text(content or "", encoding="utf-8")
        try:
            year_value = parse_year(year)
            return self.kb.ingest([path], title or None, publisher or None, year_value, url or None, status or None, replace=bool(replace))
        except UserError as exc:
            self._api_refuse("add source", str(exc).replace(str(path.parent) + "/", ""))

    def api_remove_source(self, source_id: str, password: str = "", force: bool = False) -> dict:
        """Remove a source (kept for restoring); a shipped source needs force=True."""
        self._api_authorise("remove source", password)
        try:
            return self.kb.remove(source_id, force=bool(force))
        except UserError as exc:
            self._api_refuse("remove source", str(exc))

    def api_restore_source(self, source_id: str, password: str = "") -> dict:
        """Restore a removed or replaced source."""
        self._api_authorise("restore source", password)
        try:
            return self.kb.restore(source_id)
        except UserError as exc:
            self._api_refuse("restore source", str(exc))

    def api_purge_source(self, source_id: str, password: str = "") -> dict:
        """Delete the kept versions of a removed source for good."""
        self._api_authorise("purge source", password)
        try:
            return self.kb.purge(source_id)
        except UserError as exc:
            self._api_refuse("purge source", str(exc))

    # -- chat ------------------------------------------------------------------------------------------
    def chat(self, message: str, turns: list | None, conversation: Conversation | None, ctcae: str):
        """Ask; on a user's mistake only the message changes and the question stays as typed."""
        skip = gr.skip()
        if not message or not message.strip():
            return skip, skip, skip, skip, user_mistake("ask", "Type a question first."), skip, skip
        conversation = conversation or Conversation(self.answerer)
        try:
            result = conversation.ask(message, ctcae)
        except UserError as exc:
            return skip, skip, skip, skip, user_mistake("ask", str(exc)), skip, skip
        index = self.kb.index()
        texts = {c["chunk_id"]: index.by_id[c["chunk_id"]].text for c in result["citations"] if c.get("chunk_id") in index.by_id}
        turns = list(turns or []) + [turn_html(len(turns or []) + 1, message, result, texts)]
        export = self._export_file("answer.md", answer_markdown(message, result))
        return ("".join(turns), turns, conversation, "", "", gr.update(value=export, interactive=True),
                gr.update(interactive=False))

    # -- review ----------------------------------------------------------------------------------------
    def review(self, text: str, upload, ctcae: str):
        skip = gr.skip()
        if upload:
            path = Path(upload if isinstance(upload, str) else upload.name)
            if path.suffix.lower() not in (".txt", ".md", ".markdown"):
                return skip, skip, skip, skip, user_mistake("review", f"{path.name}: upload a .txt or .md draft, or paste the text.")
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                return skip, skip, skip, skip, user_mistake("review", f"{path.name}: not UTF-8 text; save it as UTF-8 and upload it again.")
        if not text or not text.strip():
            return skip, skip, skip, skip, user_mistake("review", "Paste a draft or upload a .txt/.md file to check.")
        default = normalize_version(ctcae)
        try:
            findings, checked = check_report(text, default)
        except UserError as exc:
            return skip, skip, skip, skip, user_mistake("review", str(exc))
        findings = sorted(findings, key=lambda f: f.span[0])
        highlights, cursor = [], 0
        for finding in findings:
            start, end = finding.span
            if start < cursor:
                continue
            highlights.append((text[cursor:start], None))
            highlights.append((text[start:end], FINDING_KIND_NAMES.get(finding.kind, finding.kind)))
            cursor = end
        highlights.append((text[cursor:], None))
        rows, records = [], []
        for number, f in enumerate(findings, 1):
            label = FINDING_KIND_NAMES.get(f.kind, f.kind)
            corrected = corrected_statement(text, f)
            start = sentence_start(text, f)
            if start >= 0:
                a, b = f.span[0] - start, f.span[1] - start
                statement = f"{esc(f.text[:a])}<mark>{esc(f.text[a:b])}</mark>{esc(f.text[b:])}"
            else:
                statement = esc(f.text)
            rows.append(f'<tr><td data-label="#">{number}</td><td data-label="statement">{statement}</td>'
                        f'<td data-label="problem"><strong>{esc(label)}</strong></td>'
                        f'<td data-label="corrected">{esc(corrected) if corrected else "—"}</td>'
                        f'<td data-label="checked against">CTCAE v{esc(f.ctcae_version)}</td>'
                        f'<td data-label="why">{esc(f.message)}</td></tr>')
            records.append({**findings_as_dicts([f])[0], "label": label, "corrected": corrected})
        named = sorted({f.ctcae_version for f in findings} - {default})
        summary = (f'<p class="review-count"><strong>{checked} numeric grading claim(s) checked, {len(findings)} wrong.</strong> '
                   f"Claims are checked against the CTCAE version their sentence or the draft names, else v{esc(default)} "
                   "(the version chosen here).")
        if named:
            summary += f" This draft names CTCAE v{esc(', v'.join(named))}, used for its claims."
        summary += "</p>"
        if rows:
            summary += ('<div class="table-wrap"><table id="review-findings" class="stack"><thead><tr><th scope="col">#</th>'
                        '<th scope="col">statement</th><th scope="col">problem</th><th scope="col">corrected statement</th>'
                        '<th scope="col">checked against</th><th scope="col">why</th></tr></thead><tbody>'
                        + "".join(rows) + "</tbody></table></div>")
        else:
            summary += "<p>No grading errors found.</p>"
        buffer = io.StringIO()
        columns = ["number", "label", "kind", "analyte", "value", "unit", "claimed_grade", "expected_grade", "ctcae_version",
                   "text", "corrected", "message"]
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for number, record in enumerate(records, 1):
            writer.writerow({**record, "number": number})
        payload = {"ctcae_default": default, "claims_checked": checked, "claims_wrong": len(findings), "findings": records}
        csv_path = self._export_file("review-findings.csv", buffer.getvalue())
        json_path = self._export_file("review-findings.json", json.dumps(payload, ensure_ascii=False, indent=2))
        return (highlights, summary, gr.update(value=csv_path, interactive=True), gr.update(value=json_path, interactive=True), "")

    # -- sources ---------------------------------------------------------------------------------------
    def sources_html(self) -> str:
        rows = []
        statuses: dict[str, set[str]] = {}
        for chunk in self.kb.index().chunks:  # a source's sections may differ (front matter and headings set them)
            statuses.setdefault(chunk.source_id, set()).add(chunk.status or "unverified")
        for s in self.kb.sources():
            found = statuses.get(s["source_id"]) or {s.get("status") or "unverified"}
            checked = " and ".join(STATUS_BADGES.get(x, x).split(" — ")[0] for x in ("verified", "secondary", "unverified") if x in found)
            checked = ("sections: " if len(found) > 1 else "") + checked
            shipped = '<span class="badge shipped">shipped, protected</span>' if s.get("protected") else "added here"
            rows.append(f'<tr><td data-label="source"><strong>{esc(s["title"])}</strong><br><code>{esc(s["source_id"])}</code></td>'
                        f'<td data-label="publisher">{esc(s.get("publisher") or "not given")}</td>'
                        f'<td data-label="year" class="short">{esc(s.get("year") or "not given")}</td>'
                        f'<td data-label="link" class="short">{link_html(s.get("url"), "link") if s.get("url") else "none"}</td>'
                        f'<td data-label="chunks" class="short">{s["chunks"]}</td>'
                        f'<td data-label="checked">{esc(checked)}</td>'
                        f'<td data-label="added" class="short">{esc((s.get("added_at") or "")[:10] or "—")}</td>'
                        f'<td data-label="kind">{shipped}</td></tr>')
        removed = self.kb.removed()
        removed_rows = "".join(
            f'<tr><td data-label="source"><strong>{esc(r.get("title"))}</strong><br><code>{esc(r.get("source_id"))}</code></td>'
            f'<td data-label="status">{"replaced by a newer version" if r.get("reason") == "replaced" else "removed"}</td>'
            f'<td data-label="when">{esc((r.get("removed_at") or "")[:16].replace("T", " "))}</td></tr>' for r in removed)
        html_out = ('<div class="table-wrap"><table id="sources-list" class="stack"><caption>Sources in the knowledge base '
                    f"({len(rows)})</caption><thead><tr>"
                    + "".join(f'<th scope="col">{h}</th>' for h in ("source", "publisher", "year", "link", "chunks", "checked against the original", "added", "kind"))
                    + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")
        if removed:
            html_out += ('<div class="table-wrap"><table id="removed-list" class="stack"><caption>Removed sources, kept until purged '
                         f'({len(removed)})</caption><thead><tr><th scope="col">source</th><th scope="col">status</th>'
                         f'<th scope="col">when</th></tr></thead><tbody>{removed_rows}</tbody></table></div>')
        return html_out

    def _source_choices(self) -> list[tuple[str, str]]:
        return [(f"{s['title'][:90]} ({s['source_id']})", s["source_id"]) for s in self.kb.sources()]

    def _removed_choices(self) -> list[tuple[str, str]]:
        seen, choices = set(), []
        for r in self.kb.removed():
            if r.get("source_id") not in seen:
                seen.add(r.get("source_id"))
                choices.append((f"{str(r.get('title') or '')[:90]} ({r.get('source_id')}, {r.get('reason') or 'removed'})", r.get("source_id")))
        return choices

    def _refresh(self) -> dict:
        c = self.components
        return {c["table"]: self.sources_html(), c["remove_pick"]: gr.update(choices=self._source_choices(), value=None),
                c["restore_pick"]: gr.update(choices=self._removed_choices(), value=None)}

    def _sources_mistake(self, action: str, text: str) -> dict:
        return {self.components["source_message"]: user_mistake(action, text)}

    def _password_mistake(self, action: str, password: str | None) -> dict:
        if not password:
            return self._sources_mistake(action, "Changing sources needs the admin password: type it in the 'Admin password' box.")
        return self._sources_mistake(action, "The admin password is wrong; type it again in the 'Admin password' box.")

    def on_add(self, upload, title, publisher, year, url, status, password, progress=gr.Progress()):  # noqa: B008 (Gradio injects progress this way)
        c = self.components
        if not self.authorised(password):
            return self._password_mistake("add source", password)
        if not upload:
            return self._sources_mistake("add source", "Choose a file to upload (PDF, HTML, Markdown or text).")
        path = Path(upload if isinstance(upload, str) else upload.name)
        try:
            year_value = parse_year(year)
            progress(0.1, desc="Reading and checking the file")
            loaded = load_source(path, self.kb.max_bytes)
        except UserError as exc:
            return self._sources_mistake("add source", str(exc).replace(str(path.parent) + "/", ""))
        missing = [name for name, given, key in (("title", title, "title"), ("publisher", publisher, "publisher"), ("year", year_value, "year"))
                   if not (given or loaded.metadata.get(key))]
        if missing:
            return self._sources_mistake("add source", f"{path.name}: give its {', '.join(missing)} before adding it — "
                                         "they are shown in every citation of this source.")
        request = {"path": str(path), "title": title or None, "publisher": publisher or None, "year": year_value,
                   "url": url or None, "status": STATUS_CHOICES.get(status)}
        try:
            progress(0.3, desc="Chunking and embedding")
            results = self.kb.ingest([path], request["title"], request["publisher"], year_value, request["url"], request["status"])
        except SourceConflict as exc:
            log.info("user input needs confirmation (add source): %s", exc)
            text = (f"{esc(path.name)} has the source id <code>{esc(exc.source_id)}</code>, which already belongs to "
                    f"“{esc(exc.current)}”; this file's title is “{esc(exc.incoming)}”. Replace that source with this file? "
                    "The version it replaces is kept and can be restored. To keep both, give this file another "
                    "<code>id</code> in its front matter.")
            return {c["replace_group"]: gr.update(visible=True), c["pending_add"]: request,
                    c["replace_text"]: message_html(text, "info"), c["source_message"]: ""}
        except UserError as exc:
            return self._sources_mistake("add source", str(exc).replace(str(path.parent) + "/", ""))
        progress(1.0, desc="Searchable")
        return {**self._refresh(), c["source_message"]: ingest_message(results)}

    def confirm_replace(self, request, password, progress=gr.Progress()):  # noqa: B008
        c = self.components
        hide = {c["replace_group"]: gr.update(visible=False), c["pending_add"]: None}
        if not self.authorised(password):
            return {**hide, **self._password_mistake("replace source", password)}
        if not request:
            return {**hide, **self._sources_mistake("replace source", "Nothing is waiting to be replaced; add the file again.")}
        try:
            progress(0.3, desc="Chunking and embedding")
            results = self.kb.ingest([Path(request["path"])], request["title"], request["publisher"], request["year"],
                                     request["url"], request["status"], replace=True)
        except UserError as exc:
            return {**hide, **self._sources_mistake("replace source", str(exc))}
        return {**hide, **self._refresh(), c["source_message"]: ingest_message(results)}

    def cancel_replace(self):
        c = self.components
        return {c["replace_group"]: gr.update(visible=False), c["pending_add"]: None,
                c["source_message"]: message_html("Nothing was added; the existing source is unchanged.", "info")}

    def request_remove(self, source_id, password):
        c = self.components
        if not self.authorised(password):
            return self._password_mistake("remove source", password)
        if not source_id:
            return self._sources_mistake("remove source", "Choose the source to remove.")
        source = next((s for s in self.kb.sources() if s["source_id"] == source_id), None)
        if source is None:
            return self._sources_mistake("remove source", f"No source '{source_id}' any more; the list is refreshed.") | self._refresh()
        text = (f"Remove <strong>{esc(source['title'])}</strong> (<code>{esc(source_id)}</code>) and its {source['chunks']} "
                "chunk(s)? Answers stop citing it at once. It stays in the removed list and can be restored until it is purged.")
        if source.get("protected"):
            text += " <strong>This is a shipped source:</strong> tick the box to remove it anyway."
        return {c["remove_group"]: gr.update(visible=True), c["remove_text"]: message_html(text, "info"),
                c["force_box"]: gr.update(visible=bool(source.get("protected")), value=False),
                c["pending_remove"]: source_id, c["source_message"]: ""}

    def confirm_remove(self, source_id, force, password):
        c = self.components
        hide = {c["remove_group"]: gr.update(visible=False), c["pending_remove"]: None}
        if not self.authorised(password):
            return {**hide, **self._password_mistake("remove source", password)}
        if not source_id:
            return {**hide, **self._sources_mistake("remove source", "Choose the source to remove.")}
        source = next((s for s in self.kb.sources() if s["source_id"] == source_id), None)
        if source and source.get("protected") and not force:
            return self._sources_mistake("remove source", "This is a shipped source: tick 'Remove this shipped source anyway' to remove it.")
        try:
            result = self.kb.remove(source_id, force=bool(force))
        except UserError as exc:
            return {**hide, **self._sources_mistake("remove source", str(exc))}
        text = (f"Removed <strong>{esc(result['title'])}</strong> ({result['chunks']} chunks). "
                "Restore it under 'Removed sources' if this was a mistake.")
        return {**hide, **self._refresh(), c["source_message"]: message_html(text, "ok")}

    def cancel_remove(self):
        c = self.components
        return {c["remove_group"]: gr.update(visible=False), c["pending_remove"]: None,
                c["source_message"]: message_html("Nothing was removed.", "info")}

    def on_restore(self, source_id, password):
        c = self.components
        if not self.authorised(password):
            return self._password_mistake("restore source", password)
        if not source_id:
            return self._sources_mistake("restore source", "Choose the removed source to restore.")
        try:
            result = self.kb.restore(source_id)
        except UserError as exc:
            return self._sources_mistake("restore source", str(exc))
        text = f"Restored <strong>{esc(result['title'])}</strong> ({result['chunks']} chunks) — searchable now."
        return {**self._refresh(), c["source_message"]: message_html(text, "ok")}

    def on_purge(self, source_id, sure, password):
        c = self.components
        if not self.authorised(password):
            return self._password_mistake("purge source", password)
        if not source_id:
            return self._sources_mistake("purge source", "Choose the removed source to delete for good.")
        if not sure:
            return self._sources_mistake("purge source", "Tick 'Delete for good' first: a purged source cannot be restored.")
        try:
            self.kb.purge(source_id)
        except UserError as exc:
            return self._sources_mistake("purge source", str(exc))
        return {**self._refresh(), c["purge_sure"]: False,
                c["source_message"]: message_html(f"Deleted the kept versions of <code>{esc(source_id)}</code> for good.", "ok")}

    # -- evaluation ------------------------------------------------------------------------------------
    def evaluation_sets(self) -> dict[str, Path]:
        """The question sets the Evaluation tab offers: the shipped ones, then any in the workspace's evals/ folder."""
        from assistant.evaluation import QUESTION_SETS

        sets = {name: path for name, path in QUESTION_SETS.items() if path.is_file()}
        folder = self.settings.home / "evals"
        if folder.is_dir():
            for path in sorted(folder.glob("*.jsonl")):
                sets.setdefault(path.stem, path)
        return sets

    def evaluation_choices(self) -> list[tuple[str, str]]:
        notes = {"questions": "written with the answerer; thresholds calibrated on it",
                 "clinician": "written blind by clinicians; never tuned on"}
        choices = []
        for name, path in self.evaluation_sets().items():
            count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
            choices.append((f"{name} — {count} item(s), {notes.get(name, 'from this workspace')}", name))
        return choices

    def run_evaluation(self, chosen, checks, progress=gr.Progress()):  # noqa: B008
        from assistant.evaluation import evaluate, report_body

        skip = gr.skip()
        sets = self.evaluation_sets()
        chosen = [name for name in (chosen or []) if name in sets]
        if not chosen:
            return skip, skip, user_mistake("evaluate", "Choose at least one question set to run.")
        runs = self.settings.home / "eval-runs"
        previous = max((p for p in runs.glob("*") if (p / "results.jsonl").is_file()), default=None) if runs.is_dir() else None
        out = runs / time.strftime("%Y%m%dT%H%M%S")
        try:
            payload, results = evaluate(self.answerer, out=out, previous=previous, question_sets={n: sets[n] for n in chosen},
                                        checks=bool(checks), progress=lambda fraction, text: progress(fraction, desc=text))
        except UserError as exc:
            return skip, skip, user_mistake("evaluate", str(exc))
        review = json.loads((out / "review.json").read_text()) if (out / "review.json").is_file() else []
        comparison = payload.pop("comparison", None)
        body = f'<div class="eval-report">{report_body(payload, results, review, comparison)}</div>'
        failing = sum(1 for r in results if r.failures)
        note = message_html(f"Done: {len(results)} item(s) asked, {failing} failing"
                            + (" — compared with the previous run." if comparison else "."), "ok")
        return body, gr.update(value=str(out / "report.html"), interactive=True), note

    # -- layout ----------------------------------------------------------------------------------------
    def build(self) -> gr.Blocks:
        protected = self.editing_protected
        with gr.Blocks(title="ICI cytopenia assistant") as demo:
            gr.Markdown("# Checkpoint-inhibitor cytopenia assistant\n" + DISCLAIMER, elem_id="disclaimer")
            with gr.Tab("Chat", id="chat"):
                turns = gr.State([])
                conversation = gr.State(None)
                chat_view = gr.HTML(EMPTY_CHAT, elem_id="chat-view", js_on_load=CHAT_JS, apply_default_css=False)
                chat_message = gr.HTML("", elem_id="chat-message", apply_default_css=False)
                question = gr.Textbox(label="Question", info="Enter sends · Shift+Enter adds a line", lines=1, max_lines=10,
                                      placeholder="e.g. On pembrolizumab, platelets 45 — hold or continue?", elem_id="question")
                with gr.Row(equal_height=True):
                    version = gr.Radio(["5", "6"], value=self.settings.ctcae_version[0], label="CTCAE version", elem_id="ctcae",
                                       info="Used unless the question names one")
                    send = gr.Button("Ask", variant="primary", elem_id="ask-button", interactive=False)
                    clear = gr.Button("New patient", elem_id="clear-button")
                    export = gr.DownloadButton("Download the last answer (Markdown)", value=None, interactive=False, elem_id="export-answer")
                gr.Examples(EXAMPLES, inputs=question, label="Example questions")
                outputs = [chat_view, turns, conversation, question, chat_message, export, send]
                question.change(lambda q: gr.update(interactive=bool((q or "").strip())), question, send, queue=False,
                                show_progress="hidden", api_visibility="private")
                send.click(self.chat, [question, turns, conversation, version], outputs, api_visibility="private", show_progress="minimal")
                question.submit(self.chat, [question, turns, conversation, version], outputs, api_visibility="private", show_progress="minimal")
                clear.click(lambda: (EMPTY_CHAT, [], None, "", gr.update(value=None, interactive=False)), None,
                            [chat_view, turns, conversation, chat_message, export], api_visibility="private")
            with gr.Tab("Review", id="review"):
                gr.Markdown("Paste a draft answer or article, or upload a .txt/.md file. Every numeric grading claim is checked "
                            "against CTCAE; a version the draft names (for a sentence or the whole text) is honoured.")
                with gr.Row():
                    with gr.Column():
                        draft = gr.Textbox(label="Draft text", lines=12, elem_id="review-text")
                        draft_file = gr.File(label="…or upload a draft (.txt, .md)", file_types=[".txt", ".md"], elem_id="review-file")
                        review_version = gr.Radio(["5", "6"], value=self.settings.ctcae_version[0], elem_id="review-ctcae",
                                                  label="CTCAE version when the draft names none")
                        review_button = gr.Button("Check draft", variant="primary", elem_id="review-button")
                        review_message = gr.HTML("", elem_id="review-message", apply_default_css=False)
                    with gr.Column():
                        highlighted = gr.HighlightedText([("No draft checked yet.", None)], label="Findings in the text", combine_adjacent=False,
                                                         elem_id="review-highlight",
                                                         color_map={"wrong grade": "#f4b5b5", "false comparison": "#f5d0a0",
                                                                    "no such CTCAE term": "#d9c2f0"})
                        review_summary = gr.HTML("", elem_id="review-summary", apply_default_css=False)
                        with gr.Row():
                            review_csv = gr.DownloadButton("Export findings (CSV)", value=None, interactive=False, elem_id="review-csv")
                            review_json = gr.DownloadButton("Export findings (JSON)", value=None, interactive=False, elem_id="review-json")
                review_button.click(self.review, [draft, draft_file, review_version],
                                    [highlighted, review_summary, review_csv, review_json, review_message], api_visibility="private")
            with gr.Tab("Sources", id="sources"):
                gr.Markdown("Editing is **protected**: adding, removing and restoring need the admin password." if protected else
                            "Editing is **open** to anyone who can reach this page. Set `ASSISTANT_ADMIN_PASSWORD` to protect it.",
                            elem_id="editing-mode")
                password = gr.Textbox(label="Admin password", type="password", visible=protected, elem_id="admin-password")
                source_message = gr.HTML("", elem_id="source-status", apply_default_css=False)
                with gr.Row():
                    with gr.Column():
                        gr.Markdown("## Add a source")
                        upload = gr.File(label="File (PDF, HTML, Markdown, text)", file_types=sorted(SUPPORTED_SUFFIXES), elem_id="source-file")
                        title = gr.Textbox(label="Title", elem_id="source-title")
                        publisher = gr.Textbox(label="Publisher or journal", elem_id="source-publisher")
                        year = gr.Textbox(label="Year of publication", elem_id="source-year")
                        url = gr.Textbox(label="URL or DOI link", elem_id="source-url")
                        status = gr.Radio(list(STATUS_CHOICES), value="Unverified", elem_id="source-verification",
                                          label="Checked against the original source? (shown beside every citation)")
                        add = gr.Button("Add source", variant="primary", elem_id="add-source")
                        with gr.Group(visible=False) as replace_group:
                            replace_text = gr.HTML("", apply_default_css=False, elem_id="replace-confirm")
                            with gr.Row():
                                replace_yes = gr.Button("Replace it", variant="stop", elem_id="replace-yes")
                                replace_no = gr.Button("Cancel", elem_id="replace-no")
                    with gr.Column():
                        gr.Markdown("## Remove a source")
                        remove_pick = gr.Dropdown(choices=[], value=None, label="Source to remove", elem_id="remove-pick")
                        remove = gr.Button("Remove…", variant="stop", elem_id="remove-source")
                        with gr.Group(visible=False) as remove_group:
                            remove_text = gr.HTML("", apply_default_css=False, elem_id="remove-confirm")
                            force_box = gr.Checkbox(label="Remove this shipped source anyway", value=False, visible=False, elem_id="remove-force")
                            with gr.Row():
                                remove_yes = gr.Button("Yes, remove it", variant="stop", elem_id="remove-yes")
                                remove_no = gr.Button("Cancel", elem_id="remove-no")
                        gr.Markdown("## Removed sources")
                        restore_pick = gr.Dropdown(choices=[], value=None, label="Removed source", elem_id="restore-pick")
                        restore = gr.Button("Restore", elem_id="restore-source")
                        purge_sure = gr.Checkbox(label="Delete for good (cannot be restored)", value=False, elem_id="purge-sure")
                        purge = gr.Button("Purge", variant="stop", elem_id="purge-source")
                source_table = gr.HTML("", elem_id="source-table", apply_default_css=False)
                pending_remove = gr.State(None)
                pending_add = gr.State(None)
                self.components = {"table": source_table, "remove_pick": remove_pick, "restore_pick": restore_pick,
                                   "source_message": source_message, "remove_group": remove_group, "remove_text": remove_text,
                                   "force_box": force_box, "pending_remove": pending_remove, "replace_group": replace_group,
                                   "replace_text": replace_text, "pending_add": pending_add, "purge_sure": purge_sure}
                every = set(self.components.values())
                add.click(self.on_add, [upload, title, publisher, year, url, status, password], every, api_visibility="private").then(
                    None, None, None, js=SCROLL_TO_SOURCE_NOTICE)
                replace_yes.click(self.confirm_replace, [pending_add, password], every, api_visibility="private")
                replace_no.click(self.cancel_replace, None, every, api_visibility="private")
                remove.click(self.request_remove, [remove_pick, password], every, api_visibility="private")
                remove_yes.click(self.confirm_remove, [pending_remove, force_box, password], every, api_visibility="private")
                remove_no.click(self.cancel_remove, None, every, api_visibility="private")
                restore.click(self.on_restore, [restore_pick, password], every, api_visibility="private")
                purge.click(self.on_purge, [restore_pick, purge_sure, password], every, api_visibility="private")
            with gr.Tab("Evaluation", id="evaluation"):
                gr.Markdown("Run the answer-accuracy evaluation on this knowledge base. Each run is kept and compared with the "
                            "previous one. The small `questions` set takes a few minutes on two cores; `clinician` is larger.")
                choices = self.evaluation_choices()
                eval_sets = gr.CheckboxGroup(choices, value=[choices[0][1]] if choices else [], label="Question sets to run",
                                             elem_id="eval-sets")
                eval_checks = gr.Checkbox(label="Also run the rules-check and lab-reading sets (about a minute more)", value=False,
                                          elem_id="eval-checks")
                with gr.Row():
                    eval_run = gr.Button("Run evaluation", variant="primary", elem_id="eval-run")
                    eval_download = gr.DownloadButton("Download the report (HTML)", value=None, interactive=False, elem_id="eval-download")
                eval_message = gr.HTML("", elem_id="eval-message", apply_default_css=False)
                eval_report = gr.HTML("", elem_id="eval-report", apply_default_css=False)
                eval_run.click(self.run_evaluation, [eval_sets, eval_checks], [eval_report, eval_download, eval_message],
                               api_visibility="private", concurrency_limit=1)
            demo.load(lambda: (self.sources_html(), gr.update(choices=self._source_choices(), value=None),
                               gr.update(choices=self._removed_choices(), value=None), gr.update(choices=self.evaluation_choices())),
                      None, [source_table, remove_pick, restore_pick, eval_sets], api_visibility="private")
            gr.api(self.api_ask, api_name="ask")
            gr.api(self.api_check, api_name="check")
            gr.api(self.api_sources, api_name="sources")
            gr.api(self.api_add_source, api_name="add_source")
            gr.api(self.api_remove_source, api_name="remove_source")
            gr.api(self.api_restore_source, api_name="restore_source")
            gr.api(self.api_purge_source, api_name="purge_source")
        return demo


def parse_year(year) -> int | None:
    text = str(year if year is not None else "").strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise UserError(f"Year '{text[:20]}': give the year of publication as four digits, e.g. 2021.")
    return int(text)


def ingest_message(results: list[dict]) -> str:
    lines = []
    for r in results:
        if r.get("status") == "skipped":
            lines.append(f"Skipped {esc(Path(r.get('file') or '').name)}: {esc(r.get('reason'))}.")
            continue
        lines.append(f"Done — {esc(r['status'])}: <strong>{esc(r['title'])}</strong> ({r['chunks']} chunks) — searchable now.")
        flagged = r.get("flagged") or []
        if flagged:
            lines.append(f"{len(flagged)} sentence(s) of it will never be quoted (fix them in the source):<ul>"
                         + "".join(f"<li>{esc(f.get('locator'))}: “{esc(f.get('sentence'))}” — {esc(f.get('reason'))}</li>" for f in flagged[:20])
                         + "</ul>")
    return message_html("<br>".join(lines), "ok")


CHAT_JS = """
element.addEventListener('click', (event) => {
  const ref = event.target.closest('a.cite-ref');
  if (ref) {
    event.preventDefault();
    const target = document.getElementById(ref.dataset.cite);
    if (!target) return;
    for (let node = target; node && node !== element; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
    }
    element.querySelectorAll('.citation.focused').forEach((node) => node.classList.remove('focused'));
    target.classList.add('focused');
    target.scrollIntoView({block: 'start'});
    target.querySelector('summary').focus({preventScroll: true});
    return;
  }
  const copy = event.target.closest('button.copy-md');
  if (copy) {
    const text = copy.closest('article').querySelector('.md-export').textContent;
    navigator.clipboard.writeText(text).then(() => { copy.textContent = 'Copied'; },
                                             () => { copy.textContent = 'Copy failed: use Download'; });
    return;
  }
  if (event.target.closest('button.print-answer')) window.print();
});
watch('value', () => {
  const turns = element.querySelectorAll('article.turn');
  if (turns.length) turns[turns.length - 1].scrollIntoView({block: 'start'});
});
"""

# After adding a source: bring the replace question, or the message, into view (they sit away from the button). The question's
# group may be shown a frame or two after the outputs arrive, so the scroll is made again once the page has laid it out.
SCROLL_TO_SOURCE_NOTICE = """() => {
  const scrollToNotice = () => {
    const ask = document.querySelector('#replace-confirm');
    const note = document.querySelector('#source-status');
    const target = (ask && ask.offsetParent && ask.textContent.trim()) ? ask : (note && note.textContent.trim() ? note : null);
    if (target) target.scrollIntoView({block: 'center'});
  };
  scrollToNotice();
  setTimeout(scrollToNotice, 150);
  setTimeout(scrollToNotice, 400);
}"""

CSS = """
/* Review: the finding labels in dark text on their light colours (white on pastel fails 4.5:1). */
#review-highlight .label { color: #1f1f1f !important; font-size: 75% !important; }
.gradio-container{max-width:1440px !important}
button[role=tab].selected,.overflow-dropdown button.selected{color:#1d4ed8 !important}
#chat-view{max-height:72vh;overflow-y:auto !important;scroll-padding-top:4px;border:1px solid #c8ccd2 !important;border-radius:8px;padding:0 6px}
#chat-view .empty-chat{color:#3d3d3d;padding:1em}
#chat-view article.turn{border:1px solid #c8ccd2;border-radius:8px;padding:12px 14px;margin:10px 2px;background:#fff;color:#1a1a1a}
#chat-view .asked{background:#eef2f7;border-radius:6px;padding:6px 10px;margin-bottom:8px}
#chat-view .who{font-size:12px;font-weight:600;color:#3d3d3d;text-transform:uppercase;letter-spacing:.03em}
#chat-view .question-text{white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0}
#chat-view h2{font-size:1.15em;font-weight:700;margin:.3em 0}
#chat-view ul{padding-left:1.4em;margin:.3em 0;list-style:disc}
#chat-view p{margin:.25em 0}
#chat-view .lead{font-size:15px}
#chat-view details.more,#chat-view details.sources{border-top:1px solid #dde1e6;padding:4px 0}
#chat-view summary{cursor:pointer;font-weight:600;padding:4px 0}
#chat-view a{color:#0b4f8a;text-decoration:underline}
#chat-view a.cite-ref{text-decoration:none;font-weight:600;padding:0 1px}
#chat-view .note{border-left:3px solid #c8ccd2;padding-left:10px;color:#2f2f2f}
#chat-view .citation{margin:6px 0 6px 8px;border-left:3px solid #c8ccd2;padding-left:8px}
#chat-view .citation.focused{border-left-color:#0b4f8a;background:#f3f7fb}
#chat-view .citation dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}
#chat-view .citation dt{font-weight:600}
#chat-view .citation dd{margin:0;overflow-wrap:anywhere}
#chat-view .chunk{margin:4px 0;padding:6px 10px;background:#f7f7f7;white-space:pre-wrap;overflow-wrap:anywhere}
#chat-view mark{background:#ffe08a;color:#1a1a1a}
#chat-view .badge{font-size:12px;border-radius:4px;padding:0 5px;white-space:nowrap}
.badge.verified{background:#e3f4e6;color:#0f5323}
.badge.secondary{background:#fff1d6;color:#6b3d00}
.badge.unverified{background:#fdecee;color:#8a0f1b}
.badge.shipped{background:#e8eef7;color:#123a66}
#chat-view .checks.ok{color:#0f5323}
#chat-view .checks.warning{background:#fff1d6;color:#5c3300;padding:6px 10px;border-radius:6px}
#chat-view .answer-tools{display:flex;gap:8px;margin-top:8px}
#chat-view .answer-tools button{border:1px solid #6b7280;border-radius:6px;padding:3px 10px;background:#fff;color:#1a1a1a;cursor:pointer}
.inline-message{margin:6px 0;padding:6px 10px;border-radius:6px}
.inline-message.error{background:#fdecee;color:#8a0f1b;border:1px solid #e8a3ab}
.inline-message.ok{background:#e3f4e6;color:#0f5323;border:1px solid #9fd3a9}
.inline-message.info{background:#e8eef7;color:#123a66;border:1px solid #a9bfdc}
table.stack{border-collapse:collapse;width:100%;margin:.5em 0}
table.stack caption{text-align:left;font-weight:600;padding:.3em 0}
table.stack th,table.stack td{border:1px solid #c8ccd2;padding:5px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word;word-break:normal}
#sources-list td.short{white-space:nowrap}
table.stack thead th{background:#eef1f4;white-space:normal;word-break:keep-all}
.table-wrap{overflow-x:auto}
#review-summary mark{background:#ffe08a;color:#1a1a1a}
@media (max-width:700px){
 #sources-list td.short{white-space:normal}
 table.stack thead{position:absolute;left:-9999px}
 table.stack tr{display:block;border:1px solid #c8ccd2;margin:0 0 .6em}
 table.stack td{display:block;border:none;border-bottom:1px solid #e4e6ea}
 table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
 .gradio-container{padding-left:4px !important;padding-right:4px !important}
 #chat-view{max-height:none;padding:0;border:none !important}
 #chat-view article.turn{padding:6px;margin:6px 0}
 #chat-view .citation{margin-left:0;padding-left:5px}
 #chat-view .citation dl{grid-template-columns:1fr}
 #chat-view .citation dd{margin-bottom:4px}
}
@media print{
 #chat-view{max-height:none;overflow:visible}
 #chat-view .answer-tools{display:none}
}
"""


def theme() -> gr.themes.Base:
    """The default theme with colours that meet WCAG AA (4.5:1) for text: dark blue primary, darker greys."""
    return gr.themes.Default(primary_hue="blue", neutral_hue="gray", font=["system-ui", "Arial", "sans-serif"],
                             font_mono=["ui-monospace", "monospace"]).set(
        button_primary_background_fill="#1d4ed8", button_primary_background_fill_hover="#1e40af",
        button_primary_text_color="#ffffff", button_primary_border_color="#1d4ed8",
        button_cancel_background_fill="#b91c1c", button_cancel_background_fill_hover="#991b1b",
        button_cancel_text_color="#ffffff", button_cancel_border_color="#b91c1c",
        input_placeholder_color="#5b6270", body_text_color_subdued="#4b5260", block_info_text_color="#4b5260",
        link_text_color="#0b4f8a", link_text_color_visited="#5b2a86", link_text_color_hover="#083a66",
    )


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> None:
    import socket

    if not 1 <= port <= 65535:
        raise UserError(f"--port {port}: use a port between 1 and 65535")
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise UserError(f"cannot listen on {host}:{port} ({exc.strerror}); stop what uses it or pass --port") from None
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    app = App(settings)
    print("Loading the model and the index...", flush=True)
    app.warm_up()
    demo = app.build()
    demo.queue(default_concurrency_limit=4, max_size=2048)  # a burst of hundreds of askers waits its turn
    if app.editing_protected:
        print("Editing sources: protected — adding, removing and restoring sources need ASSISTANT_ADMIN_PASSWORD "
              "(in the UI and in every API endpoint).", flush=True)
    else:
        print(f"Editing sources: open — anyone who can reach http://{host}:{port} can add, remove and restore sources; "
              "set ASSISTANT_ADMIN_PASSWORD to protect them.", flush=True)
    print(f"Serving on http://{host}:{port}", flush=True)
    demo.launch(server_name=host, server_port=port, show_error=False, max_file_size=f"{int(settings.max_file_mb)}mb",
                ssr_mode=False, footer_links=["api"], quiet=True, theme=theme(), css=CSS + REPORT_CSS, allowed_paths=[str(app.exports)])
