"""The catalog is kept ready between runs, and a change to it is never hidden by the copy."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from clinician_compass.guidance import cache
from clinician_compass.guidance.loader import CatalogError, load_catalog_from
from clinician_compass.guidance.packaged import DATA


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the packaged catalog to edit, and an empty cache folder."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    kept = tmp_path / "cache"
    monkeypatch.setattr(cache, "cache_folder", lambda: kept)
    monkeypatch.delenv(cache.ENV_DISABLE, raising=False)
    return data, kept


def same(a, b) -> bool:  # noqa: ANN001 - two Catalogs
    """Field by field: a Catalog compares by identity, so the reference index can key on it."""
    return all(getattr(a, f.name) == getattr(b, f.name) for f in dataclasses.fields(a))


class Counting:
    """``load_catalog_from`` that remembers how often the TOML was really read."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self, folder: Path):  # noqa: ANN204 - Catalog
        self.reads += 1
        return load_catalog_from(folder)


def test_the_second_load_reads_the_kept_copy_and_gets_the_same_catalog(folders: tuple[Path, Path]) -> None:
    data, kept = folders
    load = Counting()
    first = cache.load_cached(data, load)
    second = cache.load_cached(data, load)
    assert load.reads == 1
    assert same(second, first) and second is not first
    assert len(list(kept.glob("catalog-*.pickle"))) == 1


def test_an_edited_catalog_file_is_read_again(folders: tuple[Path, Path]) -> None:
    data, kept = folders
    load = Counting()
    cache.load_cached(data, load)
    situations = data / "situations.toml"
    text = situations.read_text(encoding="utf-8")
    situations.write_text(
        text.replace('"A patient sent me a photo of their rash"', '"A patient sent me a picture of a rash"'),
        encoding="utf-8",
    )
    edited = cache.load_cached(data, load)
    assert load.reads == 2
    assert edited.situations["photo-of-rash"].title == "A patient sent me a picture of a rash"


def test_only_the_newest_few_copies_are_kept(folders: tuple[Path, Path]) -> None:
    data, kept = folders
    situations = data / "situations.toml"
    original = situations.read_text(encoding="utf-8")
    for n in range(cache.KEEP + 3):
        situations.write_text(original + f"\n# edit {n}\n", encoding="utf-8")
        cache.load_cached(data, Counting())
    assert len(list(kept.glob("catalog-*.pickle"))) == cache.KEEP


def test_a_copy_others_could_have_written_is_not_trusted(folders: tuple[Path, Path]) -> None:
    data, kept = folders
    load = Counting()
    cache.load_cached(data, load)
    (copy,) = kept.glob("catalog-*.pickle")
    copy.chmod(0o666)
    cache.load_cached(data, load)
    assert load.reads == 2, "a world-writable copy is read from TOML instead of unpickled"


def test_a_damaged_copy_is_ignored_and_replaced(folders: tuple[Path, Path]) -> None:
    data, kept = folders
    load = Counting()
    good = cache.load_cached(data, load)
    (copy,) = kept.glob("catalog-*.pickle")
    copy.write_bytes(b"\x80\x05 not a pickle at all")
    assert same(cache.load_cached(data, load), good)
    assert load.reads == 2
    assert same(cache.load_cached(data, load), good) and load.reads == 2, "the copy was rewritten"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, kept = folders
    kept.write_text("a file where the folder should be", encoding="utf-8")
    load = Counting()
    assert cache.load_cached(data, load).situations
    assert cache.load_cached(data, load).situations
    assert load.reads == 2


def test_a_broken_catalog_raises_its_errors_and_is_not_kept(folders: tuple[Path, Path]) -> None:
    data, kept = folders
    (data / "sources.toml").write_text("[sources.x]\nyear = 'soon'\n", encoding="utf-8")
    with pytest.raises(CatalogError):
        cache.load_cached(data, Counting())
    assert not list(kept.glob("catalog-*.pickle")) if kept.exists() else True


def test_the_environment_switch_always_reads_the_toml(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, kept = folders
    monkeypatch.setenv(cache.ENV_DISABLE, "1")
    load = Counting()
    cache.load_cached(data, load)
    cache.load_cached(data, load)
    assert load.reads == 2 and not kept.exists()
