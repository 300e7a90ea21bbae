"""Messages screens send up to the app, which owns navigation and the session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from clinician_compass.walkthrough.plan import Step


class Goto(Message):
    """Show the walkthrough at ``position`` (``profile``, ``platforms``, ``x/professional/visibility``, ``review``).

    ``from_review``: the review screen asked for one answer, so confirming it goes back to review.
    """

    def __init__(self, position: str, *, from_review: bool = False) -> None:
        super().__init__()
        self.position = position
        self.from_review = from_review


class Back(Message):
    """Go to the previous walkthrough step."""


class Advance(Message):
    """The current step is done: go to the next one (or back to review if that is where we came from)."""

    def __init__(self, position: str) -> None:
        super().__init__()
        self.position = position


class DecideLater(Message):
    """Leave the decision on screen open and go on, as if answered: home and review list it."""

    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step


class StartWalkthrough(Message):
    """Begin a walkthrough: afresh (pre-filled with the saved policy) or resuming the draft."""

    def __init__(self, *, resume: bool = False, position: str | None = None) -> None:
        super().__init__()
        self.resume = resume
        self.position = position
        """Where to start instead of the beginning, e.g. ``platforms`` to add or remove one."""


class OpenDecision(Message):
    """The quick reference asks for one decision: inside the walkthrough under way, if there is one."""

    def __init__(self, position: str, *, add_platform: str = "") -> None:
        super().__init__()
        self.position = position
        self.add_platform = add_platform
        """The decision's platform, added first when it is not one of the clinician's yet."""


class PlatformsChosen(Message):
    """The clinician picked their platforms; ``then_back`` when they left with Escape."""

    def __init__(self, platforms: tuple[str, ...], *, then_back: bool = False) -> None:
        super().__init__()
        self.platforms = platforms
        self.then_back = then_back


class SavePolicy(Message):
    """The walkthrough is reviewed: make it the policy."""


class ChangeEarlier(Message):
    """A conflict: this answer stands, change the earlier one at ``position``, then carry on after ``after``."""

    def __init__(self, position: str, *, after: str) -> None:
        super().__init__()
        self.position = position
        self.after = after


class EditStep(Message):
    """Change one answer (a decision, handles, the profile) outside a walkthrough.

    The answer is saved to the policy as soon as it is confirmed, and the clinician is taken back to
    where she came from (home, the policy view, the review-now list): no re-walk.
    """

    def __init__(self, position: str) -> None:
        super().__init__()
        self.position = position


class StartReview(Message):
    """The yearly review: first the answers whose guidance or platform facts changed, then the rest."""


class MarkReviewed(Message):
    """The review is done: record today as ``last_reviewed`` (the only thing that sets it)."""


class OpenHistory(Message):
    """The saved versions of the policy, with what changed in words, and restore."""


class DiscardDraft(Message):
    """Home: set the unfinished walkthrough aside (the app asks first and keeps a copy in history)."""


class KeepTyping(Message):
    """A field of hers changed (a note, a profile line): the app writes the draft once typing pauses.

    For a decision's note, ``step`` is the decision and ``note`` the text as typed, not yet confirmed:
    the session keeps it without answering the step.
    """

    def __init__(self, step: Step | None = None, note: str = "") -> None:
        super().__init__()
        self.step = step
        self.note = note


class CloseReference(Message):
    """The quick reference is done with: back to the mode she opened it from."""


class TickStep(Message):
    """The Set-up tab: one settings step ticked off (``done``) or back to do; the app saves it."""

    def __init__(self, platform: str, account: str, step_id: str, done: bool) -> None:
        super().__init__()
        self.platform, self.account, self.step_id, self.done = platform, account, step_id, done


class SetShortForm(Message):
    """Her own wording for the short form (``None``: go back to the one her decisions give); the app saves it."""

    def __init__(self, text: str | None) -> None:
        super().__init__()
        self.text = text
