"""The chat UI (`assistant serve`): Chat, Review and Sources tabs, plus the `ask` and `check` API endpoints.

The model, the index and the answerer are loaded once and shared by every session; the answerer
keeps no per-request state, and each browser session keeps its own conversation.
Everything a user or a source wrote is escaped before it is shown, so it reads as text, never as HTML.
"""

from __future__ import annotations

import hmac
import os
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline: no telemetry calls

import gradio as gr  # noqa: E402

from assistant.answering import Answerer, Conversation, ask  # noqa: E402
from assistant.check import check_report, findings_as_dicts  # noqa: E402
from assistant.ctcae import ANALYTE_LABELS, normalize_version  # noqa: E402
from assistant.errors import UserError  # noqa: E402
from assistant.knowledge_base import KnowledgeBase  # noqa: E402
from assistant.loaders import SUPPORTED_SUFFIXES  # noqa: E402
from assistant.settings import Settings  # noqa: E402

EXAMPLES = [
    "Liver cancer in remission, on immunotherapy, WBC 2.7, ANC 2.0, ALC 0.4, platelets 79 — what should I do?",
    "On pembrolizumab, platelets 30 and gum bleeding. Hold or continue?",
    "Nivolumab, ANC 0.4 and temperature 38.6 C. Next steps?",
    "How common is immune thrombocytopenia with checkpoint inhibitors?",
    "What changed for neutropenia in CTCAE v6?",
]
DISCLAIMER = ("**For healthcare professionals.** Answers summarise the sources in this knowledge base and do not "
              "replace clinical judgement. Grades are computed by the CTCAE engine; every statement is cited.")
FINDING_LABELS = {"grade_mismatch": "wrong grade", "false_comparison": "false comparison", "ungradable_term": "no such CTCAE term"}
GRADE_HEADERS = ["Lab", "Value", "Grade", "CTCAE version", "Term", "Criterion"]
SOURCE_HEADERS = ["Source id", "Title", "Publisher", "Year", "URL", "Chunks", "Added"]
STATUS_CHOICES = {"Verified": "verified", "Secondary source only": "secondary", "Unverified": "unverified"}


def as_text(value) -> str:
    """Escape what users and sources wrote, so Markdown shows '<script>' as characters."""
    return str(value if value is not None else "").replace("&", "&amp;").replace("<", "&lt;")


def grade_rows(labs: list[dict]) -> list[list[str]]:
    rows = []
    for lab in labs:
        value = "—" if lab["value"] is None else f"{lab['value']:g} {lab['unit']}"
        grade = "not graded" if lab["grade"] is None else str(lab["grade"])
        rows.append([ANALYTE_LABELS[lab["analyte"]], value, grade, lab["ctcae_version"], lab["term"] or "—",
                     lab["criterion"] or "; ".join(lab["warnings"])])
    return rows


STATUS_BADGES = {"verified": "verified against the source", "secondary": "secondary source only",
                 "unverified": "UNVERIFIED — not yet checked against the source"}


def status_badge(citation: dict) -> str:
    """The visible verification label shown beside every citation."""
    return f"`{STATUS_BADGES.get(citation.get('status') or 'unverified', STATUS_BADGES['unverified'])}`"


def source_line(citation: dict) -> str:
    link = f" — [link]({as_text(citation['url'])})" if citation.get("url") else ""
    return (f"{as_text(citation['publisher'] or 'publisher not given')}, {citation['year'] or 'year not given'} › "
            f"{as_text(citation['locator'])}{link}")


def citations_markdown(citations: list[dict]) -> str:
    if not citations:
        return "_No citations._"
    parts = []
    for c in citations:
        parts.append(f"**[{c['n']}] {as_text(c['title'])}** {status_badge(c)}  \n{source_line(c)}\n\n> {as_text(c['quote'])}")
    return "\n\n".join(parts)


def checks_markdown(result: dict) -> str:
    checks = result["checks"]
    lines = []
    if checks.get("findings"):
        lines += [f"Warning — rules check: {as_text(f['message'])}" for f in checks["findings"]]
    if checks.get("ungrounded_numbers"):
        lines.append(f"Warning — numbers not found in sources or patient data: {checks['ungrounded_numbers']}")
    if not checks.get("citations_verified", True):
        lines.append(f"Warning — citations that failed verification: {checks.get('invalid_citations')}")
    if not lines:
        lines.append(f"**Verified:** {len(result['citations'])} citation(s) quoted verbatim, every number grounded, rules check clean.")
    lines += [f"Note: {as_text(note)}" for note in result.get("notes", [])]
    return "\n\n".join(lines)


class App:
    """The shared state behind the UI: one knowledge base and one answerer."""

    def __init__(self, settings: Settings, knowledge_base: KnowledgeBase | None = None):
        self.settings = settings
        self.kb = knowledge_base or KnowledgeBase(settings)
        self.answerer = Answerer(self.kb)

    def warm_up(self) -> None:
        self.answerer.finder.warm(self.kb.index())
        ask(self.answerer, "platelets 79 on pembrolizumab")

    # -- API endpoints -----------------------------------------------------------------------------
    def api_ask(self, question: str, ctcae: str = "5") -> dict:
        """The same JSON object as `assistant ask --json`."""
        try:
            return ask(self.answerer, question, ctcae or None)
        except UserError as exc:
            raise gr.Error(str(exc)) from None

    def api_check(self, text: str, ctcae: str = "5") -> dict:
        """The same JSON object as `assistant check --json`."""
        try:
            findings, _ = check_report(text or "", normalize_version(ctcae or "5"))
        except UserError as exc:
            raise gr.Error(str(exc)) from None
        return {"findings": findings_as_dicts(findings)}

    # -- chat -------------------------------------------------------------------------------------
    def chat(self, message: str, history: list, conversation: Conversation | None, ctcae: str):
        if not message or not message.strip():
            raise gr.Error("Type a question first.")
        conversation = conversation or Conversation(self.answerer)
        try:
            result = conversation.ask(message, ctcae)
        except UserError as exc:
            raise gr.Error(str(exc)) from None
        history = list(history or []) + [
            {"role": "user", "content": as_text(message)},
            {"role": "assistant", "content": as_text(result["answer"])},
        ]
        choices = [f"[{c['n']}] {c['title'][:80]} › {c['locator']}" for c in result["citations"]]
        return (history, conversation, "", grade_rows(result["grades"]), citations_markdown(result["citations"]),
                checks_markdown(result), gr.update(choices=choices, value=None), result["citations"], "")

    def open_citation(self, choice: str | None, citations: list[dict]) -> str:
        if not choice:
            return ""
        number = int(choice.split("]")[0].lstrip("["))
        citation = next(c for c in citations if c["n"] == number)
        chunk = self.kb.index().by_id.get(citation["chunk_id"])
        full = chunk.text if chunk else citation["quote"]
        highlighted = as_text(full).replace(as_text(citation["quote"]), f"**{as_text(citation['quote'])}**", 1)
        return (f"#### [{number}] {as_text(citation['title'])}\n{status_badge(citation)}  \n{source_line(citation)}\n\n"
                f"**Quoted passage (verbatim):**\n\n"
                f"> {as_text(citation['quote'])}\n\n**Full chunk:**\n\n{highlighted}")

    # -- review -----------------------------------------------------------------------------------
    def review(self, text: str, upload, ctcae: str):
        if upload:
            path = Path(upload if isinstance(upload, str) else upload.name)
            if path.suffix.lower() not in (".txt", ".md", ".markdown"):
                raise gr.Error(f"{path.name}: upload a .txt or .md draft, or paste the text.")
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise gr.Error(f"{path.name}: not UTF-8 text; save it as UTF-8.") from None
        if not text or not text.strip():
            raise gr.Error("Paste a draft or upload a .txt/.md file to check.")
        findings, checked = check_report(text, normalize_version(ctcae))
        highlights, cursor = [], 0
        for finding in sorted(findings, key=lambda f: f.span[0]):
            start, end = finding.span
            if start < cursor:
                continue
            highlights.append((text[cursor:start], None))
            highlights.append((text[start:end], FINDING_LABELS.get(finding.kind, finding.kind)))
            cursor = end
        highlights.append((text[cursor:], None))
        summary = f"**{checked} numeric grading claim(s) checked, {len(findings)} wrong** (CTCAE v{normalize_version(ctcae)})."
        details = [f"{n}. **{f.kind}** — “{as_text(f.text)}”  \n{as_text(f.message)}" for n, f in enumerate(findings, 1)]
        return highlights, summary + ("\n\n" + "\n\n".join(details) if details else "\n\nNo grading errors found.")

    # -- sources ----------------------------------------------------------------------------------
    def source_rows(self) -> list[list]:
        return [[s["source_id"], s["title"], s["publisher"] or "", s["year"] or "", s["url"] or "", s["chunks"], s["added_at"] or ""]
                for s in self.kb.sources()]

    def _authorise(self, password: str) -> None:
        expected = self.settings.admin_password
        if expected and not hmac.compare_digest((password or "").encode(), expected.encode()):
            raise gr.Error("Changing sources needs the admin password (ASSISTANT_ADMIN_PASSWORD).")

    def add_source(self, upload, title, publisher, year, url, status, password, progress=gr.Progress()):  # noqa: B008 (Gradio injects progress this way)
        self._authorise(password)
        if not upload:
            raise gr.Error("Choose a file to upload (PDF, HTML, Markdown or text).")
        path = Path(upload if isinstance(upload, str) else upload.name)
        try:
            year_value = int(year) if str(year or "").strip() else None
        except ValueError:
            raise gr.Error(f"Year '{year}' is not a number.") from None
        progress(0.1, desc="Reading and checking the file")
        try:
            progress(0.3, desc="Chunking and embedding")
            results = self.kb.ingest([path], title or None, publisher or None, year_value, url or None,
                                     STATUS_CHOICES.get(status))
        except UserError as exc:
            raise gr.Error(str(exc).replace(str(path.parent) + "/", "")) from None
        progress(1.0, desc="Searchable")
        lines = [f"Done — {r['status']}: **{as_text(r['title'])}** ({r['chunks']} chunks) — searchable now." for r in results]
        return "\n\n".join(lines), self.source_rows(), gr.update(choices=[s["source_id"] for s in self.kb.sources()])

    def remove_source(self, source_id, password):
        self._authorise(password)
        if not source_id:
            raise gr.Error("Choose the source to remove.")
        try:
            result = self.kb.remove(source_id)
        except UserError as exc:
            raise gr.Error(str(exc)) from None
        return (f"Removed **{as_text(result['source_id'])}** ({result['chunks']} chunks).", self.source_rows(),
                gr.update(choices=[s["source_id"] for s in self.kb.sources()], value=None))

    # -- layout -----------------------------------------------------------------------------------
    def build(self) -> gr.Blocks:
        with gr.Blocks(title="ICI cytopenia assistant") as demo:
            gr.Markdown("## Checkpoint-inhibitor cytopenia assistant\n" + DISCLAIMER, elem_id="disclaimer")
            with gr.Tab("Chat", id="chat"):
                conversation = gr.State(None)
                citations_state = gr.State([])
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="Conversation", height=560, elem_id="chatbot", sanitize_html=True)
                        question = gr.Textbox(label="Question", placeholder="e.g. On pembrolizumab, platelets 45 — hold or continue?",
                                              lines=2, elem_id="question")
                        with gr.Row():
                            version = gr.Radio(["5", "6"], value=self.settings.ctcae_version[0], label="CTCAE version", elem_id="ctcae")
                            send = gr.Button("Ask", variant="primary", elem_id="ask-button")
                            clear = gr.Button("New patient", elem_id="clear-button")
                        gr.Examples(EXAMPLES, inputs=question, label="Example questions")
                    with gr.Column(scale=2):
                        grades = gr.Dataframe(headers=GRADE_HEADERS, value=[], label="CTCAE grades (computed by the grading engine)",
                                              interactive=False, wrap=True, elem_id="grades")
                        checks = gr.Markdown(elem_id="checks")
                        citation_pick = gr.Dropdown(choices=[], label="Open a citation", elem_id="citation-pick")
                        citation_view = gr.Markdown(elem_id="citation-view")
                        with gr.Accordion("Sources of this answer", open=True):
                            sources = gr.Markdown(elem_id="answer-sources", max_height=620)
                outputs = [chatbot, conversation, question, grades, sources, checks, citation_pick, citations_state, citation_view]
                send.click(self.chat, [question, chatbot, conversation, version], outputs, api_visibility="private")
                question.submit(self.chat, [question, chatbot, conversation, version], outputs, api_visibility="private")
                clear.click(lambda: ([], None, [], "", "", gr.update(choices=[], value=None), [], ""), None,
                            [chatbot, conversation, grades, sources, checks, citation_pick, citations_state, citation_view],
                            api_visibility="private")
                citation_pick.change(self.open_citation, [citation_pick, citations_state], citation_view, api_visibility="private")
            with gr.Tab("Review", id="review"):
                gr.Markdown("Paste a draft answer or article, or upload a .txt/.md file. Every numeric grading claim is checked against CTCAE.")
                with gr.Row():
                    with gr.Column():
                        draft = gr.Textbox(label="Draft text", lines=12, elem_id="review-text")
                        draft_file = gr.File(label="…or upload a draft (.txt, .md)", file_types=[".txt", ".md"], elem_id="review-file")
                        review_version = gr.Radio(["5", "6"], value=self.settings.ctcae_version[0], label="CTCAE version")
                        review_button = gr.Button("Check draft", variant="primary", elem_id="review-button")
                    with gr.Column():
                        highlighted = gr.HighlightedText(label="Findings in the text", combine_adjacent=False, elem_id="review-highlight",
                                                         color_map={"wrong grade": "red", "false comparison": "orange", "no such CTCAE term": "purple"})
                        review_summary = gr.Markdown(elem_id="review-summary")
                review_button.click(self.review, [draft, draft_file, review_version], [highlighted, review_summary], api_visibility="private")
            with gr.Tab("Sources", id="sources"):
                source_table = gr.Dataframe(headers=SOURCE_HEADERS, value=[], label="Knowledge base sources",
                                            interactive=False, wrap=True, max_height=1600, elem_id="source-table")
                with gr.Row():
                    with gr.Column():
                        gr.Markdown("#### Add a source")
                        upload = gr.File(label="File (PDF, HTML, Markdown, text)", file_types=sorted(SUPPORTED_SUFFIXES), elem_id="source-file")
                        title = gr.Textbox(label="Title", elem_id="source-title")
                        publisher = gr.Textbox(label="Publisher", elem_id="source-publisher")
                        year = gr.Textbox(label="Year", elem_id="source-year")
                        url = gr.Textbox(label="URL or DOI link", elem_id="source-url")
                        status = gr.Radio(list(STATUS_CHOICES), value="Unverified", elem_id="source-verification",
                                          label="Checked against the original source? (shown beside every citation)")
                        password = gr.Textbox(label="Admin password", type="password", visible=bool(self.settings.admin_password))
                        add = gr.Button("Add source", variant="primary", elem_id="add-source")
                    with gr.Column():
                        gr.Markdown("#### Remove a source")
                        remove_pick = gr.Dropdown(choices=[s["source_id"] for s in self.kb.sources()], label="Source", elem_id="remove-pick")
                        remove_password = gr.Textbox(label="Admin password", type="password", visible=bool(self.settings.admin_password))
                        remove = gr.Button("Remove source", variant="stop", elem_id="remove-source")
                        source_status = gr.Markdown(elem_id="source-status")
                add.click(self.add_source, [upload, title, publisher, year, url, status, password], [source_status, source_table, remove_pick],
                          api_visibility="private")
                remove.click(self.remove_source, [remove_pick, remove_password], [source_status, source_table, remove_pick],
                             api_visibility="private")
            demo.load(self.source_rows, None, source_table, api_visibility="private")
            gr.api(self.api_ask, api_name="ask")
            gr.api(self.api_check, api_name="check")
        return demo


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
    app = App(settings)
    print("Loading the model and the index...", flush=True)
    app.warm_up()
    demo = app.build()
    demo.queue(default_concurrency_limit=4, max_size=256)
    print(f"Serving on http://{host}:{port}", flush=True)
    demo.launch(server_name=host, server_port=port, show_error=True, max_file_size=f"{int(settings.max_file_mb)}mb",
                ssr_mode=False, footer_links=["api"], quiet=True)
