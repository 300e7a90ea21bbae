"""Moving between home, her policy and the quick reference does not parse the app's CSS again each
time, and what she sees still follows every change of theme or style."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet

from app_states import TODAY, sample_policy
from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.tui.screens.home import HomeScreen
from clinician_compass.tui.screens.policy_view import PolicyScreen
from clinician_compass.tui.stylesheet import KeptStylesheet


def _returning(tmp_path) -> CompassApp:
    paths = PolicyPaths(tmp_path / "policy.toml")
    store.save(sample_policy(), paths, expected_digest=None, force=True)
    return CompassApp(paths, today=TODAY)


async def test_going_to_her_policy_and_back_home_parses_the_css_at_most_once_more(tmp_path, monkeypatch) -> None:
    reparsed: list[int] = []
    original = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: (reparsed.append(1), original(self))[1])
    app = _returning(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        at_start = len(reparsed)
        for _ in range(3):
            await pilot.press("p")
            await pilot.pause()
            assert isinstance(app.screen, PolicyScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert len(reparsed) - at_start <= 1  # Textual alone re-parses on every mode switch: six here


async def test_a_new_theme_still_recolours_the_screen(tmp_path) -> None:
    app = _returning(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = app.screen.styles.background
        app.theme = "textual-light" if app.current_theme.dark else "textual-dark"
        await pilot.pause()
        assert app.screen.styles.background != before
        await pilot.press("p")  # a mode opened after the change is drawn in the new theme too
        await pilot.pause()
        assert app.screen.styles.background != before


def test_the_kept_rules_are_those_a_fresh_parse_makes() -> None:
    sheet = KeptStylesheet(variables={"accent": "#FF0000"})
    sheet.add_source("Label { color: $accent; }", read_from=("a.tcss", ""))
    sheet.parse()
    rules = sheet.rules
    sheet.reparse()
    assert sheet.rules is rules  # nothing changed: nothing parsed

    sheet.set_variables({"accent": "#0000FF"})
    sheet.reparse()
    assert "#0000FF" in sheet.css and "#FF0000" not in sheet.css

    sheet.add_source("Button { color: #00FF00; }", read_from=("b.tcss", ""))
    sheet.reparse()
    assert "#00FF00" in sheet.css

    sheet.add_source("Label { color: #FFFF00; }", read_from=("a.tcss", ""))  # the same file, edited
    sheet.reparse()
    assert "#FFFF00" in sheet.css and "#0000FF" not in sheet.css
