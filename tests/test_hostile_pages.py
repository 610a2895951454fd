"""Hand-written pages against generated ones, code blocks, the 404 page and errors, through ``mkdocs build``.

One small project (two fixture articles) built once per module, plus builds that must
fail with the message alone.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hostile.project import make_project, mkdocs

FIXTURE_SEEDS = Path(__file__).resolve().parent / "fixtures" / "briefings_project" / "seeds"
HAND_WRITTEN = {  # hand-written page → the generated page at the same address
    "people.md": "people/index.md",
    "find.md": "find/index.md",
    "briefings/council-budget/index.md": "briefings/council-budget.md",
}
CODE_PAGE = """# Code

A link: [[Marta Velasquez]].

```
[[Marta Velasquez]] stays as written in a fenced block.
```

~~~~text
[[Marta Velasquez]] in a tilde fence too.
~~~~
"""


def small_project(root: Path) -> Path:
    make_project(root)
    for name in ("council-budget.txt", "harbor-times-port.txt"):
        shutil.copy(FIXTURE_SEEDS / name, root / "seeds" / name)
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = small_project(tmp_path_factory.mktemp("pages"))
    for rel in HAND_WRITTEN:
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(f"# Mine\n\nHand-written page {rel}.\n", encoding="utf-8")
    (root / "docs" / "code.md").write_text(CODE_PAGE, encoding="utf-8")
    return {"root": root, "build": mkdocs(root, "build")}


def test_the_build_succeeds(project: dict) -> None:
    assert project["build"].returncode == 0, project["build"].stderr[-3000:]


@pytest.mark.parametrize("mine, generated", sorted(HAND_WRITTEN.items()))
def test_a_hand_written_page_at_a_generated_address_wins_with_a_warning(project: dict, mine: str,
                                                                         generated: str) -> None:
    page = project["root"] / "site" / re.sub(r"(/index)?\.md$", "", mine) / "index.html"
    assert f"Hand-written page {mine}." in page.read_text(encoding="utf-8")
    warnings = [line for line in project["build"].stderr.splitlines() if line.startswith("WARNING")]
    assert any(f"docs/{mine} is hand-written" in line and f"'{generated}'" in line for line in warnings)


def test_the_warning_is_fatal_under_strict(project: dict, tmp_path: Path) -> None:
    result = mkdocs(project["root"], "build", "--strict", "--site-dir", str(tmp_path / "strict"))
    assert result.returncode != 0 and "is hand-written and replaces" in result.stderr


def test_person_links_are_left_alone_in_fenced_code(project: dict) -> None:
    html = (project["root"] / "site" / "code" / "index.html").read_text(encoding="utf-8")
    assert html.count("[[Marta Velasquez]]") == 2
    assert 'href="../people/marta-velasquez/"' in html


def test_the_404_page_links_the_feed_by_path_without_site_url(project: dict) -> None:
    html = (project["root"] / "site" / "404.html").read_text(encoding="utf-8")
    (href,) = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]*)"', html)
    assert href == "/feed.xml"


# ---- 14: errors a user can act on, without a traceback --------------------------------------------


@pytest.mark.parametrize("module, args", [("mkdocs", ("build",)), ("generator", ("site",))])
def test_a_broken_registry_stops_the_build_with_its_message_alone(tmp_path: Path, module: str,
                                                                  args: tuple[str, ...]) -> None:
    root = small_project(tmp_path)
    (root / "seeds" / "people.yml").write_text("people:\n  - name: Ann Example\n    slug: 'Not A Slug'\n")
    result = mkdocs(root, *args, module=module)
    assert result.returncode != 0
    assert "Error in people registry" in result.stderr and "not a valid page address" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("module, args", [("mkdocs", ("build",)), ("generator", ("site",)),
                                          ("generator", ("build", "seeds", "--out", "out"))])
def test_a_missing_seeds_folder_stops_the_build_with_its_message_alone(tmp_path: Path, module: str,
                                                                       args: tuple[str, ...]) -> None:
    root = make_project(tmp_path)
    (root / "seeds").rmdir()
    result = mkdocs(root, *args, module=module)
    assert result.returncode != 0
    assert "it does not exist" in result.stderr and "Traceback" not in result.stderr
