"""Before you post, in the app: from any screen she opens the check, types a draft, sees what is marked and why.

The draft is never kept: not in the policy, not in the walkthrough's draft file.
"""

from __future__ import annotations

from textual.widgets import Footer, OptionList, Static

from app_states import TODAY, sample_policy
from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.tui.screens.post_check import DraftArea, PostCheckScreen
from test_walkthrough import screen_name

WARD_NIGHT = "Busy night on Ward 7 at St Mary's, a 94-year-old told me she'd never been in hospital."


def saved_app(paths: PolicyPaths) -> CompassApp:
    store.save(sample_policy(), paths, expected_digest=None)
    return CompassApp(paths, today=TODAY)


def shown(app: CompassApp, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id, Static).render())


def findings(app: CompassApp) -> list[str]:
    options = app.screen.query_one("#post-findings", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def type_draft(pilot, text: str) -> None:  # noqa: ANN001 - Pilot
    draft = pilot.app.screen.query_one(DraftArea)
    draft.insert(text)  # as a paste would; typing each key goes through the same edit
    await pilot.pause()


async def test_ctrl_b_from_home_opens_the_check_and_marks_the_ward_night_as_she_types(
    paths: PolicyPaths,
) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        assert screen_name(app) == "PostCheckScreen"
        assert "never saved" in shown(app, "#post-privacy")
        await pilot.press(*"Mrs Patel")
        assert any(f.startswith("\u201cMrs Patel\u201d name") for f in findings(app)), "marked as she types"
        await type_draft(pilot, " " + WARD_NIGHT)
        listed = findings(app)
        for text, kind in (
            ("Ward 7", "place"),
            ("St Mary's", "place"),
            ("94-year-old", "age"),
            ("Busy night", "date"),
        ):
            assert any(f.startswith(f"\u201c{text}\u201d {kind}: ") for f in listed), (text, listed)
        assert shown(app, "#post-verdict").startswith("HIGH risk")
        assert "do you have it in writing?" in shown(app, "#post-policy"), "her own answer: with consent"


async def test_the_findings_are_marked_in_the_draft_itself(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        await type_draft(pilot, WARD_NIGHT)
        draft = app.screen.query_one(DraftArea)
        styles = [segment.style for segment in draft.render_line(0) for _ in segment.text]
        text = "".join(segment.text for segment in draft.render_line(0))
        ward = text.index("Ward 7")
        assert all(s and s.underline for s in styles[ward : ward + 6]), "a place is underlined"
        on = text.index(" on ")
        assert not (styles[on + 1] and styles[on + 1].underline), "words between findings are not"


async def test_highlighting_a_finding_selects_its_words_in_the_draft(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        await type_draft(pilot, WARD_NIGHT)
        await pilot.press("tab")  # from the draft to the findings, keyboard only
        assert isinstance(app.focused, OptionList)
        listed = findings(app)
        ward = listed.index(next(f for f in listed if f.startswith("\u201cWard 7")))
        await pilot.press(*["down"] * (ward + 1))  # the first Down highlights the first finding
        await pilot.pause()
        draft = app.screen.query_one(DraftArea)
        assert draft.selected_text == "Ward 7"
        await pilot.press("enter")
        assert app.focused is draft, "Enter goes back to the draft, the words selected to retype"


async def test_the_draft_is_never_saved_and_escape_forgets_it(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    before = paths.policy.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        await type_draft(pilot, WARD_NIGHT)
        await pilot.press("escape")
        assert screen_name(app) == "HomeScreen"
        await pilot.press("ctrl+b")
        assert app.screen.query_one(DraftArea).text == "", "a new check starts empty"
    assert paths.policy.read_bytes() == before
    assert not paths.draft.exists()
    assert WARD_NIGHT.encode() not in b"".join(
        p.read_bytes() for p in paths.policy.parent.rglob("*") if p.is_file()
    )


async def test_ctrl_s_exports_the_draft_only_where_she_says(paths: PolicyPaths, tmp_path) -> None:  # noqa: ANN001
    app = saved_app(paths)
    target = tmp_path / "my-post.txt"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        await type_draft(pilot, "Flu jabs this week.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#export-folder").value = str(tmp_path)
        app.screen.query_one("#export-name").value = target.name
        await pilot.press("enter")
        await pilot.pause()
    assert target.read_text(encoding="utf-8") == "Flu jabs this week."


async def test_a_pasted_escape_sequence_is_shown_not_sent_to_the_terminal(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        await type_draft(pilot, "a lady [/b] [@click=quit]x[/] told me \x1b]52;c;aGk=\x07 on Ward 7")
        draft = app.screen.query_one(DraftArea)
        assert "\x1b" not in draft.text and "\u241b" in draft.text
        assert screen_name(app) == "PostCheckScreen", "markup in her draft is just text"
        assert any("[/b] [@click=quit]x[/]" in f for f in findings(app)), "listed as she wrote it"


async def test_it_fits_80_by_24_with_everything_on_screen(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        await type_draft(pilot, WARD_NIGHT)
        screen = app.screen
        for widget_id in ("#post-privacy", "#post-draft", "#post-verdict", "#post-findings", "#post-policy"):
            region = screen.query_one(widget_id).region
            assert region.height > 0 and region.bottom <= 23, (widget_id, region)
        assert screen.query_one("#post-findings").region.height >= 3, "room for a few findings"
        assert screen.query_one(Footer).region.y == 23


async def test_the_footer_shows_the_key_and_the_palette_finds_it_from_any_screen(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Check post" in [b.binding.description for b in app.active_bindings.values() if b.binding.show]
        await pilot.press("ctrl+r")  # over the quick reference, too
        await pilot.press("ctrl+p", *"before you post")
        await pilot.pause(0.5)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PostCheckScreen)


async def test_a_blog_length_draft_is_checked_when_she_pauses_typing(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    blog = "Winter in general practice is long. " * 50 + WARD_NIGHT  # about 1,900 characters
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+b")
        draft = app.screen.query_one(DraftArea)
        draft.insert(blog)
        assert draft.result is None, "not on every keystroke: a long draft waits for a pause"
        await pilot.pause(0.4)
        assert draft.result is not None
        assert any(f.startswith("\u201cWard 7\u201d place") for f in findings(app))
        assert shown(app, "#post-verdict").startswith("HIGH risk")
