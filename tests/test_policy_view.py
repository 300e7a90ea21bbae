"""A clinician reads their policy, rewrites its short form, copies and exports it."""

from __future__ import annotations

import tomllib

from textual.widgets import Input, TabbedContent

from app_states import TODAY, sample_policy, walked_through_again
from clinician_compass.documents.short_form import compose_short_form
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from test_walkthrough import screen_name

OWN_WORDS = "Keep it kind, Don't Pry / Redirect DMs"


def short_form_on_disk(paths: PolicyPaths) -> dict:
    return tomllib.loads(paths.policy.read_text(encoding="utf-8"))["short_form"]


async def open_short_tab(pilot, app: CompassApp) -> None:
    """Home → the policy → the Short form tab, keys only."""
    await pilot.press("enter")  # "Read, copy or export your policy" is the first action
    assert screen_name(app) == "PolicyScreen"
    await pilot.press("right_square_bracket")  # ] : the next tab is the short form
    await pilot.pause()
    assert app.screen.query_one(TabbedContent).active == "tab-short"


async def resume_at_review_and_save(pilot, app: CompassApp) -> None:
    """Home → "Resume" (the walkthrough done, unsaved) → review → s."""
    await pilot.press("enter")
    assert screen_name(app) == "ReviewScreen"
    await pilot.press("s")
    await pilot.pause()


async def test_the_clinician_rewrites_the_short_form_in_their_own_words(paths: PolicyPaths) -> None:
    policy = sample_policy()
    policy.short_form.edited = False
    store.save(policy, paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_short_tab(pilot, app)
        await pilot.press("w")
        assert screen_name(app) == "EditShortFormDialog"
        app.screen.query_one("#short-edit", Input).value = "[b]Kind[/b] online, careful always"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "PolicyScreen"
        shown = str(app.screen.query_one("#text-short").render())
        assert "[b]Kind[/b] online, careful always" in shown
    assert short_form_on_disk(paths) == {"text": "[b]Kind[/b] online, careful always", "edited": True}


async def test_clearing_the_short_form_goes_back_to_the_one_made_from_the_decisions(
    paths: PolicyPaths,
) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_short_tab(pilot, app)
        await pilot.press("w")
        app.screen.query_one("#short-edit", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
    generated = compose_short_form(store.load(paths).policy, load_catalog())
    assert generated and short_form_on_disk(paths) == {"text": generated, "edited": False}


async def test_new_decisions_never_replace_an_edited_short_form_without_asking(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    walked_through_again(paths)  # every answer changed, her own short form kept
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await resume_at_review_and_save(pilot, app)
        assert screen_name(app) == "ShortFormChoiceDialog", "the clinician is asked"
        assert short_form_on_disk(paths)["text"] == OWN_WORDS, "and until they answer, their words stay"
        await pilot.press("escape")  # keep mine
        await pilot.pause()
        assert screen_name(app) == "PolicyScreen"
    assert short_form_on_disk(paths) == {"text": OWN_WORDS, "edited": True}


async def test_the_clinician_can_take_the_short_form_their_new_decisions_give(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    walked_through_again(paths)  # every answer changed, her own short form kept
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await resume_at_review_and_save(pilot, app)
        assert screen_name(app) == "ShortFormChoiceDialog"
        await pilot.press("tab", "enter")  # from "Keep mine" to "Use the new one"
        await pilot.pause()
        assert screen_name(app) == "PolicyScreen"
    on_disk = short_form_on_disk(paths)
    assert on_disk["edited"] is False and on_disk["text"] != OWN_WORDS
    assert on_disk["text"] == compose_short_form(store.load(paths).policy, load_catalog())


async def test_a_form_is_copied_and_exported_without_replacing_a_file_unasked(
    paths: PolicyPaths, tmp_path, monkeypatch
) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    monkeypatch.setattr("clinician_compass.tui.clipboard.tool_available", lambda env, which: [])
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.delenv("STY", raising=False)
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_TTY", raising=False)
    app = CompassApp(paths, today=TODAY)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await open_short_tab(pilot, app)
        await pilot.press("c")
        assert screen_name(app) == "CopyPicker"
        await pilot.press("enter")
        await pilot.pause()
        assert copied == [OWN_WORDS], "the short form alone, no heading"
        await pilot.press("e")
        assert screen_name(app) == "ExportDialog"
        assert app.screen.query_one("#export-folder", Input).value == str(documents)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "PolicyScreen"
        written = documents / "social-media-policy-short.txt"
        assert OWN_WORDS in written.read_text(encoding="utf-8")
        written.write_text("my copy", encoding="utf-8")
        await pilot.press("e", "enter")
        await pilot.pause()
        assert screen_name(app) == "ExportDialog", "she is asked first"
        assert "already exists" in str(app.screen.query_one("#export-problem").render())
        assert written.read_text(encoding="utf-8") == "my copy", "an existing file is never replaced unasked"
        await pilot.press("enter")  # Replace it
        await pilot.pause()
        assert screen_name(app) == "PolicyScreen"
    assert OWN_WORDS in written.read_text(encoding="utf-8")


async def test_walking_through_again_without_changes_does_not_ask_about_the_short_form(
    paths: PolicyPaths,
) -> None:
    store.save(sample_policy(), paths, expected_digest=None)  # her own short form, edited
    walked_through_again(paths, change_every_answer=False)  # every answer as it was
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await resume_at_review_and_save(pilot, app)
        assert screen_name(app) == "PolicyScreen", "no question: the decisions say nothing new"
    assert short_form_on_disk(paths) == {"text": OWN_WORDS, "edited": True}


async def test_each_maxim_of_the_short_form_is_shown_with_what_it_means(paths: PolicyPaths) -> None:
    from clinician_compass.documents.short_form import short_form_lines

    policy = sample_policy()
    policy.short_form.edited = False
    store.save(policy, paths, expected_digest=None)
    glossed = short_form_lines(policy, load_catalog())
    assert len(glossed) == 6
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_short_tab(pilot, app)
        shown = str(app.screen.query_one("#text-short").render())
        for maxim, gloss in glossed:
            assert f"{maxim}: {gloss}" in " ".join(shown.split())


async def test_her_own_short_form_is_shown_as_she_wrote_it_and_the_glosses_say_whose_they_are(
    paths: PolicyPaths,
) -> None:
    from clinician_compass.documents.short_form import short_form_lines

    policy = sample_policy()
    policy.short_form.text, policy.short_form.edited = OWN_WORDS, True
    store.save(policy, paths, expected_digest=None)
    first_maxim, _ = short_form_lines(policy, load_catalog())[0]
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_short_tab(pilot, app)
        shown = " ".join(str(app.screen.query_one("#text-short").render()).split())
        assert "in your words" in shown and OWN_WORDS in shown
        assert "the short form made from your decisions" in shown
        assert shown.index(OWN_WORDS) < shown.index(first_maxim + ":")
