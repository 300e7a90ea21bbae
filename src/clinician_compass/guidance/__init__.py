"""The guidance catalog: what the professional bodies say and how each platform works.

``load_catalog()`` is all most callers need. The loader (TOML parsing and
validation) is imported only when it is used: on a normal start the validated
catalog comes from the cache, and the parser would be dead weight. The model's
classes load with the first one asked for, or with the catalog itself:
``check-post`` reads only the rare conditions, and building the classes would
cost it 2 ms.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from clinician_compass.guidance.packaged import load_catalog

if TYPE_CHECKING:
    from clinician_compass.guidance.loader import CatalogError, load_catalog_from
    from clinician_compass.guidance.model import (
        Catalog,
        Decision,
        Option,
        Platform,
        Script,
        Situation,
        Source,
    )

_MODEL = ("Catalog", "Decision", "Option", "Platform", "Script", "Situation", "Source")

__all__ = [
    "Catalog",
    "CatalogError",
    "Decision",
    "Option",
    "Platform",
    "Script",
    "Situation",
    "Source",
    "load_catalog",
    "load_catalog_from",
]


def __getattr__(name: str) -> object:
    if name in _MODEL:
        return getattr(importlib.import_module("clinician_compass.guidance.model"), name)
    if name in ("CatalogError", "load_catalog_from"):
        return getattr(importlib.import_module("clinician_compass.guidance.loader"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
