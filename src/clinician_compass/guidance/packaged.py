"""The catalog that ships inside the package: where it is, and loading it once."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from clinician_compass.guidance.model import Catalog

T = TypeVar("T")

DATA = Path(__file__).parent / "data"
"""The packaged catalog files: a plain path, since importing ``importlib.resources`` costs start-up time."""


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The packaged catalog: validated once per install (see ``cache``), loaded once per process."""
    from clinician_compass.guidance.cache import load_cached

    return load_cached(DATA, _from_toml)


def rare_conditions() -> tuple[str, ...]:
    """The packaged catalog's rare conditions, kept between runs on their own: ``check-post`` needs no
    more of the catalog, and reading the whole kept copy back would cost it several milliseconds."""
    if load_catalog.cache_info().currsize:
        return load_catalog().rare_conditions
    return _kept("rare-conditions", Path(__file__), lambda: load_catalog().rare_conditions, tuple)


def _from_toml(folder: Path) -> Catalog:
    # The TOML parser and the validator are only imported when the kept copy cannot be used.
    from clinician_compass.guidance.loader import load_catalog_from

    return load_catalog_from(folder)


def kept_for_catalog(catalog: Catalog, name: str, code: Path, build: Callable[[Catalog], T], kind: type[T]) -> T:
    """``build(catalog)``, kept between runs beside the catalog's own copy when ``catalog`` is the packaged
    one (another, such as a test's, is built afresh). ``code`` is the module ``build`` lives in: an edit
    to it, or to the catalog, builds it again. For what only the catalog decides, such as the search index.
    """
    if not load_catalog.cache_info().currsize or load_catalog() is not catalog:
        return build(catalog)
    return _kept(name, code, lambda: build(catalog), kind)


def _kept(name: str, code: Path, build: Callable[[], T], kind: type[T]) -> T:
    """``build()``, kept between runs under the packaged catalog's key and ``code``'s; built afresh when
    keeping is switched off or the files cannot be looked at."""
    from clinician_compass.guidance import cache

    if os.environ.get(cache.ENV_DISABLE):
        return build()
    try:
        key = cache.catalog_key(DATA) + "\n" + cache.code_key(code)
    except OSError:
        return build()
    return cache.load_kept(name, key, build, kind)
