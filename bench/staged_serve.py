"""An experiment, not the product: ``mkdocs`` with generated pages staged on disk.

MkDocs' ``--dirtyreload`` rebuilds only the pages whose source is newer than their
output, but a page generated in memory (``File.generated(..., content=...)``) always
counts as modified, so every rebuild renders every page. Here ``File.generated`` is
wrapped (in this process only) to write each generated page to a staging folder,
rewriting a file only when its text changed, and to hand MkDocs that path instead:
under ``--dirtyreload`` only the pages whose Markdown changed are rendered again.

    python -m bench.staged_serve serve -f CONFIG --dirtyreload

What it would take in the plugin: pass ``abs_src_path=stage(path, text)`` instead of
``content=text`` to ``File.generated``. Not handled here: hand-written pages whose
output depends on the collection (the overview, ``[[Name]]`` links) are not rebuilt
by a dirty reload, and search indexes only the pages rebuilt.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from mkdocs.__main__ import cli
from mkdocs.structure.files import File

STAGE = Path(tempfile.mkdtemp(prefix="briefings-stage-"))
_generated = File.generated.__func__  # type: ignore[attr-defined]


def stage(src_uri: str, content: str | bytes) -> str:
    """The staged copy of a generated page: rewritten (new mtime) only when its text changed."""
    path = STAGE / src_uri
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return str(path)


def generated(cls, config, src_uri, *, content=None, abs_src_path=None, **kwargs):  # type: ignore[no-untyped-def]
    if content is not None:
        return _generated(cls, config, src_uri, abs_src_path=stage(src_uri, content), **kwargs)
    return _generated(cls, config, src_uri, abs_src_path=abs_src_path, **kwargs)


if __name__ == "__main__":
    File.generated = classmethod(generated)  # type: ignore[method-assign,assignment]
    sys.exit(cli())
