"""The knowledge index: chunking sources, embedding them, and the FAISS + BM25 generation on disk.

Build on llama-index where it fits: its `SentenceSplitter` chunks the text and its `BM25Retriever`
does lexical search. Dense search wraps FAISS directly rather than llama-index's `FaissVectorStore`:
that store cannot delete one source's vectors and adds per-query overhead; a generation here is
rebuilt from content-addressed chunks, so unchanged text is never embedded twice.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np

from assistant.errors import UserError
from assistant.loaders import LOCATOR_SEPARATOR, LoadedSource, load_source, slugify
from assistant.workspace import Workspace, atomic_write_json, now_iso

CHUNKER_VERSION = 2  # 2: chunks carry the verification status of their section
MANIFEST_FORMAT = 3  # 3: sources carry their status; bump when the generation layout or manifest fields change: older indexes are rebuilt
FLAT_INDEX_LIMIT = 50_000  # above this many chunks an HNSW graph keeps search p95 within budget
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 96


@dataclass
class Chunk:
    chunk_id: str
    source_id: str
    title: str
    publisher: str | None
    year: int | None
    url: str | None
    locator: str
    text: str
    status: str | None = None  # verified | secondary | unverified; None when the source does not say

    @property
    def search_text(self) -> str:
        """What is embedded and BM25-indexed: the locator gives a chunk the context of its headings."""
        return f"{self.title}\n{self.locator}\n{self.text}"


@dataclass
class SourceSpec:
    """One source as the index sees it: where its file is and its bibliographic metadata."""

    source_id: str
    path: Path
    file: str
    title: str | None = None
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    added_at: str | None = None
    sha256: str = ""
    status: str | None = None  # verified | secondary | unverified, for sections that do not state their own


def chunker_settings(chunk_size: int, chunk_overlap: int) -> dict:
    return {"splitter": "llama_index.SentenceSplitter", "chunk_size": chunk_size, "chunk_overlap": chunk_overlap,
            "tokenizer": "words", "version": CHUNKER_VERSION}


def _word_tokens(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", text)


def chunk_source(loaded: LoadedSource, spec: SourceSpec, chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    """Split each section into chunks of about `chunk_size` word tokens; ids hash source, locator and text."""
    from llama_index.core.node_parser import SentenceSplitter

    splitter = SentenceSplitter(chunk_size=chunk_size, chunk_overlap=min(chunk_overlap, chunk_size // 2), tokenizer=_word_tokens)
    chunks: list[Chunk] = []
    title = spec.title or loaded.title
    for section in loaded.sections:
        pieces = splitter.split_text(section.text)
        for number, piece in enumerate(pieces, 1):
            locator = section.locator
            if not locator:
                locator = f"part {len(chunks) + 1}"
            elif len(pieces) > 1:
                locator = f"{locator}{LOCATOR_SEPARATOR}part {number}"
            digest = hashlib.sha256(f"{spec.source_id}\x00{locator}\x00{section.status or spec.status}\x00{piece}".encode()).hexdigest()[:20]
            chunks.append(Chunk(digest, spec.source_id, title, spec.publisher, spec.year, spec.url, locator, piece,
                                section.status or spec.status))
    return chunks


def spec_metadata(loaded: LoadedSource, entry: dict | None) -> dict:
    """Metadata of a source: its registry entry (from ingest flags) over its own front matter."""
    meta = loaded.metadata
    entry = entry or {}

    def pick(key, *fallbacks):
        for value in (entry.get(key), *(meta.get(k) for k in (key, *fallbacks))):
            if value not in (None, ""):
                return value
        return None

    year = pick("year")
    try:
        year = int(year) if year is not None else None
    except (TypeError, ValueError):
        year = None
    url = pick("url") or (f"https://doi.org/{meta['doi']}" if meta.get("doi") else None)
    return {"title": pick("title") or loaded.title, "publisher": pick("publisher", "journal"), "year": year, "url": url,
            "status": pick("status")}


def source_id_for(loaded: LoadedSource) -> str:
    return slugify(str(loaded.metadata.get("id") or loaded.path.stem))


def corpus_specs(workspace: Workspace) -> list[SourceSpec]:
    """Every source file in the workspace's corpus, with registry metadata where it has some."""
    registry = workspace.read_registry()
    by_file = {entry["file"]: entry for entry in registry.values()}
    specs = []
    for path in workspace.corpus_files():
        entry = by_file.get(path.name)
        specs.append(SourceSpec(source_id=entry["source_id"] if entry else "", path=path, file=path.name,
                                title=(entry or {}).get("title"), publisher=(entry or {}).get("publisher"),
                                year=(entry or {}).get("year"), url=(entry or {}).get("url"),
                                added_at=(entry or {}).get("added_at"), status=(entry or {}).get("status")))
    return specs


def corpus_digest(specs: list[SourceSpec]) -> str:
    """A digest of what an index is built from: each corpus file, its content hash and its registry metadata."""
    keyed = sorted((s.file, s.sha256, s.title, s.publisher, s.year, s.url) + ((s.status,) if s.status else ()) for s in specs)
    return hashlib.sha256(json.dumps(keyed).encode()).hexdigest()


def current_corpus_state(workspace: Workspace) -> tuple[list[SourceSpec], str]:
    """Specs of the corpus as it is on disk now, with content hashes, and their digest (no parsing)."""
    specs = corpus_specs(workspace)
    for spec in specs:
        spec.sha256 = hashlib.sha256(spec.path.read_bytes()).hexdigest()
    return specs, corpus_digest(specs)


def staleness(workspace: Workspace, embedder_fingerprint: str, chunker: dict) -> list[str]:
    """Why the current index does not match the corpus, model and chunker (empty when it does)."""
    generation = workspace.current_generation()
    if generation is None:
        return ["no index has been built"]
    manifest = read_manifest(generation)
    if manifest is None:
        return ["the index manifest is unreadable"]
    reasons = []
    if manifest.get("format") != MANIFEST_FORMAT:
        reasons.append("the index was built by another version of the assistant")
    if manifest.get("model_sha256") != embedder_fingerprint:
        reasons.append("the embedding model changed")
    if manifest.get("chunker") != chunker:
        reasons.append("the chunker settings changed")
    _, digest = current_corpus_state(workspace)
    if manifest.get("corpus_digest") != digest:
        reasons.append("the corpus changed")
    return reasons


class IndexBuilder:
    """Builds a new index generation from source specs, reusing the chunks and vectors of the current one."""

    def __init__(self, workspace: Workspace, embedder, chunk_size: int, chunk_overlap: int, max_bytes: int, progress: bool = False):
        self.workspace = workspace
        self.embedder = embedder
        self.chunker = chunker_settings(chunk_size, chunk_overlap)
        self.chunk_size = chunk_size
        self.chunk_overlap = chunk_overlap
        self.max_bytes = max_bytes
        self.progress = progress

    def load(self, spec: SourceSpec) -> tuple[SourceSpec, list[Chunk]]:
        loaded = load_source(spec.path, self.max_bytes)
        return self.prepare(spec, loaded)

    def prepare(self, spec: SourceSpec, loaded: LoadedSource) -> tuple[SourceSpec, list[Chunk]]:
        """The spec with its metadata resolved (registry over front matter) and the source's chunks."""
        meta = spec_metadata(loaded, {"title": spec.title, "publisher": spec.publisher, "year": spec.year, "url": spec.url,
                                      "status": spec.status})
        resolved = replace(spec, source_id=spec.source_id or source_id_for(loaded), sha256=loaded.sha256, **meta)
        return resolved, chunk_source(loaded, resolved, self.chunk_size, self.chunk_overlap)

    def build(self, prepared: list[tuple[SourceSpec, list[Chunk]]], corpus_digest: str) -> Path:
        """Embed what is new, write FAISS, BM25, chunks and manifest into a staged folder, then publish it."""
        ids = [spec.source_id for spec, _ in prepared]
        duplicates = sorted({sid for sid in ids if ids.count(sid) > 1})
        if duplicates:
            raise UserError(f"source id(s) {', '.join(duplicates)} appear in more than one corpus file; give each source a unique 'id'")
        chunks = [chunk for _, source_chunks in prepared for chunk in source_chunks]
        staged = self.workspace.new_generation_dir()
        try:
            vectors = self._vectors_for(chunks)
            write_generation(staged, chunks, vectors)
            manifest = {
                "format": MANIFEST_FORMAT,
                "embedding_model": self.embedder.model_path,
                "model_sha256": self.embedder.fingerprint,
                "dimension": int(self.embedder.dimension),
                "chunker": self.chunker,
                "corpus_digest": corpus_digest,
                "faiss_index": faiss_kind(len(chunks)),
                "chunks": len(chunks),
                "built_at": now_iso(),
                "sources": {
                    spec.source_id: {"file": spec.file, "title": spec.title, "publisher": spec.publisher, "year": spec.year,
                                     "url": spec.url, "status": spec.status, "sha256": spec.sha256, "chunks": len(source_chunks),
                                     "added_at": spec.added_at}
                    for spec, source_chunks in prepared
                },
            }
            atomic_write_json(staged / "manifest.json", manifest)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        return staged

    def _vectors_for(self, chunks: list[Chunk]) -> np.ndarray:
        """Vectors for `chunks`: reused from the current generation by chunk id, the rest embedded now."""
        known: dict[str, np.ndarray] = {}
        generation = self.workspace.current_generation()
        manifest = read_manifest(generation) if generation is not None else None
        if manifest is not None:
            if manifest.get("model_sha256") == self.embedder.fingerprint:
                old_ids = [json.loads(line)["chunk_id"] for line in (generation / "chunks.jsonl").open(encoding="utf-8")]
                old_vectors = np.load(generation / "vectors.npy")
                wanted = {c.chunk_id for c in chunks}
                known = {cid: old_vectors[row] for row, cid in enumerate(old_ids) if cid in wanted}
        missing = [c for c in chunks if c.chunk_id not in known]
        fresh = self.embedder.encode([c.search_text for c in missing], progress=self.progress)
        for chunk, vector in zip(missing, fresh, strict=True):
            known[chunk.chunk_id] = vector
        dimension = int(self.embedder.dimension)
        if not chunks:
            return np.zeros((0, dimension), dtype="float32")
        return np.stack([known[c.chunk_id] for c in chunks]).astype("float32")


def faiss_kind(count: int) -> str:
    return "IndexFlatIP" if count < FLAT_INDEX_LIMIT else f"IndexHNSWFlat(M={HNSW_NEIGHBOURS})"


def make_faiss_index(vectors: np.ndarray):
    """Exact inner-product search for small corpora; an HNSW graph once exact search gets slow."""
    import faiss

    dimension = vectors.shape[1]
    if len(vectors) < FLAT_INDEX_LIMIT:
        index = faiss.IndexFlatIP(dimension)
    else:
        index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 64
        index.hnsw.efSearch = HNSW_EF_SEARCH
    if len(vectors):
        index.add(vectors)
    return index


def bm25_nodes(chunks: list[Chunk]):
    from llama_index.core.schema import TextNode

    return [TextNode(id_=c.chunk_id, text=c.search_text) for c in chunks]


def write_generation(folder: Path, chunks: list[Chunk], vectors: np.ndarray) -> None:
    import faiss

    with (folder / "chunks.jsonl").open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
    np.save(folder / "vectors.npy", vectors)
    faiss.write_index(make_faiss_index(vectors), str(folder / "dense.faiss"))
    if chunks:
        from assistant.retrieval import make_bm25

        make_bm25(chunks).persist(str(folder / "bm25"), show_progress=False)


def read_manifest(generation: Path) -> dict | None:
    """The generation's manifest, or None when it cannot be read (the index is then treated as stale)."""
    try:
        manifest = json.loads((generation / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return manifest if isinstance(manifest, dict) else None


def progress_wanted(json_output: bool) -> bool:
    return (not json_output) and sys.stderr.isatty()
