"""The quick reference's index is kept between runs like the catalog, and only for the packaged catalog."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from clinician_compass.guidance import cache, load_catalog
from clinician_compass.guidance.packaged import kept_for_catalog
from clinician_compass.reference import index
from clinician_compass.reference.index import Index, build_index


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "cache_folder", lambda: tmp_path)
    monkeypatch.delenv(cache.ENV_DISABLE, raising=False)
    return tmp_path


def test_the_second_run_reads_the_kept_index_and_it_matches_a_fresh_one(kept: Path) -> None:
    catalog = load_catalog()
    builds: list[object] = []

    def build(c):  # noqa: ANN001, ANN202
        builds.append(c)
        return build_index(c)

    first = kept_for_catalog(catalog, "search-index", Path(index.__file__), build, Index)
    again = kept_for_catalog(catalog, "search-index", Path(index.__file__), build, Index)
    assert len(builds) == 1 and again is not first and len(list(kept.glob("search-index-*.pickle"))) == 1
    assert dict(again.postings) == dict(first.postings) and again.idf == first.idf
    assert again.expand("blcok") == first.expand("blcok")  # the typo table still builds from the copy


def test_an_index_of_another_catalog_is_built_afresh_and_never_kept(kept: Path) -> None:
    other = dataclasses.replace(load_catalog())
    built = kept_for_catalog(other, "search-index", Path(index.__file__), build_index, Index)
    assert built.size == len(other.situations) and not list(kept.glob("search-index-*.pickle"))
