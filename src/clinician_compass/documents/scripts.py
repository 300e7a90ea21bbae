"""Reply scripts: for each account, the replies her choices call for, filled in and sized to fit.

An account's replies are the union of its chosen options' ``replies`` (an
option that means "no reply" calls for none), plus the urgent reply wherever
patients can message her. A reply goes only where it can be posted: message
replies where the platform has messages, public ones where people reply in
public. Declining a request on a personal account, where the same platform
also holds her professional one, becomes pointing the patient there (the
GMC's 2013 advice). For each kind the script is the first in ``scripts.toml``
whose platform traits and commitments hold for that account. The review
reply is policy-wide: one, from the online-reviews choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from clinician_compass.documents.accounts import AccountView, professional_handle, views
from clinician_compass.documents.graphemes import measure
from clinician_compass.documents.profile_text import NO_CONTACT, contact, emergency_line
from clinician_compass.documents.safe_text import flat
from clinician_compass.guidance.commitments import REPLIES, SUGGESTED_REPLIES
from clinician_compass.guidance.model import Catalog, EmergencyLine, Option, Platform, Script
from clinician_compass.policy.commitments import Commitments, policy_commitments
from clinician_compass.policy.model import Policy, Profile
from clinician_compass.record import record

if TYPE_CHECKING:
    from clinician_compass.documents.writer import Writer

CHANNEL_TRAITS = {"dm": "dm", "public-reply": "public-replies", "review": "public-replies"}
"""The platform trait a script's channel needs."""

URGENT = "urgent"
REVIEW = "review-reply"
DECLINE = "decline-connection"
REDIRECT = "redirect-to-professional"
POLICY_WIDE = frozenset({REVIEW})
"""Reply kinds that hold wherever she is reviewed, not on one account."""

KIND_ORDER = (URGENT, *(k for k in REPLIES if k != URGENT))
"""The order replies are listed in: the urgent one first, then as the vocabulary lists them."""

NO_REPLY = "You decided not to reply here."
"""What the quick reference says where her choice calls for no reply."""

MY_PROFESSIONAL_ACCOUNT = "my professional account"
"""What {handle} becomes when she has not given her professional account's handle."""


@record(frozen=True)
class Filled:
    """One script as it would be posted on one platform."""

    script: Script
    platform: Platform | None
    """None for a policy-wide reply (a review) or the platform-free version."""
    text: str
    short: bool
    """Whether the short variant was used to fit the platform's limit."""
    fits: bool


@record(frozen=True)
class AccountReplies:
    """The replies one account calls for, urgent first."""

    view: AccountView
    replies: tuple[Filled, ...]


@record(frozen=True)
class Replies:
    accounts: tuple[AccountReplies, ...]
    everywhere: tuple[Filled, ...]
    """The review reply, when her online-reviews choice calls for one."""


def values(
    profile: Profile, line: EmergencyLine | None = None, handle: str = "", *, short: bool = False
) -> dict[str, str]:
    """What the placeholders become; the name may be empty, and scripts are written to allow it."""
    if line is not None:
        emergency, crisis = line.emergency, (line.crisis_short if short else line.crisis)
    else:  # no catalog line to hand: the wording that is true anywhere, and no crisis line we cannot know
        emergency, crisis = "your local emergency number", ""
    return {
        "name": flat(profile.display_name),
        "practice_contact": flat(contact(profile)),
        "emergency": emergency,
        "crisis": crisis,
        "handle": handle or MY_PROFESSIONAL_ACCOUNT,
    }


def _filled(template: str, found: Mapping[str, str]) -> str:
    text = template
    for key, value in found.items():
        text = text.replace("{" + key + "}", value)
    return " ".join(text.split())


def applies(script: Script, platform: Platform) -> bool:
    """Whether ``script`` can be posted on ``platform``: its channel and its own traits."""
    trait = CHANNEL_TRAITS.get(script.channel)
    return trait is not None and platform.has(trait) and platform.has(*script.requires)


def fill_for(
    script: Script,
    platform: Platform | None,
    profile: Profile,
    line: EmergencyLine | None = None,
    handle: str = "",
) -> Filled:
    """``script`` filled in, short if the full text is over ``platform``'s limit for its channel."""
    full = _filled(script.text, values(profile, line, handle))
    limit = platform.limit_for(script.channel) if platform else None
    if platform is None or limit is None or measure(full, platform.bio_counts) <= limit:
        return Filled(script, platform, full, short=False, fits=True)
    short = _filled(script.short_text or script.text, values(profile, line, handle, short=True))
    return Filled(script, platform, short, short=True, fits=measure(short, platform.bio_counts) <= limit)


def _chosen(view: AccountView, catalog: Catalog) -> list[Option]:
    """The account's chosen options, and those its platform leaves no choice on."""
    found = []
    for entry in view.entries:
        if entry.option:
            found.append(entry.option)
        elif entry.answer is None and entry.decision is not None:
            only = entry.decision.options_for(view.platform)
            if len(only) == 1:
                found.append(only[0])
    return found


def redirects(view: AccountView) -> bool:
    """Whether a decline on this account points to her professional account on the same platform."""
    return view.key == "personal" and view.two


def channel_of(catalog: Catalog, kind: str) -> str:
    """Where a kind of reply is posted, as its scripts say ("dm" for one the catalog lacks)."""
    return next((s.channel for s in catalog.scripts.values() if s.kind == kind), "dm")


def reply_kinds(view: AccountView, catalog: Catalog) -> list[str]:
    """The kinds of reply one account calls for, urgent first; the review reply is never among them."""
    kinds = {kind for option in _chosen(view, catalog) for kind in option.replies}
    if view.platform.has("dm"):
        kinds.add(URGENT)
    if DECLINE in kinds and redirects(view):
        kinds = (kinds - {DECLINE}) | {REDIRECT}
    wanted = [k for k in KIND_ORDER if k in kinds and k not in POLICY_WIDE]
    return [k for k in wanted if view.platform.has(CHANNEL_TRAITS.get(channel_of(catalog, k), "dm"))]


def _merged(*parts: Commitments) -> Commitments:
    merged = Commitments()
    for part in parts:
        merged.values.update(part.values)
        merged.source.update(part.source)
    return merged


def script_for(catalog: Catalog, kind: str, platform: Platform | None, held: Commitments) -> Script | None:
    """The first script of ``kind`` whose platform traits and commitments hold (file order)."""
    for script in catalog.scripts.values():
        if script.kind != kind:
            continue
        if platform is not None and not platform.has(*script.requires):
            continue
        if all(held.holds(key, options) for key, options in script.only_if.items()):
            return script
    return None


def account_replies(policy: Policy, catalog: Catalog, view: AccountView) -> AccountReplies:
    """One account's replies, each the fitting script filled in for her and sized for the platform."""
    held = _merged(policy_commitments(policy, catalog), view.commitments)
    line = emergency_line(catalog, policy.profile)
    handle = professional_handle(policy, view.platform.id)
    filled = []
    for kind in reply_kinds(view, catalog):
        script = script_for(catalog, kind, view.platform, held)
        if script is not None:
            filled.append(fill_for(script, view.platform, policy.profile, line, handle))
    return AccountReplies(view, tuple(filled))


def review_reply(policy: Policy, catalog: Catalog) -> Filled | None:
    """The one review reply, when her online-reviews choice calls for it."""
    wide = policy_commitments(policy, catalog)
    chosen = [
        catalog.decisions[d].option(a.choice)
        for d, a in policy.global_decisions.items()
        if d in catalog.decisions
    ]
    if not any(REVIEW in o.replies for o in chosen if o):
        return None
    script = script_for(catalog, REVIEW, None, wide)
    return fill_for(script, None, policy.profile, emergency_line(catalog, policy.profile)) if script else None


def build(policy: Policy, catalog: Catalog) -> Replies:
    """Every account's replies, in the clinician's order, and the policy-wide review reply."""
    found = tuple(account_replies(policy, catalog, v) for v in views(policy, catalog))
    review = review_reply(policy, catalog)
    return Replies(found, (review,) if review else ())


# --- the quick reference ---------------------------------------------------------------------------------


def _governing(catalog: Catalog, kind: str) -> list[str]:
    """The decisions whose answer says whether a reply of ``kind`` is sent."""
    wanted = DECLINE if kind == REDIRECT else kind
    return [d.id for d in catalog.decisions.values() if any(wanted in o.replies for o in d.options)]


def suggested_reply(
    policy: Policy, catalog: Catalog, platform_id: str | None, account: str | None, kind: str
) -> str:
    """A reply for a moment no decision covers, filled for her and her platform: the quick reference
    labels it as the app's suggestion (``SUGGESTION``), never as her policy."""
    platform = catalog.platforms.get(platform_id or "")
    script = next((s for s in catalog.scripts.values() if s.kind == kind and (platform is None or applies(s, platform))), None)
    if script is None:
        return ""
    filled = fill_for(script, platform, policy.profile, emergency_line(catalog, policy.profile))
    return filled.text


SUGGESTION = "Our suggestion, not your policy: no decision of yours covers this."
"""How a suggested reply is introduced, so she never mistakes it for something she decided."""


def reply_for(
    policy: Policy, catalog: Catalog, platform_id: str | None, account: str | None, wanted: str
) -> str:
    """Her reply for a situation on one account: the filled script her choices call for.

    ``wanted`` is a script id or a reply kind. Returns ``NO_REPLY`` when her
    choice calls for no reply there, and "" when the decision that would say is
    not made yet (or the account or the platform does not exist).
    """
    kind = catalog.scripts[wanted].kind if wanted in catalog.scripts else wanted
    if kind in SUGGESTED_REPLIES:
        return suggested_reply(policy, catalog, platform_id, account, kind)
    if kind in POLICY_WIDE:
        review = review_reply(policy, catalog)
        if review:
            return review.text
        decided = any(d in policy.global_decisions for d in _governing(catalog, kind))
        return NO_REPLY if decided else ""
    if platform_id is None:
        return ""
    view = next(iter(views(policy, catalog, platform_id, account)), None)
    if view is None:
        return ""
    replies = {f.script.kind: f.text for f in account_replies(policy, catalog, view).replies}
    if kind in (DECLINE, REDIRECT):
        kind = REDIRECT if redirects(view) else DECLINE
    if kind in replies:
        return replies[kind]
    # Her choice on the decision behind this reply may call for another of its kinds:
    # a patient's request to an account that welcomes patients gets the welcome, not a decline.
    answered = False
    for entry in view.entries:
        if entry.decision_id not in _governing(catalog, kind) or entry.answer is None:
            continue
        answered = True
        for other in entry.option.replies if entry.option else ():
            other = REDIRECT if other == DECLINE and redirects(view) else other
            if other in replies:
                return replies[other]
    return NO_REPLY if answered else ""


# --- the "scripts" part ----------------------------------------------------------------------------------


def where_said(accounts: list[AccountView]) -> list[str]:
    """The accounts a text is for, as a heading names them; both of a platform's two are "both X accounts"."""
    names: list[str] = []
    for view in accounts:
        pair = [a for a in accounts if a.platform.id == view.platform.id]
        if view.two and len(pair) == 2:
            both = f"both {view.platform.short_name} accounts"
            names += [] if both in names else [both]
        else:
            names.append(view.title)
    return names


def _rows(doc: Replies) -> list[tuple[Script, list[tuple[str, list[Filled], list[AccountView]]]]]:
    """Script → its distinct texts, each with the accounts it is for; urgent first, then by kind."""
    by_script: dict[str, tuple[Script, dict[str, tuple[list[Filled], list[AccountView]]]]] = {}
    for group in doc.accounts:
        for filled in group.replies:
            _, texts = by_script.setdefault(filled.script.id, (filled.script, {}))
            where, names = texts.setdefault(filled.text, ([], []))
            where.append(filled)
            names.append(group.view)
    ordered = sorted(by_script.values(), key=lambda pair: KIND_ORDER.index(pair[0].kind))
    return [(script, [(t, w, n) for t, (w, n) in texts.items()]) for script, texts in ordered]


def as_data(doc: Replies, policy: Policy) -> dict[str, object]:
    """Platform id → account key → {handle, script id → text}, and the review reply under "everywhere"."""
    data: dict[str, dict[str, dict[str, str]]] = {}
    for group in doc.accounts:
        account = {"handle": group.view.handle} if group.view.handle else {}
        account.update({f.script.id: f.text for f in group.replies})
        data.setdefault(group.view.platform.id, {})[group.view.key] = account
    out: dict[str, object] = dict(data)
    if doc.everywhere:
        out["everywhere"] = {f.script.id: f.text for f in doc.everywhere}
    return out


def write(doc: Replies, w: Writer, policy: Policy) -> None:
    # Imported here: writing the document needs them, a lookup's suggested reply (``ref``) does not.
    from clinician_compass.documents.patients import and_list
    from clinician_compass.documents.writer import strong

    w.title("Reply scripts")
    rows = _rows(doc)
    if not rows and not doc.everywhere:
        w.paragraph(
            "No replies yet: each one follows from a choice you make, such as how you answer a care "
            "question sent by message. Answer the questions for your platforms in the app to get them."
        )
        return
    w.paragraph(
        "The replies your choices call for, filled in with your details, for each account they apply to. "
        "Each gives no advice and points to where patients can get help; the public ones confirm nothing "
        "about anyone's care."
    )
    if not policy.profile.practice_contact.strip():
        w.paragraph(
            strong("Note:"),
            f" your profile does not say how patients should reach you yet, so these say “{NO_CONTACT}”.",
        )
    for script, texts in rows:
        w.heading(script.title)
        for text, where, names in texts:
            label = "Shorter, to fit " if where[0].short else "On "
            w.paragraph(strong(label + and_list(where_said(names)) + ":"))
            w.quote(text)
            if not all(f.fits for f in where):
                w.paragraph("Still too long here: shorten the practice contact in your profile.")
    for filled in doc.everywhere:
        w.heading(filled.script.title)
        w.paragraph(strong("Wherever you are reviewed:"))
        w.quote(filled.text)
