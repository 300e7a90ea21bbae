"""How the clinician's profile reads in each document: title, role line, plain words.

Kept apart so the full policy, the profile lines and the patient statement
describe the same person the same way.
"""

from __future__ import annotations

from clinician_compass.documents.safe_text import flat
from clinician_compass.guidance.model import Catalog, EmergencyLine
from clinician_compass.policy.model import JURISDICTIONS, ROLES, Profile

SHORT_JURISDICTIONS = {"UK": "UK", "US": "US", "Canada": "Canada", "Australia": "Australia"}
"""Jurisdictions as a tight bio line names them; "other" is left out rather than said."""

PLAIN_ROLES = {
    "physician": "a doctor",
    "nurse": "a nurse",
    "midwife": "a midwife",
    "pharmacist": "a pharmacist",
    "allied-health": "a health professional",
    "student-medicine": "a medical student",
    "student-nursing": "a student nurse or midwife",
    "student-pharmacy": "a pharmacy student",
    "student-other": "a student health professional",
}
"""Roles in the words a patient uses ("doctor", not "physician"); "other" says no role."""

BIO_ROLES = {
    "physician": {"UK": "Doctor", "Australia": "Doctor"},
}
"""A role's bio word where patients there say it differently from ``ROLES``: UK and Australian
patients see a "Doctor" (or a "GP"), US and Canadian bios keep "Physician"."""

GP_WORDS = frozenset({"gp", "general practice", "general practitioner", "family medicine"})
"""What ``profile.extra["specialty"]`` may say for a GP, should a profile carry it."""


def _is_gp(profile: Profile) -> bool:
    specialty = profile.extra.get("specialty", "")
    return isinstance(specialty, str) and specialty.strip().lower() in GP_WORDS


def plain_role(profile: Profile) -> str:
    """The role as a patient there would say it, with its article: "a doctor", "a GP", "a pharmacist"; "" for "other"."""
    if profile.role == "physician" and profile.jurisdiction in ("UK", "Australia") and _is_gp(profile):
        return "a GP"
    return PLAIN_ROLES.get(profile.role, "")


def bio_role(profile: Profile) -> str:
    """The role as a bio or title line writes it: "Doctor" (or "GP") in the UK and Australia, "Physician" in
    the US and Canada, "Pharmacist", "Medical student"; "Clinician" for "other"."""
    if profile.role == "physician" and profile.jurisdiction in ("UK", "Australia") and _is_gp(profile):
        return "GP"
    local = BIO_ROLES.get(profile.role, {}).get(profile.jurisdiction)
    return local or role_name(profile)

def emergency_line(catalog: Catalog, profile: Profile) -> EmergencyLine:
    """Her jurisdiction's emergency and crisis line from the catalog (``emergency.toml``), the only
    place the numbers live; the loader makes sure every jurisdiction, "other" included, has one."""
    return catalog.emergency.get(profile.jurisdiction) or catalog.emergency["other"]

NO_CONTACT = "your own care team"
"""Where replies point people when the profile has no practice contact yet."""


def role_name(profile: Profile) -> str:
    """The role as written in a title or bio: "Nurse"; an unlisted role reads "Clinician"."""
    return "Clinician" if profile.role == "other" else ROLES.get(profile.role, "Clinician")


def jurisdiction_name(profile: Profile) -> str:
    """The jurisdiction in full ("United Kingdom"), or "" when the clinician practises elsewhere."""
    return "" if profile.jurisdiction == "other" else JURISDICTIONS.get(profile.jurisdiction, "")


def who(profile: Profile) -> str:
    """Name, role and place ("Sam Patel, Nurse, United Kingdom"), leaving out what the profile does not say."""
    parts = [flat(profile.display_name), role_name(profile), jurisdiction_name(profile)]
    return ", ".join(p for p in parts if p)


def role_line(profile: Profile) -> str:
    """The start of a profile line: "Nurse, UK.", "Doctor, UK." (no name: every platform shows it above the bio)."""
    place = SHORT_JURISDICTIONS.get(profile.jurisdiction, "")
    return f"{bio_role(profile)}, {place}." if place else f"{bio_role(profile)}."


def contact(profile: Profile) -> str:
    """Where patients should go instead: the profile's practice contact, or a safe default."""
    return profile.practice_contact.strip() or NO_CONTACT
