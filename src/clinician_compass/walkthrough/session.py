"""A clinician's session with their policy: what is saved, what is being changed, where they are.

The TUI drives it; it holds no UI. Every answer goes to the draft file at once,
so the worst a crash can cost is the keystroke in flight. The policy file is
replaced only by ``save``, through the atomic, history-keeping store.
"""

from __future__ import annotations

import copy
import dataclasses
from datetime import date
from pathlib import Path

from clinician_compass import __version__
from clinician_compass.documents.short_form import ShortFormRefresh, compose_short_form, refresh_short_form
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy import store
from clinician_compass.policy.checklist import forget_stale, tick, untick
from clinician_compass.policy.conflicts import Found, new_conflicts
from clinician_compass.policy.draft import Draft, discard_draft, load_draft, save_draft
from clinician_compass.policy.errors import UnsafeLocationError
from clinician_compass.policy.model import PlatformEntry, Policy
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, REVIEW, Plan, Step, changed_answers


class Session:
    """The saved policy, the working copy being walked through, and the position in it."""

    def __init__(self, paths: PolicyPaths, catalog: Catalog | None = None, *, today: date | None = None) -> None:
        self.paths = paths
        self.today = today
        """The day answers are dated with (None: the clock); fixed by the app in tests and screenshots."""
        self._catalog = catalog
        self.saved: Policy | None = None
        """The policy as it is on disk, or None before the first save."""
        self.digest: str | None = None
        self.working: Policy = Policy()
        self.platforms: tuple[str, ...] = ()
        self.position: str = PROFILE
        self.warnings: list[str] = []
        self.draft_problem = ""
        """Why the last autosave failed ("" when it worked): the face tells the clinician once."""
        self.notes: dict[str, str] = {}
        """Notes typed on a step but not confirmed yet, by position: kept in the draft, never in the policy."""

    @property
    def catalog(self) -> Catalog:
        """The guidance, loaded on first use: the welcome screen shows none and should not wait for it."""
        if self._catalog is None:
            from clinician_compass.guidance import load_catalog

            self._catalog = load_catalog()
        return self._catalog

    # --- loading -----------------------------------------------------------------------------------

    def open(self) -> Draft | None:
        """Read the policy (raising ``PolicyFileError`` if it is damaged) and any draft to resume."""
        loaded = store.load(self.paths)
        if loaded:
            self.saved, self.digest = loaded.policy, loaded.digest
            self.warnings = [w.describe() for w in loaded.warnings]
        return load_draft(self.paths)

    @property
    def has_policy(self) -> bool:
        return self.saved is not None

    # --- walking through ---------------------------------------------------------------------------

    def begin(self, platforms: tuple[str, ...] | None = None) -> None:
        """Start a walkthrough from the saved policy (pre-filled) or from nothing."""
        self.working = copy.deepcopy(self.saved) if self.saved else Policy()
        chosen = platforms if platforms is not None else tuple(self.working.platforms)
        self.set_platforms(chosen)
        self.position = PROFILE
        self.notes = {}

    def resume(self, draft: Draft) -> None:
        self.working = draft.policy
        self.set_platforms(draft.platforms or tuple(draft.policy.platforms))
        self.position = draft.position or PROFILE
        self.notes = dict(draft.notes)

    @property
    def plan(self) -> Plan:
        return Plan(self.catalog, self.platforms, self.working)

    def set_platforms(self, platform_ids: tuple[str, ...] | list[str]) -> None:
        """Choose the platforms; answers for a removed platform are dropped from the working copy."""
        known = tuple(p for p in platform_ids if p in self.catalog.platforms)
        self.platforms = known
        self.working.platforms = {pid: self.working.platforms.get(pid) or PlatformEntry() for pid in known}

    def answer(self, step: Step, choice: str, note: str = "", *, keeps: tuple[str, ...] = ()) -> None:
        """Record an answer (and, for the account purpose, reshape the platform's accounts)."""
        self.working.set_answer(
            step.platform, step.decision, choice, note.strip(), step.account, today=self.today, keeps=keeps
        )
        self.notes.pop(step.position, None)  # the note is in the answer now
        self.autosave()

    def keep_note(self, step: Step, note: str) -> None:
        """A note typed on ``step`` but not confirmed: remembered (for the draft) without answering the step.

        In memory only; the face writes the draft once typing pauses (``autosave``).
        """
        answer = self.working.answer(step.platform, step.decision, step.account)
        if note == (answer.note if answer else ""):
            self.notes.pop(step.position, None)  # back to what the answer says: nothing pending
        else:
            self.notes[step.position] = note

    def note_for(self, step: Step) -> str:
        """What the note field of ``step`` shows: her unconfirmed typing, else the answer's note."""
        if step.position in self.notes:
            return self.notes[step.position]
        answer = self.working.answer(step.platform, step.decision, step.account)
        return answer.note if answer else ""

    def unconfirmed_notes(self) -> list[tuple[Step, str]]:
        """Notes she typed (or cleared) on a step of this walkthrough and never confirmed, in plan order."""
        return [(step, self.notes[step.position]) for step in self.plan.decision_steps if step.position in self.notes]

    def confirm_notes(self) -> None:
        """Put each unconfirmed note into its step's answer, the choice unchanged; a step not decided has none to hold it."""
        for step, note in self.unconfirmed_notes():
            answer = self.working.answer(step.platform, step.decision, step.account)
            if answer is not None:
                self.working.set_answer(
                    step.platform, step.decision, answer.choice, note.strip(), step.account,
                    today=self.today, keeps=answer.keeps,
                )
        self.notes = {}

    def decide_later(self, step: Step) -> None:
        """Leave ``step`` undecided ("decide later"): its answer, if any, is forgotten in the working copy."""
        self.working.clear_answer(step.platform, step.decision, step.account)
        self.autosave()

    def conflicts_if(self, step: Step, choice: str) -> list[Found]:
        """The open conflicts answering ``step`` with ``choice`` would bring about, before it is recorded."""
        trial = copy.deepcopy(self.working)
        trial.set_answer(step.platform, step.decision, choice, "", step.account)
        return new_conflicts(self.working, trial, self.catalog)

    def set_handles(self, platform_id: str, handles: dict[str, str]) -> None:
        """Keep the handle of each account on a platform ("" for none)."""
        entry = self.working.platforms.get(platform_id)
        if entry is None:
            return
        for key, handle in handles.items():
            if key in entry.accounts:
                entry.accounts[key].handle = " ".join(handle.split())
        self.autosave()

    def move_to(self, position: str) -> None:
        self.position = position
        self.autosave()

    def next_position(self, position: str) -> str:
        """The step after ``position``: profile → platforms → decisions → review."""
        plan = self.plan
        if position == PROFILE:
            return PLATFORMS
        if position == PLATFORMS:
            return plan.steps[0].position if plan.steps else REVIEW
        index = plan.index_of(position)
        if index is None or index + 1 >= len(plan):
            return REVIEW
        return plan.steps[index + 1].position

    def previous_position(self, position: str) -> str | None:
        """The step before ``position``, or None at the very start."""
        plan = self.plan
        if position == PROFILE:
            return None
        if position == PLATFORMS:
            return PROFILE
        if position == REVIEW:
            return plan.steps[-1].position if plan.steps else PLATFORMS
        index = plan.index_of(position)
        if not index:
            return PLATFORMS
        return plan.steps[index - 1].position

    def changed(self) -> set[Step]:
        """Steps answered differently from the saved policy (empty on a first walkthrough)."""
        return changed_answers(self.saved, self.working, self.plan) if self.saved else set()

    def autosave(self) -> bool:
        """Keep the walkthrough on disk; False (and ``draft_problem`` says why) when the disk refuses.

        The walkthrough goes on either way: the answers stay in memory and can
        still be saved as the policy once the folder is writable again.
        """
        try:
            save_draft(Draft(self.working, self.position, self.platforms, dict(self.notes)), self.paths)
        except (UnsafeLocationError, OSError) as error:
            self.draft_problem = str(error)
            return False
        self.draft_problem = ""
        return True

    # --- saving ------------------------------------------------------------------------------------

    def save(self, *, force: bool = False, today: date | None = None) -> ShortFormRefresh:
        """Make the working copy the policy; raises ``ConflictError`` if the file changed on disk.

        The short form follows the decisions unless the clinician wrote their own;
        the result says whether their wording was kept although the decisions
        now give another, so the app can ask before replacing it.
        """
        policy = self.working
        if self.saved is None and policy.meta.last_reviewed is None:
            # The first save of a new policy is its first review: she has just decided everything.
            # Any later save (a platform added, an answer changed) leaves the date alone: only a review sets it.
            policy.meta.last_reviewed = today or date.today()
        policy.meta.app_version = __version__
        before = compose_short_form(self.saved, self.catalog) if self.saved else None
        refresh = refresh_short_form(policy, self.catalog)
        refresh = dataclasses.replace(refresh, news=refresh.generated != before)
        forget_stale(policy, self.catalog)  # a tick for a setting her answers no longer call for would mislead
        self.digest = store.save(policy, self.paths, expected_digest=self.digest, force=force)
        self.saved = copy.deepcopy(policy)
        discard_draft(self.paths)
        return refresh

    def commit_edit(self, *, force: bool = False) -> ShortFormRefresh:
        """Save one change (an answer, the profile, a platform added or removed) as the policy.

        Unlike ``save`` it leaves ``last_reviewed`` alone: changing the contact number is no yearly review.
        """
        policy = self.working
        policy.meta.app_version = __version__
        before = compose_short_form(self.saved, self.catalog) if self.saved else None
        refresh = refresh_short_form(policy, self.catalog)
        refresh = dataclasses.replace(refresh, news=refresh.generated != before)
        forget_stale(policy, self.catalog)
        self.digest = store.save(policy, self.paths, expected_digest=self.digest, force=force)
        self.saved = copy.deepcopy(policy)
        discard_draft(self.paths)
        return refresh

    def set_short_form(self, text: str | None, *, force: bool = False) -> None:
        """Save the clinician's own short form, or (``None``) go back to the generated one.

        Works on the saved policy, so a walkthrough in progress is untouched.
        """
        if self.saved is None:
            raise ValueError("there is no saved policy to change yet")
        policy = copy.deepcopy(self.saved)
        if text is None or not text.strip():
            refresh_short_form(policy, self.catalog, replace_edit=True)
        else:
            policy.short_form.text = " ".join(text.split())
            policy.short_form.edited = True
        self.digest = store.save(policy, self.paths, expected_digest=self.digest, force=force)
        self.saved = policy

    def tick_step(
        self, platform: str, account: str, step_id: str, done: bool, *, today: date | None = None, force: bool = False
    ) -> None:
        """Tick a settings step off (``done``) or mark it still to do, and save the policy.

        Works on the saved policy, like ``set_short_form``: a walkthrough in progress is untouched.
        """
        if self.saved is None:
            raise ValueError("there is no saved policy to change yet")
        policy = copy.deepcopy(self.saved)
        if done:
            tick(policy, platform, account, step_id, today or date.today())
        else:
            untick(policy, platform, account, step_id)
        self.digest = store.save(policy, self.paths, expected_digest=self.digest, force=force)
        self.saved = policy

    def reload(self) -> None:
        """Take the file as it is on disk now (after a conflict), keeping the draft."""
        self.open()

    def discard(self) -> None:
        discard_draft(self.paths)

    # --- review and history --------------------------------------------------------------------

    def mark_reviewed(self, today: date | None = None, *, force: bool = False) -> None:
        """Record the review: the saved policy's ``last_reviewed`` becomes ``today``. The only thing that sets it."""
        if self.saved is None:
            raise ValueError("there is no saved policy to review yet")
        policy = copy.deepcopy(self.saved)
        policy.meta.last_reviewed = today or date.today()
        self.digest = store.save(policy, self.paths, expected_digest=self.digest, force=force)
        self.saved = policy

    def confirm_answers(self, steps: list[Step], today: date | None = None, *, force: bool = False) -> None:
        """Keep these answers as they are: confirming one in a review re-dates it (``decided`` becomes today).

        So the review does not ask about the same guidance again next year.
        """
        if self.saved is None:
            raise ValueError("there is no saved policy to review yet")
        policy = copy.deepcopy(self.saved)
        day = today or date.today()
        for step in steps:
            answer = policy.answer(step.platform, step.decision, step.account)
            if answer is not None:
                answer.decided = day
        self.digest = store.save(policy, self.paths, expected_digest=self.digest, force=force)
        self.saved = policy
        for step in steps:  # the walkthrough's copy agrees, so a later save does not undo the confirmation
            answer = self.working.answer(step.platform, step.decision, step.account)
            if answer is not None:
                answer.decided = day

    def restore(self, version: Path, *, force: bool = False) -> None:
        """Make an earlier version the policy again; the current one is in history already (every save is)."""
        policy = store.read_version(version)
        self.digest = store.save(policy, self.paths, expected_digest=self.digest, force=force)
        self.saved = copy.deepcopy(policy)
        self.working = copy.deepcopy(policy)
        self.platforms = tuple(policy.platforms)

    def plan_of_saved(self) -> Plan:
        """The steps of the saved policy as it stands (not the walkthrough's copy): what a review walks."""
        policy = self.saved or self.working
        return Plan(self.catalog, tuple(policy.platforms), policy)
