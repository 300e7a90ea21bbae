"""Command palette: any situation, decision or platform, from any screen.

Hits carry ``Content`` (never strings), so catalog text is never parsed as markup.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from clinician_compass.reference import search

POST_CHECK = "Before you post"
POST_CHECK_HELP = "Check a draft for anything that could identify a patient (Ctrl+B)"


class CompassCommands(Provider):
    """Searches the catalog with the quick reference's own index."""

    @property
    def _session(self):  # noqa: ANN202 - Session
        return self.app.session  # type: ignore[attr-defined]

    def _open_reference(self, query: str, platform: str | None = None) -> None:
        from clinician_compass.tui.screens.reference import ReferenceScreen

        self.app.push_screen(ReferenceScreen(self._session, query, platform))

    def _open_post_check(self) -> None:
        self.app.action_post_check()  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        yield DiscoveryHit(
            Content("Quick reference"),
            partial(self._open_reference, ""),
            text="Quick reference",
            help=Content("Find a situation and what you decided"),
        )
        yield DiscoveryHit(
            Content(POST_CHECK),
            self._open_post_check,
            text=POST_CHECK,
            help=Content(POST_CHECK_HELP),
        )

    async def search(self, query: str) -> Hits:
        catalog = self._session.catalog
        matcher = self.matcher(query)
        score = max(matcher.match(POST_CHECK), matcher.match("check a post draft patient identify"))
        if score > 0:
            yield Hit(score, Content(POST_CHECK), self._open_post_check, text=POST_CHECK, help=Content(POST_CHECK_HELP))
        for hit in search(catalog, query, limit=6):
            title = hit.situation.title
            yield Hit(
                hit.score,
                Content(title),
                partial(self._open_reference, title),
                text=title,
                help=Content("Situation · quick reference"),
            )
        for decision in catalog.decisions.values():
            score = matcher.match(decision.title)
            if score > 0:
                yield Hit(
                    score * 0.9,
                    Content(decision.title),
                    partial(self._open_reference, " ".join((decision.title, *decision.keywords[:3]))),
                    text=decision.title,
                    help=Content(f"Decision · {decision.question}"),
                )
        for platform in catalog.platforms.values():
            score = matcher.match(platform.name)
            if score > 0:
                yield Hit(
                    score * 0.8,
                    Content(platform.name),
                    partial(self._open_reference, platform.name, platform.id),
                    text=platform.name,
                    help=Content(f"Platform · {platform.blurb}"),
                )
