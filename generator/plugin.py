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
the pages whose records changed.

Besides the pages, the build adds ``feed.xml`` (Atom, the latest briefings) and
``data/briefings.json`` (every extracted record), a feed link in every page's head
(``theme/main.html``, placed after any ``custom_dir`` of the user), and writes the
review report to ``review.txt`` in the built site (option ``report_file``). The
report never goes into ``docs/``.

Hand-written pages get two conveniences:
- ``[[Full Name]]`` or ``[[Full Name|shown text]]`` (any name or alias of a person)
  links to the person's page; an unknown name is a build warning (fatal with ``--strict``);
  other generated pages are linked by their stable paths, e.g. ``[x](years/index.md)``;
- ``<!-- briefings:overview -->`` is replaced by the collection's overview
  (counts, span of years, latest briefings, most-mentioned people).
"""
from __future__ import annotations

import hashlib
import re
import threading
from contextlib import ExitStack
from pathlib import Path

import jinja2

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import clean_directory

from . import nlp, urls
from .config import DEFAULT_MODEL, Settings
from .errors import BriefingsError
from .escape import markdown_text
from .memo import RenderMemo
from .pipeline import process_folder
from .render import render_overview
from .report import cleaning_summary
from .safety import build_lock
from .search import hand_written_at
from .site import Built, build_site, extra_files
from .write import safe_relative, sync_pages

log = get_plugin_logger(__name__)
# the headings render.heading writes; the page's table of contents is read back from them
HEADING = re.compile(r'<h([2-6]) id="([^"]+)">(.*?)<a class="headerlink"')
ANCHOR_ID = re.compile(r' id="([^"]+)"')
TAG = re.compile(r"<[^>]+>")
# code comes first in the alternation so that `[[Name]]` inside backticks or a fenced block stays as written
# (a fence runs to its closing fence of the same character, at least as long, or to the end of the page)
PERSON_LINK = re.compile(r"(^[ \t]{0,3}(?P<fence>`{3,}|~{3,}).*?(?:^[ \t]{0,3}(?P=fence)[`~]*[ \t]*$|\Z)"
                         r"|`[^`\n]*`)|\[\[([^\[\]\n|]{1,120})(?:\|([^\[\]\n|]{1,120}))?\]\]",
                         re.MULTILINE | re.DOTALL)
THEME_DIR = Path(__file__).parent / "theme"
OVERVIEW = "<!-- briefings:overview -->"
SERVE_PAGES = "serve-pages"  # under the cache folder: the generated pages while serving


class BriefingsConfig(Config):
    seeds = c.Type(str, default="seeds")
    """The folder of input articles, relative to mkdocs.yml."""
    model = c.Type(str, default=DEFAULT_MODEL)
    """The spaCy pipeline package to load."""
    processes = c.Type(int, default=2)
    """Worker processes for extraction."""
    cache = c.Optional(c.Type(str))
    """Extraction cache folder, relative to mkdocs.yml (default .cache/briefings)."""
    registry = c.Optional(c.Type(str))
    """The people registry (default: people.yml in the seeds folder)."""
    report = c.Type(bool, default=True)
    """Print the review report after generating."""
    report_file = c.Type(str, default="review.txt")
    """Where in the built site to write the review report ("" for nowhere)."""


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
        self.staged: dict[str, str] = {}  # what is in the serve-pages folder, so unchanged pages are not read
        self.templates = CompiledTemplates()
        self.layout = ""  # what every page shows besides its own content (site_layout), at the build before
        self.lock = ExitStack()  # the build lock of the site folder, from on_config to the end of the build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # defining on_startup also keeps this plugin (and the model it loaded) across serve rebuilds
        self.serving, self.dirty = command == "serve", dirty

    def settings(self, config: MkDocsConfig) -> Settings:
        root = Path(config.config_file_path).parent
        return Settings(seeds=root / self.config.seeds, model=self.config.model, processes=self.config.processes,
                        cache=root / (self.config.cache or ".cache/briefings"),
                        registry=root / self.config.registry if self.config.registry else None)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        if not self.serving:  # one build of a site folder at a time (serve builds into its own temporary folder)
            self.lock.close()
            self.lock.enter_context(build_lock(Path(config.site_dir), log.info))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        settings = self.settings(config)
        try:  # a missing seeds folder, a broken registry: the message alone, no traceback
            collection = process_folder(settings)
            self.built = built = build_site(collection, settings, config.use_directory_urls,
                                            self.memo if self.serving else None)
        except BriefingsError as error:
            raise PluginError(str(error)) from None
        for message in (*map(str, collection.errors), *collection.warnings):
            log.warning(message)
        log.debug("Cleaning, per article:\n%s", cleaning_summary(collection.extractions))
        extras = extra_files(built, config.site_name, config.site_url)
        generated = {**built.pages, **extras}
        for path in sorted(generated):
            mine = hand_written_at(files, config, path)
            if mine is not None:
                log.warning("docs/%s is hand-written and replaces the generated page '%s' (%s); rename one of "
                            "them to keep both.", mine.src_uri, path, "same path" if mine.src_uri == path
                            else f"same address '{mine.url or './'}'")
                del generated[path]
        if self.serving:
            staged = sync_pages(generated, settings.cache / SERVE_PAGES, self.staged)
            for path in generated:
                files.append(File.generated(config, path, abs_src_path=str(staged[path])))
        else:
            for path, text in generated.items():
                files.append(File.generated(config, path, content=text))
        if self.dirty:
            layout = site_layout(config, files)
            if layout != self.layout:  # the first build, or every page's nav and header may differ: all again
                clean_directory(config.site_dir)
            self.layout = layout
            render_again(files, generated)
            remove_outputs(config, self.previous - set(generated))
        self.previous = set(generated)
        self.names = person_names(built)
        if self.config.report:
            log.info("\n%s", built.report)
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        # MkDocs makes a new theme environment for every build; under serve, keep the compiled
        # templates between rebuilds (Jinja checks each template's source before reusing it)
        if self.serving:
            env.bytecode_cache = self.templates
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.built is None:
            return markdown
        if page.file.generated_by and page.file.src_uri in self.built.pages:
            self.bodies[page.file.src_uri] = markdown  # already HTML: nothing for Python-Markdown to do
            return ""
        if page.file.generated_by:
            return markdown
        prefix = "../" * page.file.src_uri.count("/")
        if OVERVIEW in markdown:
            markdown = markdown.replace(OVERVIEW, render_overview(self.built.corpus, prefix, self.built.site))
        return PERSON_LINK.sub(
            lambda m: m.group(1) or self.person_link(m.group(3), m.group(4), prefix, page.file.src_uri), markdown)

    def person_link(self, name: str, shown: str | None, prefix: str, where: str) -> str:
        slug = self.names.get(name.strip().casefold())
        label = markdown_text(shown or name)
        if slug is None:
            log.warning("%s: no person named '%s'; check the spelling or add an alias in the people registry.",
                        where, name.strip())
            return label
        return f"[{label}]({prefix}{urls.person_page(slug)})"

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.pop(page.file.src_uri, None)
        if body is None:
            return html
        page.toc = page_toc(body)
        page.present_anchor_ids = set(ANCHOR_ID.findall(body))  # MkDocs checks links to them from other pages
        return body

    @event_priority(-200)  # last: the lock is held until every plugin (Pagefind's indexing too) is done
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.built is not None and self.config.report_file:
            target = Path(config.site_dir) / safe_relative(self.config.report_file)  # never outside site/
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.built.report, encoding="utf-8")
        self.lock.close()

    def on_build_error(self, *, error: Exception) -> None:
        self.lock.close()

    def on_shutdown(self) -> None:
        self.lock.close()

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        settings = self.settings(config)
        server.watch(str(settings.seeds))
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


def render_again(files: Files, generated: dict[str, str]) -> None:
    """Under ``--dirty``: make MkDocs render again every hand-written page that shows the collection.

    MkDocs renders a page again only when its source is newer than its output; the
    output of these is stale whenever the collection changed, so it is removed.
    """
    for file in files.documentation_pages():
        if file.src_uri in generated or file.abs_src_path is None:
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
        if OVERVIEW in text or "[[" in text:
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


def page_toc(body: str):  # type: ignore[no-untyped-def] # mkdocs.structure.toc.TableOfContents
    """The table of contents of a generated page, nested by heading level as Python-Markdown's would be."""
    tokens: list[dict] = []
    for level, ident, label in HEADING.findall(body):
        token = {"level": int(level), "id": ident, "name": TAG.sub("", label), "children": []}
        siblings = tokens
        while siblings and siblings[-1]["level"] < token["level"]:
            siblings = siblings[-1]["children"]
        siblings.append(token)
    return get_toc(tokens)


def person_names(built: Built) -> dict[str, str]:
    """Every name and alias of every person (case-folded) → person slug; the first person wins a clash."""
    names: dict[str, str] = {}
    for person in built.corpus.people:
        for name in (person.name, *person.aliases):
            names.setdefault(name.casefold(), person.slug)
    return names
