"""Profile lines: a bio for each platform, within its limit, never cut mid-sentence.

A line is the role ("Nurse, UK.") followed by the profile-disclaimer choice's
``bio``. When that is too long for the platform, the choice's ``bio_short``
takes its place; when even that is too long, the role goes. The name is left
out: every platform shows the display name above the bio already.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinician_compass.documents.answers import known_platforms
from clinician_compass.documents.graphemes import measure
from clinician_compass.documents.profile_text import role_line
from clinician_compass.documents.writer import Writer, strong
from clinician_compass.guidance.model import Catalog, Option, Platform
from clinician_compass.policy.model import Policy, Profile

DISCLAIMER = "profile-disclaimer"
"""The decision whose options carry ``bio`` and ``bio_short``."""


@dataclass(frozen=True, slots=True)
class Bio:
    platform: Platform
    line: str
    length: int
    """As the platform counts it (``platform.bio_counts``)."""
    decided: bool
    """Whether the clinician chose a disclaimer for this platform; if not, the line is the role alone."""
    variant: str
    """Which line was used: "full", "short", "short without role", "role only" or "none"."""

    @property
    def fits(self) -> bool:
        return self.platform.bio_limit is None or self.length <= self.platform.bio_limit


def _joined(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def candidates(role: str, option: Option | None) -> list[tuple[str, str]]:
    """(variant, line) from the fullest to the barest, each made of whole sentences."""
    if option is None or not option.bio.strip():
        return [("role only", role)]
    short = option.bio_short.strip() or option.bio
    return [
        ("full", _joined(role, option.bio)),
        ("short", _joined(role, short)),
        ("short without role", short),
        ("role only", role),
    ]


def bio_for(platform: Platform, profile: Profile, option: Option | None) -> Bio:
    """The fullest line that fits ``platform``; the role alone (or nothing) if no disclaimer fits."""
    for variant, line in candidates(role_line(profile), option):
        length = measure(line, platform.bio_counts)
        if platform.bio_limit is None or length <= platform.bio_limit:
            return Bio(platform, line, length, option is not None, variant)
    return Bio(platform, "", 0, option is not None, "none")


def build(policy: Policy, catalog: Catalog) -> list[Bio]:
    """A line for each of the policy's platforms that has a bio, in the clinician's order."""
    decision = catalog.decisions.get(DISCLAIMER)
    bios = []
    for platform in known_platforms(policy, catalog):
        if not platform.has("bio"):
            continue
        answer = policy.answer(platform.id, DISCLAIMER)
        option = decision.option(answer.choice) if decision and answer else None
        bios.append(bio_for(platform, policy.profile, option))
    return bios


def as_data(bios: list[Bio]) -> dict[str, str]:
    return {bio.platform.id: bio.line for bio in bios}


def _limit_note(bio: Bio) -> str:
    unit = "graphemes" if bio.platform.bio_counts == "graphemes" else "characters"
    if bio.platform.bio_limit is None:
        return f"{bio.length} {unit}; {bio.platform.name} sets no limit."
    note = f"{bio.length} of {bio.platform.bio_limit} {unit}."
    if bio.variant in ("short", "short without role"):
        note += " The full disclaimer does not fit here, so this is its shorter form."
    if bio.variant == "short without role":
        note += " Your role did not fit as well."
    return note


def write(bios: list[Bio], w: Writer) -> None:
    w.title("Profile lines")
    if not bios:
        w.paragraph(
            "No platforms with a profile text chosen yet. Add platforms in the app to get a line for each."
        )
        return
    w.paragraph("A line for each platform's bio or “about” text, within its length limit. Copy it as it is.")
    for bio in bios:
        w.heading(bio.platform.name)
        if bio.line:
            w.quote(bio.line)
        w.paragraph(_limit_note(bio))
        if not bio.decided:
            w.paragraph(strong("Profile disclaimer:"), " not decided yet, so this line gives your role only.")
