"""The MkDocs side: a thin plugin over the generator.

``mkdocs build`` and ``mkdocs serve`` regenerate from the seeds folder on every
build. Generated pages are added to MkDocs' file list in memory (``File.generated``),
so nothing is written into ``docs/``: hand-written pages are never touched, and a
hand-written page at a generated page's path or address (``docs/people.md`` is at
``people/``, as the generated ``people/index.md``) wins, with a warning (fatal under
``--strict``). A build takes the lock of its site folder (``safety.build_lock``) from
``on_config`` to the end of ``on_post_build``, so two builds of one site take turns. A generated page's body
is HTML already (``render.py``): it bypasses Python-Markdown (``on_page_markdown``
hands MkDocs an empty page, ``on_page_content`` puts the HTML back with its table of
contents and anchors), which more than halves the build at 10,000 articles.

Under ``mkdocs serve`` the generated pages are kept on disk instead, in the cache
folder (``serve-pages/``), and a file is rewritten only when its page changed, so
``mkdocs serve --dirty`` (``make serve``) renders again only the pages an edit
changed. Hand-written pages that show the collection (the overview, ``[[Name]]``
links) are always rendered again under ``--dirty``, every page is when the
configuration or the set of hand-written pages changed, and what the previous build
made of a page no longer generated is removed, so that no page is ever stale. Under
``mkdocs serve`` the seeds folder is watched; the extraction cache makes a rebuild
after one edit parse only that article, and the page memo (``memo.py``) render only
the pages whose records changed. When every change since the last build is in the
seeds folder (``mkdocs serve --dirty``), the plugin rebuilds without MkDocs' pass over
the whole site: the generator runs as in a build, and only the pages whose text
changed, with the hand-written pages that show the collection, are rendered into the
served site through the last build's theme, navigation and files (``live.py``);
anything else (an edit of ``mkdocs.yml`` or ``docs/``, a page gone) is MkDocs' build.

Besides the pages, the build adds ``feed.xml`` (Atom, the latest briefings) and
``data/briefings.json`` (every extracted record), a feed link in every page's head
(``theme/main.html``, placed after any ``custom_dir`` of the user), and writes the
review report beside the site (setting ``review_file``, default ``.cache/review.txt``),
where it is not deployed: it names input files and carries editor notes. The console
gets counts only; ``publish_review: true`` also publishes the report as ``review.txt``.
The report never goes into ``docs/``.

The options are the settings of ``config.Settings``, derived from it (never declared
here): environment variables override mkdocs.yml (``BRIEFINGS_PROCESSES=1 make site``).
A long extraction logs its progress (``progress.py``). A skipped input is named in the
log but does not fail ``mkdocs build --strict`` (strictness is for the project's own
pages, not for one bad scraped file) unless the ``strict`` setting asks for strict inputs.

Hand-written pages get ``[[Full Name]]`` links and ``<!-- briefings:overview -->``
(``handwritten.py``, shared with ``python -m generator build``); an unknown name is a
build warning (fatal with ``--strict``); other generated pages are linked by their
stable paths, e.g. ``[x](years/index.md)``.
"""
from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import clean_directory

from . import collector, live, nlp
from .config import SETTINGS, Settings, base_type, load
from .errors import BriefingsError
from .handwritten import expand, person_names, shows_collection
from .memo import RecordMemo, RenderMemo
from .pipeline import Collection, process_folder
from .progress import ProgressLog
from .report import cleaning_summary, review_summary
from .resolve import PROVISIONAL_ADDITIONS, ResolveMemo
from .safety import build_lock
from .site import Built, build_site, extra_files
from .write import sync_pages

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)
# the headings render.heading writes; the page's table of contents is read back from them
HEADING = re.compile(r'<h([2-6]) id="([^"]+)">(.*?)<a class="headerlink"')
ANCHOR_ID = re.compile(r' id="([^"]+)"')
TAG = re.compile(r"<[^>]+>")
THEME_DIR = Path(__file__).parent / "theme"
SERVE_PAGES = "serve-pages"  # under the cache folder: the generated pages while serving


def plugin_options() -> dict[str, c.BaseConfigOption]:
    """An option per setting offered in mkdocs.yml, from ``config.Settings``: unset (None) unless given, so the
    environment and the setting's default apply (``config.load``); paths are strings relative to mkdocs.yml."""
    return {spec.name: c.Optional(c.Type(str if base_type(spec) is Path else base_type(spec)))
            for spec in SETTINGS if spec.metadata["plugin"]}


# a base class made at run time from the settings table, which mypy cannot follow
class BriefingsConfig(type("Options", (Config,), plugin_options())):  # type: ignore[misc]
    """The plugin's options: the settings (``config.Settings``), derived, so the two never disagree."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.built: Built | None = None
        self.names: dict[str, str] = {}
        self.bodies: dict[str, str] = {}  # src path of a generated page → its HTML, between two events
        self.serving = False
        self.dirty = False
        self.previous: set[str] = set()  # the generated paths of the build before (kept across serve rebuilds)
        self.memo = RenderMemo()  # pages of the build before, reused when their records are unchanged (serve)
        self.records = RecordMemo()  # the downloads' records of the build before (serve)
        self.resolved = ResolveMemo()  # the corpus of the build before, patched after an edit of wording (serve)
        self.staged: dict[str, tuple[str, Path]] = {}  # the serve-pages folder's pages (text, file): not read again
        self.files: dict[str, File] = {}  # the generated pages' MkDocs files of the build before (serve)
        self.unchanged: set[str] = set()  # the generated pages whose text this build left as it was (serve)
        self.templates = CompiledTemplates()
        self.layout = ""  # what every page shows besides its own content (site_layout), at the build before
        self.summary = ""  # the review's counts, the last line of a build
        self.lock = ExitStack()  # the build lock of the site folder, from on_config to the end of the build
        self.nav: Navigation | None = None
        self.building: live.Site | None = None  # the build's MkDocs objects, until it ends well
        self.site: live.Site | None = None  # those of the last build that ended well (serve)
        self.changes = live.Changes()  # the paths changed since the last serve rebuild
        self.pending: tuple[Collection, Built, dict[str, str]] | None = None  # the fast path's, for the build
        self.replaced: set[str] = set()  # generated pages a hand-written page replaces
        self.server: LiveReloadServer | None = None  # the serve's server, to ask it for a rebuild

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # defining on_startup also keeps this plugin (and the model it loaded) across serve rebuilds
        self.serving, self.dirty = command == "serve", dirty
        # a new article shown at once, resolved in full by the next rebuild: under --dirty, where that rebuild
        # renders the few pages it changes (plain serve renders every page each time: it would double the work)
        self.resolved.show_added = PROVISIONAL_ADDITIONS if self.serving and dirty else 0

    def settings(self, config: MkDocsConfig) -> Settings:
        """mkdocs.yml's options, overridden by the environment; paths relative to mkdocs.yml's folder."""
        return load(file=dict(self.config), root=Path(config.config_file_path).parent)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        if not self.serving:  # one build of a site folder at a time (serve builds into its own temporary folder)
            self.lock.close()
            self.lock.enter_context(build_lock(Path(config.site_dir), log.info))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        settings = self.settings(config)
        collection, built, generated = self.pending or self._generate(config, settings, None)
        self.pending = None
        hand_written = {f.url: f for f in files.documentation_pages() if f.generated_by is None}
        layout = site_layout(config, files) if self.dirty else ""
        if layout != self.layout:  # the first build, or every page's nav and header may differ: all again
            self.files, self.staged = {}, {}  # MkDocs reads every page: each file is checked (``sync_pages``)
        made = self._generated_files(config, generated, settings) if self.serving else {
            path: File.generated(config, path, content=text) for path, text in generated.items()}
        self.replaced = set()
        for path in sorted(generated):
            mine = files.get_file_from_path(path) or hand_written.get(made[path].url)
            if mine is not None:
                log.warning("docs/%s is hand-written and replaces the generated page '%s' (%s); rename one of "
                            "them to keep both.", mine.src_uri, path, "same path" if mine.src_uri == path
                            else f"same address '{mine.url or './'}'")
                self.replaced.add(path)
                del generated[path]
        for path in generated:
            files.append(made[path])
        if self.dirty:
            if layout != self.layout:
                clean_directory(config.site_dir)
            self.layout = layout
            render_again(files, generated)
            remove_outputs(config, self.previous - set(generated))
        self._done(collection, built, generated, "")
        return files

    def _generate(self, config: MkDocsConfig, settings: Settings, changed: set[Path] | None,
                  ) -> tuple[Collection, Built, dict[str, str]]:
        """The generator's part of a build: the collection, the site built from it, and every generated file
        (pages, the feed and the downloads) by its path. ``changed``: the only inputs that can have changed
        since the last build (the watcher's), or None."""
        try:  # a missing seeds folder, a broken registry: the message alone, no traceback
            collection = process_folder(settings, progress=ProgressLog(log.info), changed=changed)
            # a bad scraped file is named, but fails a build only when asked (strict inputs): mkdocs --strict is
            # for the project's own pages, and one unreadable input among thousands should not stop a deploy
            for message in (*map(str, collection.errors), *collection.warnings):
                log.log(logging.WARNING if settings.strict else logging.INFO, message)
            if settings.strict and (collection.errors or collection.warnings):
                raise PluginError(f"{len(collection.errors)} input(s) skipped and {len(collection.warnings)} "
                                  "warned about, and the setting 'strict' asks for strict inputs: fix or remove "
                                  "them, or unset 'strict' (BRIEFINGS_STRICT).")
            built = build_site(collection, settings, config.use_directory_urls,
                               *((self.memo, self.resolved) if self.serving else ()))
        except BriefingsError as error:
            raise PluginError(str(error)) from None
        if log.isEnabledFor(logging.DEBUG):  # a line per article: not made when not shown
            log.debug("Cleaning, per article:\n%s", cleaning_summary(collection.extractions))
        extras = extra_files(built, config.site_name, config.site_url, self.records if self.serving else None)
        return collection, built, {**built.pages, **extras}

    def _done(self, collection: Collection, built: Built, generated: dict[str, str], how: str) -> None:
        """What a build (or the fast path) leaves for the next one and for the pages' events."""
        if self.serving:
            changed = len(generated) - len(self.unchanged)
            log.info("Rebuilt: %s; %d of %d generated files made again%s.", "new articles shown provisionally, "
                     "the collection is resolved again next" if self.resolved.provisional
                     else "an edit of wording, people, stories and links kept" if self.resolved.affected is not None
                     else "the collection resolved again", changed, len(generated), how)
        self.built = built
        self.previous = set(generated)
        self.names = person_names(built)
        self.summary = review_summary(built.corpus, collection.errors)

    def _rebuild(self, builder: Callable[[], None]) -> None:
        """A serve rebuild: the fast path when every change is an input's (``live.py``), else MkDocs' build."""
        changes, folders = self.changes.take()
        site, self.site = self.site, None  # until this rebuild ends well
        if site is not None and self._fast_rebuild(site, changes, folders):
            self.site = site
        else:
            builder()
        collector.settled(resolved_again=self.resolved.affected is None)
        if self.resolved.provisional and self.server is not None:  # new articles shown: now resolve them in full
            live.ask_rebuild(self.server)

    def _fast_rebuild(self, site: live.Site, changes: set[Path], folders: bool) -> bool:
        """The pages an edit of the seeds changed, rendered into the served site without MkDocs' whole pass;
        False (the generator's work kept for the build: ``pending``) when the edit needs that pass."""
        config = site.config
        settings = self.settings(config)
        if not (self.dirty and self.changes.complete and live.plugins_known(config)
                and live.only_inputs(changes, settings.seeds, Path(config.docs_dir))):
            return False
        collection, built, generated = self._generate(config, settings, None if folders else changes)
        generated = {path: text for path, text in generated.items() if path not in self.replaced}
        added = generated.keys() - self.previous
        if self.previous - generated.keys() or any(self._taken(site, path) for path in added):
            self.pending = collection, built, generated  # a page gone, or a new one at a hand-written page's
            return False
        self.unchanged = {path for path, text in generated.items() if self.staged.get(path, ("",))[0] is text}
        staged = sync_pages(generated, self._serve_pages(config, settings), self.staged)
        made = {path: File.generated(config, path, abs_src_path=str(staged[path])) for path in sorted(added)}
        self.files.update(made)
        if made:
            live.new_files(site, made, [self.files[path] for path in sorted(generated)])
        self._done(collection, built, generated, " (seeds only: rendered without MkDocs' pass)")
        files = [self.files[path] for path in sorted(generated.keys() - self.unchanged)]
        pages = [f for f in files if f.is_documentation_page()] + [
            f for f in site.hand_written if f.abs_src_path is not None
            and shows_collection(Path(f.abs_src_path).read_text(encoding="utf-8", errors="replace"))]
        live.render(site, pages, [f for f in files if not f.is_documentation_page()])
        if made:
            live.write_sitemap(site)
        return True

    def _taken(self, site: live.Site, path: str) -> bool:
        """A hand-written page is at the generated page ``path``'s source path or address."""
        url = File.generated(site.config, path, content="").url
        return site.files.get_file_from_path(path) is not None or any(f.url == url for f in site.hand_written)

    def _serve_pages(self, config: MkDocsConfig, settings: Settings) -> Path:
        cache = settings.cache or Path(config.config_file_path).parent / ".cache" / "briefings"  # even uncached
        return cache / SERVE_PAGES

    def _generated_files(self, config: MkDocsConfig, generated: dict[str, str], settings: Settings) -> dict[str, File]:
        """Under serve: the generated pages, written to the serve-pages folder where changed (``sync_pages``), as
        MkDocs files. Under ``--dirty``, a page whose text is unchanged keeps last build's ``File`` and the
        ``Page`` MkDocs made of it: MkDocs then neither makes the page again (about a millisecond each, 21,000
        at 10,000 articles) nor reads it (its output is newer than its source), as it would not render it."""
        # the memo hands back the very same text for a page it did not render again
        self.unchanged = unchanged = {path for path, text in generated.items()
                                      if self.staged.get(path, ("",))[0] is text}
        staged = sync_pages(generated, self._serve_pages(config, settings), self.staged)
        in_nav = nav_paths(config.nav)  # MkDocs gives pages of the nav their place in it on every build
        kept = self.files if self.dirty else {}
        self.files = {path: kept[path] if path in unchanged and path in kept and path not in in_nav
                      and kept[path].page is not None
                      else File.generated(config, path, abs_src_path=str(staged[path])) for path in generated}
        return self.files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # MkDocs makes a new theme environment for every build; under serve, keep the compiled
        # templates between rebuilds (Jinja checks each template's source before reusing it)
        if self.serving:
            env.bytecode_cache = self.templates
            if self.nav is not None:
                self.building = live.Site(config, files, self.nav, env)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.built is None:
            return markdown
        if page.file.generated_by and page.file.src_uri in self.built.pages:
            self.bodies[page.file.src_uri] = markdown  # already HTML: nothing for Python-Markdown to do
            if not self.serving:  # read: the page's text need not stay in memory twice more until the build ends
                page.file.content_string = ""
                self.built.pages[page.file.src_uri] = ""
            return ""
        if page.file.generated_by:
            return markdown
        return expand(markdown, page.file.src_uri, self.built, self.names, log.warning)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.pop(page.file.src_uri, None)
        if body is None:
            return html
        page.toc = page_toc(body)
        page.present_anchor_ids = set(ANCHOR_ID.findall(body))  # MkDocs checks links to them from other pages
        return body

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # written: MkDocs keeps every page's HTML to the end of the build (22,000 pages at 10,000 articles);
        # the search index has its entry already (on_page_context), anchors are checked from present_anchor_ids
        if not self.serving and self.built is not None and page.file.src_uri in self.built.pages:
            page.content = None
        return output

    @event_priority(-200)  # last: the lock is held until every plugin (Pagefind's indexing too) is done
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._write_review(config)
            self.site, self.building = self.building or self.site, None  # what the fast path renders with
        finally:
            self.lock.close()

    def _write_review(self, config: MkDocsConfig) -> None:
        if self.built is None:
            return
        settings = self.settings(config)
        if settings.publish_review:
            (Path(config.site_dir) / "review.txt").write_text(self.built.report, encoding="utf-8")
        if settings.review_file is None:
            log.info("%s.", self.summary)
            return
        settings.review_file.parent.mkdir(parents=True, exist_ok=True)
        settings.review_file.write_text(self.built.report, encoding="utf-8")
        shown = settings.review_file.relative_to(Path(config.config_file_path).parent) \
            if settings.review_file.is_relative_to(Path(config.config_file_path).parent) else settings.review_file
        log.info("%s: see %s", self.summary, shown)

    def on_build_error(self, *, error: Exception) -> None:
        self.site = self.building = None
        self.lock.close()

    def on_shutdown(self) -> None:
        self.lock.close()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        settings = self.settings(config)
        self.server = server
        self.changes.follow(server)  # which paths changed: an edit of the seeds alone takes the fast path
        live.watch_inputs(server, settings.seeds, self.changes)
        server.builder = partial(self._rebuild, server.builder)
        # the first edit of a session parses in this process: load the model now, while the writer reads
        threading.Thread(target=nlp.load, args=(settings.model,), daemon=True).start()
        return server


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory across ``mkdocs serve`` rebuilds."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])  # ignored if the source's checksum changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def nav_paths(nav: object) -> set[str]:
    """Every page path the ``nav`` configuration names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*map(nav_paths, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(nav_paths, nav))
    return set()


def render_again(files: Files, generated: dict[str, str]) -> None:
    """Under ``--dirty``: make MkDocs render again every hand-written page that shows the collection.

    MkDocs renders a page again only when its source is newer than its output; the
    output of these is stale whenever the collection changed, so it is removed.
    """
    for file in files.documentation_pages():
        if file.src_uri in generated or file.abs_src_path is None:
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
        if shows_collection(text):
            Path(file.abs_dest_path).unlink(missing_ok=True)


def site_layout(config: MkDocsConfig, files: Files) -> str:
    """What every page shows besides its own content: the configuration (nav, theme, site name…) and the set
    of pages (an automatic nav lists them). When it changes, a dirty build would leave other pages stale."""
    config_file = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    pages = "\n".join(sorted(f.src_uri for f in files.documentation_pages() if not f.generated_by))
    return hashlib.sha256(config_file + b"\0" + pages.encode()).hexdigest()


def remove_outputs(config: MkDocsConfig, gone: set[str]) -> None:
    """Under ``--dirty``: remove what the previous build made of pages no longer generated.

    A dirty build leaves every output it does not rewrite in place, so the page of a
    deleted article would still be served.
    """
    for path in sorted(gone):
        output = Path(File.generated(config, path, content="").abs_dest_path)
        output.unlink(missing_ok=True)
        if output.parent != Path(config.site_dir) and output.parent.is_dir() and not any(output.parent.iterdir()):
            output.parent.rmdir()


def page_toc(body: str) -> TableOfContents:
    """The table of contents of a generated page, nested by heading level as Python-Markdown's would be."""
    tokens: list[Any] = []  # mkdocs' _TocToken dicts
    for level, ident, label in HEADING.findall(body):
        token = {"level": int(level), "id": ident, "name": TAG.sub("", label), "children": []}
        siblings = tokens
        while siblings and siblings[-1]["level"] < token["level"]:
            siblings = siblings[-1]["children"]
        siblings.append(token)
    return get_toc(tokens)
