"""Plain mode: the whole app as numbered prompts on standard output, for screen readers and scripts.

No Textual here, ever: plain mode is what runs where Textual cannot draw
(``TERM=dumb``, a pipe, a braille display). It drives the same
``walkthrough.session.Session`` as the TUI, so the draft, the saves and their
history are shared: a walkthrough begun in one face can be finished in the other.
"""

from clinician_compass.plain.app import run_plain

__all__ = ["run_plain"]
