"""The fixed vocabulary of what an option commits the clinician to.

Every option in the catalog says, in these words, what choosing it means:
who can see the account, whether patients may connect, how care questions
are answered. Every sentence, reply, bio line, maxim and citation the app
writes is chosen from these commitments (and the platform), so no document
can promise something she did not choose. The loader rejects any key or
value not listed here; ``docs/catalog.md`` explains each one.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

ACCOUNT_LEVEL: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        # What the account is for: the account-purpose decision ("two" keeps one of each).
        "use": frozenset({"personal", "professional", "mixed", "two"}),
        # Who can see what the account posts.
        "audience": frozenset({"public", "approved", "friends", "per-post"}),
        # What happens when a patient follows or asks to connect.
        "connections": frozenset({"welcome", "unanswered", "declined", "friends-only"}),
        # Whether she follows patients.
        "follows": frozenset({"back-only", "never"}),
        # When she blocks a patient.
        "blocks": frozenset({"not-for-following", "last-resort", "on-sight"}),
        # How a care question sent by private message is answered.
        "dm_care": frozenset({"redirect", "redirect-record", "portal"}),
        # How a care question asked in public is answered.
        "public_care": frozenset({"private-redirect", "public-redirect", "no-reply"}),
        # What the profile text says about her views and advice.
        "disclaimer": frozenset({"none", "views-own", "no-advice", "full"}),
    }
)
"""Commitments that hold for one account (or, for ``use``, one platform)."""

POLICY_LEVEL: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        # Whether she looks patients up online.
        "lookups": frozenset({"never", "need-only", "weighed"}),
        # Whether and how she posts about patients.
        "patient_posts": frozenset({"never", "consent", "deidentified"}),
        # How she answers reviews.
        "reviews": frozenset({"no-reply", "generic-reply", "offline"}),
        # Whether she posts under her own name.
        "identity": frozenset({"named", "pseudonym", "named-work-pseudonym-personal"}),
        # Whether she takes paid or gifted work from companies, and on what terms.
        "industry": frozenset({"none", "disclosed", "unbranded"}),
    }
)
"""Commitments that hold everywhere she is online."""

VOCABULARY: Mapping[str, frozenset[str]] = MappingProxyType({**ACCOUNT_LEVEL, **POLICY_LEVEL})

REPLIES: Mapping[str, str] = MappingProxyType(
    {
        "welcome-connection": "welcomes a patient's follow or request and says care stays off this account",
        "decline-connection": "declines a patient's request kindly",
        "redirect-to-professional": "asks a patient to follow the professional account instead",
        "dm-redirect": "answers a care question sent by message with a redirect",
        "dm-redirect-repeat": "answers a second care message",
        "urgent": "answers an urgent or crisis message: emergency number first",
        "private-redirect": "answers a public care question with a private message",
        "public-redirect": "answers a public care question in public without confirming care",
        "review-reply": "replies to a review without confirming care",
        "decline-gift": "thanks a patient for a gift offered online and declines it (our suggestion, no body rules)",
        "decline-crowdfunding": "declines to share a patient's fundraiser (our suggestion, no body rules)",
        "ask-to-remove-recording": "asks a patient privately to take down or blur a recording of the clinician",
    }
)
"""The kinds of reply an option can call for, and what each does; a script has exactly one kind.

The last three answer moments no decision covers: the quick reference offers them as suggestions,
labelled as such, and they never go into her documents, which hold only what she chose."""

SUGGESTED_REPLIES = frozenset({"decline-gift", "decline-crowdfunding", "ask-to-remove-recording"})
"""Reply kinds no option calls for: offered in the quick reference as the app's suggestion, not her policy."""
