"""Screenshots of the home page, a briefing, a person page, the timeline and the network, for the README.

Run ``python -m tests.screenshots`` (or ``make screenshots``) from the repository:
it builds the site from the repository's seeds/ into a tmp dir (never ``site/``),
serves it under a sub-path, and writes PNGs into docs/assets/screenshots/. The
briefing shown is the one with the most quotes, the person the most mentioned.
Not run by the tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_project import CHROMIUM, CHROMIUM_ARGS, REPO, serve_under

OUT = REPO / "docs" / "assets" / "screenshots"
SHOTS = (("home", "", "light"), ("briefing", "{briefing}", "light"), ("person", "{person}", "dark"),
         ("timeline", "years/", "light"), ("network", "network/", "dark"))


def build(into: Path) -> Path:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(into)]
    subprocess.run(command, cwd=REPO, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return into


def pick(site: Path) -> dict[str, str]:
    data = json.loads((site / "data" / "briefings.json").read_text(encoding="utf-8"))
    briefing = max(data["briefings"], key=lambda b: (len(b["quotes"]), b["slug"]))
    person = max(data["people"], key=lambda p: (len(p["briefings"]), p["slug"]))
    return {"briefing": briefing["url"], "person": person["url"]}


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = build(Path(tmp) / "site")
        paths = pick(site)
        OUT.mkdir(parents=True, exist_ok=True)
        with serve_under(site) as base, sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path, scheme in SHOTS:
                for width, suffix in ((1280, ""), (390, "-phone")):
                    context = chromium.new_context(viewport={"width": width, "height": 860}, color_scheme=scheme)
                    page = context.new_page()
                    page.goto(base + path.format(**paths))
                    page.screenshot(path=str(OUT / f"{name}{suffix}.png"))
                    context.close()
            chromium.close()
    print("\n".join(str(p.relative_to(REPO)) for p in sorted(OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
