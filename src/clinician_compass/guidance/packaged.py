"""The catalog that ships inside the package: where it is, and loading it once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from clinician_compass.guidance.model import Catalog

DATA = Path(__file__).parent / "data"
"""The packaged catalog files: a plain path, since importing ``importlib.resources`` costs start-up time."""


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The packaged catalog: validated once per install (see ``cache``), loaded once per process."""
    from clinician_compass.guidance.cache import load_cached

    return load_cached(DATA, _from_toml)


def _from_toml(folder: Path) -> Catalog:
    # The TOML parser and the validator are only imported when the kept copy cannot be used.
    from clinician_compass.guidance.loader import load_catalog_from

    return load_catalog_from(folder)
