"""The walkthrough as a conversation: profile, platforms, each platform's questions, the global ones, review.

It drives ``walkthrough.session.Session`` the way the TUI does (``move_to``
on every step, ``answer``, ``set_handles``, ``save``), so every answer is in
the shared draft the moment it is given, and ``next_position`` /
``previous_position`` decide the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum

from clinician_compass.documents.safe_text import one_line
from clinician_compass.guidance.model import Option
from clinician_compass.plain import detail
from clinician_compass.plain.console import Console
from clinician_compass.plain.prompts import Key, Picked, ask_text, choose, choose_many, numbered
from clinician_compass.plain.review import answer_label, conflict_lines, review_lines
from clinician_compass.policy.conflicts import Found
from clinician_compass.policy.errors import ConflictError, PolicyFileError, UnsafeLocationError
from clinician_compass.policy.model import JURISDICTIONS, ROLES
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, REVIEW, Step
from clinician_compass.walkthrough.session import Session

STEP_KEYS = (Key.BACK, Key.LATER, Key.QUIT)
MOVE_KEYS = (Key.BACK, Key.QUIT)


class Outcome(Enum):
    """How a walkthrough ended."""

    SAVED = "saved"
    KEPT = "kept"
    """She chose to save and quit: the answers wait in the draft."""
    LEFT = "left"
    """She went back past the first question to home."""


class _Move(Enum):
    NEXT = "next"
    BACK = "back"


ACCOUNT_WORDS = {"professional": "your professional account", "personal": "your personal account"}


class Walk:
    """One walkthrough over ``session``, from a position to review and a save (or a draft)."""

    def __init__(self, console: Console, session: Session, *, today: date | None = None) -> None:
        self.console = console
        self.session = session
        self.today = today
        self.return_to_review = False
        """Set when she chose one answer to change from review: answering it returns there."""
        self.route: list[str] | None = None
        """When set, the positions to visit in order (then review): the handles of every platform, say."""
        self._told_keys = False
        self._heading = _Move.NEXT
        """The way she last moved, so a step with nothing to ask is passed by going back as well as forward."""
        self._told_draft_problem = ""

    # --- the loop ----------------------------------------------------------------------------------

    def run(self, position: str) -> Outcome:
        session = self.session
        while True:
            position = self._valid(position)
            session.move_to(position)
            self._tell_draft_problem()
            if position == PROFILE:
                move = self.profile()
            elif position == PLATFORMS:
                move = self.platforms()
            elif position == REVIEW:
                result = self.review()
                if isinstance(result, Outcome):
                    return result
                if isinstance(result, str):  # the answer she chose to change
                    position = result
                    continue
                move = result
            else:
                index = session.plan.index_of(position)
                assert index is not None
                step = session.plan.steps[index]
                move = self.handles(step) if step.is_handles else self.decision(step)
            self._heading = _Move.BACK if move is _Move.BACK or move is Key.BACK else _Move.NEXT
            if move is Key.QUIT:
                return self._keep()
            if move is _Move.BACK or move is Key.BACK:
                previous = self._previous(position)
                if previous is None:
                    if session.has_policy:
                        return Outcome.LEFT
                    self.console.say("This is the first question.")
                    continue
                position = previous
            elif move is _Move.NEXT:
                position = self._next(position)

    def _valid(self, position: str) -> str:
        """A position the plan has (a draft from another catalog may name one it no longer asks)."""
        plan = self.session.plan
        if position in (PROFILE, PLATFORMS, REVIEW) or plan.index_of(position) is not None:
            return position
        return REVIEW if plan.steps else PLATFORMS

    def _next(self, position: str) -> str:
        if self.return_to_review and position != PROFILE:
            self.return_to_review = False
            return REVIEW
        if self.route is not None:
            return self.route.pop(0) if self.route else REVIEW
        return self.session.next_position(position)

    def _previous(self, position: str) -> str | None:
        if self.return_to_review and position != REVIEW:
            self.return_to_review = False
            return REVIEW
        return self.session.previous_position(position)

    def _keep(self) -> Outcome:
        if self.session.autosave():
            self.console.say("Your answers are kept as a draft. Run clinician-compass again to carry on.")
        else:
            self.console.say(
                f"Your answers could not be kept: {self.session.draft_problem} "
                "They are lost when this program ends."
            )
        return Outcome.KEPT

    def _tell_draft_problem(self) -> None:
        problem = self.session.draft_problem
        if problem != self._told_draft_problem:
            self._told_draft_problem = problem
            if problem:
                self.console.say(
                    f"Your answers are not being kept on disk: {problem} "
                    "Save your policy at the end, or fix the folder and carry on."
                )

    # --- profile and platforms ---------------------------------------------------------------------

    def profile(self) -> _Move | Key:
        """Name, role, country, practice contact: b goes back one field."""
        profile = self.session.working.profile
        filled = bool(profile.display_name) or self.session.has_policy
        """A fresh profile's role and country are only defaults, not answers to keep with Enter."""
        fields = ("name", "role", "country", "contact")
        at = 0
        self.console.say(
            "About you. Used to show your own regulator's guidance first and to fill in your replies."
        )
        while at < len(fields):
            field = fields[at]
            if field == "name":
                result: object = self._text("Your name, as patients know you", profile.display_name, True)
                if isinstance(result, str):
                    profile.display_name = (
                        result  # kept as typed, like the TUI; every writer makes it printable
                    )
            elif field == "role":
                result = self._pick("Your role", ROLES, profile.role if filled else None)
                if isinstance(result, str):
                    profile.role = result
            elif field == "country":
                result = self._pick(
                    "Where you practise", JURISDICTIONS, profile.jurisdiction if filled else None
                )
                if isinstance(result, str):
                    profile.jurisdiction = result
            else:
                result = self._text(
                    "How should patients contact you about their care? For example: the surgery on "
                    "020 7946 0000 or the NHS App",
                    profile.practice_contact,
                    False,
                )
                if isinstance(result, str):
                    profile.practice_contact = " ".join(result.split())
            if result is Key.QUIT:
                return Key.QUIT
            if result is Key.BACK:
                if at == 0:
                    return _Move.BACK
                at -= 1
                continue
            self.session.autosave()
            at += 1
        return _Move.NEXT

    def _text(self, question: str, current: str, required: bool) -> str | Key:
        shown = f" [{one_line(current)}]" if current else ("" if required else " [Enter: leave it out]")
        return ask_text(self.console, question + shown, current=current, required=required, keys=MOVE_KEYS)

    def _pick(self, question: str, choices: dict[str, str], current: str | None) -> str | Key:
        ids = list(choices)
        self.console.say(question)
        marks = ["current" if key == current else "" for key in ids]
        self.console.lines(numbered(list(choices.values()), marks))
        picked = choose(
            self.console, list(choices.values()), current=ids.index(current) if current in ids else None,
            keys=MOVE_KEYS,
        )  # fmt: skip
        return ids[picked.index] if isinstance(picked, Picked) else picked

    def platforms(self) -> _Move | Key:
        catalog = self.session.catalog
        ids = list(catalog.platforms)
        chosen = [ids.index(p) for p in self.session.platforms if p in ids]
        self.console.say("Which platforms do you use? Type their numbers, separated by commas or spaces.")
        labels = [f"{p.name}: {p.blurb}" for p in catalog.platforms.values()]
        self.console.lines(numbered(labels, ["chosen" if i in chosen else "" for i in range(len(ids))]))
        picked = choose_many(self.console, labels, current=chosen, keys=MOVE_KEYS)
        if isinstance(picked, Key):
            return picked
        self.session.set_platforms(tuple(ids[i] for i in picked))
        self.console.say(
            "Platforms: " + ", ".join(catalog.platforms[ids[i]].short_name for i in picked) + "."
        )
        return _Move.NEXT

    # --- a platform's handles ----------------------------------------------------------------------

    def handles(self, step: Step) -> _Move | Key:
        """One prompt per account on the platform, each checked against the platform's handle rule."""
        assert step.platform
        platform = self.session.catalog.platforms[step.platform]
        entry = self.session.working.platforms[step.platform]
        keys = list(entry.accounts)
        at = 0
        while at < len(keys):
            key = keys[at]
            whose = ACCOUNT_WORDS.get(key, "your account")
            current = entry.accounts[key].handle
            shown = f" [{one_line(current)}]" if current else " [Enter: none]"
            result = ask_text(
                self.console,
                f"Your handle for {whose} on {platform.short_name}{shown}",
                current=current,
                required=False,
                keys=MOVE_KEYS,
                check=platform.handle_problem,
            )
            if result is Key.QUIT:
                return Key.QUIT
            if result is Key.BACK:
                if at == 0:
                    return _Move.BACK
                at -= 1
                continue
            assert isinstance(result, str)
            self.session.set_handles(step.platform, {key: result})
            at += 1
        return _Move.NEXT

    # --- a decision --------------------------------------------------------------------------------

    def decision(self, step: Step) -> _Move | Key:
        session = self.session
        plan = session.plan
        decision = plan.decision(step)
        platform = plan.platform(step)
        options = plan.options(step)
        if not options:  # earlier answers leave nothing to choose: pass it by, the way she was going
            return self._heading
        number, total = plan.question_number(step)
        previous = plan.answer(step)
        saved = session.saved.answer(step.platform, step.decision, step.account) if session.saved else None
        self.console.say("")
        self.console.say(f"Question {number} of {total}. {plan.where(step)}. {decision.question}")
        self.console.say(decision.situation)
        marks = []
        for option in options:
            mark = "current" if previous and previous.choice == option.id else ""
            if saved and saved.choice == option.id and not mark:
                mark = "in your saved policy"
            marks.append(mark)
        self.console.lines(numbered([o.label for o in options], marks))
        if not self._told_keys:
            self._told_keys = True
            self.console.say("Type a number to choose, ? and a number for details, h for all the keys.")
        profile = session.working.profile
        ids = [o.id for o in options]
        current = ids.index(previous.choice) if previous and previous.choice in ids else None
        while True:
            picked = choose(
                self.console,
                [o.label for o in options],
                current=current,
                keys=STEP_KEYS,
                details=lambda i: detail.details(
                    options[i], decision, platform, session.catalog, profile.role, profile.jurisdiction
                ),
                notes=True,
            )
            if picked is Key.LATER:
                session.decide_later(step)
                self.console.say("Left undecided. It is listed on review, and you can decide it later.")
                return _Move.NEXT
            if isinstance(picked, Key):
                return picked
            option = options[picked.index]
            same = previous is not None and previous.choice == option.id
            note = picked.note or (previous.note if same and previous else "")
            kept = previous.keeps if same and previous else ()
            found = [f for f in session.conflicts_if(step, option.id) if f.conflict.id not in kept]
            if found:
                resolved = self._conflict(step, option, found, note)
                if resolved is None:
                    self.console.lines(numbered([o.label for o in options], marks))
                    continue
                note, kept = resolved[0], tuple(dict.fromkeys((*kept, *resolved[1])))
            asked = len(plan.decision_steps)
            session.answer(step, option.id, note, keeps=kept)
            self.console.say(
                f"Your answer: {option.label}." + (f" Your note: {one_line(note)}" if note else "")
            )
            now = len(session.plan.decision_steps)
            if now != asked:  # the accounts changed: "Question 2 of 19" after "1 of 12" is then no surprise
                self.console.say(f"That makes {now} questions in all.")
            return _Move.NEXT

    def _conflict(
        self, step: Step, option: Option, found: Sequence[Found], note: str
    ) -> tuple[str, tuple[str, ...]] | None:
        """Say which earlier answer this one contradicts; None to change it, else (note, kept conflict ids)."""
        session = self.session
        self.console.say("")
        self.console.say(f"{option.label}: this answer conflicts with an earlier one.")
        self.console.lines(conflict_lines(session.plan, found, step.decision))
        self.console.lines(numbered(["Change this answer", "Keep both (you say why in a note)"]))
        picked = choose(self.console, ["Change this answer", "Keep both"])
        assert isinstance(picked, Picked)
        if picked.index == 0:
            self.console.say("Choose again:")
            return None
        why = ask_text(
            self.console,
            "Why keep both? Your note goes into your policy" + (f" [{one_line(note)}]" if note else ""),
            current=note,
        )
        assert isinstance(why, str)
        return why, tuple(dict.fromkeys(f.conflict.id for f in found))

    # --- review and save ---------------------------------------------------------------------------

    def review(self) -> Outcome | str | _Move:
        """Every answer, what is undecided and what conflicts; then save, change one, or keep the draft."""
        session = self.session
        self.console.say("")
        self.console.lines(review_lines(session))
        actions = [
            "Save my policy",
            "Change an answer",
            "Go back to the last question",
            "Keep as a draft and quit",
        ]
        self.console.lines(numbered(actions))
        while True:
            picked = choose(self.console, actions, keys=(Key.BACK, Key.QUIT))
            if picked is Key.BACK:
                return _Move.BACK
            if picked is Key.QUIT or (isinstance(picked, Picked) and picked.index == 3):
                return self._keep()
            assert isinstance(picked, Picked)
            if picked.index == 2:
                return _Move.BACK
            if picked.index == 1:
                position = self._pick_answer()
                if position is None:
                    self.console.lines(numbered(actions))
                    continue
                self.return_to_review = True
                return position
            if self.save():
                return Outcome.SAVED
            self.console.lines(numbered(actions))

    def _pick_answer(self) -> str | None:
        """Which answer to change: about you, the platforms, a platform's handles or any decision."""
        session = self.session
        plan = session.plan
        positions = [PROFILE, PLATFORMS] + [s.position for s in plan.steps]
        labels = ["About you", "Your platforms"]
        for step in plan.steps:
            if step.is_handles:
                labels.append(f"{plan.where(step)}: handles")
            else:
                labels.append(f"{plan.where(step)}: {plan.decision(step).title}: {answer_label(plan, step)}")
        labels.append("None: back to review")
        self.console.say("Which answer do you want to change?")
        self.console.lines(numbered(labels))
        picked = choose(self.console, labels)
        assert isinstance(picked, Picked)
        return positions[picked.index] if picked.index < len(positions) else None

    def save(self) -> bool:
        session = self.session
        force = False
        while True:
            try:
                refresh = session.save(force=force, today=self.today)
            except ConflictError as error:
                self.console.say(str(error))
                choices = ["Save my answers over it", "Keep my answers as a draft and decide later"]
                self.console.lines(numbered(choices))
                picked = choose(self.console, choices)
                if isinstance(picked, Picked) and picked.index == 0:
                    force = True
                    continue
                return False
            except (PolicyFileError, UnsafeLocationError) as error:
                self.console.say(f"Not saved: {error}")
                return False
            break
        self.console.say(f"Saved your policy to {session.paths.policy}.")
        if refresh.worth_asking:
            self.console.say(f"Your own short form: {refresh.previous}")
            self.console.say(f"Your decisions now give: {refresh.generated}")
            choices = ["Keep my own wording", "Use the one the decisions give"]
            self.console.lines(numbered(choices))
            picked = choose(self.console, choices)
            if isinstance(picked, Picked) and picked.index == 1:
                try:
                    session.set_short_form(None)
                    self.console.say("Short form replaced.")
                except (ConflictError, PolicyFileError, UnsafeLocationError) as error:
                    self.console.say(f"Short form not saved: {error}")
        return True
