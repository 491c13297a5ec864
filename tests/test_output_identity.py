"""The build's output stays byte for byte what it was when the references were recorded
(tests/data/output), on the example site and on the 5,000-post generated site that every
build benchmark uses: speed work must not change a single byte.

When a change to the output is meant, record the references again with
`python tests/output_digest.py` (see its docstring) and say why in the commit.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from conftest import REPO_ROOT, copy_example
from output_digest import file_digests, group_digests

from planner.publish import BuildOptions, build_site
from planner.site import open_site

REFERENCES = Path(__file__).with_name("data") / "output"
NOW = datetime.fromisoformat("2026-12-03T12:00")
GEN_SITE = REPO_ROOT.parent / "shared" / "bench" / "gen_site.py"
GENERATED_CONFIG = '[site]\ntitle = "Bench"\nbase_url = "https://example.com/"\ntimezone = "UTC"\n'


def reference(name: str) -> dict[str, str]:
    return json.loads((REFERENCES / f"{name}.json").read_text(encoding="utf-8"))


def build(site: Path, out: Path, **options: object) -> Path:
    loaded = open_site(start=site)
    now = NOW.replace(tzinfo=loaded.tz)
    build_site(loaded, BuildOptions(out=out, now=now, **options))  # type: ignore[arg-type]
    return out


def differing(found: dict[str, str], expected: dict[str, str]) -> list[str]:
    return sorted(k for k in found.keys() | expected.keys() if found.get(k) != expected.get(k))


@pytest.mark.parametrize(
    ("name", "options"),
    [("example-public", {}), ("example-preview", {"drafts": True, "future": True})],
)
def test_the_example_site_builds_to_the_recorded_bytes(tmp_path, name, options):
    site = copy_example(tmp_path / "site")
    out = build(site, tmp_path / "out", **options)
    assert differing(file_digests(out), reference(name)) == []


@pytest.mark.skipif(not GEN_SITE.is_file(), reason="needs ../shared/bench/gen_site.py")
def test_the_generated_5000_post_site_builds_to_the_recorded_bytes(tmp_path):
    subprocess.run(
        [sys.executable, str(GEN_SITE), "5000", str(tmp_path / "gen")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    site = tmp_path / "site"
    site.mkdir()
    shutil.move(tmp_path / "gen" / "hugo" / "content", site / "content")
    (site / "planner.toml").write_text(GENERATED_CONFIG, encoding="utf-8")
    out = build(site, tmp_path / "out", check=False)
    assert differing(group_digests(out), reference("generated-5000")) == []
