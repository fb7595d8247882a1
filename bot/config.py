"""The one Settings model: TOML file + QUOTEBOT_* environment variables, zero config works.

Each layer gets its own section: [index], [retrieval], [discord]. Environment variables use
`__` between section and key (QUOTEBOT_RETRIEVAL__TOP_K=5); the Discord token also reads the
conventional QUOTEBOT_DISCORD_TOKEN.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from index.errors import ConfigError
from index.settings import IndexSettings
from retrieval.settings import RetrievalSettings

DEFAULT_CONFIG = Path("config.toml")
TOKEN_VARIABLE = "QUOTEBOT_DISCORD_TOKEN"


class DiscordSettings(BaseModel):
    """How the Discord bot connects and protects itself."""

    model_config = ConfigDict(extra="forbid")

    token: SecretStr | None = Field(None, description=f"Bot token; prefer the {TOKEN_VARIABLE} variable.")
    sync_guild: int | None = Field(None, description="Guild id to sync slash commands to on start (development).")
    cooldown_seconds: float = Field(10.0, ge=0, description="Per-user wait between questions.")
    cooldown_questions: int = Field(3, ge=1, description="Questions a user may ask per cooldown window.")
    max_in_flight: int = Field(4, ge=1, description="Questions answered at once; more wait their turn.")
    follow_up_seconds: float = Field(
        600.0, ge=0, description="How long a user's last answer in a channel reads their follow-up; 0: never.",
    )


class Settings(BaseSettings):
    """Every setting of quotebot."""

    model_config = SettingsConfigDict(env_prefix="QUOTEBOT_", env_nested_delimiter="__", extra="forbid")

    index: IndexSettings = IndexSettings()
    retrieval: RetrievalSettings = RetrievalSettings()
    discord: DiscordSettings = DiscordSettings()

    @classmethod
    def settings_customise_sources(
        cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_config_path())
        return (init_settings, env_settings, toml)


_config_override: Path | None = None


def _config_path() -> Path:
    return _config_override or Path(os.environ.get("QUOTEBOT_CONFIG", DEFAULT_CONFIG))


def load_settings(config: Path | None = None) -> Settings:
    """Settings from `config` (or QUOTEBOT_CONFIG, or ./config.toml when present) and the environment."""
    global _config_override
    path = config or Path(os.environ.get("QUOTEBOT_CONFIG", DEFAULT_CONFIG))
    explicit = config is not None or "QUOTEBOT_CONFIG" in os.environ
    if explicit and not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    if path.is_file():
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    _config_override = path
    try:
        settings = Settings(**_token_from_environment())
    except ValidationError as exc:
        raise ConfigError(_one_line(exc, path)) from None
    finally:
        _config_override = None
    return settings


def _token_from_environment() -> dict:
    token = os.environ.get(TOKEN_VARIABLE)
    return {"discord": {"token": token}} if token else {}


def _one_line(exc: ValidationError, path: Path) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    what = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"bad setting {where!r} in {path} or QUOTEBOT_* environment: {what}{more}"
