"""A clinician whose words look like code opens every screen: what reaches the terminal is text.

Textual's ``Content`` keeps ``[b]`` literal, but it does not stop an escape
sequence: an OSC 52 in a note would write the clipboard the moment the note is
drawn. So each screen here is rendered the way the terminal would receive it,
and its text must hold nothing a terminal acts on, while the clinician's words
are still there to read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TabbedContent

from app_states import TODAY
from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.walkthrough.plan import REVIEW
from hostile import HOSTILE_TEXT, MARKUP, hostile_policy, unsafe_characters

EVERY_KIND = " ".join(text for name, text in HOSTILE_TEXT.items() if name != "ten-thousand")
"""Every hostile string at once, so one walk through the app tries them all in every place."""

TEXTS = {"every-kind": EVERY_KIND, "ten-thousand": HOSTILE_TEXT["ten-thousand"]}


def on_screen(app: CompassApp) -> str:
    """The text of every cell the terminal would be sent for the current screen, dialogs and toasts included."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "".join(segment.text for line in update.strips for strip in line for segment in strip)


def assert_inert(app: CompassApp, where: str) -> str:
    shown = on_screen(app)
    unsafe = unsafe_characters(shown)
    assert not unsafe, f"{where}: the terminal would be sent {sorted(map(hex, map(ord, unsafe)))}"
    assert app.is_running, f"{where}: the app stopped"
    return shown


@pytest.fixture(params=list(TEXTS), ids=list(TEXTS))
def hostile_app(request: pytest.FixtureRequest, paths: PolicyPaths) -> CompassApp:
    store.save(hostile_policy(TEXTS[request.param]), paths, expected_digest=None)
    return CompassApp(paths, today=TODAY)


async def test_every_screen_shows_hostile_words_without_sending_escapes(hostile_app: CompassApp) -> None:
    app = hostile_app
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        home = assert_inert(app, "home")
        if app.session.saved.profile.display_name == EVERY_KIND:
            assert MARKUP[2] in home, "the clinician's name is shown literally, markup and all"
            assert "␛" in home, "an escape is shown as its picture, not dropped silently"

        await pilot.press("enter")  # read the policy
        tabs = app.screen.query_one(TabbedContent)
        for tab in ("tab-full", "tab-short", "tab-patients", "tab-bios", "tab-scripts"):
            tabs.active = tab
            await pilot.pause()
            assert_inert(app, f"policy view, {tab}")

        tabs.active = "tab-short"
        await pilot.pause()
        await pilot.press("w")
        assert_inert(app, "editing the short form")
        await pilot.press("escape")

        await pilot.press("c")  # copy: the picker of pieces, then a toast
        await pilot.pause()
        assert_inert(app, "the copy picker")
        await pilot.press("enter")
        await pilot.pause(0.2)
        toast = assert_inert(app, "the copied toast")
        assert "Copied" in toast or "clipboard" in toast, "what happened to the copy is said"

        await pilot.press("escape")  # home
        await pilot.pause()
        await pilot.press("down", "enter")  # walk through again: the profile holds the name and contact
        await pilot.pause()
        assert type(app.screen).__name__ == "ProfileScreen"
        assert_inert(app, "profile")
        await pilot.press("ctrl+n", "enter")  # keep the profile and the platforms
        await pilot.pause()
        assert type(app.screen).__name__ == "DecisionScreen"
        assert_inert(app, "a decision with a hostile note")
        app.goto(REVIEW)  # the walk itself is another test's story; here only what review shows matters
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        assert_inert(app, "review")

        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#query", Input).value = "dm results"
        await pilot.pause()
        assert_inert(app, "quick reference: notes and a reply with the hostile contact")
        app.screen.query_one("#query", Input).value = EVERY_KIND[:200]
        await pilot.pause()
        assert_inert(app, "quick reference: a hostile query")
        await pilot.press("escape")

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"friend")
        await pilot.pause(0.3)
        assert_inert(app, "the command palette")


async def test_a_damaged_file_full_of_escapes_is_described_without_obeying_it(paths: PolicyPaths) -> None:
    paths.policy.parent.mkdir(parents=True)
    paths.policy.write_text(f'[profile]\ndisplay_name = "{EVERY_KIND[:40]}\n', encoding="utf-8")
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)):
        assert type(app.screen).__name__ == "DamagedFileScreen"
        assert_inert(app, "the damaged-file screen")


async def test_a_toast_about_a_hostile_path_is_inert(tmp_path: Path) -> None:
    folder = tmp_path / "\x1b]52;c;aGVsbG8=\x07"
    app = CompassApp(PolicyPaths(folder / "policy.toml"), today=TODAY)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.notify(f"Saved to {folder}", title="\x1b[31mSaved")
        await pilot.pause(0.2)
        shown = assert_inert(app, "a toast naming the file")
        assert "Saved to" in shown


async def test_pasting_hidden_controls_into_a_field_keeps_the_cursor_after_the_pasted_words() -> None:
    from textual import events
    from textual.app import App, ComposeResult

    from clinician_compass.tui.widgets.plain_input import PlainInput

    class OneField(App[None]):
        def compose(self) -> ComposeResult:
            yield PlainInput("hello world")

    app = OneField()
    async with app.run_test() as pilot:
        field = app.query_one(PlainInput)
        field.focus()
        field.cursor_position = 5
        field.post_message(events.Paste("\u202eAB\u202c\x1b[31m"))
        await pilot.pause()
        await pilot.press("Z")
        assert field.value == "helloAB␛[31mZ world", "typing goes on right after what was pasted"


async def test_a_handle_that_looks_like_code_is_shown_as_typed_in_the_header_and_on_review(
    paths: PolicyPaths,
) -> None:
    handle = " ".join(MARKUP) + " \x1b]52;c;aGVsbG8=\x07"
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", *"Sam", "ctrl+n", "down", "space", "enter")  # Facebook: no handle rule
        await pilot.press("enter")  # a personal account
        await pilot.pause()
        assert type(app.screen).__name__ == "HandlesScreen"
        app.screen.query_one("#handle-personal", Input).value = handle
        await pilot.pause()
        assert_inert(app, "the handles step")
        await pilot.press("enter")
        await pilot.pause()
        header = str(app.screen.query_one("#progress-text").render())
        assert MARKUP[2] in header, "the handle is in the header, markup and all"
        assert "␛" in assert_inert(app, "a decision naming the account by a hostile handle")
        app.goto(REVIEW)
        await pilot.pause()
        assert MARKUP[2] in assert_inert(app, "review with a hostile handle")
