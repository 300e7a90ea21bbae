"""Regenerate screenshots/*.svg from the same app states the snapshot tests use.

.venv/bin/python scripts/screenshots.py            # 120×40, the README's pictures
.venv/bin/python scripts/screenshots.py --small    # also 80×24
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from app_states import STATES  # noqa: E402


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
    args = parser.parse_args()
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    sizes = [((120, 40), "")] + ([((80, 24), "-80x24")] if args.small else [])
    for state in STATES:
        for size, suffix in sizes:
            target = out / f"{state.name}{suffix}.svg"
            asyncio.run(shoot(state, size, target))
            print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
