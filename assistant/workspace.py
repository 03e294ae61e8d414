"""The workspace on disk: `corpus/` (source files and their registry) and `index/` (built generations).

Every change of the knowledge base is one transaction: new files, removed files, the registry and the
index generation are first staged where no reader looks, then a journal naming every step is written
(the commit point), then the steps are applied. A crash before the journal leaves the last good state
untouched; a crash after it is finished by the next command, from the journal. Removed and replaced
sources are kept under `corpus/.removed/` until purged. Writers hold a lock so two changes cannot interleave.
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
JOURNAL_NAME = "TRANSACTION.json"
REMOVED_DIR = ".removed"
# Tests stop the process at a named step of a transaction, as a kill would: see `crash_point`.
CRASH_ENV = "ICI_ASSISTANT_CRASH_AT"


def crash_point(step: str) -> None:
    """Die here, with no clean-up, when the crash-test hook names this step."""
    if os.environ.get(CRASH_ENV) == step:
        os._exit(77)


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
    """Paths, registry, lock and transactions of one workspace (the checkout, or `ASSISTANT_HOME`)."""

    def __init__(self, home: Path, lock_timeout_s: float = 120.0):
        self.home = Path(home)
        self.corpus_dir = self.home / "corpus"
        self.index_dir = self.home / "index"
        self.lock_timeout_s = lock_timeout_s

    def ensure(self) -> None:
        for folder, name in ((self.home, "the workspace (ASSISTANT_HOME)"), (self.corpus_dir, "the corpus folder"),
                             (self.index_dir, "the index folder")):
            if folder.exists() and not folder.is_dir():
                raise UserError(f"{folder}: {name} is a file, not a folder; move the file away or point ASSISTANT_HOME elsewhere")
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(f"{folder}: cannot create {name} ({exc.strerror}); check the path and its permissions") from None

    # -- registry -----------------------------------------------------------------------------
    @property
    def registry_path(self) -> Path:
        return self.corpus_dir / REGISTRY_NAME

    def read_registry(self) -> dict[str, dict]:
        """source_id -> entry (file, title, publisher, year, url, status, added_at, protected)."""
        if not self.registry_path.exists():
            return {}
        try:
            data = json.loads(self.registry_path.read_text(encoding="utf-8"))
            return {entry["source_id"]: entry for entry in data.get("sources", [])}
        except (json.JSONDecodeError, AttributeError, KeyError, TypeError):
            raise UserError(f"{self.registry_path}: the source registry is not valid; restore it from version control") from None

    def corpus_files(self) -> list[Path]:
        if not self.corpus_dir.is_dir():
            return []
        return sorted(
            p for p in self.corpus_dir.iterdir()
            if p.is_file() and not p.is_symlink() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES
        )

    # -- removed and replaced sources -------------------------------------------------------------
    @property
    def removed_dir(self) -> Path:
        return self.corpus_dir / REMOVED_DIR

    def removed_versions(self) -> list[tuple[Path, dict]]:
        """Kept versions of removed or replaced sources, newest first: (folder, entry with removed_at and reason)."""
        if not self.removed_dir.is_dir():
            return []
        versions = []
        for folder in self.removed_dir.iterdir():
            try:
                entry = json.loads((folder / "entry.json").read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                continue
            if isinstance(entry, dict) and (folder / str(entry.get("file", ""))).is_file():
                versions.append((folder, entry))
        return sorted(versions, key=lambda item: (item[1].get("removed_at") or "", item[0].name), reverse=True)

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
        except OSError as exc:
            raise UserError(f"{self.home}: the workspace is not writable ({exc.strerror}); "
                            "use a writable ASSISTANT_HOME to change sources or build the index") from None
        try:
            yield
        finally:
            lock.release()

    def writable(self) -> bool:
        """Whether this process may change the workspace (it may always read it)."""
        try:
            self.ensure()
            probe = tempfile.TemporaryFile(dir=self.index_dir)
            probe.close()
            return True
        except (OSError, UserError):
            return False

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

    def new_staging_dir(self) -> Path:
        """Where a transaction stages the files it will move into the corpus (never read as corpus)."""
        self.ensure()
        return Path(tempfile.mkdtemp(dir=self.corpus_dir, prefix=".staging-"))

    # -- transactions ---------------------------------------------------------------------------
    @property
    def journal_path(self) -> Path:
        return self.index_dir / JOURNAL_NAME

    def commit(self, staged_generation: Path, registry: dict[str, dict] | None = None,
               moves: list[tuple[Path, Path]] = (), deletions: list[Path] = (), staging: Path | None = None) -> Path:
        """Make one staged change visible: the journal is the commit point, then every step is applied.

        `moves` (in order) bring staged files in and take old ones out, `registry` replaces the registry,
        `staged_generation` becomes the current index; `deletions` and `staging` are removed at the end.
        Call with the writer lock held."""
        final = self.index_dir / f"gen-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%S%f')}"
        relative = lambda path: str(Path(path).relative_to(self.home))  # noqa: E731
        journal = {"moves": [[relative(a), relative(b)] for a, b in moves], "registry": registry,
                   "generation": relative(staged_generation), "final": relative(final),
                   "deletions": [relative(p) for p in deletions], "staging": relative(staging) if staging else None}
        crash_point("before-journal")
        atomic_write_json(self.journal_path, journal)
        crash_point("after-journal")
        self._apply(journal)
        return final

    def _apply(self, journal: dict) -> None:
        """Apply a journal's steps; each is skipped when already done, so a journal can be replayed after a crash."""
        for number, (source, target) in enumerate(journal["moves"], 1):
            source, target = self.home / source, self.home / target
            if not target.exists() and source.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
            if number == 1:
                crash_point("after-first-move")
        crash_point("after-moves")
        if journal["registry"] is not None:
            entries = sorted(journal["registry"].values(), key=lambda e: e["source_id"])
            atomic_write_json(self.registry_path, {"sources": entries})
        crash_point("after-registry")
        staged, final = self.home / journal["generation"], self.home / journal["final"]
        if staged.exists() and not final.exists():
            os.replace(staged, final)
        crash_point("after-generation")
        previous = self.current_generation()
        if previous != final and (final / "manifest.json").exists():
            atomic_write_bytes(self.current_pointer, (final.name + "\n").encode())
        crash_point("after-current")
        # The previous generation stays one round, so a reader that is loading it right now still can.
        for old in self.index_dir.glob("gen-*"):
            if old not in (final, previous):
                shutil.rmtree(old, ignore_errors=True)
        for path in [*journal["deletions"], *([journal["staging"]] if journal["staging"] else [])]:
            target = self.home / path
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
        self.journal_path.unlink(missing_ok=True)

    def leftovers(self) -> list[Path]:
        """What killed work leaves behind: staged folders and half-written temporary files."""
        return [*self.index_dir.glob(".building-*"), *self.corpus_dir.glob(".staging-*"),
                *self.index_dir.glob(".*.tmp"), *self.corpus_dir.glob(".*.tmp")]

    def recover(self) -> str | None:
        """Finish a change a crash interrupted (from its journal) and remove what unfinished work left behind.

        Call with the writer lock held. Returns what was done, for a one-line notice, or None."""
        done = None
        if self.journal_path.exists():
            try:
                journal = json.loads(self.journal_path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                journal = None  # torn journals cannot exist (atomic write); an unreadable one is dropped
            if journal is not None:
                self._apply(journal)
                done = "finished a change that was interrupted"
            self.journal_path.unlink(missing_ok=True)
        leftovers = self.leftovers()
        for leftover in leftovers:
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
        if leftovers and done is None:
            done = f"removed {len(leftovers)} leftover(s) of an interrupted change"
        return done
