"""Regenerate screenshots/*.svg from the same app states the snapshot tests use.

.venv/bin/python scripts/screenshots.py            # 120×40, the README's pictures
.venv/bin/python scripts/screenshots.py --small    # also 80×24
.venv/bin/python scripts/screenshots.py --small history review-now   # only these states
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from app_states import STATES  # noqa: E402
from review_states import REVIEW_STATES  # noqa: E402

ALL_STATES = [*STATES, *REVIEW_STATES]
"""Every screen a clinician meets, then the review, review-now and history screens."""


async def shoot(state, size: tuple[int, int], out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = state.build(Path(folder))
        async with app.run_test(size=size) as pilot:
            await state.keys(pilot)
            await pilot.pause()
            app.save_screenshot(filename=out.name, path=str(out.parent))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", action="store_true", help="also write 80×24 pictures")
    parser.add_argument("names", nargs="*", help="only these states (default: all)")
    args = parser.parse_args()
    known = {state.name for state in ALL_STATES}
    if unknown := [name for name in args.names if name not in known]:
        parser.error(f"no such state: {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    os.environ["TZ"] = "UTC"  # history shows saved times in local time: the same pictures in any zone
    time.tzset()
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    sizes = [((120, 40), "")] + ([((80, 24), "-80x24")] if args.small else [])
    for state in ALL_STATES:
        if args.names and state.name not in args.names:
            continue
        for size, suffix in sizes:
            target = out / f"{state.name}{suffix}.svg"
            asyncio.run(shoot(state, size, target))
            print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
