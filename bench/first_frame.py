"""Run one app headless until its first frame, print the wall-clock time of Ready, and exit.

    python bench/first_frame.py ours|bare

Used by bench/run.py, which starts this as a fresh process and subtracts its own
clock reading taken just before the spawn.
"""

from __future__ import annotations

import sys
import time


def main() -> None:
    which = sys.argv[1]
    if which == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Label

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Label("hello bench")

            def on_ready(self) -> None:
                print(time.time(), flush=True)
                self.exit()

        Bare().run(headless=True, size=(100, 30))
        return

    import gc

    gc.disable()  # as the program does (cli.commands.tui) before it imports the app
    from clinician_compass.policy.paths import resolve
    from clinician_compass.tui.app import CompassApp

    class Timed(CompassApp):
        def on_ready(self) -> None:
            super().on_ready()
            print(time.time(), flush=True)
            self.exit()

    Timed(resolve(), collector_paused=True).run(headless=True, size=(100, 30))


if __name__ == "__main__":
    main()
