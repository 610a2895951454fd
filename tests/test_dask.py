"""Extraction on Dask (distributed) goes through the same code as the local pool."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline
from generator.config import Settings
from generator.errors import ConfigError

distributed = pytest.importorskip("distributed")

TEXTS = {
    "a.txt": "Ferry strike in Lornhaven\n\nThe ferry crews of Lornhaven stopped work on Monday over the new "
             "rosters, leaving the islands without a boat.\n\n\"We were never asked about the night shifts,\" "
             "said Ulla Brekstad, who speaks for the crews.\n",
    "b.txt": "Library reopens in Esterby\n\nThe Esterby library reopened on Saturday after two years of "
             "repairs to its roof, with a queue around the square.\n",
    "c.txt": b"\x00\x01\x02\x03" * 400,  # binary: an error, on Dask as well
}


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def test_dask_gives_what_one_process_gives(tmp_path: Path, client) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in TEXTS.items():
        (seeds / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    alone = pipeline.process_folder(Settings(seeds=seeds, cache=None, processes=1))
    pipeline._memo.clear()
    on_dask = pipeline.process_folder(Settings(seeds=seeds, cache=tmp_path / "cache"), client=client)
    assert on_dask.extractions == alone.extractions
    assert [str(e) for e in on_dask.errors] == [str(e) for e in alone.errors]
    assert [e.article.path for e in on_dask.extractions] == ["a.txt", "b.txt"]
    assert [e.path for e in on_dask.errors] == ["c.txt"]
    assert any((tmp_path / "cache").rglob("*")), "Dask results are cached like the pool's"


def test_a_scheduler_address_without_dask_installed_is_a_config_error(monkeypatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # as if not installed
    with pytest.raises(ConfigError, match="Dask is not installed"):
        pipeline._dask_client("tcp://127.0.0.1:1")
