"""Commands: ``export`` (JSON Lines for the scorer), ``build`` (the pages: front matter over HTML), ``site``.

``site`` runs ``mkdocs build`` into a folder beside the site and swaps it in only
when the build succeeded, so a failed or killed build leaves the previous site as it
was (plain ``mkdocs build`` empties ``site/`` first).

The options of ``export`` and ``build`` are the settings of ``config.Settings``
(derived from it: one flag per setting); a flag overrides the environment
(``BRIEFINGS_PROCESSES``…), which overrides the default. On an interactive terminal
a long extraction draws a progress bar; otherwise (and under ``-v``) it logs lines.
The console ends with the review's counts; the details go to the review file.

Exit codes: 0 done; 1 a user error (message says what to fix); 2 done, but some
inputs were skipped or warned about and ``--strict`` was given.
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

from .config import SETTINGS, Settings, base_type, flag_of, load
from .errors import BriefingsError
from .pipeline import Collection, process_folder
from .progress import Callback, ProgressLog, progress_bar
from .report import cleaning_summary

log = logging.getLogger("generator")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.run is _site:
        return _site(args)
    _log_to_stderr(logging.INFO if args.verbose else logging.WARNING)
    try:
        return args.run(args)
    except BriefingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    for name, run, help_ in (("export", _export, "write the extraction as JSON Lines"),
                             ("build", _build, "write the site's sources (pages, feed, data, hand-written pages "
                                               "of docs/) to a folder that Zensical or MkDocs can render")):
        cmd = sub.add_parser(name, help=help_)
        cmd.add_argument("input", help="folder of articles (.txt, .md, .html)")
        cmd.add_argument("--out", required=True, help="output file (export) or folder (build)")
        if name == "build":
            cmd.add_argument("-f", "--config-file", default="mkdocs.yml",
                             help="the MkDocs configuration to take the plugin's options, site name, site URL and "
                                  "hand-written pages (docs_dir) from, when present (default mkdocs.yml)")
        _add_settings(cmd, review=name == "build")
        cmd.add_argument("--no-cache", action="store_true", help="ignore and do not write the extraction cache")
        cmd.add_argument("-v", "--verbose", action="store_true",
                         help="log progress lines and the cleaning, per article")
        cmd.set_defaults(run=run)
    cmd = sub.add_parser("site", help="mkdocs build into a new folder, swapped in only when it succeeded")
    cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="the MkDocs configuration (default mkdocs.yml)")
    cmd.add_argument("--strict", action="store_true",
                     help="fail on any warning (as mkdocs build --strict) and on any skipped input (strict)")
    cmd.set_defaults(run=_site)
    return parser


def _add_settings(cmd: argparse.ArgumentParser, review: bool) -> None:
    """A flag per setting of ``config.Settings`` (unset: None, so the environment and the default apply)."""
    for spec in SETTINGS:
        flag = flag_of(spec)
        if flag is None or (not review and spec.name in ("review_file", "publish_review")):
            continue
        kind = base_type(spec)
        env = f"; environment {spec.metadata['env']}" if spec.metadata["env"] else ""
        help_ = f"{spec.metadata['doc']} (default {spec.default}{env})".replace("%", "%%")
        if kind is bool:
            cmd.add_argument(flag, dest=spec.name, action="store_true", default=None, help=help_)
        else:
            cmd.add_argument(flag, dest=spec.name, type=kind, metavar=spec.name.upper(), help=help_)


class _Once(logging.Filter):
    """Lets each distinct message through once: a file read twice (to name its error) warns once."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[int, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.levelno, record.getMessage())
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


def _log_to_stderr(level: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.addFilter(_Once())
    logging.basicConfig(level=level, handlers=[handler], force=True)


def _progress(verbose: bool) -> Callback | None:
    """A bar on an interactive terminal; progress lines under ``-v``; otherwise nothing."""
    if sys.stderr.isatty():
        return progress_bar(sys.stderr)
    return ProgressLog(log.info) if verbose else None


def _settings(args: argparse.Namespace, file: dict[str, Any] | None = None, root: Path | None = None) -> Settings:
    """The settings: the flags over the environment over ``file`` (the plugin's options in mkdocs.yml)."""
    flags = {spec.name: getattr(args, spec.name, None) for spec in SETTINGS}
    settings = load(file=file, root=root, flags={**flags, "seeds": Path(args.input)})
    return dataclasses.replace(settings, cache=None) if args.no_cache else settings


def _report_errors(collection: Collection, settings: Settings) -> int:
    if log.isEnabledFor(logging.INFO):
        print(cleaning_summary(collection.extractions), end="", file=sys.stderr)
    for message in (*map(str, collection.errors), *collection.warnings):
        print(f"warning: {message}", file=sys.stderr)
    return 2 if settings.strict and (collection.errors or collection.warnings) else 0


def _export(args: argparse.Namespace) -> int:
    from .export import to_jsonl
    from .resolve import resolve

    settings = _settings(args)
    collection = process_folder(settings, progress=_progress(args.verbose))
    registry = settings.registry_path()
    corpus = resolve(collection.extractions, registry if registry.is_file() else None)  # persons' ids across articles
    out = Path(args.out)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(to_jsonl(collection.extractions, corpus), encoding="utf-8")
    tmp.replace(out)
    return _report_errors(collection, settings)


def _build(args: argparse.Namespace) -> int:
    """The plugin-free route: a docs folder with everything the plugin adds, for Zensical (or MkDocs) to render."""
    from .handwritten import THEME_FOLDER, docs_folder
    from .plugin import THEME_DIR
    from .report import review_summary
    from .search import FIND_MARKDOWN, FIND_PAGE
    from .site import build_site, extra_files
    from .write import write_pages

    project = _project(Path(args.config_file))
    settings = _settings(args, project.options, project.root)
    collection = process_folder(settings, progress=_progress(args.verbose))
    built = build_site(collection, settings, project.directory_urls)
    extras = {**extra_files(built, project.site_name, project.site_url), FIND_PAGE: FIND_MARKDOWN,
              **({"review.txt": built.report} if settings.publish_review else {}),
              # the theme templates the plugin adds (the find page's, the feed link): zensical.yml's custom_dir
              **{f"{THEME_FOLDER}/{p.name}": p.read_text(encoding="utf-8") for p in sorted(THEME_DIR.glob("*.html"))},
              # and its style sheet, as a docs file: the theme's main.html links it at assets/
              **{f"assets/{p.name}": p.read_text(encoding="utf-8")
                 for p in sorted((THEME_DIR / "assets").glob("*.css"))}}
    write_pages(docs_folder(built, extras, project.docs_dir, log.warning), Path(args.out))
    status = _report_errors(collection, settings)
    _write_review(built.report, settings.review_file)
    print(review_summary(built.corpus, collection.errors)
          + (f": see {_shown(settings.review_file)}" if settings.review_file else ""), file=sys.stderr)
    return status


@dataclass(frozen=True)
class Project:
    """What the build route takes from mkdocs.yml (defaults without one)."""

    root: Path | None = None
    options: dict[str, Any] | None = None  # the briefings plugin's options, as written
    docs_dir: Path | None = None
    site_name: str = "Briefings"
    site_url: str | None = None
    directory_urls: bool = True


def _project(config_file: Path) -> Project:
    if not config_file.is_file():
        return Project()
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(config_file))
    except MkDocsException as error:
        raise BriefingsError(f"Error in '{config_file}': {error}") from None
    plugin = config.plugins.get("briefings")
    options = {k: v for k, v in plugin.config.items()} if plugin is not None else None
    return Project(config_file.resolve().parent, options, Path(config.docs_dir), config.site_name,
                   config.site_url or None, config.use_directory_urls)


def _shown(path: Path) -> Path:
    """``path`` relative to the current folder when it is inside it: what a user can paste."""
    return path.relative_to(Path.cwd()) if path.is_absolute() and path.is_relative_to(Path.cwd()) else path


def _write_review(report: str, target: Path | None) -> None:
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(report, encoding="utf-8")


def _site(args: argparse.Namespace) -> int:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .safety import build_lock
    from .write import check_owned, say

    try:
        config = load_config(args.config_file)
        out = Path(config.site_dir)
        with build_lock(out, say):  # one build of this site at a time (mkdocs build takes the same lock)
            check_owned(out, also=("index.html", "sitemap.xml"))  # ours, or a site MkDocs built before
            return _site_locked(args, config, out)
    except (MkDocsException, BriefingsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _site_locked(args: argparse.Namespace, config: Any, out: Path) -> int:
    from .safety import dies_with_parent
    from .write import discard, prepare_staging, swap_in

    staging = prepare_staging(out)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", args.config_file, "--site-dir", str(staging)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or _newest_input(config),
           **({"BRIEFINGS_STRICT": "1"} if args.strict else {})}  # --strict: a skipped input is fatal too
    # MkDocs dies with this process: a killed build never leaves it writing into site.new
    result = subprocess.run(command + (["--strict"] if args.strict else []), env=env, check=False,
                            preexec_fn=dies_with_parent())  # it only calls prctl (safe before exec)
    if result.returncode != 0:
        discard(staging)
        print(f"error: mkdocs build failed; the previous site in '{out}' is unchanged.", file=sys.stderr)
        return result.returncode
    swap_in(staging, out)
    return 0


def _newest_input(config: MkDocsConfig) -> str:
    """The newest modification time among the inputs: the site's dates (sitemap, its gzip header)
    then depend on the inputs, not on the day of the build, so two builds are byte-identical."""
    from .plugin import BriefingsPlugin

    briefings = config.plugins.get("briefings")
    seeds = [briefings.settings(config).seeds] if isinstance(briefings, BriefingsPlugin) else []
    folders = [Path(config.docs_dir), *seeds]
    times = [Path(config.config_file_path).stat().st_mtime]
    times += [p.stat().st_mtime for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    return str(int(max(times)))
