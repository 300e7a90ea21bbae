"""She scrolls her policy at once, switches tabs from the footer keys, copies one reply, and exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, TabbedContent

from app_states import TODAY, sample_policy
from clinician_compass.documents import scripts
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui import clipboard
from clinician_compass.tui.app import CompassApp
from test_walkthrough import screen_name


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(folder))
    for name in ("TMUX", "STY", "SSH_CONNECTION", "SSH_TTY", "WAYLAND_DISPLAY", "DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    return folder


def saved_app(paths: PolicyPaths) -> CompassApp:
    store.save(sample_policy(), paths, expected_digest=None)
    return CompassApp(paths, today=TODAY)


async def test_page_down_scrolls_the_policy_at_once(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        document = app.screen.query_one("#tab-full").query_one(VerticalScroll)
        assert document.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert document.scroll_y > 0, "no Tab press needed first"


async def test_the_footer_keys_switch_tabs(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-patients"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-short"
        shown = {a.binding.key_display for a in app.screen.active_bindings.values() if a.binding.show}
        assert "]" in shown, "the next-tab key is in the footer ([ is in Help: the footer is full at 80x24)"


async def test_she_copies_one_reply_and_exactly_its_words_reach_the_clipboard(
    paths: PolicyPaths, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = saved_app(paths)
    sent: list[tuple[tuple[str, ...], str]] = []
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/wl-copy" if name == "wl-copy" else None)
    monkeypatch.setattr(clipboard, "run_tool", lambda cmd, text: sent.append((tuple(cmd), text)) or True)
    terminal: list[str] = []
    app.copy_to_clipboard = terminal.append  # type: ignore[method-assign]
    doc = scripts.build(sample_policy(), load_catalog())
    second = [r.text for a in doc.accounts for r in a.replies][1]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p", *["right_square_bracket"] * 4)  # Replies
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-scripts"
        await pilot.press("c", "down", "enter")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert sent == [(("wl-copy",), second)]
    assert terminal == [second]
    assert "Copied with wl-copy." in messages


async def test_inside_tmux_with_no_tool_she_is_told_nothing_was_copied(
    paths: PolicyPaths, documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = saved_app(paths)
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1,0")
    monkeypatch.setattr("shutil.which", lambda name: None)
    terminal: list[str] = []
    app.copy_to_clipboard = terminal.append  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p", "right_square_bracket", "c", "enter")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert clipboard.NOTHING in messages and terminal == []


async def test_the_export_folder_is_remembered_across_runs(
    paths: PolicyPaths, documents: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "Policies"
    elsewhere.mkdir()
    app = saved_app(paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p", "e")
        await pilot.pause()
        assert app.screen.query_one("#export-folder", Input).value == str(documents)
        app.screen.query_one("#export-folder", Input).value = str(elsewhere)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "PolicyScreen"
    assert (elsewhere / "social-media-policy-full.md").is_file()
    again = CompassApp(paths, today=TODAY)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("p", "e")
        await pilot.pause()
        assert again.screen.query_one("#export-folder", Input).value == str(elsewhere)


async def test_a_bad_folder_keeps_the_dialog_open_and_says_why(
    paths: PolicyPaths, documents: Path, tmp_path: Path
) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "e")
        await pilot.pause()
        app.screen.query_one("#export-folder", Input).value = str(tmp_path / "no-such-folder")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "ExportDialog"
        assert "is not a folder" in str(app.screen.query_one("#export-problem").render())
    assert not (tmp_path / "no-such-folder").exists()


async def test_x_picks_one_decision_and_opens_it_to_change_without_a_walkthrough(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p", "x")
        await pilot.pause()
        assert screen_name(app) == "CopyPicker"
        position = app.screen.pieces[0][1]  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.position == position and "/" in position
        assert screen_name(app) in ("DecisionScreen", "HandlesScreen")
