"""The command line's exit codes: a leaf every other ``cli`` module imports, and which imports nothing.

Kept apart so that ``main``, ``parser`` and ``commands`` do not import each other to share three numbers.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEM = 1
"""Something about her policy or draft needs her attention (a damaged file, no match, a risky post)."""
EXIT_USAGE = 2
"""The command line itself was wrong: argparse's own code, reused for our checks of arguments."""
EXIT_INTERRUPTED = 130
"""Ctrl+C: the shell's convention, 128 + SIGINT."""
