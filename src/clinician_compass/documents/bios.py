"""Profile lines: a bio for each account, within its platform's limit, never cut mid-sentence.

A line is the role ("Nurse, UK.") followed by that account's profile-disclaimer
choice's ``bio``. The role is named only where she chose to be known as a
clinician: on a professional or mixed account (or one whose purpose is not
decided yet), never on a personal one, never under a pseudonym, and with
"named at work, pseudonym at home" only on a professional account. When that is too long for the platform, the choice's ``bio_short``
takes its place; when even that is too long, the role goes. The name is left
out: every platform shows the display name above the bio already.
"""

from __future__ import annotations

from clinician_compass.documents.accounts import AccountView, views
from clinician_compass.documents.graphemes import measure
from clinician_compass.documents.profile_text import role_line
from clinician_compass.documents.writer import Writer, strong
from clinician_compass.guidance.model import Catalog, Option, Platform
from clinician_compass.policy.model import Policy, Profile
from clinician_compass.record import record

DISCLAIMER = "profile-disclaimer"
"""The decision whose options carry ``bio`` and ``bio_short``."""


ROLE_USES = frozenset({"professional", "mixed", None})
"""Account uses whose bio may name her role (None: the purpose is not decided yet)."""


@record(frozen=True)
class Bio:
    platform: Platform
    view: AccountView | None
    """The account the line is for; None only for a line built outside a policy."""
    line: str
    length: int
    """As the platform counts it (``platform.bio_counts``)."""
    decided: bool
    """Whether the clinician chose a disclaimer for this account; if not, the line is the role alone."""
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


def bio_for(
    platform: Platform,
    profile: Profile,
    option: Option | None,
    *,
    role: str | None = None,
    view: AccountView | None = None,
) -> Bio:
    """The fullest line that fits ``platform``; the role alone (or nothing) if no disclaimer fits.

    ``role`` is the role line to start with: "" leaves the role out; None names it.
    """
    start = role_line(profile) if role is None else role
    for variant, line in candidates(start, option):
        length = measure(line, platform.bio_counts)
        if platform.bio_limit is None or length <= platform.bio_limit:
            return Bio(platform, view, line, length, option is not None, variant)
    return Bio(platform, view, "", 0, option is not None, "none")


def names_role(view: AccountView, identity: str | None) -> bool:
    """Whether this account's bio may say she is a clinician, given its use and her identity choice."""
    if view.use not in ROLE_USES or identity == "pseudonym-private":
        return False
    return identity != "named-professional-pseudonym-personal" or view.use == "professional"


def build(policy: Policy, catalog: Catalog) -> list[Bio]:
    """A line for each account on a platform that has a bio, in the clinician's order."""
    identity_answer = policy.global_decisions.get("identity")
    identity = identity_answer.choice if identity_answer else None
    bios = []
    for view in views(policy, catalog):
        if not view.platform.has("bio"):
            continue
        entry = next((e for e in view.entries if e.decision_id == DISCLAIMER), None)
        option = entry.option if entry else None
        role = None if names_role(view, identity) else ""
        bios.append(bio_for(view.platform, policy.profile, option, role=role, view=view))
    return bios


def as_data(bios: list[Bio]) -> dict[str, dict[str, str]]:
    """Platform id → account key → line."""
    data: dict[str, dict[str, str]] = {}
    for bio in bios:
        data.setdefault(bio.platform.id, {})[bio.view.key if bio.view else "main"] = bio.line
    return data


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
    w.paragraph("A line for each account's bio or “about” text, within its length limit. Copy it as it is.")
    for bio in bios:
        w.heading(bio.view.title if bio.view else bio.platform.name)
        if not bio.line:
            w.paragraph(
                "Nothing to add here: this account does not name your role and carries no disclaimer, "
                "so its bio is yours to write."
            )
            continue
        w.quote(bio.line)
        w.paragraph(_limit_note(bio))
        if not bio.decided:
            w.paragraph(strong("Profile disclaimer:"), " not decided yet, so this line has no disclaimer.")
