"""Command palette: every app action she can use where she is, each decision, each situation.

Titles are ``Content`` and help is escaped, so catalog text and her handles are never parsed as
markup. Actions are the app's own (``action_save``, ``action_history``...): one the app does
not have yet is simply not offered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from clinician_compass.reference import search
from clinician_compass.tui.messages import Goto
from clinician_compass.tui.text import plain_line
from clinician_compass.tui.typed_app import compass_app
from clinician_compass.walkthrough.session import Session

POST_CHECK = "Before you post"
POST_CHECK_HELP = "Check a draft for anything that could identify a patient (Ctrl+B)"

WALKING, WITH_POLICY, ALWAYS = "walking", "policy", "always"


@dataclass(frozen=True)
class PaletteAction:
    title: str
    action: str
    """The app action, as ``run_action`` takes it."""
    help: str
    when: str = ALWAYS
    words: str = ""
    """More words she might type for it."""


ACTIONS = (
    PaletteAction("Save policy", "save", "Save your answers as your policy file", WALKING, "write keep"),
    PaletteAction("Export", "export", "Write your policy, short form or statement to a file", WITH_POLICY),
    PaletteAction("Review now", "review_now", "Go through your policy again, decision by decision", WITH_POLICY),
    PaletteAction("Mark reviewed", "mark_reviewed", "Record that you checked your policy today", WITH_POLICY),
    PaletteAction("History", "history", "Earlier versions of your policy, and what changed", WITH_POLICY, "restore"),
    PaletteAction("Add a platform", "add_platform", "Add a platform and answer its decisions", ALWAYS),
    PaletteAction("Remove a platform", "remove_platform", "Take a platform out of your policy", ALWAYS),
    PaletteAction("Change profile", "edit_profile", "Your name, profession and country", ALWAYS, "role"),
    PaletteAction("Policy", "policy", "Your policy and everything written from it", WITH_POLICY),
    PaletteAction("Home", "home", "Back to the start", ALWAYS),
    PaletteAction("Quick reference", "reference", "Find a situation and what you decided (Ctrl+R)", ALWAYS),
    PaletteAction(POST_CHECK, "post_check", POST_CHECK_HELP, ALWAYS, "check a post draft patient identify"),
    PaletteAction("Help", "help", "Keys and how the walkthrough works (F1)", ALWAYS),
    PaletteAction("Quit", "quit", "Leave the app; an unfinished walkthrough is kept (Ctrl+Q)", ALWAYS, "exit"),
)


def as_help(text: str) -> str:
    """Help text as the palette wants it (a string it reads as markup), with any markup escaped."""
    return escape(text)


class CompassCommands(Provider):
    """The app's actions by mode, her decisions by account, and the catalog's situations."""

    @property
    def _session(self) -> Session:
        return compass_app(self.app).session

    def _walking(self) -> bool:
        mode = getattr(self.app, "current_mode", "")
        if mode in ("walkthrough", "policy", "reference", "home"):
            return mode == "walkthrough"
        return bool(getattr(self.app, "walking", False))

    def _offered(self) -> Iterator[PaletteAction]:
        walking, has_policy = self._walking(), self._session.has_policy
        for item in ACTIONS:
            if getattr(self.app, f"action_{item.action}", None) is None:
                continue  # not built yet
            if (item.when == WALKING and not walking) or (item.when == WITH_POLICY and not has_policy):
                continue
            yield item

    def _run(self, action: str) -> None:
        self.app.call_later(self.app.run_action, action)

    def _open_decision(self, position: str) -> None:
        """THAT decision: her step in the walkthrough, or editing one answer of her policy."""
        if self._walking():
            self.app.post_message(Goto(position))
        else:
            self._run(f"edit({position!r})")

    def _open_situation(self, situation_id: str, title: str) -> None:
        if getattr(self.app, "action_open_situation", None) is not None:
            self._run(f"open_situation({situation_id!r})")
        else:
            self._open_reference(title)

    def _open_reference(self, query: str, platform: str | None = None) -> None:
        compass_app(self.app).open_reference(query, platform)

    def _decisions(self) -> Iterator[tuple[str, str, Callable[[], None]]]:
        """(title, help, open) for every decision step of her platforms and accounts."""
        if not self._walking() and getattr(self.app, "action_edit", None) is None:
            return
        plan = self._session.plan
        for step in plan.steps:
            if step.is_handles:
                continue
            decision = plan.decision(step)
            # Her handles are in the group name: shown as their pictures, never sent to the terminal.
            title = plain_line(f"{plan.group_name(step)} · {decision.title}")
            yield title, decision.question, partial(self._open_decision, step.position)

    async def discover(self) -> Hits:
        for item in self._offered():
            yield DiscoveryHit(Content(item.title), partial(self._run, item.action), text=item.title, help=as_help(item.help))

    async def search(self, query: str) -> Hits:
        catalog = self._session.catalog
        matcher = self.matcher(query)
        for item in self._offered():
            score = max(matcher.match(item.title), matcher.match(f"{item.title} {item.words}".strip()))
            if score > 0:
                yield Hit(score, Content(item.title), partial(self._run, item.action), text=item.title, help=as_help(item.help))
        for title, question, open_it in self._decisions():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score * 0.9, Content(title), open_it, text=title, help=as_help(f"Decision · {question}"))
        for hit in search(catalog, query, limit=6):
            situation = hit.situation
            yield Hit(
                hit.score,
                Content(situation.title),
                partial(self._open_situation, situation.id, situation.title),
                text=situation.title,
                help=as_help("Situation · quick reference"),
            )
        for platform in catalog.platforms.values():
            score = matcher.match(platform.name)
            if score > 0:
                yield Hit(
                    score * 0.8,
                    Content(platform.name),
                    partial(self._open_reference, platform.name, platform.id),
                    text=platform.name,
                    help=as_help(f"Platform · {platform.blurb}"),
                )
