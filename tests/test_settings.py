"""The settings object: environment variables, validation, and clear errors."""

from __future__ import annotations

import pytest

from assistant.errors import UserError
from assistant.settings import load_settings
from tests.conftest import run_cli

pytestmark = pytest.mark.unit


def test_environment_and_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_CHUNK_SIZE", "90")
    monkeypatch.setenv("ASSISTANT_CTCAE_VERSION", "v6")
    settings = load_settings(home=tmp_path)
    assert settings.chunk_size == 90 and settings.ctcae_version == "6.0"
    assert settings.corpus_dir == tmp_path / "corpus" and settings.index_dir == tmp_path / "index"
    assert settings.model_path.endswith("model") and not settings.llm_configured


def test_unknown_and_invalid_settings_are_user_errors(monkeypatch):
    monkeypatch.setenv("ASSISTANT_CHUNKSIZE", "90")
    with pytest.raises(UserError, match="unknown setting ASSISTANT_CHUNKSIZE"):
        load_settings()
    monkeypatch.delenv("ASSISTANT_CHUNKSIZE")
    monkeypatch.setenv("ASSISTANT_CHUNK_SIZE", "abc")
    with pytest.raises(UserError, match="ASSISTANT_CHUNK_SIZE='abc'"):
        load_settings()


@pytest.mark.parametrize("env,message", [
    ({"ASSISTANT_FOO": "1"}, "unknown setting ASSISTANT_FOO"),
    ({"ASSISTANT_MAX_FILE_MB": "-1"}, "ASSISTANT_MAX_FILE_MB"),
    ({"ASSISTANT_CTCAE_VERSION": "9"}, "unknown CTCAE version"),
])
def test_cli_reports_bad_settings_in_one_line(env, message):
    result = run_cli("grade", "platelets 79", env=env)
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_search_k_must_be_positive():
    result = run_cli("search", "platelets", "-k", "0")
    assert result.returncode == 2 and "-k 0" in result.stderr and "Traceback" not in result.stderr


def test_serve_refuses_a_bad_or_busy_port():
    import socket

    bad = run_cli("serve", "--port", "99999")
    assert bad.returncode == 2 and "between 1 and 65535" in bad.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    assert result.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr
