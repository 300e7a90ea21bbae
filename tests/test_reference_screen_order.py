"""The reference screen shows the same order and labels as ``ref``, and says when nothing fits well."""

from __future__ import annotations

from test_reference_screen import detail_text, results, saved_app

from clinician_compass.policy.paths import PolicyPaths


async def test_a_weak_match_is_offered_as_the_closest_few(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"how much annual leave do i get")
        await pilot.pause()
        shown = results(app)
        assert shown[0] == "Nothing fits this well. Closest:"
        assert len(shown) == 4
        assert detail_text(app), "the first of the closest is shown, not the notice"


async def test_where_no_body_speaks_the_screen_says_it_is_our_own_suggestion(
    paths: PolicyPaths,
) -> None:
    app = saved_app(paths)  # Alex Morgan, a UK nurse
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"pt asked me to share their gofundme")
        await pilot.pause()
        assert results(app)[0] == "A patient asked me to share or donate to their fundraiser"
        assert "Our suggestion, not guidance:" in detail_text(app)


async def test_the_uk_nurse_reads_the_nmc_first_with_its_label(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"dm about my results")
        await pilot.pause()
        shown = " ".join(detail_text(app).split())
        assert "NMC: advises — The NMC (2015)" in shown
        assert "Sources: NMC: advises (2015)" in shown
