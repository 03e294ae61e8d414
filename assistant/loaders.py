"""Reading sources (PDF, HTML, Markdown, plain text) into located sections of text.

Each loader returns a `LoadedSource`: metadata plus `Section`s whose `locator` tells a reader where
the text sits in the original (a page number, or the path of headings). Every refusal is a
`UserError` naming the file and what to do; nothing is written while loading.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.errors import UserError

SUPPORTED_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}
LOCATOR_SEPARATOR = " › "
MAX_TITLE_CHARS = 300


# How far a statement has been checked against its source: shown beside every citation of it.
STATUSES = ("verified", "secondary", "unverified")
# A heading may end with "{status=unverified}": that status holds for the section and its subsections.
HEADING_STATUS_RE = re.compile(r"\s*\{status=([a-z]+)\}\s*$")


@dataclass
class Section:
    locator: str
    text: str
    status: str | None = None


@dataclass
class LoadedSource:
    path: Path
    kind: str
    sha256: str
    title: str
    sections: list[Section]
    metadata: dict = field(default_factory=dict)


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:80] or "source"


def load_source(path: Path, max_bytes: int) -> LoadedSource:
    """Read one source file. Raises `UserError` for anything it cannot turn into text."""
    if not path.exists():
        raise UserError(f"{path}: no such file or directory; check the path")
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UserError(
            f"{path}: unsupported file type '{path.suffix or 'none'}'; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    size = path.stat().st_size
    if size == 0:
        raise UserError(f"{path}: the file is empty; add its content and ingest it again")
    if size > max_bytes:
        raise UserError(
            f"{path}: {size / 2**20:.1f} MiB is over the {max_bytes / 2**20:.0f} MiB limit; split the file or raise ASSISTANT_MAX_FILE_MB"
        )
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    loader = {"pdf": _load_pdf, "html": _load_html, "markdown": _load_markdown, "text": _load_text}[kind]
    title, sections, metadata = loader(path, data)
    sections = [Section(s.locator, s.text.strip(), s.status) for s in sections if s.text.strip()]
    if not sections:
        raise UserError(f"{path}: no text found in the file; check that it has readable text")
    title = " ".join(str(title or path.stem).split())
    if len(title) > MAX_TITLE_CHARS:  # a title taken from the document itself (PDF metadata, <title>, first line)
        title = title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return LoadedSource(path=path, kind=kind, sha256=sha, title=title, sections=sections, metadata=metadata)


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; save it as UTF-8 and ingest it again") from None


def _load_pdf(path: Path, data: bytes):
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UserError(f"{path}: the PDF is encrypted; save an unencrypted copy and ingest that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UserError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise UserError(f"{path}: not a readable PDF ({type(exc).__name__}); re-export the file and ingest it again") from None
    except Exception as exc:  # pypdf raises many internal errors on damaged files
        raise UserError(f"{path}: not a readable PDF ({type(exc).__name__}); re-export the file and ingest it again") from None
    sections = [Section(f"p. {number}", _clean(text)) for number, text in enumerate(pages, 1)]
    if not any(s.text for s in sections):
        raise UserError(f"{path}: the PDF has no text layer (scanned images?); run OCR on it first, then ingest the result")
    title = ""
    try:
        title = (reader.metadata.title or "") if reader.metadata else ""
    except Exception:  # damaged metadata must not block a readable PDF
        title = ""
    return title.strip(), sections, {}


def _clean(text: str) -> str:
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r"-\n(?=[a-z])", "", text)  # words hyphenated across lines
    return re.sub(r"\n{3,}", "\n\n", text).strip()


HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
HTML_NOISE = ["script", "style", "nav", "footer", "header", "aside", "noscript", "form", "template", "svg", "iframe", "button"]


def _load_html(path: Path, data: bytes):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(HTML_NOISE):
        tag.decompose()
    for tag in soup.select('[role="navigation"], [role="contentinfo"], [aria-hidden="true"]'):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    sections: list[Section] = []
    path_stack: list[tuple[int, str]] = []
    buffer: list[str] = []

    def flush():
        if buffer:
            locator = LOCATOR_SEPARATOR.join(text for _, text in path_stack)
            sections.append(Section(locator, "\n".join(buffer)))
            buffer.clear()

    for element in root.find_all(HEADING_TAGS + ["p", "li", "td", "th", "pre", "blockquote", "dd", "dt", "figcaption"]):
        if element.name in HEADING_TAGS:
            flush()
            level = int(element.name[1])
            path_stack[:] = [(lvl, txt) for lvl, txt in path_stack if lvl < level]
            path_stack.append((level, element.get_text(" ", strip=True)))
            continue
        if element.find_parent(["li", "td", "th", "blockquote", "dd"]) not in (None, element) and element.name == "p":
            continue
        text = element.get_text(" ", strip=True)
        if text:
            buffer.append(text)
    flush()
    if not title:
        title = path_stack[0][1] if path_stack else ""
    return title, sections, {}


FRONT_MATTER_RE = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
MAX_FRONT_MATTER_BYTES = 16 * 1024
# Each front-matter field: the types it may have and its longest length once written as text.
TEXT, NUMBER, TEXT_LIST = (str,), (int, str), (list, str)
FRONT_MATTER_FIELDS = {"id": (NUMBER, 100), "title": (TEXT, 500), "publisher": (TEXT, 300), "journal": (TEXT, 300),
                       "year": (NUMBER, 20), "url": (TEXT, 2000), "doi": (TEXT, 200), "status": (TEXT, 20),
                       "authors": (TEXT_LIST, 2000), "citation": (TEXT, 2000), "type": (TEXT, 100), "version": (TEXT, 500),
                       "summary_note": (TEXT, 4000)}
OTHER_FIELD_LIMIT = 4000
PUBLICATION_YEARS = range(1800, 2101)


class _NoAliasLoader(yaml.SafeLoader):
    """YAML's safe loader with aliases refused: front matter never needs them, and nested aliases
    ("billion laughs") can expand to gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter", event.start_mark)
        return super().compose_node(parent, index)


def parse_front_matter(path: Path, block: str) -> dict:
    """The front matter as a mapping of checked fields; a `UserError` naming the field otherwise."""
    if len(block.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise UserError(f"{path}: the front matter is over {MAX_FRONT_MATTER_BYTES // 1024} KiB; keep it to bibliographic fields")
    try:
        metadata = yaml.load(block, Loader=_NoAliasLoader) or {}  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise UserError(f"{path}: the YAML front matter does not parse ({problem}); fix it and ingest again") from None
    if not isinstance(metadata, dict):
        raise UserError(f"{path}: the YAML front matter must be a mapping of keys to values")
    for key, value in metadata.items():
        types, limit = FRONT_MATTER_FIELDS.get(key, ((str, int, float, bool, list, type(None)), OTHER_FIELD_LIMIT))
        if not isinstance(key, str):
            raise UserError(f"{path}: front-matter key {str(key)[:40]!r} is not a name; use plain words as keys")
        if value is None:
            continue
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            kinds = " or ".join({"str": "text", "int": "a whole number", "list": "a list of text", "float": "a number",
                                 "bool": "true/false", "NoneType": "empty"}[t.__name__] for t in types)
            raise UserError(f"{path}: front-matter field '{key}' must be {kinds}, not {type(value).__name__}; fix it and ingest again")
        if isinstance(value, list) and not all(isinstance(item, (str, int, float)) for item in value):
            raise UserError(f"{path}: front-matter field '{key}' must be a list of plain text items; fix it and ingest again")
        length = len(str(value))
        if length > limit:
            raise UserError(f"{path}: front-matter field '{key}' is {length} characters long; the limit is {limit}")
    year = metadata.get("year")
    if year is not None and not (str(year).isdigit() and int(year) in PUBLICATION_YEARS):
        raise UserError(f"{path}: front-matter year {str(year)[:20]!r} is not a year "
                        f"({PUBLICATION_YEARS[0]}-{PUBLICATION_YEARS[-1]}); fix it and ingest again")
    return metadata


MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def _load_markdown(path: Path, data: bytes):
    text = _decode(path, data)
    metadata: dict = {}
    match = FRONT_MATTER_RE.match(text)
    if match:
        metadata = parse_front_matter(path, match.group(1))
        text = text[match.end():]
    default_status = source_status(path, metadata)
    sections: list[Section] = []
    stack: list[tuple[int, str, str | None]] = []
    buffer: list[str] = []
    in_code = False

    def flush():
        body = "\n".join(buffer).strip()
        if body:
            status = next((st for _, _, st in reversed(stack) if st), default_status)
            sections.append(Section(LOCATOR_SEPARATOR.join(t for _, t, _ in stack), body, status))
        buffer.clear()

    for line in text.splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
        heading = None if in_code else MD_HEADING_RE.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            title, status = heading_status(path, heading.group(2).strip())
            stack[:] = [entry for entry in stack if entry[0] < level]
            stack.append((level, title, status))
        else:
            buffer.append(line)
    flush()
    title = str(metadata.get("title") or (stack[0][1] if stack else ""))
    return title, sections, metadata


def _checked_status(path: Path, value, where: str) -> str:
    status = str(value).strip().lower()
    if status not in STATUSES:
        raise UserError(f"{path}: {where} status '{value}' is not one of {', '.join(STATUSES)}; fix it and ingest again")
    return status


def source_status(path: Path, metadata: dict) -> str | None:
    """The front matter's `status` (verified | secondary | unverified), or None when the source does not say."""
    value = metadata.get("status")
    return None if value in (None, "") else _checked_status(path, value, "the front matter's")


def heading_status(path: Path, heading: str) -> tuple[str, str | None]:
    """A heading without its "{status=...}" marker, and the status the marker sets (None without one)."""
    match = HEADING_STATUS_RE.search(heading)
    if not match:
        return heading, None
    return heading[: match.start()].strip(), _checked_status(path, match.group(1), f"the heading '{heading}'")


def _load_text(path: Path, data: bytes):
    text = _decode(path, data)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    first = paragraphs[0].splitlines()[0] if paragraphs else ""
    return first[:120], [Section("", "\n\n".join(paragraphs))], {}
