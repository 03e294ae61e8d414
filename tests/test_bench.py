"""`assistant bench --json` runs end to end and prints the contracted fields (speed itself is not asserted here)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli


@pytest.mark.slow
@pytest.mark.integration
def test_bench_prints_the_contract(corpus_home):
    result = run_cli("bench", "--json", "--scale-chunks", "3000", home=corpus_home, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert set(report["ingest"]) == {"chunks", "chunks_per_s", "encode_floor_chunks_per_s", "ratio"}
    assert set(report["search"]) >= {"queries", "p50_ms", "p95_ms", "floor_p95_ms", "ratio", "bm25_p95_ms", "llamaindex_default_p95_ms"}
    assert set(report["scale"]) >= {"chunks", "search_p95_ms"} and report["scale"]["chunks"] == 3000
    assert set(report["ask"]) >= {"questions", "p50_ms", "p95_ms", "cold_start_s"}
    assert report["check"]["words"] >= 5000 and report["check"]["long_line_bytes"] >= 2**20 - 200
    assert report["ingest"]["chunks"] > 300 and 0 < report["ingest"]["ratio"] < 2
    assert all(report[part][key] > 0 for part, key in [("search", "p95_ms"), ("ask", "p95_ms"), ("ask", "cold_start_s")])
