"""Command palette: any situation, decision or platform, from any screen.

Hits carry ``Content`` (never strings), so catalog text is never parsed as markup.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from clinician_compass.reference import search


class CompassCommands(Provider):
    """Searches the catalog with the quick reference's own index."""

    @property
    def _session(self):  # noqa: ANN202 - Session
        return self.app.session  # type: ignore[attr-defined]

    def _open_reference(self, query: str, platform: str | None = None) -> None:
        from clinician_compass.tui.screens.reference import ReferenceScreen

        self.app.push_screen(ReferenceScreen(self._session, query, platform))

    async def discover(self) -> Hits:
        yield DiscoveryHit(
            Content("Quick reference"),
            partial(self._open_reference, ""),
            text="Quick reference",
            help=Content("Find a situation and what you decided"),
        )

    async def search(self, query: str) -> Hits:
        catalog = self._session.catalog
        for hit in search(catalog, query, limit=6):
            title = hit.situation.title
            yield Hit(
                hit.score,
                Content(title),
                partial(self._open_reference, title),
                text=title,
                help=Content("Situation · quick reference"),
            )
        matcher = self.matcher(query)
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
