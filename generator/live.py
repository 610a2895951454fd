"""``mkdocs serve``: an edit in the seeds folder shown without MkDocs' pass over the whole site.

A serve rebuild is a whole MkDocs build: it lists ``docs/`` and the theme, makes a
``File`` for every generated page (21,000 at 10,000 articles), the navigation, reads
and checks every page, writes the sitemap. After an edit of an article only a few
pages change. When every change the watcher saw since the last build is in the seeds
folder, the plugin (``plugin.py``) runs the generator as a build would, then hands
the pages whose text changed (and the hand-written pages that show the collection)
to this module, which renders them as MkDocs' build does (its own two steps per
page: ``_populate_page``, ``_build_page``, with every plugin's page events) through
the theme environment, navigation and files of the last full build, and writes them
into the served site. The sitemap is written again when pages were added, and every
plugin's ``on_post_build`` runs (the header search index, the review report).

What is outside it falls back to MkDocs' rebuild (``only_inputs``, the plugin's
``_fast_rebuild``): a change outside the seeds folder (``mkdocs.yml``, ``docs/``, the
theme), a generated page gone (a deleted article, a story dissolved) or a new one at
a hand-written page's address, and any plugin this module does not know (its page
events could read what is not rendered again). A folder made, moved or removed in the
seeds folder only makes the generator list it again. The steps are MkDocs' own
(private) functions, as in MkDocs 1.6: without them (``MKDOCS_STEPS``), or without
the watcher's list of paths, every rebuild is MkDocs' build. ``tests/test_serve.py``
compares the served pages after the fast path with those of a full build.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

# the plugins whose page and build events the fast path is known to run as a build does
KNOWN_PLUGINS = frozenset({"search", "material/search", "briefings", "briefings-search"})
# Material's search plugin keeps one index per build, made in its on_config (``fresh_search_index``)
MATERIAL_SEARCH = "material/search"
# MkDocs' build steps the fast path runs (private to mkdocs.commands.build, as of MkDocs 1.6)
MKDOCS_STEPS = all(hasattr(mkdocs_build, step) for step in ("_populate_page", "_build_page", "_build_theme_template"))


@dataclass
class Site:
    """What the last full build made that rendering a page again needs: its configuration, files, navigation
    and theme environment (the navigation and the pages' places in it are unchanged by a seeds edit)."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    pages: Sequence[File] = ()  # the pages MkDocs builds under serve (``refresh``)
    hand_written: Sequence[File] = ()  # those of docs/

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """The page lists again, after files were added (each is a pass over every file)."""
        self.pages = self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        self.hand_written = [f for f in self.pages if f.generated_by is None]


class Changes(FileSystemEventHandler):
    """The paths the serve watcher reported since the last rebuild, from every path it watches.

    ``mkdocs serve`` only learns that something changed; this handler, scheduled on the
    same paths, keeps which. ``complete`` is False when a watched path could not be
    followed (the fast path is then never taken)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.paths: set[Path] = set()
        self.folders = False  # a folder was made, moved or removed: which files changed is not known
        self.seen: dict[Path, tuple[int, ...]] = {}  # a path taken → what ``stat`` said of it then
        self.reported: dict[Path, tuple[int, ...]] = {}  # a path a rebuild was asked for, not yet taken → its stat
        self.complete = True

    def on_any_event(self, event: FileSystemEvent) -> None:
        with self.lock:
            if event.is_directory:  # a folder "modified" is a file made or removed in it, reported by itself
                self.folders = self.folders or event.event_type != "modified"
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    self.paths.add(Path(path if isinstance(path, str) else path.decode()))

    def take(self) -> tuple[set[Path], bool]:
        """The paths changed since the last call, and whether a folder was made, moved or removed. A path
        reported again as it was when last taken is left out: two watchers report each input's change."""
        with self.lock:
            taken, folders, self.paths, self.folders = self.paths, self.folders, set(), False
            self.reported = {}
        now = {path: _stat(path) for path in taken}
        fresh = {path for path in taken if path not in self.seen or self.seen[path] != now[path]}
        self.seen.update(now)
        return fresh, folders

    def news(self, paths: Sequence[Path]) -> bool:
        """Whether a file at ``paths`` is not as the last rebuild took it, nor as a watcher already reported it
        since: the second watcher's report of a change asks for nothing. (MkDocs starts a rebuild once requests
        stop for a tenth of a second: the poller's report, up to half a second late, put the rebuild off.)"""
        now = {path: _stat(path) for path in paths}
        with self.lock:
            fresh = any(self.seen.get(path) != stat and self.reported.get(path) != stat for path, stat in now.items())
            self.reported.update(now)
        return fresh

    def follow(self, server: LiveReloadServer) -> None:
        """Record the events of every path ``server`` watches, now and from now on."""
        watched = getattr(server, "_watched_paths", None)  # MkDocs keeps them privately: without, no fast path
        if not isinstance(watched, dict):
            self.complete = False
            return
        for path in list(watched):
            server.observer.schedule(self, path, recursive=True)
        original = server.watch

        def watch(path: str, func: None = None, *, recursive: bool = True) -> None:
            original(path, func, recursive=recursive)
            server.observer.schedule(self, str(Path(path).absolute()), recursive=recursive)
        server.watch = watch  # type: ignore[method-assign]  # the paths watched after on_serve too


def watch_inputs(server: LiveReloadServer, seeds: Path, changes: Changes) -> None:
    """Rebuild when an input changes, told by two watchers: a poller like MkDocs' own (a ``stat`` of every file
    twice a second; it never misses a change, but sees it up to half a second late) and, where the system
    tells of file events (inotify on Linux), at once (a session at 10,000 articles once saw an edit late while
    the model loaded, with the system's events alone). A change both report is rebuilt once: an event of a
    path as it was when last taken (``Changes.take``) asks for nothing. MkDocs' poller alone where MkDocs has
    no way to ask for a rebuild (it has no public call for it)."""
    if not (isinstance(getattr(server, "_want_rebuild", None), bool)
            and isinstance(getattr(server, "_rebuild_cond", None), threading.Condition)):
        server.watch(str(seeds))
        return
    for make in (PollingObserver, Observer):
        observer = make()
        try:
            observer.schedule(_Trigger(server, changes), str(seeds), recursive=True)
            observer.start()  # a daemon thread: it ends with the server
        except OSError:  # no more inotify watches, say: the poller alone
            continue


class _Trigger(FileSystemEventHandler):
    """Records an input's event (``Changes``) and asks the server for a rebuild, as MkDocs' own watcher does,
    unless the path is as the last rebuild took it or as already reported (the other watcher's report of the
    same change: ``Changes.news``)."""

    def __init__(self, server: LiveReloadServer, changes: Changes) -> None:
        self.server, self.changes = server, changes

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed", "closed_no_write"):  # reading is no change
            return
        self.changes.on_any_event(event)
        if event.is_directory and event.event_type == "modified":  # a file made or removed in it: its own event
            return  # (an editor's save through a temporary file asked for a second rebuild, seconds at 10,000)
        paths = [Path(p if isinstance(p, str) else p.decode()) for p in (event.src_path,
                                                                       getattr(event, "dest_path", "")) if p]
        if not event.is_directory and not self.changes.news(paths):
            return
        ask_rebuild(self.server)


def ask_rebuild(server: LiveReloadServer) -> None:
    """Ask the server for a rebuild, as its own watcher does (asked during a rebuild: another one after it);
    nothing where MkDocs has no way to ask (``watch_inputs``)."""
    served: Any = server
    condition = getattr(served, "_rebuild_cond", None)
    if isinstance(condition, threading.Condition) and isinstance(getattr(served, "_want_rebuild", None), bool):
        with condition:
            served._want_rebuild = True
            condition.notify_all()


def _stat(path: Path) -> tuple[int, ...]:
    try:
        st = path.stat()
    except OSError:
        return ()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def only_inputs(paths: set[Path], seeds: Path, docs: Path) -> bool:
    """Every path is inside the seeds folder, and none is a page of MkDocs' own (the seeds inside ``docs/``)."""
    root, pages = seeds.resolve(), docs.resolve()
    return not root.is_relative_to(pages) and all(path.resolve().is_relative_to(root) for path in paths)


def plugins_known(config: MkDocsConfig) -> bool:
    """Every plugin of the site is one whose events the fast path runs as a build would (and MkDocs' steps
    are there to run them)."""
    return MKDOCS_STEPS and set(config.plugins) <= KNOWN_PLUGINS


def new_files(site: Site, made: dict[str, File], generated: Sequence[File]) -> None:
    """Add the files of new generated pages to the site, each with its page, as a build would make them; the
    generated files (``generated``, new ones among them) stay last, in their order (the sitemap's)."""
    set_exclusions(made.values(), site.config)
    for file in made.values():
        if file.is_documentation_page():
            Page(None, file, site.config)
    mine = {file.src_uri for file in generated}
    site.files = Files([*(file for file in site.files if file.src_uri not in mine), *generated])
    site.refresh()


def render(site: Site, pages: Sequence[File], others: Sequence[File]) -> None:
    """Read, render and write ``pages`` as MkDocs' build does, copy ``others`` (the feed, the downloads), then
    run every plugin's ``on_post_build`` (the search index, the review report)."""
    config = site.config
    fresh_search_index(config)
    for file in others:
        file.copy_file()
    for file in pages:
        assert file.page is not None
        mkdocs_build._populate_page(file.page, config, site.files)
    for file in pages:
        assert file.page is not None
        mkdocs_build._build_page(file.page, config, site.pages, site.nav, site.env,
                                 excluded=file.inclusion.is_excluded())
    for file in pages:
        assert file.page is not None
        file.page.validate_anchor_links(files=site.files, log_level=config.validation.links.anchors)
    config.plugins.on_post_build(config=config)


def write_sitemap(site: Site) -> None:
    """The sitemap again (it lists every page): after pages were added."""
    if "sitemap.xml" in site.config.theme.static_templates:
        mkdocs_build._build_theme_template("sitemap.xml", site.env, site.files, site.config, site.nav)


def fresh_search_index(config: MkDocsConfig) -> None:
    """Material's search plugin starts each build with an empty index (its ``on_config``) and merges the
    previous build's under ``--dirty``; the fast path is a build to it."""
    plugin: Any = config.plugins.get(MATERIAL_SEARCH)
    if plugin is not None:
        plugin.on_config(config)
