"""Every screen, pictured at 80×24 and 120×40: a change to what a clinician sees shows up in review.

Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update``,
then look at the pictures (``scripts/screenshots.py`` writes the README's copies).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app_states import STATES, AppState


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_screen_looks_as_expected(
    state: AppState, size: tuple[int, int], snap_compare, tmp_path: Path
) -> None:
    assert snap_compare(state.build(tmp_path), run_before=state.keys, terminal_size=size)
