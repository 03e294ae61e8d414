"""The workspace on disk: `corpus/` (source files and their registry) and `index/` (built generations).

Every write goes to a temporary file or folder first and is then renamed into place, so a crash
leaves the last good state readable. Writers hold a lock so two ingests cannot interleave.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.errors import UserError
from assistant.loaders import SUPPORTED_SUFFIXES

REGISTRY_NAME = "sources.json"


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see either the old or the new file, never a torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, payload) -> None:
    atomic_write_bytes(path, (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def atomic_copy(source: Path, target: Path) -> None:
    atomic_write_bytes(target, source.read_bytes())


class Workspace:
    """Paths, registry and lock of one workspace (the checkout, or `ASSISTANT_HOME`)."""

    def __init__(self, home: Path, lock_timeout_s: float = 120.0):
        self.home = Path(home)
        self.corpus_dir = self.home / "corpus"
        self.index_dir = self.home / "index"
        self.lock_timeout_s = lock_timeout_s

    def ensure(self) -> None:
        self.corpus_dir.mkdir(parents=True, exist_ok=True)
        self.index_dir.mkdir(parents=True, exist_ok=True)

    # -- registry -----------------------------------------------------------------------------
    @property
    def registry_path(self) -> Path:
        return self.corpus_dir / REGISTRY_NAME

    def read_registry(self) -> dict[str, dict]:
        """source_id -> entry (file, title, publisher, year, url, added_at)."""
        if not self.registry_path.exists():
            return {}
        try:
            data = json.loads(self.registry_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            raise UserError(f"{self.registry_path}: the source registry is not valid JSON; restore it from version control") from None
        return {entry["source_id"]: entry for entry in data.get("sources", [])}

    def write_registry(self, registry: dict[str, dict]) -> None:
        entries = sorted(registry.values(), key=lambda e: e["source_id"])
        atomic_write_json(self.registry_path, {"sources": entries})

    def corpus_files(self) -> list[Path]:
        if not self.corpus_dir.is_dir():
            return []
        return sorted(
            p for p in self.corpus_dir.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES
        )

    # -- lock ---------------------------------------------------------------------------------
    @contextmanager
    def writer_lock(self, quiet: bool = False):
        """Hold the workspace's write lock; a second writer waits (saying so) and then gives up clearly."""
        self.ensure()
        lock = FileLock(str(self.index_dir / ".lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if not quiet:
                print(f"Another ingest or index build is running in {self.home}; waiting up to {self.lock_timeout_s:.0f} s...", file=sys.stderr)
            try:
                lock.acquire(timeout=self.lock_timeout_s)
            except Timeout:
                raise UserError(
                    f"{self.home}: another ingest or index build still holds the workspace lock after {self.lock_timeout_s:.0f} s; try again when it finishes"
                ) from None
        try:
            yield
        finally:
            lock.release()

    # -- index generations ----------------------------------------------------------------------
    @property
    def current_pointer(self) -> Path:
        return self.index_dir / "CURRENT"

    def current_generation(self) -> Path | None:
        if not self.current_pointer.exists():
            return None
        name = self.current_pointer.read_text(encoding="utf-8").strip()
        path = self.index_dir / name
        return path if name and (path / "manifest.json").exists() else None

    def new_generation_dir(self) -> Path:
        self.ensure()
        return Path(tempfile.mkdtemp(dir=self.index_dir, prefix=".building-"))

    def publish_generation(self, staged: Path) -> Path:
        """Rename a fully written generation into place and point CURRENT at it; drop older ones."""
        final = self.index_dir / f"gen-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%S%f')}"
        os.replace(staged, final)
        previous = self.current_generation()
        atomic_write_bytes(self.current_pointer, (final.name + "\n").encode())
        # The previous generation stays one round, so a reader that is loading it right now still can.
        for old in self.index_dir.glob("gen-*"):
            if old not in (final, previous):
                shutil.rmtree(old, ignore_errors=True)
        return final

    def clean_stale_builds(self) -> None:
        for leftover in self.index_dir.glob(".building-*"):
            shutil.rmtree(leftover, ignore_errors=True)
