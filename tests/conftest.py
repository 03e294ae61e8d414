"""Shared fixtures. Every test gets its own workspace (ASSISTANT_HOME in tmp_path); the real model,
and a real index of the shipped corpus, are built once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(autouse=True)
def isolated_workspace(tmp_path, monkeypatch):
    """Point every command at a fresh workspace so no test touches the checkout's corpus or index."""
    home = tmp_path / "workspace"
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    for key in [k for k in os.environ if k.startswith("ASSISTANT_") and k != "ASSISTANT_HOME"]:
        monkeypatch.delenv(key)
    return home


@pytest.fixture(scope="session")
def embedder():
    from assistant.embedding import Embedder
    from assistant.settings import bundled_model_path

    return Embedder(bundled_model_path())


@pytest.fixture(scope="session")
def corpus_home(tmp_path_factory) -> Path:
    """A workspace holding a copy of the shipped corpus."""
    home = tmp_path_factory.mktemp("corpus-home")
    shutil.copytree(REPO / "corpus", home / "corpus")
    return home


@pytest.fixture(scope="session")
def corpus_kb(corpus_home, embedder):
    """The shipped corpus, indexed with the real model and real FAISS."""
    from assistant.knowledge_base import KnowledgeBase
    from assistant.settings import Settings

    kb = KnowledgeBase(Settings(home=corpus_home), embedder=embedder)
    kb.build()
    return kb


@pytest.fixture(scope="session")
def answerer(corpus_kb):
    from assistant.answering import Answerer

    return Answerer(corpus_kb)


def run_cli(*args: str, home: Path | None = None, stdin: str | None = None, env: dict | None = None, timeout: int = 300):
    """Run the real `assistant` command in a subprocess."""
    environment = {**os.environ, **(env or {})}
    if home is not None:
        environment["ASSISTANT_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True, text=True,
                          env=environment, timeout=timeout, cwd=REPO)
