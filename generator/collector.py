"""The cyclic garbage collector paused while a cross-article stage runs.

The site's resolve stage (``site.build_site``: people, organisations and places,
stories) runs inside one pause; the people and actors stages also pause on their own,
for callers that run them alone (benchmarks, tests). Resolving allocates hundreds of
thousands of small objects (units, keys, sets) that live until the stage returns.
Each time enough of them pile up, Python's cyclic collector runs, and its oldest
generation walks every object the process holds: the whole collection's extractions.
So the stage's time grew faster than the collection (at 10,000 articles the collector
was about 40% of people resolution). The stages make no reference cycles that need
collecting while they run; reference counting frees the rest as usual, and the
collector runs again afterwards. Rendering is left to the collector: templates make
reference cycles.

Under ``mkdocs serve`` the process keeps the collection between rebuilds, so the
collector's oldest generation walks all of it whenever it runs, in whatever rebuild
(about a second at 10,000 articles, half an edit's budget). After each serve rebuild
what the process holds is moved out of its sight (``settled``).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (nested blocks and a collector already off are left as they were)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def settled(resolved_again: bool) -> None:
    """After a serve rebuild: every object alive now is frozen (``gc.freeze``), so a collection in the next
    rebuild walks only what that rebuild made. When the collection was resolved again (its last corpus let
    go), everything is unfrozen and collected first, so that cyclic garbage frozen by earlier rebuilds (the
    few template cycles alive when one ended) does not pile up over a session."""
    if resolved_again:
        gc.unfreeze()
        gc.collect()
    gc.freeze()
