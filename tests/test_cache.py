"""The cache store: one key scheme, keep what a run used, a broken cache is a miss."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import copy_example

from planner.cache import CACHE_DIR, Store, stable_repr
from planner.publish import BuildOptions, build_site
from planner.site import open_site

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "example")


def build(site: Path, **options: object) -> object:
    out = site / "public"
    return build_site(open_site(start=site), BuildOptions(out=out, now=NOW, **options))  # type: ignore[arg-type]


def entries(site: Path, table: str) -> int:
    """Entries of a table, in one file or in a directory of shards."""
    path = site / CACHE_DIR / table
    files = sorted(path.glob("*.json")) if path.is_dir() else [path.with_suffix(".json")]
    return sum(len(json.loads(file.read_text())["entries"]) for file in files)


def manifests(cache: Path) -> list[Path]:
    """The page manifests in the cache: a directory of shards each."""
    return [path for path in cache.glob("pages-*") if path.is_dir()]


def sharded(tmp_path: Path, values: dict[str, int]) -> Store:
    """A store whose table "t" (4 shards) holds `values`, saved."""
    store = Store(tmp_path)
    table = store.table("t", shards=4)
    for key, value in values.items():
        table.put(key, value)
    store.save()
    return store


def files(directory: Path) -> dict[str, int]:
    """Each file's inode: a file replaced (as writes do) gets a new one."""
    return {path.name: path.stat().st_ino for path in directory.glob("*.json")}


def shard_of(directory: Path, key: str) -> str:
    """The name of the shard file holding `key`."""
    (name,) = [
        p.name for p in directory.glob("*.json") if key in json.loads(p.read_text())["entries"]
    ]
    return name


def test_stable_repr_is_repr_for_values_without_sets():
    value = {"a": [1, "b", (2,), ()], "c": {"d": None, 3: 1.5}, "e": (True, b"x")}
    assert stable_repr(value) == repr(value)


def test_stable_repr_sorts_the_items_of_sets_at_any_depth():
    assert stable_repr({"k": [{"b", "a", "c"}]}) == "{'k': [{'a', 'b', 'c'}]}"


def test_stable_repr_reads_nesting_deeper_than_the_python_stack():
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    assert stable_repr(deep) == "[" * 5001 + "]" * 5001


def test_a_table_keeps_only_what_the_run_used(tmp_path):
    store = Store(tmp_path)
    table = store.table("t")
    table.put(table.key("a"), 1)
    table.put(table.key("b"), 2)
    store.save()
    table = store.table("t")
    assert table.get(table.key("a")) == 1
    store.save()
    table = store.table("t")
    assert table.get(table.key("b")) is None
    assert table.get(table.key("a")) == 1


def test_a_table_with_other_settings_is_empty(tmp_path):
    store = Store(tmp_path)
    table = store.table("t", settings="tz=UTC")
    table.put("k", 1)
    store.save()
    assert store.table("t", settings="tz=Europe/Paris").get("k") is None


def test_a_sharded_table_reads_back_every_entry(tmp_path):
    values = {f"k{i}": i for i in range(40)}
    store = sharded(tmp_path, values)
    table = store.table("t", shards=4)
    assert {key: table.get(key) for key in values} == values
    assert len(list((tmp_path / "t").glob("*.json"))) == 4


def test_a_changed_entry_rewrites_only_its_shard(tmp_path):
    values = {f"k{i}": i for i in range(40)}
    store = sharded(tmp_path, values)
    before = files(tmp_path / "t")
    table = store.table("t", shards=4)
    for key, value in values.items():
        table.put(key, value + (key == "k7"))
    store.save()
    after = files(tmp_path / "t")
    assert [name for name in before if before[name] != after[name]] == [
        shard_of(tmp_path / "t", "k7")
    ]


def test_an_unreadable_shard_loses_only_its_entries(tmp_path):
    values = {f"k{i}": i for i in range(40)}
    sharded(tmp_path, values)
    broken = shard_of(tmp_path / "t", "k7")
    lost = set(json.loads((tmp_path / "t" / broken).read_text())["entries"])
    (tmp_path / "t" / broken).write_text("{not json", encoding="utf-8")
    table = Store(tmp_path).table("t", shards=4)
    assert {key for key in values if table.get(key) is None} == lost


def test_after_several_edits_the_cache_holds_only_what_the_last_build_used(example):
    posts = sorted((example / "content" / "posts").glob("*.md"))
    build(example)
    for round_ in range(3):
        for post in posts[:5]:
            post.write_text(post.read_text(encoding="utf-8") + f"\nEdit {round_}.\n")
        report = build(example)
    cache = example / CACHE_DIR
    bodies = json.loads((cache / "bodies" / "index.json").read_text())["entries"]
    assert len(bodies) == report.posts  # type: ignore[attr-defined]
    assert len(list((cache / "bodies").glob("*.pack"))) <= 2
    assert entries(example, "posts") == len(posts)
    assert entries(example, "findings") == report.checked  # type: ignore[attr-defined]
    facts = entries(example, "facts")
    build(example)
    assert entries(example, "facts") == facts
    assert len(manifests(cache)) == 1


def test_the_manifest_of_a_removed_output_directory_is_dropped(example):
    build_site(open_site(start=example), BuildOptions(out=example / "preview", now=NOW))
    build(example)
    cache = example / CACHE_DIR
    assert len(manifests(cache)) == 2
    shutil.rmtree(example / "preview")
    post = next((example / "content" / "posts").glob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    build(example)  # a build with something to do: it saves the cache
    assert len(manifests(cache)) == 1


def test_files_of_earlier_cache_layouts_are_removed(example):
    cache = example / CACHE_DIR
    cache.mkdir()
    for name in ("posts.json", "stamps.json", "pages-0123.json"):
        (cache / name).write_text("{}", encoding="utf-8")
    build(example)
    assert not [
        name for name in ("posts.json", "stamps.json", "pages-0123.json") if (cache / name).exists()
    ]


def test_a_corrupt_cache_is_a_miss(example):
    build(example)
    cache = example / CACHE_DIR
    for path in cache.rglob("*.json"):
        path.write_text("{not json", encoding="utf-8")
    report = build(example)
    assert report.rendered == report.posts  # type: ignore[attr-defined]
    assert report.pages_written == 0  # type: ignore[attr-defined]


def test_an_entry_of_the_wrong_shape_is_a_miss(example):
    site = open_site(start=example)
    fresh = site.load_posts(cached=False)
    site.load_posts()
    shards = list((example / CACHE_DIR / "posts").glob("*.json"))
    assert shards
    for path in shards:
        document = json.loads(path.read_text())
        document["entries"] = {key: {"post": {"title": 1}} for key in document["entries"]}
        path.write_text(json.dumps(document))
    assert open_site(start=example).load_posts() == fresh


def test_an_unwritable_cache_is_a_miss(example):
    (example / CACHE_DIR).write_text("a file where the cache directory should be")
    first = build(example)
    second = build(example)
    assert first.posts == second.posts == 5  # type: ignore[attr-defined]
    assert second.rendered == 5  # type: ignore[attr-defined]
    assert (example / "public" / "index.html").is_file()


def test_entries_of_the_wrong_shape_are_misses(example):
    first = build(example)
    cache = example / CACHE_DIR
    for path in cache.rglob("*.json"):
        document = json.loads(path.read_text())
        if "entries" in document:  # a table
            document["entries"] = {key: 7 for key in document["entries"]}
        else:  # the record of the last build
            document = {key: 7 for key in document}
        path.write_text(json.dumps(document))
    report = build(example)
    assert report.posts == first.posts  # type: ignore[attr-defined]
    assert report.pages_written == 0  # type: ignore[attr-defined]
    assert not report.untouched  # type: ignore[attr-defined]
