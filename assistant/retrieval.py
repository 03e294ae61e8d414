"""Search over one index generation: dense (FAISS), lexical (llama-index BM25) and hybrid (reciprocal-rank fusion).

All three are llama-index `BaseRetriever`s, so they can be swapped or composed like any other.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from assistant.index import Chunk, read_manifest

RRF_K = 60  # the usual reciprocal-rank-fusion constant; measured against score fusion in `assistant eval`
MODES = ("hybrid", "dense", "bm25")


def make_bm25(chunks: list[Chunk], top_k: int = 10):
    """llama-index's BM25 retriever (bm25s underneath) over the chunks' search text, English stemming."""
    import Stemmer
    from llama_index.retrievers.bm25 import BM25Retriever

    from assistant.index import bm25_nodes

    return BM25Retriever.from_defaults(nodes=bm25_nodes(chunks), similarity_top_k=min(top_k, len(chunks)),
                                       stemmer=Stemmer.Stemmer("english"), language="english", verbose=False)


@dataclass
class Hit:
    chunk: Chunk
    score: float
    dense_score: float | None = None

    def as_dict(self) -> dict:
        return {"chunk_id": self.chunk.chunk_id, "source_id": self.chunk.source_id, "title": self.chunk.title,
                "locator": self.chunk.locator, "score": round(float(self.score), 6), "text": self.chunk.text}


class DenseRetriever(BaseRetriever):
    """FAISS inner-product search over normalized sentence embeddings."""

    def __init__(self, faiss_index, chunks: list[Chunk], embedder, top_k: int = 10):
        super().__init__()
        self.faiss_index = faiss_index
        self.chunks = chunks
        self.embedder = embedder
        self.top_k = top_k

    def search_vector(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if not self.chunks:
            return []
        scores, rows = self.faiss_index.search(vector.reshape(1, -1).astype("float32"), min(k, len(self.chunks)))
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        vector = self.embedder.encode_query(query_bundle.query_str)
        return [NodeWithScore(node=TextNode(id_=self.chunks[row].chunk_id, text=self.chunks[row].text), score=score)
                for row, score in self.search_vector(vector, self.top_k)]


class LoadedIndex:
    """One published index generation, loaded into memory and ready to search."""

    def __init__(self, generation: Path, embedder):
        import faiss

        self.generation = generation
        self.manifest = read_manifest(generation)
        self.chunks = [Chunk(**json.loads(line)) for line in (generation / "chunks.jsonl").open(encoding="utf-8")]
        self.by_id = {c.chunk_id: c for c in self.chunks}
        self.row_of = {c.chunk_id: row for row, c in enumerate(self.chunks)}
        self.embedder = embedder
        self.dense = DenseRetriever(faiss.read_index(str(generation / "dense.faiss")), self.chunks, embedder)
        self.bm25 = None
        self._bm25_lock = threading.Lock()  # the llama-index retriever keeps top_k as mutable state
        if self.chunks:
            from llama_index.retrievers.bm25 import BM25Retriever

            self.bm25 = BM25Retriever.from_persist_dir(str(generation / "bm25"), show_progress=False)

    def bm25_search(self, query: str, k: int) -> list[tuple[int, float]]:
        if self.bm25 is None:
            return []
        with self._bm25_lock:
            self.bm25.similarity_top_k = min(k, len(self.chunks))
            results = self.bm25.retrieve(query)
        return [(self.row_of[r.node.node_id], float(r.score or 0.0)) for r in results if r.node.node_id in self.row_of and (r.score or 0) > 0]

    def search(self, query: str, k: int = 5, mode: str = "hybrid", query_vector: np.ndarray | None = None) -> list[Hit]:
        """The `k` best chunks for `query`. Hybrid fuses dense and BM25 rankings by reciprocal rank."""
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode}")
        if not self.chunks:
            return []
        depth = max(k * 4, 20)
        dense: list[tuple[int, float]] = []
        if mode in ("dense", "hybrid"):
            vector = query_vector if query_vector is not None else self.embedder.encode_query(query)
            dense = self.dense.search_vector(vector, depth if mode == "hybrid" else k)
            if mode == "dense":
                return [Hit(self.chunks[row], score, score) for row, score in dense]
        lexical = self.bm25_search(query, depth if mode == "hybrid" else k)
        if mode == "bm25":
            return [Hit(self.chunks[row], score) for row, score in lexical]
        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, (row, _) in enumerate(ranking):
                fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
        dense_scores = dict(dense)
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [Hit(self.chunks[row], score, dense_scores.get(row)) for row, score in best]
