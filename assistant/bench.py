"""`assistant bench`: speed measured on this machine, printed as one JSON object.

- ingest: a synthetic corpus ingested end to end, against raw `SentenceTransformer.encode` of the same chunks;
- search: hybrid search against its floor (query encoding + FAISS alone), BM25 alone, and llama-index's
  default in-memory vector index on the same corpus;
- scale: hybrid search over a synthetic 100,000-chunk index (random unit vectors, synthetic text);
- ask: warm answer latency and a one-shot `assistant ask` from a cold start;
- check: the rules check on a 5,000-word article.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from assistant.settings import REPO_ROOT, Settings


def _percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return round(statistics.median(ordered), 2), round(p95, 2)


def _timed(function, repeats: int = 1) -> list[float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def bench_queries() -> list[str]:
    """The evaluation questions: realistic queries, clinical and general."""
    from assistant.evaluation import DEFAULT_QUESTIONS, QuestionItem, load_jsonl

    return [item.question for item in load_jsonl(DEFAULT_QUESTIONS, QuestionItem)]


def bench_ingest(settings: Settings, embedder, say) -> dict:
    """Ingest copies of the shipped corpus into a fresh workspace; compare with encoding the same chunks."""
    from assistant.knowledge_base import KnowledgeBase

    with tempfile.TemporaryDirectory(prefix="assistant-bench-") as temp:
        source_dir = Path(temp) / "sources"
        source_dir.mkdir()
        for copy in range(6):
            for path in sorted((REPO_ROOT / "corpus").glob("*.md")):
                text = path.read_text(encoding="utf-8").replace("\nid: ", f"\nid: copy{copy}-", 1)
                (source_dir / f"copy{copy}-{path.name}").write_text(text.replace("\n## ", f"\n## Copy {copy} ", ), encoding="utf-8")
        kb = KnowledgeBase(settings.model_copy(update={"home": Path(temp) / "ws"}), embedder=embedder)
        embedder.encode(["warm up the model"] * 8)
        say("bench: ingest...")
        started = time.perf_counter()
        results = kb.ingest([source_dir])
        ingest_s = time.perf_counter() - started
        chunks = kb.index().chunks
        texts = [c.search_text for c in chunks]
        say("bench: raw encode floor...")
        started = time.perf_counter()
        embedder.encode(texts)
        floor_s = time.perf_counter() - started
    count = sum(r["chunks"] for r in results)
    return {"chunks": count, "chunks_per_s": round(count / ingest_s, 2), "encode_floor_chunks_per_s": round(count / floor_s, 2),
            "ratio": round(floor_s / ingest_s, 3)}


def llamaindex_embedding(embedder):
    """Our model behind llama-index's embedding interface, for its default in-memory vector index."""
    from llama_index.core.embeddings import BaseEmbedding

    class SentenceTransformerEmbedding(BaseEmbedding):
        def _get_query_embedding(self, query: str):
            return embedder.encode([query])[0].tolist()

        def _get_text_embedding(self, text: str):
            return embedder.encode([text])[0].tolist()

        def _get_text_embeddings(self, texts):
            return embedder.encode(list(texts)).tolist()

        async def _aget_query_embedding(self, query: str):
            return self._get_query_embedding(query)

    return SentenceTransformerEmbedding(model_name="all-MiniLM-L6-v2", embed_batch_size=32)


def bench_search(kb, say) -> dict:
    from llama_index.core import VectorStoreIndex
    from llama_index.core.schema import TextNode

    say("bench: search...")
    index = kb.index()
    queries = bench_queries()
    for query in queries[:5]:
        index.search(query, k=5)
    hybrid = [t for q in queries for t in _timed(lambda q=q: index.search(q, k=5, mode="hybrid"))]

    def floor(query):
        vector = kb.embedder.encode_query(query)
        index.dense.faiss_index.search(vector.reshape(1, -1), 5)

    floor_ms = [t for q in queries for t in _timed(lambda q=q: floor(q))]
    bm25 = [t for q in queries for t in _timed(lambda q=q: index.bm25_search(q, 5))]
    nodes = [TextNode(id_=c.chunk_id, text=c.search_text) for c in index.chunks]
    default_index = VectorStoreIndex(nodes, embed_model=llamaindex_embedding(kb.embedder), show_progress=False)
    retriever = default_index.as_retriever(similarity_top_k=5)
    llama = [t for q in queries for t in _timed(lambda q=q: retriever.retrieve(q))]
    p50, p95 = _percentiles(hybrid)
    floor_p95 = _percentiles(floor_ms)[1]
    return {"queries": len(queries), "p50_ms": p50, "p95_ms": p95, "floor_p95_ms": floor_p95, "ratio": round(p95 / floor_p95, 3),
            "bm25_p95_ms": _percentiles(bm25)[1], "llamaindex_default_p95_ms": _percentiles(llama)[1]}


def bench_scale(embedder, chunk_count: int, say) -> dict:
    """Hybrid search over a synthetic index of `chunk_count` chunks (random unit vectors, synthetic text)."""
    from assistant.index import Chunk, faiss_kind, write_generation
    from assistant.retrieval import LoadedIndex

    say(f"bench: building a synthetic {chunk_count:,}-chunk index...")
    rng = np.random.default_rng(7)
    words = ("platelet neutrophil lymphocyte anemia hemolysis grade hold continue prednisone ivig marrow fever "
             "antibiotic cirrhosis hepatitis baseline dose week steroid taper recovery rechallenge infection").split()
    picker = random.Random(7)
    chunks = [Chunk(f"synthetic{i:07d}", f"synthetic-{i // 50}", "Synthetic source", None, None, None, f"part {i % 50}",
                    " ".join(picker.choice(words) for _ in range(40))) for i in range(chunk_count)]
    vectors = rng.standard_normal((chunk_count, embedder.dimension)).astype("float32")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with tempfile.TemporaryDirectory(prefix="assistant-scale-") as temp:
        folder = Path(temp)
        write_generation(folder, chunks, vectors)
        (folder / "manifest.json").write_text(json.dumps({"chunks": chunk_count}))
        index = LoadedIndex(folder, embedder)
        queries = bench_queries()
        for query in queries[:5]:
            index.search(query, k=5)
        say("bench: searching it...")
        samples = [t for q in queries for t in _timed(lambda q=q: index.search(q, k=5, mode="hybrid"))]
    p50, p95 = _percentiles(samples)
    return {"chunks": chunk_count, "faiss_index": faiss_kind(chunk_count), "search_p50_ms": p50, "search_p95_ms": p95}


def bench_ask(kb, settings: Settings, say) -> dict:
    from assistant.answering import Answerer, ask

    say("bench: ask...")
    answerer = Answerer(kb)
    questions = bench_queries()
    # Warm as a running server is (model, index, sentence vectors), then each question asked for the first time:
    # its own encoding and any topic query not met before are part of what is measured.
    answerer.finder.warm(kb.index())
    ask(answerer, "platelets 79 on pembrolizumab")
    samples = [ask(answerer, q)["latency_ms"] for q in questions]
    p50, p95 = _percentiles(samples)
    say("bench: cold start of a one-shot `assistant ask` (median of 3 runs)...")
    env = {**os.environ, "ASSISTANT_HOME": str(settings.home)}
    colds = []
    for _ in range(3):
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "assistant", "ask", questions[0], "--json"], capture_output=True, text=True, env=env)
        colds.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise RuntimeError(f"cold-start ask failed: {result.stderr[-500:]}")
    return {"questions": len(questions), "p50_ms": p50, "p95_ms": p95, "cold_start_s": round(statistics.median(colds), 2),
            "cold_start_runs_s": [round(c, 2) for c in colds]}


def bench_check(say) -> dict:
    from assistant.check import check_text

    say("bench: check on a 5,000-word article...")
    from assistant.evaluation import DEFAULT_REVIEW, ReviewItem, load_jsonl

    sentences = [item.text for item in load_jsonl(DEFAULT_REVIEW, ReviewItem)]
    paragraph = " ".join(sentences) + " "
    article = paragraph * (5000 // len(paragraph.split()) + 1)
    words = len(article.split())
    check_text(article)
    samples = _timed(lambda: check_text(article), repeats=5)
    say("bench: check on a 1 MB single line of lab claims with no full stop...")
    clause = "ANC 1.2 is grade 3 neutropenia, platelets 45 below the 50 cut-off, Hb 9,1 g/dL grade 2 anemia, WBC 2.7; "
    line = clause * (2**20 // len(clause))
    long_line = _timed(lambda: check_text(line), repeats=3)
    return {"words": words, "ms": round(statistics.median(samples), 2), "long_line_bytes": len(line.encode()),
            "long_line_s": round(statistics.median(long_line) / 1000, 2)}


def run_bench(settings: Settings, scale_chunks: int = 100_000, progress: bool = True) -> dict:
    from assistant.knowledge_base import KnowledgeBase

    def say(message: str) -> None:
        if progress:
            print(message, file=sys.stderr, flush=True)

    kb = KnowledgeBase(settings)
    kb.index()
    result = {
        "ingest": bench_ingest(settings, kb.embedder, say),
        "search": bench_search(kb, say),
        "scale": bench_scale(kb.embedder, scale_chunks, say),
        "ask": bench_ask(kb, settings, say),
        "check": bench_check(say),
    }
    return result
