"""The clinician's policy: the model, its TOML file, and safe storage. No Textual here."""

from clinician_compass.policy.errors import (
    ConflictError,
    PolicyError,
    PolicyFileError,
    Problem,
    UnsafeLocationError,
)
from clinician_compass.policy.model import Answer, PlatformEntry, Policy, Profile

__all__ = [
    "Answer",
    "ConflictError",
    "PlatformEntry",
    "Policy",
    "PolicyError",
    "PolicyFileError",
    "Problem",
    "Profile",
    "UnsafeLocationError",
]
