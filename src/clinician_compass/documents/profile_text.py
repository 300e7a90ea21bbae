"""How the clinician's profile reads in each document: title, role line, plain words.

Kept apart so the full policy, the profile lines and the patient statement
describe the same person the same way.
"""

from __future__ import annotations

from clinician_compass.documents.safe_text import flat
from clinician_compass.policy.model import JURISDICTIONS, ROLES, Profile

SHORT_JURISDICTIONS = {"UK": "UK", "US": "US", "Canada": "Canada", "Australia": "Australia"}
"""Jurisdictions as a tight bio line names them; "other" is left out rather than said."""

PLAIN_ROLES = {
    "physician": "a doctor",
    "nurse": "a nurse",
    "midwife": "a midwife",
    "pharmacist": "a pharmacist",
    "allied-health": "a health professional",
    "student": "a student",
}
"""Roles in the words a patient uses ("doctor", not "physician"); "other" says no role."""

EMERGENCY_NUMBERS = {"UK": "999", "US": "911", "Canada": "911", "Australia": "000"}
"""The emergency number patients in each jurisdiction know; elsewhere we say "your local emergency number"."""

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
    """The start of a profile line: "Nurse, UK." (no name: every platform shows it above the bio)."""
    place = SHORT_JURISDICTIONS.get(profile.jurisdiction, "")
    return f"{role_name(profile)}, {place}." if place else f"{role_name(profile)}."


def contact(profile: Profile) -> str:
    """Where patients should go instead: the profile's practice contact, or a safe default."""
    return profile.practice_contact.strip() or NO_CONTACT
