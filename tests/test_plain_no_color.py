"""NO_COLOR: a clinician who sets it sees the TUI in shades of grey, and the words are all still there.

Textual honours NO_COLOR itself (``App.__init__`` adds its Monochrome filter
when the variable is set), so the app needs no code of its own for it; this
test proves it stays so on the screens she meets first.
"""

from __future__ import annotations

import pytest
from rich.style import Style

from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from hostile import hostile_policy


def colours(app: CompassApp) -> tuple[set[tuple[int, int, int]], str]:
    """Every foreground and background colour the terminal would be sent for the screen, and its text."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    found: set[tuple[int, int, int]] = set()
    text = []
    for line in update.strips:
        for strip in line:
            for segment in strip:
                text.append(segment.text)
                style: Style | None = segment.style
                for colour in (style.color, style.bgcolor) if style else ():
                    if colour is not None:
                        found.add(colour.get_truecolor())
    return found, "".join(text)


def grey(rgb: tuple[int, int, int]) -> bool:
    return max(rgb) - min(rgb) <= 2  # the monochrome filter's rounding


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_no_color_turns_every_colour_grey(
    monkeypatch: pytest.MonkeyPatch, paths: PolicyPaths, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    policy = hostile_policy("Priya Shah")
    store.save(policy, paths, expected_digest=None)
    app = CompassApp(paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        found, text = colours(app)

    assert "Your social media policy" in text, "home is drawn either way"
    coloured = {rgb for rgb in found if not grey(rgb)}
    if no_color:
        assert not coloured, f"colours sent despite NO_COLOR: {sorted(coloured)[:5]}"
    else:
        assert coloured, "without NO_COLOR the theme's colours are used (so the other case can fail)"
