"""The knowledge base as its users meet it: ingest, remove, list sources, build and search the index.

The CLI and the UI both call this class; it loads the embedding model once and keeps the published
index generation in memory, reloading it when another process publishes a new one.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import SourceConflict, UserError
from assistant.index import (
    IndexBuilder,
    SourceSpec,
    chunker_settings,
    corpus_digest,
    current_corpus_state,
    read_manifest,
    source_id_for,
    spec_metadata,
    staleness,
)
from assistant.loaders import FRONT_MATTER_FIELDS, PUBLICATION_YEARS, SUPPORTED_SUFFIXES, load_source
from assistant.retrieval import Hit, LoadedIndex
from assistant.screening import flagged_sentences
from assistant.settings import Settings
from assistant.workspace import Workspace, atomic_copy, atomic_write_json, crash_point, now_iso


@dataclass
class Update:
    """One source coming in: its spec, its loaded text, what happens to it, the source it replaces (if any),
    and registry fields it keeps (a shipped source stays protected when it is updated or restored)."""

    spec: SourceSpec
    loaded: object
    status: str  # added | replaced | restored
    existing: tuple | None = None
    registry_extra: dict = field(default_factory=dict)


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

    @contextmanager
    def _changing(self):
        """Hold the write lock, after finishing or cleaning up whatever a crash interrupted."""
        with self._lock, self.workspace.writer_lock():
            notice = self.workspace.recover()
            if notice:
                print(f"note: {self.workspace.home}: {notice}", file=sys.stderr)
            yield

    def build(self, rebuild: bool = False) -> dict:
        """Build the index when it is missing or stale (always with `rebuild`)."""
        with self._changing():
            reasons = self.stale_reasons()
            if not reasons and not rebuild:
                return {"built": False, "reasons": [], **self._summary()}
            specs, digest = current_corpus_state(self.workspace)
            builder = self.builder()
            prepared = [builder.load(spec) for spec in specs]
            self.workspace.commit(builder.build(prepared, digest))
            self._loaded = None
            return {"built": True, "reasons": reasons or ["rebuild requested"], **self._summary()}

    def _summary(self) -> dict:
        generation = self.workspace.current_generation()
        manifest = (read_manifest(generation) if generation else None) or {}
        return {"sources": len(manifest.get("sources", {})), "chunks": manifest.get("chunks", 0)}

    def _open(self) -> None:
        """On first use: finish an interrupted change and bring the index up to date; on read-only storage,
        serve the last good index as it is."""
        self.workspace.ensure()
        if not self.workspace.writable():
            if self.workspace.current_generation() is None:
                raise UserError(f"{self.workspace.home}: no index has been built and the workspace is read-only; "
                                "build it once with a writable ASSISTANT_HOME")
            if self.workspace.journal_path.exists() or self.stale_reasons():
                print(f"note: {self.workspace.home} is read-only: serving its last built index as it is", file=sys.stderr)
            return
        if self.workspace.journal_path.exists() or self.stale_reasons() or self.workspace.leftovers():
            self.build()

    def index(self) -> LoadedIndex:
        """The current index in memory: built first if missing or stale, reloaded if another process published."""
        with self._lock:
            if not self._checked:
                self._open()
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
        registry = self.workspace.read_registry()
        return [
            {"source_id": sid, "title": s["title"], "publisher": s["publisher"], "year": s["year"], "url": s["url"],
             "status": s.get("status"), "sha256": s["sha256"], "chunks": s["chunks"], "added_at": s["added_at"],
             "protected": bool(registry.get(sid, {}).get("protected"))}
            for sid, s in sorted(manifest["sources"].items())
        ]

    def removed(self) -> list[dict]:
        """Removed and replaced sources kept for restoring, newest first."""
        return [{key: entry.get(key) for key in ("source_id", "title", "publisher", "year", "url", "chunks", "removed_at", "reason")}
                for _, entry in self.workspace.removed_versions()]

    def expand_paths(self, paths: list[Path]) -> tuple[list[Path], list[dict]]:
        """The files to ingest, and those skipped with why: hidden files and folders, and links that lead out
        of the folder being ingested, are never read."""
        files: list[Path] = []
        skipped: list[dict] = []
        for path in paths:
            if not path.exists():
                raise UserError(f"{path}: no such file or directory; check the path")
            if path.is_symlink():
                raise UserError(f"{path}: is a link (to {path.resolve()}); ingest the file itself, not a link to it")
            if not path.is_dir():
                files.append(path)
                continue
            root = path.resolve()
            for folder, dirs, names in os.walk(path):
                for name in [d for d in dirs if d.startswith(".")]:
                    skipped.append({"file": str(Path(folder) / name), "reason": "hidden folder"})
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (Path(folder) / d).is_symlink())
                for name in sorted(names):
                    file = Path(folder) / name
                    if name.startswith("."):
                        skipped.append({"file": str(file), "reason": "hidden file"})
                    elif file.suffix.lower() not in SUPPORTED_SUFFIXES:
                        continue
                    elif file.is_symlink() and not file.resolve().is_relative_to(root):
                        skipped.append({"file": str(file), "reason": "a link to a file outside the folder"})
                    elif file.is_file():
                        files.append(file)
            if not any(f.is_relative_to(path) for f in files):
                raise UserError(f"{path}: the folder has no supported files to ingest ({', '.join(sorted(SUPPORTED_SUFFIXES))})"
                                + (f"; skipped {len(skipped)} hidden or linked file(s)" if skipped else ""))
        return files, skipped

    def _current(self, builder: IndexBuilder):
        """The corpus as it is: [(resolved spec, chunks, raw spec)], with ids resolved from registry and front matter."""
        specs, _ = current_corpus_state(self.workspace)
        return [(*builder.load(spec), spec) for spec in specs]

    def _trash(self, staging: Path, raw: SourceSpec, resolved: SourceSpec, chunks: int, reason: str,
               registry_entry: dict) -> tuple[list[tuple[Path, Path]], Path]:
        """Moves that keep a source's current file and metadata under corpus/.removed/ (restorable)."""
        removed_at = now_iso()
        name = f"{removed_at.replace(':', '').replace('-', '')[:15]}-{resolved.source_id}-{staging.name[-6:]}"
        folder = staging / "removed" / name
        folder.mkdir(parents=True)
        entry = {**registry_entry, "source_id": resolved.source_id, "file": raw.file, "title": resolved.title,
                 "publisher": resolved.publisher, "year": resolved.year, "url": resolved.url, "status": resolved.status,
                 "added_at": resolved.added_at, "chunks": chunks, "removed_at": removed_at, "reason": reason}
        atomic_write_json(folder / "entry.json", entry)
        moves = [(self.workspace.corpus_dir / raw.file, folder / raw.file)]
        return moves, folder

    def ingest(self, paths: list[Path], title: str | None = None, publisher: str | None = None,
               year: int | None = None, url: str | None = None, status: str | None = None, replace: bool = False) -> list[dict]:
        """Add or update sources as one transaction. Every file is read and checked before anything is written.

        A source whose id belongs to a different source (another file name or title) is refused unless
        `replace`; the version it replaces is kept under corpus/.removed/ and can be restored."""
        validate_flags(title, publisher, year, url)
        files, skipped = self.expand_paths([Path(p) for p in paths])
        if title and len(files) > 1:
            raise UserError("--title names one source; ingest the files one at a time to give each its title")
        loaded_new = [load_source(f, self.max_bytes) for f in files]
        first_file: dict[str, Path] = {}
        for loaded in loaded_new:
            sid = source_id_for(loaded)
            if sid in first_file:
                raise UserError(f"{first_file[sid]} and {loaded.path} both have the source id '{sid}'; give each a unique 'id'")
            first_file[sid] = loaded.path
        results: list[dict] = [{"source_id": "", "file": s["file"], "title": "", "chunks": 0, "status": "skipped",
                                "reason": s["reason"]} for s in skipped]
        with self._changing():
            registry = self.workspace.read_registry()
            builder = self.builder()
            current = self._current(builder)
            by_id = {resolved.source_id: (resolved, chunks, raw) for resolved, chunks, raw in current}
            flags = {"title": title, "publisher": publisher, "year": year, "url": url, "status": status}
            updates = []  # (spec, loaded, status, existing)
            for loaded in loaded_new:
                sid = source_id_for(loaded)
                existing = by_id.get(sid)
                entry = registry.get(sid, {})
                same_file = existing is not None and existing[2].file == loaded.path.name
                # A new version of the same file keeps the metadata given when it was added; another file
                # replacing it brings its own (its front matter, and the flags given now).
                inherited = entry if same_file or existing is None else {}
                wanted = {key: flags[key] if flags[key] is not None else inherited.get(key) for key in flags}
                if existing and existing[0].sha256 == loaded.sha256 and all(
                        flags[k] is None or flags[k] == entry.get(k) for k in flags):
                    results.append({"source_id": sid, "title": existing[0].title, "chunks": len(existing[1]), "status": "unchanged"})
                    continue
                if existing and not replace:
                    new_title = spec_metadata(loaded, {k: v for k, v in wanted.items() if k == "title"})["title"]
                    same = existing[2].file == loaded.path.name and _same_title(existing[0].title, new_title)
                    if not same:
                        raise SourceConflict(
                            f"{loaded.path}: its id '{sid}' already belongs to '{existing[0].title}' ({existing[2].file}); "
                            f"this file's title is '{new_title}'. Give it another 'id', or replace that source with --replace "
                            "(the current version is kept and can be restored)",
                            sid, f"{existing[0].title} ({existing[2].file})", str(new_title))
                spec = SourceSpec(source_id=sid, path=loaded.path, file="", added_at=entry.get("added_at") or now_iso(),
                                  sha256=loaded.sha256, **wanted)
                kept = {"protected": True} if same_file and entry.get("protected") else {}
                updates.append(Update(spec, loaded, "replaced" if existing else "added", existing, kept))
            if not updates:
                return results
            new_results = self._apply_change(current, registry, updates, remove_ids=set())
            return results + new_results

    def _apply_change(self, current, registry: dict, updates: list, remove_ids: set[str], restore_from: Path | None = None,
                      removal_reason: str = "removed") -> list[dict]:
        """Stage the new corpus (files in, replaced and removed files out to corpus/.removed/), build its index,
        and commit everything as one transaction."""
        builder = self.builder()
        staging = self.workspace.new_staging_dir()
        try:
            moves_out: list[tuple[Path, Path]] = []
            trash_folders: list[Path] = []
            leaving = {u.spec.source_id for u in updates if u.existing} | remove_ids
            incoming = {u.loaded.path.resolve() for u in updates}
            for resolved, chunks, raw in current:
                if resolved.source_id in leaving and raw.path.resolve() not in incoming:
                    reason = removal_reason if resolved.source_id in remove_ids else "replaced"
                    moves, folder = self._trash(staging, raw, resolved, len(chunks), reason, registry.get(resolved.source_id, {}))
                    moves_out += moves
                    trash_folders.append(folder)
            keep = [(resolved, chunks, raw) for resolved, chunks, raw in current if resolved.source_id not in leaving]
            taken = {raw.file for _, _, raw in keep}
            moves_in: list[tuple[Path, Path]] = []
            specs = []
            for update in updates:
                spec, loaded = update.spec, update.loaded
                in_place = loaded.path.parent.resolve() == self.workspace.corpus_dir.resolve()
                spec.file = loaded.path.name if in_place else _free_name(loaded.path.name, taken)
                taken.add(spec.file)
                if not in_place:
                    staged_file = staging / "new" / spec.file
                    atomic_copy(loaded.path, staged_file)
                    moves_in.append((staged_file, self.workspace.corpus_dir / spec.file))
                spec.path = self.workspace.corpus_dir / spec.file
                specs.append(spec)
            for spec, update in zip(specs, updates, strict=True):
                registry[spec.source_id] = {"source_id": spec.source_id, "file": spec.file, "title": spec.title,
                                            "publisher": spec.publisher, "year": spec.year, "url": spec.url,
                                            "added_at": spec.added_at, **({"status": spec.status} if spec.status else {}),
                                            **update.registry_extra}
            for sid in remove_ids:
                registry.pop(sid, None)
            incoming = [builder.prepare(update.spec, update.loaded) for update in updates]
            prepared = [(resolved, chunks) for resolved, chunks, _ in keep] + incoming
            digest = corpus_digest([raw for _, _, raw in keep] + specs)
            staged = builder.build(prepared, digest)
            moves = moves_out + moves_in + [(folder, self.workspace.removed_dir / folder.name) for folder in trash_folders]
            crash_point("staged")
            self.workspace.commit(staged, registry, moves, deletions=[restore_from] if restore_from else [], staging=staging)
        except BaseException:
            if not self.workspace.journal_path.exists():
                shutil.rmtree(staging, ignore_errors=True)
            raise
        self._loaded = None
        self._checked = True  # just committed under the lock: current, nothing left to recover
        return [{"source_id": resolved.source_id, "title": resolved.title, "chunks": len(chunks), "status": update.status,
                 "flagged": flagged_sentences(chunks)} for (resolved, chunks), update in zip(incoming, updates, strict=True)]

    def remove(self, source_id: str, force: bool = False) -> dict:
        """Take a source out of the knowledge base; its file and metadata are kept under corpus/.removed/."""
        with self._changing():
            registry = self.workspace.read_registry()
            current = self._current(self.builder())
            match = [item for item in current if item[0].source_id == source_id]
            if not match:
                raise UserError(f"no source '{source_id}' in {self.workspace.corpus_dir}; see `assistant sources list`")
            resolved, chunks, _ = match[0]
            if registry.get(source_id, {}).get("protected") and not force:
                raise UserError(f"'{source_id}' ({resolved.title}) is a shipped source and is protected; "
                                "to remove it anyway, pass --force (it can be restored with `assistant sources restore`)")
            self._apply_change(current, registry, [], remove_ids={source_id})
            return {"source_id": source_id, "title": resolved.title, "chunks": len(chunks), "status": "removed"}

    def restore(self, source_id: str) -> dict:
        """Bring back the newest kept version of a removed or replaced source (the current one, if any, is kept in turn)."""
        with self._changing():
            versions = [(folder, entry) for folder, entry in self.workspace.removed_versions() if entry.get("source_id") == source_id]
            if not versions:
                raise UserError(f"no removed or replaced version of '{source_id}' is kept; see `assistant sources list --removed`")
            folder, entry = versions[0]
            registry = self.workspace.read_registry()
            current = self._current(self.builder())
            loaded = load_source(folder / entry["file"], self.max_bytes)
            existing = next((item for item in current if item[0].source_id == source_id), None)
            spec = SourceSpec(source_id=source_id, path=loaded.path, file="", added_at=entry.get("added_at") or now_iso(),
                              sha256=loaded.sha256, **{k: entry.get(k) for k in ("title", "publisher", "year", "url", "status")})
            kept = {"protected": True} if entry.get("protected") else {}
            update = Update(spec, loaded, "restored", existing, kept)
            return self._apply_change(current, registry, [update], remove_ids=set(), restore_from=folder)[0]

    def purge(self, source_id: str) -> dict:
        """Delete the kept versions of a removed or replaced source for good."""
        with self._changing():
            versions = [folder for folder, entry in self.workspace.removed_versions() if entry.get("source_id") == source_id]
            if not versions:
                raise UserError(f"no removed or replaced version of '{source_id}' is kept; nothing to purge")
            for folder in versions:
                shutil.rmtree(folder)
            return {"source_id": source_id, "versions": len(versions), "status": "purged"}


def validate_flags(title, publisher, year, url) -> None:
    """The metadata given on the command line or in the UI, held to the front matter's limits."""
    for name, value in (("title", title), ("publisher", publisher), ("url", url)):
        limit = FRONT_MATTER_FIELDS[name][1]
        if value is not None and len(str(value)) > limit:
            raise UserError(f"--{name} is {len(str(value))} characters long; the limit is {limit}")
    if year is not None and int(year) not in PUBLICATION_YEARS:
        raise UserError(f"--year {year}: give the year of publication ({PUBLICATION_YEARS[0]}-{PUBLICATION_YEARS[-1]})")
    if url and not re.match(r"(?i)https?://", str(url)):
        raise UserError(f"--url {str(url)[:80]}: give an http(s) address (for a DOI: https://doi.org/...)")


def _same_title(first: str | None, second: str | None) -> bool:
    normal = lambda text: " ".join(str(text or "").lower().split())  # noqa: E731
    return normal(first) == normal(second)


def _free_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while f"{stem}-{number}{suffix}" in taken:
        number += 1
    return f"{stem}-{number}{suffix}"

