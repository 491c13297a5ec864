"""Pack files: large cached values written a batch per file, found by an index."""

from __future__ import annotations

from planner.cache import Store


def test_packed_values_not_used_by_the_run_are_dropped(tmp_path):
    store = Store(tmp_path)
    packs = store.packs("bodies")
    for name in ("a", "b", "c"):
        packs.put(packs.key(name), f"<p>{name}</p>")
    store.save()
    packs = store.packs("bodies")
    packs.keep(packs.key("b"))
    store.save()
    packs = store.packs("bodies")
    assert [packs.get(packs.key(n)) for n in ("a", "b", "c")] == [None, "<p>b</p>", None]


def test_a_batch_of_values_is_one_file(tmp_path):
    store = Store(tmp_path)
    packs = store.packs("bodies")
    for number in range(100):
        packs.put(packs.key(str(number)), f"<p>é {number}</p>")
    store.save()
    packs = store.packs("bodies")
    assert packs.get(packs.key("42")) == "<p>é 42</p>"
    assert sorted(p.suffix for p in (tmp_path / "bodies").iterdir()) == [".json", ".pack"]


def test_values_written_by_another_process_are_found_once_adopted(tmp_path):
    worker, parent = Store(tmp_path).packs("bodies"), Store(tmp_path).packs("bodies")
    worker.put(worker.key("a"), "from a worker")
    parent.adopt(worker.flush())
    assert parent.get(parent.key("a")) == "from a worker"


def test_packs_left_small_or_mostly_unused_by_edits_are_merged(tmp_path):
    store = Store(tmp_path)
    packs = store.packs("bodies")
    for number in range(50):
        packs.put(packs.key(str(number)), "x" * 2000)
    store.save()
    for edit in range(1, 6):  # each run adds one small value and keeps the earlier ones
        packs = store.packs("bodies")
        for name in [*map(str, range(50)), *(f"edit {e}" for e in range(1, edit))]:
            packs.keep(packs.key(name))
        packs.put(packs.key(f"edit {edit}"), "y" * 100)
        store.save()
    assert len(list((tmp_path / "bodies").glob("*.pack"))) == 2
    packs = store.packs("bodies")
    for number in range(10):  # most of the first pack goes unused
        packs.keep(packs.key(str(number)))
    store.save()
    assert len(list((tmp_path / "bodies").glob("*.pack"))) == 1
    packs = store.packs("bodies")
    assert packs.get(packs.key("9")) == "x" * 2000
    assert packs.get(packs.key("edit 5")) is None


def test_a_truncated_pack_is_a_miss(tmp_path):
    store = Store(tmp_path)
    packs = store.packs("bodies")
    packs.put(packs.key("a"), "some html")
    store.save()
    (pack,) = (tmp_path / "bodies").glob("*.pack")
    pack.write_bytes(b"some")
    assert store.packs("bodies").get(packs.key("a")) is None
