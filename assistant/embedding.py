"""Sentence embeddings: the real sentence-transformers model, and a hash-based fake for unit tests."""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from pathlib import Path

import numpy as np

from assistant.errors import UserError


class Embedder:
    """all-MiniLM-L6-v2 (or any local sentence-transformers model) on the CPU, with no network access."""

    def __init__(self, model_path: str):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        if not Path(model_path).is_dir():
            raise UserError(f"embedding model '{model_path}' is not a local directory; set ASSISTANT_EMBEDDING_MODEL to a sentence-transformers model folder")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # the weight-loading bar is noise on every start
        transformers_logging.set_verbosity_error()
        self.model_path = str(Path(model_path).resolve())
        try:
            self.model = SentenceTransformer(self.model_path, device="cpu", local_files_only=True)
        except Exception as exc:  # a folder without a model raises anything from OSError to ValueError
            raise UserError(f"embedding model '{model_path}' cannot be loaded ({type(exc).__name__}); set ASSISTANT_EMBEDDING_MODEL "
                            "to a sentence-transformers model folder, or unset it to use the bundled all-MiniLM-L6-v2") from None
        self.dimension = int(self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension") else self.model.get_sentence_embedding_dimension())
        self._lock = threading.Lock()

    @property
    def fingerprint(self) -> str:
        return model_fingerprint(self.model_path)

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype="float32")
        with self._lock:  # one encode at a time: torch on 2 cores gains nothing from parallel calls
            vectors = self.model.encode(
                texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=progress
            )
        return np.ascontiguousarray(vectors, dtype="float32")

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]


class HashEmbedder:
    """A deterministic bag-of-words hashing embedder: fast, for unit tests only."""

    model_path = "hash-embedder"
    dimension = 64

    @property
    def fingerprint(self) -> str:
        return "hash-embedder-v1"

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimension), dtype="float32")
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.md5(word.encode()).digest()
                vectors[row, digest[0] % self.dimension] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]


_fingerprints: dict[str, str] = {}


def model_fingerprint(model_path: str) -> str:
    """sha256 of the model's weight and config files, so a changed model marks the index stale."""
    if model_path in _fingerprints:
        return _fingerprints[model_path]
    root = Path(model_path)
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".safetensors", ".bin", ".json", ".txt"}):
        digest.update(str(file.relative_to(root)).encode())
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    _fingerprints[model_path] = digest.hexdigest()
    return _fingerprints[model_path]


def describe_model(embedder) -> dict:
    return json.loads(json.dumps({"embedding_model": embedder.model_path, "model_sha256": embedder.fingerprint, "dimension": embedder.dimension}))
