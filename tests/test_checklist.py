"""A clinician with two X accounts sets each one up to match what she decided, and ticks the steps off.

Her professional account is public and welcomes patients; her personal one
is protected and declines them. The checklist gives each account only the
settings its own answers call for, says how sure each step is, and keeps
her ticks, dated, in her policy file.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest

from cli_process import clinician_compass
from clinician_compass.documents.checklist import LOOK_FOR_WORDING
from clinician_compass.documents.dates import long_date
from clinician_compass.documents.export import render
from clinician_compass.guidance import Catalog, CatalogError, load_catalog, load_catalog_from
from clinician_compass.guidance.model import Confidence
from clinician_compass.guidance.packaged import DATA
from clinician_compass.policy import store
from clinician_compass.policy.checklist import AccountChecklist, checklist_for, forget_stale, tick, untick
from clinician_compass.policy.model import Policy, Profile
from clinician_compass.policy.paths import PolicyPaths

DECIDED = date(2026, 11, 30)
TICKED = date(2026, 12, 1)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def two_x_accounts() -> Policy:
    """A GP with a public professional X account and a protected personal one."""
    policy = Policy(profile=Profile(display_name="Dr Jane Smith", role="physician", jurisdiction="UK"))
    policy.set_answer("x", "account-purpose", "separate", today=DECIDED)
    accounts = policy.platforms["x"].accounts
    accounts["professional"].handle = "@DrJaneSmithGP"
    accounts["personal"].handle = "@janeatweekends"
    for account, visibility, connects in (
        ("professional", "public", "accept"),
        ("personal", "protected", "decline-explain"),
    ):
        policy.set_answer("x", "visibility", visibility, account=account, today=DECIDED)
        policy.set_answer("x", "patient-connects", connects, account=account, today=DECIDED)
    policy.set_answer("x", "blocking", "abuse-only", account="professional", today=DECIDED)
    policy.set_answer("x", "profile-disclaimer", "views-own-no-advice", account="professional", today=DECIDED)
    return policy


def of(lists: list[AccountChecklist], account: str) -> AccountChecklist:
    return next(c for c in lists if c.account_key == account)


def titles(checklist: AccountChecklist) -> list[str]:
    return [item.step.title for item in checklist.steps]


def test_only_the_protected_account_is_told_to_protect_its_posts(catalog: Catalog) -> None:
    lists = checklist_for(two_x_accounts(), catalog)
    assert [(c.platform.id, c.account_key, c.handle) for c in lists] == [
        ("x", "professional", "@DrJaneSmithGP"),
        ("x", "personal", "@janeatweekends"),
    ]
    protect = [t for t in titles(of(lists, "personal")) if "Protect your posts" in t]
    assert len(protect) == 1 and protect[0].startswith("Turn on")
    assert not [t for t in titles(of(lists, "professional")) if "Protect your posts" in t]


def test_each_account_gets_the_steps_of_its_own_answers_and_no_others(catalog: Catalog) -> None:
    """Declining patients closes message requests on the personal account only; blocking as a last
    resort and the profile disclaimer were decided for the professional account only."""
    lists = checklist_for(two_x_accounts(), catalog)
    professional = {item.step.id for item in of(lists, "professional").steps}
    personal = {item.step.id for item in of(lists, "personal").steps}
    assert professional == {"quiet-tools", "bio-line"}
    assert personal == {"protect-posts", "review-followers", "message-requests"}


def test_an_account_with_nothing_decided_has_nothing_to_set(catalog: Catalog) -> None:
    policy = Policy()
    policy.set_answer("x", "account-purpose", "personal", today=DECIDED)
    [checklist] = checklist_for(policy, catalog)
    assert checklist.steps == []
    text = render(policy, catalog, format="txt", part="checklist")
    assert "Nothing to change here for the choices made so far." in text
    assert "7 questions are still open for this account" in text


def test_every_step_says_when_it_was_checked_and_how_sure_we_are_in_every_format(catalog: Catalog) -> None:
    policy = two_x_accounts()
    steps = [item.step for c in checklist_for(policy, catalog) for item in c.steps]
    for fmt in ("md", "txt"):
        text = render(policy, catalog, format=fmt, part="checklist")
        assert text.count("Checked ") == len(steps), fmt
        for step in steps:
            assert f"Checked {long_date(step.checked, 'UK')} ({step.confidence.label})" in text
    data = json.loads(render(policy, catalog, format="json", part="checklist"))
    as_toml = tomllib.loads(render(policy, catalog, format="toml", part="checklist"))
    assert as_toml == data
    written = [step for account in data["accounts"] for step in account["steps"]]
    assert [(s["id"], s["checked"], s["confidence"]) for s in written] == [
        (step.id, step.checked.isoformat(), step.confidence.value) for step in steps
    ]


def test_an_unverified_step_says_to_look_for_the_wording_and_a_checked_one_does_not(catalog: Catalog) -> None:
    text = render(two_x_accounts(), catalog, format="txt", part="checklist")
    blocks = re.split(r"\n• ", text)[1:]
    unverified = [b for b in blocks if "NOT VERIFIED" in b]
    assert [b.splitlines()[0] for b in unverified] == [
        "[ ] Allow message requests from no one beyond the people you follow"
    ]
    for block in blocks:
        assert (LOOK_FOR_WORDING in block) == ("NOT VERIFIED" in block), block


def test_a_tick_is_dated_and_survives_a_save_and_a_load(catalog: Catalog, paths: PolicyPaths) -> None:
    policy = two_x_accounts()
    tick(policy, "x", "personal", "protect-posts", TICKED)
    store.save(policy, paths, expected_digest=None)

    loaded = store.load(paths)
    assert loaded is not None
    personal = of(checklist_for(loaded.policy, catalog), "personal")
    done = {item.step.id: item.done_on for item in personal.steps if item.done}
    assert done == {"protect-posts": TICKED}
    assert "1 of 3 done." in render(loaded.policy, catalog, format="txt", part="checklist")
    assert "Done on 1 December 2026." in render(loaded.policy, catalog, format="md", part="checklist")

    untick(loaded.policy, "x", "personal", "protect-posts")
    assert not any(item.done for item in of(checklist_for(loaded.policy, catalog), "personal").steps)


def test_a_tick_goes_when_the_account_no_longer_calls_for_the_step(catalog: Catalog) -> None:
    """She makes her personal account public again: "Protect your posts" is no longer done, nor asked."""
    policy = two_x_accounts()
    tick(policy, "x", "personal", "protect-posts", TICKED)
    policy.set_answer("x", "visibility", "public", account="personal", today=TICKED)
    assert "protect-posts" not in {
        item.step.id for item in of(checklist_for(policy, catalog), "personal").steps
    }
    assert [(ref.account, step) for ref, step in forget_stale(policy, catalog)] == [
        ("personal", "protect-posts")
    ]
    policy.set_answer("x", "visibility", "protected", account="personal", today=TICKED)
    assert not any(item.done for item in of(checklist_for(policy, catalog), "personal").steps)


def test_a_handle_with_markup_in_it_stays_literal_in_the_markdown(catalog: Catalog) -> None:
    policy = two_x_accounts()
    policy.platforms["x"].accounts["personal"].handle = "*[click](http://x.test)*\n# Heading"
    text = render(policy, catalog, format="md", part="checklist")
    assert "## X (formerly Twitter): personal account \\*\\[click\\](http://x.test)\\* \\# Heading" in text
    assert "\n# Heading" not in text


def test_ticking_an_account_she_does_not_have_is_refused() -> None:
    with pytest.raises(KeyError):
        tick(two_x_accounts(), "x", "mixed", "protect-posts", TICKED)


@pytest.mark.parametrize("fmt", ["md", "txt", "json", "toml"])
def test_export_part_checklist_prints_it_in_every_format(
    fmt: str, catalog: Catalog, tmp_path: Path, paths: PolicyPaths
) -> None:
    policy = two_x_accounts()
    tick(policy, "x", "personal", "protect-posts", TICKED)
    store.save(policy, paths, expected_digest=None)

    result = clinician_compass(
        tmp_path, "export", "--part", "checklist", "--format", fmt, policy=paths.policy
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout == render(store.load(paths).policy, catalog, format=fmt, part="checklist")
    if fmt in ("json", "toml"):
        data = json.loads(result.stdout) if fmt == "json" else tomllib.loads(result.stdout)
        [personal] = [a for a in data["accounts"] if a["account"] == "personal"]
        assert [s["done_on"] for s in personal["steps"] if s["done"]] == ["2026-12-01"]
    else:
        assert "Protect your posts" in result.stdout and "@janeatweekends" in result.stdout


def test_every_platform_that_can_be_made_private_has_a_step_naming_its_setting(catalog: Catalog) -> None:
    missing = [
        p.id
        for p in catalog.platforms.values()
        if p.has("private-option")
        and not any(s.when.get("audience") == {"approved"} and p.private_setting in s.title for s in p.setup)
    ]
    assert not missing


def test_no_step_presents_an_unverified_claim_as_checked(catalog: Catalog) -> None:
    """Where the reference marks a path ⚠, the step is unverified; a source that admits none says so."""
    wrong = [
        f"{p.id}.{s.id}"
        for p in catalog.platforms.values()
        for s in p.setup
        if s.source.startswith("No source") and s.confidence is not Confidence.UNVERIFIED
    ]
    assert not wrong


# --- the loader ---------------------------------------------------------------------------------

BROKEN_SETUP = """\

[[setup]]
id = "protect"
title = "Misspelt commitment"
when = { audiance = ["approved"] }
checked = 2026-11-22
confidence = "official"
source = "Somewhere"

[[setup]]
id = "protect"
title = "A value the vocabulary does not have, and an id used before"
when = { audience = ["secret"] }
checked = 2026-11-22
confidence = "official"
source = "Somewhere"

[[setup]]
id = "for-everyone"
title = "No when at all"
checked = 2026-11-22
confidence = "official"
source = "Somewhere"

[[setup]]
id = "everywhere"
title = "A policy-wide commitment: it is not one account's"
when = { identity = ["pseudonym"] }
checked = 2026-11-22
confidence = "official"
source = "Somewhere"

[[setup]]
id = "never-shown"
title = "The website has no blocking, so no account there can block as a last resort"
when = { blocks = ["last-resort"] }
checked = 2026-11-22
confidence = "official"
source = "Somewhere"
"""


def test_a_setup_step_whose_when_names_no_real_commitment_is_reported_with_file_line_and_key(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "catalog"
    shutil.copytree(DATA, folder)
    target = folder / "platforms" / "website.toml"
    before = target.read_text(encoding="utf-8")
    text = before + BROKEN_SETUP
    target.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def line(start: str, nth: int = 1) -> int:
        found = [
            n
            for n, row in enumerate(lines, start=1)
            if n > len(before.splitlines()) and row.startswith(start)
        ]
        return found[nth - 1]

    first = len([r for r in before.splitlines() if r.startswith("[[setup]]")])
    expected = [
        f"platforms/website.toml:{line('when')}: setup[{first}].when.audiance: not a commitment",
        f"platforms/website.toml:{line('when', 2)}: setup[{first + 1}].when.audience: expected a list of",
        f"platforms/website.toml:{line('id', 2)}: setup[{first + 1}].id: 'protect' is used by an earlier step",
        f"platforms/website.toml:{line('[[setup]]', 3)}: setup[{first + 2}].when: missing",
        f"platforms/website.toml:{line('when', 3)}: setup[{first + 3}].when.identity: this commitment holds "
        "everywhere",
        f"platforms/website.toml:{line('when', 4)}: setup[{first + 4}].when.blocks: last-resort can never hold",
    ]

    with pytest.raises(CatalogError) as raised:
        load_catalog_from(folder)

    problems = list(raised.value.problems)
    for start in expected:
        assert any(p.startswith(start) for p in problems), f"{start!r} not in {problems}"
    assert len(problems) == len(expected), problems


@pytest.mark.parametrize(
    "platform", [p.id for p in load_catalog().platforms.values() if p.has("private-option")]
)
def test_on_every_platform_only_the_account_she_protected_gets_the_switch(
    catalog: Catalog, platform: str
) -> None:
    setting = catalog.platforms[platform].private_setting
    policy = Policy()
    policy.set_answer(platform, "account-purpose", "separate", today=DECIDED)
    policy.set_answer(platform, "visibility", "public", account="professional", today=DECIDED)
    policy.set_answer(platform, "visibility", "protected", account="personal", today=DECIDED)
    lists = checklist_for(policy, catalog)
    assert [t for t in titles(of(lists, "personal")) if setting in t]
    assert not [t for t in titles(of(lists, "professional")) if setting in t]
