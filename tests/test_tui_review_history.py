"""Stories: a due review walks what changed first, then marks the policy reviewed; history restores a version."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.screen import Screen
from textual.widgets import OptionList

from app_states import sample_policy
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.messages import EditStep
from clinician_compass.tui.screens.history import HistoryScreen, RestoreDialog
from clinician_compass.tui.screens.review_now import ReviewNowScreen
from clinician_compass.walkthrough.session import Session


class Host(App[None]):
    """A tiny app holding one screen, as A's app will: it records the messages the screen sends up."""

    def __init__(self, screen: Screen[bool]) -> None:
        super().__init__()
        self.first = screen
        self.edits: list[str] = []
        self.results: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.first, self.results.append)

    def on_edit_step(self, message: EditStep) -> None:
        self.edits.append(message.position)


def session_with(paths: PolicyPaths, decided: date, stale: str = "visibility") -> Session:
    """Her policy, every answer made on ``decided`` except ``stale`` (made before its guidance was checked)."""
    policy = sample_policy()
    for entry in policy.platforms.values():
        for account in entry.accounts.values():
            for answer in account.decisions.values():
                answer.decided = decided
        for answer in entry.decisions.values():
            answer.decided = decided
    for answer in policy.global_decisions.values():
        answer.decided = decided
    policy.platforms["x"].accounts["professional"].decisions[stale].decided = date(2026, 3, 1)
    store.save(policy, paths, expected_digest=None)
    session = Session(paths, load_catalog())
    session.open()
    return session


def rows(app: App[None]) -> list[str]:
    option_list = app.screen.query_one(OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_a_review_shows_the_changed_answer_first_and_enter_opens_it(paths: PolicyPaths) -> None:
    app = Host(ReviewNowScreen(session_with(paths, date(2026, 11, 30)), today=date(2027, 3, 2)))
    async with app.run_test(size=(80, 24)) as pilot:
        first, rest = rows(app)
        assert first.startswith("X, professional account @NurseAlexM: Who can see your posts — Public")
        assert "Changed since you decided:" in first and "Who can see your posts: guidance checked 2026-11-22" in first
        assert rest.startswith("The other ") and "nothing changed since you decided" in rest
        await pilot.press("enter")
        assert app.edits == ["x/professional/visibility"]


async def test_keep_then_confirm_the_rest_then_mark_reviewed(paths: PolicyPaths) -> None:
    session = session_with(paths, date(2026, 11, 30))
    app = Host(ReviewNowScreen(session, today=date(2027, 3, 2)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert store.load(paths).policy.meta.last_reviewed == date(2026, 3, 1), "not before the changed one is seen"
        await pilot.press("k")
        kept = store.load(paths).policy.answer("x", "visibility", "professional")
        assert kept.decided == date(2027, 3, 2) and kept.choice == "public"
        assert len(rows(app)) == 1 and rows(app)[0].startswith("The other ")
        await pilot.press("a")
        await pilot.press("m")
        await pilot.pause()
        assert store.load(paths).policy.meta.last_reviewed == date(2027, 3, 2)
        assert app.results == [True]


async def test_history_restores_an_earlier_version_after_asking(paths: PolicyPaths) -> None:
    session = session_with(paths, date(2026, 11, 30))
    session.begin()
    step = next(s for s in session.plan.decision_steps if s.platform == "x" and s.decision == "visibility")
    session.answer(step, "protected")
    session.save()
    app = Host(HistoryScreen(session))
    async with app.run_test(size=(80, 24)) as pilot:
        now, first = rows(app)
        assert "(your policy now)" in now and "Public → Protected: approved followers only" in now
        assert "first saved version" in first
        await pilot.press("down", "r")
        assert isinstance(app.screen, RestoreDialog)
        await pilot.press("escape")
        assert store.load(paths).policy.answer("x", "visibility", "professional").choice == "protected"
        await pilot.press("r", "r")
        await pilot.pause()
        assert store.load(paths).policy.answer("x", "visibility", "professional").choice == "public"
        assert session.saved is not None and session.saved.answer("x", "visibility", "professional").choice == "public"
        assert len(rows(app)) == 3, "the version she restored from is still in history"
        await pilot.press("escape")
        assert app.results == [True]


async def test_a_damaged_file_offers_the_last_save_and_restores_it_keeping_the_damage(paths: PolicyPaths) -> None:
    from clinician_compass.policy.errors import PolicyFileError
    from clinician_compass.tui.screens.damaged import DamagedFileScreen

    digest = store.save(sample_policy(), paths, expected_digest=None)
    last = sample_policy()
    last.profile.display_name = "Alex Morgan RN"
    store.save(last, paths, expected_digest=digest)
    damage = paths.policy.read_bytes().replace(b"[profile]", b"[profile", 1)
    paths.policy.write_bytes(damage)
    try:
        store.load(paths)
    except PolicyFileError as error:
        screen = DamagedFileScreen(error)
    app = Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        offer = str(app.screen.query_one("#damaged-offer").render())
        assert "The newest version that can be read" in offer and "cannot be read past line" in offer
        await pilot.press("r")
        await pilot.press("escape")
        assert paths.policy.read_bytes() == damage, "Escape leaves the file as it is"
        await pilot.press("r", "r")
        await pilot.pause()
        assert store.load(paths).policy.profile.display_name == "Alex Morgan RN", "the last save, not the one before"
        assert any(f.read_bytes() == damage for f in store.history(paths)), "the damaged file is kept in history"
        assert app.results == [True]


async def test_a_due_review_from_home_changes_one_answer_and_comes_back_to_the_list(paths: PolicyPaths) -> None:
    """Home offers the review when it is due; the changed answer opens alone, is saved, and the list returns."""
    from clinician_compass.tui.app import CompassApp

    session_with(paths, date(2026, 11, 30))
    app = CompassApp(paths, today=date(2027, 3, 2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen.query_one("#home-actions", OptionList)
        prompts = [str(home.get_option_at_index(i).prompt) for i in range(home.option_count)]
        assert prompts[0].startswith("Review now")
        await pilot.press("enter")  # Review now
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewNowScreen"
        await pilot.press("enter")  # the changed answer: X professional, who can see
        await pilot.pause()
        assert type(app.screen).__name__ == "DecisionScreen"
        assert app.session.position == "x/professional/visibility"
        await pilot.press("enter")  # keep the highlighted (her) answer, confirmed as of today
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewNowScreen"
        assert all(not row.startswith("X, professional") for row in rows(app))
        answer = store.load(paths).policy.answer("x", "visibility", "professional")
        assert answer is not None and answer.decided is not None and answer.decided > date(2026, 11, 22)  # re-dated
        await pilot.press("a", "m")  # confirm the rest, mark reviewed
        await pilot.pause()
        assert store.load(paths).policy.meta.last_reviewed == date(2027, 3, 2)
        assert type(app.screen).__name__ == "HomeScreen"


async def test_the_restore_question_says_what_restoring_changes(tmp_path) -> None:
    """From the policy view: h, the version before LinkedIn was added, r: the question lists what goes back."""
    from review_states import REVIEW_STATES

    state = next(s for s in REVIEW_STATES if s.name == "restore-version")
    app = state.build(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await state.keys(pilot)  # p, h, down, r
        assert isinstance(app.screen, RestoreDialog)
        asked = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Restoring it changes your policy:" in asked
        assert "• contact number changed" in asked and "• LinkedIn removed" in asked
        assert "Protected" not in asked, "X was already protected in that version: nothing to say about it"
        await pilot.press("r")
        await pilot.pause()
    restored = store.load(app.paths).policy
    assert "linkedin" not in restored.platforms
    assert restored.profile.practice_contact == sample_policy().profile.practice_contact
