"""The knowledge base as its users meet it: ingest, remove, list sources, build and search the index.

The CLI and the UI both call this class; it loads the embedding model once and keeps the published
index generation in memory, reloading it when another process publishes a new one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from assistant.errors import UserError
from assistant.index import (
    IndexBuilder,
    SourceSpec,
    chunker_settings,
    corpus_digest,
    current_corpus_state,
    read_manifest,
    source_id_for,
    staleness,
)
from assistant.loaders import SUPPORTED_SUFFIXES, load_source
from assistant.retrieval import Hit, LoadedIndex
from assistant.settings import Settings
from assistant.workspace import Workspace, atomic_copy, now_iso


class KnowledgeBase:
    def __init__(self, settings: Settings, embedder=None, progress: bool = False):
        self.settings = settings
        self.workspace = Workspace(settings.home, settings.lock_timeout_s)
        self._embedder = embedder
        self.progress = progress
        self._loaded: LoadedIndex | None = None
        self._checked = False
        self._lock = threading.RLock()

    # -- components ------------------------------------------------------------------------------
    @property
    def embedder(self):
        if self._embedder is None:
            from assistant.embedding import Embedder

            self._embedder = Embedder(self.settings.model_path)
        return self._embedder

    @property
    def max_bytes(self) -> int:
        return int(self.settings.max_file_mb * 2**20)

    def builder(self) -> IndexBuilder:
        return IndexBuilder(self.workspace, self.embedder, self.settings.chunk_size, self.settings.chunk_overlap,
                            self.max_bytes, progress=self.progress)

    # -- index -----------------------------------------------------------------------------------
    def stale_reasons(self) -> list[str]:
        return staleness(self.workspace, self.embedder.fingerprint, chunker_settings(self.settings.chunk_size, self.settings.chunk_overlap))

    def status(self) -> dict:
        generation = self.workspace.current_generation()
        reasons = self.stale_reasons()
        status = {"workspace": str(self.workspace.home), "built": generation is not None, "stale": bool(reasons), "reasons": reasons}
        if generation is not None:
            manifest = read_manifest(generation) or {}
            status.update({key: manifest.get(key) for key in ("embedding_model", "model_sha256", "dimension", "chunker",
                                                          "corpus_digest", "faiss_index", "chunks", "built_at")})
            status["sources"] = len(manifest.get("sources", {}))
            status["generation"] = generation.name
        return status

    def build(self, rebuild: bool = False) -> dict:
        """Build the index when it is missing or stale (always with `rebuild`)."""
        with self._lock, self.workspace.writer_lock():
            self.workspace.clean_stale_builds()
            reasons = self.stale_reasons()
            if not reasons and not rebuild:
                return {"built": False, "reasons": [], **self._summary()}
            specs, digest = current_corpus_state(self.workspace)
            builder = self.builder()
            prepared = [builder.load(spec) for spec in specs]
            self.workspace.publish_generation(builder.build(prepared, digest))
            self._loaded = None
            return {"built": True, "reasons": reasons or ["rebuild requested"], **self._summary()}

    def _summary(self) -> dict:
        generation = self.workspace.current_generation()
        manifest = (read_manifest(generation) if generation else None) or {}
        return {"sources": len(manifest.get("sources", {})), "chunks": manifest.get("chunks", 0)}

    def index(self) -> LoadedIndex:
        """The current index in memory: built first if missing or stale, reloaded if another process published."""
        with self._lock:
            if not self._checked:
                self.workspace.ensure()
                if self.stale_reasons():
                    self.build()
                self._checked = True
            generation = self.workspace.current_generation()
            if generation is None:
                self.build()
                generation = self.workspace.current_generation()
            if self._loaded is None or self._loaded.generation != generation:
                self._loaded = LoadedIndex(generation, self.embedder)
            return self._loaded

    def search(self, query: str, k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        if not query or not query.strip():
            raise UserError("the search query is empty; type what you are looking for")
        if k is not None and not 1 <= k <= 1000:
            raise UserError(f"-k {k}: ask for between 1 and 1000 hits")
        return self.index().search(query.strip(), k or self.settings.top_k, mode)

    # -- sources ---------------------------------------------------------------------------------
    def sources(self) -> list[dict]:
        manifest = self.index().manifest
        return [
            {"source_id": sid, "title": s["title"], "publisher": s["publisher"], "year": s["year"], "url": s["url"],
             "sha256": s["sha256"], "chunks": s["chunks"], "added_at": s["added_at"]}
            for sid, s in sorted(manifest["sources"].items())
        ]

    def expand_paths(self, paths: list[Path]) -> list[Path]:
        files: list[Path] = []
        for path in paths:
            if not path.exists():
                raise UserError(f"{path}: no such file or directory; check the path")
            if path.is_dir():
                found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                               and not p.name.startswith("."))
                if not found:
                    raise UserError(f"{path}: the folder has no supported files ({', '.join(sorted(SUPPORTED_SUFFIXES))})")
                files.extend(found)
            else:
                files.append(path)
        return files

    def ingest(self, paths: list[Path], title: str | None = None, publisher: str | None = None,
               year: int | None = None, url: str | None = None, status: str | None = None) -> list[dict]:
        """Add or replace sources. Every file is read and checked before anything is written."""
        files = self.expand_paths([Path(p) for p in paths])
        if title and len(files) > 1:
            raise UserError("--title names one source; ingest the files one at a time to give each its title")
        loaded_new = [load_source(f, self.max_bytes) for f in files]
        with self._lock, self.workspace.writer_lock():
            self.workspace.clean_stale_builds()
            registry = self.workspace.read_registry()
            specs, _ = current_corpus_state(self.workspace)
            builder = self.builder()
            current = [builder.load(spec) for spec in specs]  # the corpus as it is, with resolved ids
            by_id = {spec.source_id: (spec, raw) for (spec, _), raw in zip(current, specs, strict=True)}
            taken_files = {spec.file for spec in specs}
            results, replaced_ids, new_specs = [], set(), []
            for loaded in loaded_new:
                sid = source_id_for(loaded)
                existing = by_id.get(sid)
                entry = registry.get(sid, {})
                flags = {"title": title, "publisher": publisher, "year": year, "url": url, "status": status}
                wanted = {key: flags[key] if flags[key] is not None else entry.get(key) for key in flags}
                if existing and existing[0].sha256 == loaded.sha256 and all(
                        flags[k] is None or flags[k] == entry.get(k) for k in flags):
                    results.append({"source_id": sid, "title": existing[0].title, "chunks": _count(current, sid), "status": "unchanged"})
                    continue
                if existing:
                    replaced_ids.add(sid)
                    file_name = existing[1].file if Path(existing[1].file).suffix == loaded.path.suffix else _free_name(loaded.path.name, taken_files)
                else:
                    file_name = _free_name(loaded.path.name, taken_files)
                taken_files.add(file_name)
                added_at = entry.get("added_at") or now_iso()
                new_specs.append((SourceSpec(source_id=sid, path=loaded.path, file=file_name, added_at=added_at,
                                             sha256=loaded.sha256, **wanted), loaded, "replaced" if existing else "added"))
            if not new_specs:
                return results
            keep = [(prep, raw) for prep, raw in zip(current, specs, strict=True) if prep[0].source_id not in replaced_ids]
            kept_files = {raw.file for _, raw in keep}
            digest = corpus_digest([raw for _, raw in keep] + [spec for spec, _, _ in new_specs])
            prepared = [prep for prep, _ in keep] + [builder.prepare(spec, loaded) for spec, loaded, _ in new_specs]
            staged = builder.build(prepared, digest)
            # Publish: source files first, then the registry, then the index pointer. A crash in between
            # leaves a stale (never torn) index, which the next command rebuilds.
            for spec, loaded, _ in new_specs:
                target = self.workspace.corpus_dir / spec.file
                if loaded.path.resolve() != target.resolve():
                    atomic_copy(loaded.path, target)
                registry[spec.source_id] = {"source_id": spec.source_id, "file": spec.file, "title": spec.title,
                                            "publisher": spec.publisher, "year": spec.year, "url": spec.url,
                                            "added_at": spec.added_at, **({"status": spec.status} if spec.status else {})}
            self.workspace.write_registry(registry)
            self.workspace.publish_generation(staged)
            for sid in replaced_ids:
                old_file = by_id[sid][1].file
                if old_file not in kept_files and old_file not in {s.file for s, _, _ in new_specs}:
                    (self.workspace.corpus_dir / old_file).unlink(missing_ok=True)
            self._loaded = None
            manifest = read_manifest(self.workspace.current_generation())
            for spec, _, status in new_specs:
                source = manifest["sources"][spec.source_id]
                results.append({"source_id": spec.source_id, "title": source["title"], "chunks": source["chunks"], "status": status})
            return results

    def remove(self, source_id: str) -> dict:
        with self._lock, self.workspace.writer_lock():
            self.workspace.clean_stale_builds()
            specs, _ = current_corpus_state(self.workspace)
            builder = self.builder()
            current = [(builder.load(spec), spec) for spec in specs]
            match = [(prep, raw) for prep, raw in current if prep[0].source_id == source_id]
            if not match:
                raise UserError(f"no source '{source_id}' in {self.workspace.corpus_dir}; see `assistant sources list`")
            (spec, chunks), raw = match[0]
            keep = [(prep, r) for prep, r in current if prep[0].source_id != source_id]
            staged = builder.build([prep for prep, _ in keep], corpus_digest([r for _, r in keep]))
            registry = self.workspace.read_registry()
            registry.pop(source_id, None)
            self.workspace.write_registry(registry)
            self.workspace.publish_generation(staged)
            (self.workspace.corpus_dir / raw.file).unlink(missing_ok=True)
            self._loaded = None
            return {"source_id": source_id, "title": spec.title, "chunks": len(chunks), "status": "removed"}


def _count(prepared: list, source_id: str) -> int:
    return next((len(chunks) for spec, chunks in prepared if spec.source_id == source_id), 0)


def _free_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while f"{stem}-{number}{suffix}" in taken:
        number += 1
    return f"{stem}-{number}{suffix}"

