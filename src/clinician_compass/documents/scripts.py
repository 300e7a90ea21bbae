"""Reply scripts, filled in with the profile, for each platform they can be posted on.

A script's channel decides where it applies: direct-message scripts on
platforms with messages (the ``dm`` trait), public replies and review replies
on platforms where people reply in public (``public-replies``). Where the full
text is longer than the platform allows, the script's ``short_text`` is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinician_compass.documents.answers import known_platforms
from clinician_compass.documents.graphemes import measure
from clinician_compass.documents.patients import and_list
from clinician_compass.documents.profile_text import NO_CONTACT, contact
from clinician_compass.documents.safe_text import flat
from clinician_compass.documents.writer import Writer, strong
from clinician_compass.guidance.model import Catalog, Platform, Script
from clinician_compass.policy.model import Policy, Profile

CHANNEL_TRAITS = {"dm": "dm", "public-reply": "public-replies", "review": "public-replies"}
"""The platform trait a script's channel needs."""


@dataclass(frozen=True, slots=True)
class Filled:
    """One script as it would be posted on one platform."""

    script: Script
    platform: Platform | None
    """None for the platform-free version (a policy with no platforms yet)."""
    text: str
    short: bool
    """Whether the short variant was used to fit the platform's limit."""
    fits: bool


def values(profile: Profile) -> dict[str, str]:
    """What the placeholders become; the name may be empty, and scripts are written to allow it."""
    return {"name": flat(profile.display_name), "practice_contact": flat(contact(profile))}


def applies(script: Script, platform: Platform) -> bool:
    trait = CHANNEL_TRAITS.get(script.channel)
    return trait is not None and platform.has(trait)


def fill_for(script: Script, platform: Platform | None, profile: Profile) -> Filled:
    """``script`` filled in, short if the full text is over ``platform``'s limit for its channel."""
    full = script.fill(**values(profile)).rstrip()
    limit = platform.limit_for(script.channel) if platform else None
    if platform is None or limit is None:
        return Filled(script, platform, full, short=False, fits=True)
    if measure(full, platform.bio_counts) <= limit:
        return Filled(script, platform, full, short=False, fits=True)
    short = script.fill_short(**values(profile)).rstrip()
    return Filled(script, platform, short, short=True, fits=measure(short, platform.bio_counts) <= limit)


def build(policy: Policy, catalog: Catalog) -> dict[str, list[Filled]]:
    """Script id → the filled script on each platform it applies to (or once, with no platform, if none)."""
    platforms = known_platforms(policy, catalog)
    out: dict[str, list[Filled]] = {}
    for script in catalog.scripts.values():
        if not policy.platforms:
            out[script.id] = [fill_for(script, None, policy.profile)]
            continue
        filled = [fill_for(script, p, policy.profile) for p in platforms if applies(script, p)]
        if filled:
            out[script.id] = filled
    return out


ANY_PLATFORM = "any"
"""The key the structured export uses for the full versions when no platform is chosen yet."""


def as_data(doc: dict[str, list[Filled]], policy: Policy) -> dict[str, dict[str, str]]:
    """Platform id → script id → text, platforms in the clinician's order."""
    data: dict[str, dict[str, str]] = {p: {} for p in policy.platforms}
    for group in doc.values():
        for filled in group:
            data.setdefault(filled.platform.id if filled.platform else ANY_PLATFORM, {})[filled.script.id] = (
                filled.text
            )
    return {key: scripts for key, scripts in data.items() if scripts}


def write(doc: dict[str, list[Filled]], w: Writer, policy: Policy) -> None:
    w.title("Reply scripts")
    w.paragraph(
        "Ready replies for the moments that need one, filled in with your details. Each gives no advice, "
        "confirms nothing about anyone's care, and points to where patients can get help."
    )
    if not policy.profile.practice_contact.strip():
        w.paragraph(
            strong("Note:"),
            f" your profile does not say how patients should reach you yet, so these say “{NO_CONTACT}”.",
        )
    if not policy.platforms:
        w.paragraph("You have not chosen any platforms yet, so these are the full versions.")
    for group in doc.values():
        script = group[0].script
        w.heading(script.title)
        by_text: dict[str, list[Filled]] = {}
        for filled in group:
            by_text.setdefault(filled.text, []).append(filled)
        for text, where in by_text.items():
            names = [f.platform.name for f in where if f.platform]
            if names:
                label = "Shorter, to fit " if where[0].short else "On "
                w.paragraph(strong(label + and_list(names) + ":"))
            w.quote(text)
            if not all(f.fits for f in where):
                w.paragraph("Still too long here: shorten the practice contact in your profile.")
