"""The guidance catalog: what the professional bodies say and how each platform works."""

from clinician_compass.guidance.loader import CatalogError, load_catalog, load_catalog_from
from clinician_compass.guidance.model import Catalog, Decision, Option, Platform, Script, Situation, Source

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
