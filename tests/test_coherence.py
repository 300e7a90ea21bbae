"""Every word the app writes follows from what the clinician chose.

A reviewer's suite: for every option of every decision on every platform (one
account of each purpose, and each of two accounts), and for random whole
policies, read every output (reply scripts, profile lines, the patient
statement, the short form and its glosses, the full policy, the quick
reference's replies) and check each claim it makes against what the account
or the policy commits her to. Claims are found with a lexicon: phrases, and
the commitment a reader would take each to state ("My account is locked" says
the audience is approved followers). A phrase that states a commitment the
account does not make, a bio that names her role where she chose not to be
known as a clinician, a pseudonym mentioned to patients, or the practice's
contact in a public reply is a failure.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinician_compass.documents import bios, full_policy, patients, scripts
from clinician_compass.documents.accounts import place, views
from clinician_compass.documents.short_form import Maxim, contradicts, maxim_for, short_form_lines
from clinician_compass.guidance import load_catalog
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.commitments import (
    AccountRef,
    account_commitments,
    global_option_allowed,
    policy_commitments,
)
from clinician_compass.policy.conflicts import find_conflicts
from clinician_compass.policy.model import ROLES, Account, Answer, PlatformEntry, Policy, Profile
from clinician_compass.reference.answers import answers_for
from clinician_compass.reference.search import Hit

CATALOG = load_catalog()
CONTACT = "the Elm Street surgery on 020 7946 0000"
PROFILE = Profile("Sam Okafor", "nurse", "UK", CONTACT)
HANDLES = {"professional": "@SamOkaforRN", "personal": "@sam_at_home", "mixed": "@samokafor", "main": "@sam"}

# --- the claims lexicon ----------------------------------------------------------------------------------

ACCOUNT_CLAIMS: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (pattern, key, frozenset(values))
    for pattern, key, values in (
        (
            r"\bwelcome to follow me\b|\byou're welcome here\b|\bI accept requests and follows from patients\b",
            "connections",
            {"welcome"},
        ),
        (
            r"\bI don't connect with (patients|anyone I know through my work)\b|\bI don't (accept|approve requests from) people I know through my work\b|\bnot able to accept\b",
            "connections",
            {"declined", "friends-only"},
        ),
        (r"\bI won't answer it\b|\bI leave them unanswered\b", "connections", {"unanswered"}),
        (
            r"\baccount here is public\b|\banyone can see what I post\b|\bI keep this account public\b",
            "audience",
            {"public"},
        ),
        (
            r"\bmy account is locked\b|\bpeople I say yes to\b|\bfollowers I approve\b|\bmy private account\b|\blocked personal account\b",
            "audience",
            {"approved"},
        ),
        (r"\bonly my friends can see\b|\bwith my friends only\b", "audience", {"friends"}),
        (
            r"\bI choose who sees each post\b|\bI choose the audience for every post\b",
            "audience",
            {"per-post"},
        ),
        (
            r"\b(this|my) (work account|account is for my professional)\b|\bprofessional life only\b",
            "use",
            {"professional"},
        ),
        (
            r"\bone account for (my work and my home life|both my personal and professional life)\b",
            "use",
            {"mixed"},
        ),
        (
            r"\b(this account is|I keep this account|account,? which I keep) (just )?for (my )?family and (close )?friends\b|\bfor my personal life\b",
            "use",
            {"personal"},
        ),
        (
            r"\bI never follow (patients|a patient) first\b|\bI may follow (you )?back\b",
            "follows",
            {"back-only"},
        ),
        (r"\bI don't follow patients\b", "follows", {"never"}),
        (r"\bI may block you\b|\bI block them\b", "blocks", {"on-sight"}),
        (
            r"\bI won't block you just for following\b|\bI don't block patients for following\b|\bI never block a patient just\b",
            "blocks",
            {"not-for-following", "last-resort"},
        ),
        (r"\bsecure messages\b|\bpatient portal\b", "dm_care", {"portal"}),
        (r"\badd a note to your records\b|\bnote the contact\b", "dm_care", {"redirect-record"}),
        (
            r"\bI haven't answered it in public\b|\bsend you a private message\b|\bsend one private message\b",
            "public_care",
            {"private-redirect"},
        ),
        (r"\bin public, I may reply\b|\bI reply once in public\b", "public_care", {"public-redirect"}),
        (
            r"\bI don't answer questions about your health in comments\b|\bI don't reply to questions about anyone's care in public\b",
            "public_care",
            {"no-reply"},
        ),
        (r"\bviews (are )?my own\b|\bmy own view\b", "disclaimer", {"views-own", "no-advice", "full"}),
        (r"\bno (medical )?advice (here|by DM)\b", "disclaimer", {"no-advice", "full"}),
        (r"\bconflicts of interest\b|\bdisclosures at link\b|\bpayments or ties\b", "disclaimer", {"full"}),
        (r"\bmy profile has no disclaimer\b|\bI add no disclaimer\b", "disclaimer", {"none"}),
        (r"\bI don't look you up online\.|\bI don't search for patients online\b", "lookups", {"never"}),
        (
            r"\bI never post about you\b|\bI don't post anything about my patients\b",
            "patient_posts",
            {"never"},
        ),
        (r"\bif you say yes first\b|\bwith their explicit consent\b", "patient_posts", {"consent"}),
        (
            r"\bI don't reply to online reviews\.|\bI don't reply to online reviews of me\b",
            "reviews",
            {"no-reply"},
        ),
        (
            r"\bIf you review me online, I may reply\b|\bThank you for your feedback\b",
            "reviews",
            {"generic-reply"},
        ),
        (
            r"\bI use my real name\b|\bunder my real name\b",
            "identity",
            {"named", "named-work-pseudonym-personal"},
        ),
    )
)
"""(phrase pattern, commitment key, the values a reader takes the phrase to state)."""

PSEUDONYM_WORDS = re.compile(r"pseudonym|made-up name|another name|a different name", re.IGNORECASE)
ROLE_WORDS = re.compile(r"\b(" + "|".join(re.escape(r) for r in (*ROLES.values(), "Clinician")) + r")\b")
COMPILED = [(re.compile(p, re.IGNORECASE), k, v) for p, k, v in ACCOUNT_CLAIMS]
ANY_CLAIM = re.compile("|".join(f"(?:{p})" for p, _, _ in ACCOUNT_CLAIMS), re.IGNORECASE)
"""All the phrases at once: most text is checked in one scan."""
MATCHED: set[int] = set()
"""Which lexicon entries some output matched: an entry no output ever matches tests nothing."""


@dataclass(frozen=True)
class Said:
    """One piece of output and whose commitments it must be true of."""

    text: str
    what: str
    accounts: tuple[AccountRef, ...] = ()
    """Every account it must be true of; () for a policy-wide text, true if any account (or the policy) holds it."""


def claims(text: str) -> Iterator[tuple[str, frozenset[str]]]:
    if not ANY_CLAIM.search(text):
        return
    for number, (pattern, key, values) in enumerate(COMPILED):
        if pattern.search(text):
            MATCHED.add(number)
            yield key, values


class Held:
    """What the policy commits her to, account by account and everywhere."""

    def __init__(self, policy: Policy) -> None:
        self.wide = policy_commitments(policy, CATALOG).values
        self.accounts = {
            ref: account_commitments(policy, CATALOG, ref).values
            for ref in (v.ref for v in views(policy, CATALOG))
        }

    def holds(self, key: str, values: frozenset[str], where: tuple[AccountRef, ...]) -> bool:
        if self.wide.get(key) in values:
            return True
        if key == "use" and where and all(self.accounts[r].get("use") is None for r in where):
            return False
        if where:
            return all(self.accounts[r].get(key) in values for r in where)
        return any(c.get(key) in values for c in self.accounts.values())


def outputs(policy: Policy, catalog: Catalog, situations: list[str] | None = None) -> Iterator[Said]:
    """Every text the app would write for this policy, each with the accounts it speaks for."""
    all_views = views(policy, catalog)
    replies = scripts.build(policy, catalog)
    for group in replies.accounts:
        for filled in group.replies:
            yield Said(filled.text, f"script {filled.script.id}:{filled.script.channel}", (group.view.ref,))
    for filled in replies.everywhere:
        yield Said(filled.text, f"script {filled.script.id}:{filled.script.channel}")
    for bio in bios.build(policy, catalog):
        assert bio.view is not None
        yield Said(bio.line, "bio", (bio.view.ref,))
    statement = patients.build(policy, catalog)
    by_place: dict[str, list[AccountRef]] = {}
    for view in all_views:
        where = place(view.platform) + (" (my professional account)" if view.two else "")
        if not (view.two and view.key == "personal"):
            by_place.setdefault(where, []).append(view.ref)
    for shared in statement.groups:
        refs = tuple(r for p in shared.platforms for r in by_place[p])
        for line in shared.lines:
            yield Said(line, "statement", refs)
    for line in (
        statement.intro,
        *statement.pointers,
        *statement.everywhere,
        statement.care,
        statement.emergency,
    ):
        yield Said(line, "statement")
    for maxim, gloss in short_form_lines(policy, catalog):
        yield Said(f"{maxim}: {gloss}", "short form")
    doc = full_policy.build(policy, catalog)
    for platform_id, section in zip(policy.platforms, doc.sections, strict=True):
        mine = tuple(v.ref for v in all_views if v.platform.id == platform_id)
        if section.accounts:
            yield from (Said(f"{i.sentence} {i.reason}", "full policy", ()) for i in section.items)
            for view_ref, sub in zip(mine, section.accounts, strict=True):
                yield from (Said(f"{i.sentence} {i.reason}", "full policy", (view_ref,)) for i in sub.items)
        else:
            yield from (Said(f"{i.sentence} {i.reason}", "full policy", mine) for i in section.items)
    yield from (Said(f"{i.sentence} {i.reason}", "full policy") for i in doc.everywhere.items)
    for situation_id in situations if situations is not None else list(catalog.situations):
        situation = catalog.situations[situation_id]
        if not situation.script:
            continue
        for row in answers_for(Hit(situation, 1.0), catalog, policy).as_json()["your_answer"] or []:
            if row["reply"] and row["reply"] != scripts.NO_REPLY:
                on = (AccountRef(row["platform"], row["account"]),) if row["account"] else ()
                yield Said(row["reply"], f"ref {situation_id}", on)


def problems(policy: Policy, catalog: Catalog = CATALOG, situations: list[str] | None = None) -> list[str]:
    """Every sentence the outputs state that the policy does not commit her to."""
    held = Held(policy)
    identity = policy.global_decisions.get("identity")
    chosen_identity = identity.choice if identity else None
    found: list[str] = []
    for said in outputs(policy, catalog, situations):
        for key, values in claims(said.text):
            if not held.holds(key, values, said.accounts):
                found.append(f"{said.what} {said.accounts}: states {key} in {sorted(values)}: {said.text!r}")
        if said.what.endswith((":public-reply", ":review")) and CONTACT in said.text:
            found.append(f"{said.what}: a public reply names the practice contact: {said.text!r}")
        if said.what == "statement" and PSEUDONYM_WORDS.search(said.text):
            found.append(f"statement mentions a pseudonym: {said.text!r}")
        if said.what == "bio" and ROLE_WORDS.search(said.text):
            (ref,) = said.accounts
            use = held.accounts[ref].get("use")
            allowed = use in ("professional", "mixed", None) and chosen_identity != "pseudonym-private"
            allowed = allowed and (
                chosen_identity != "named-professional-pseudonym-personal" or use == "professional"
            )
            if not allowed:
                found.append(
                    f"bio names the role on {ref} (use {use}, identity {chosen_identity}): {said.text!r}"
                )
    found += _statement_names(policy, chosen_identity)
    return found


def _statement_names(policy: Policy, identity: str | None) -> list[str]:
    """Handles the statement must not say: any under a pseudonym, a personal one kept under another name."""
    text = patients.build(policy, CATALOG).prose()
    wrong = []
    for platform_id, entry in policy.platforms.items():
        for key, account in entry.accounts.items():
            secret = identity == "pseudonym-private" or (
                identity == "named-professional-pseudonym-personal" and key == "personal"
            )
            if account.handle and secret and account.handle in text:
                wrong.append(
                    f"statement names {platform_id}.{key} ({account.handle}) under identity {identity}"
                )
        split = identity == "named-professional-pseudonym-personal" and "personal" in entry.accounts
        if split and "family and friends" in text and entry.use == "personal":
            wrong.append(f"statement speaks of the pseudonymous personal account on {platform_id}")
    return wrong


# --- building policies -----------------------------------------------------------------------------------


def base(*global_answers: tuple[str, str]) -> Policy:
    policy = Policy(profile=Profile(PROFILE.display_name, PROFILE.role, PROFILE.jurisdiction, CONTACT))
    for decision_id, choice in global_answers:
        policy.set_answer(None, decision_id, choice)
    return policy


def with_accounts(policy: Policy, platform_id: str, purpose: str | None) -> Policy:
    if purpose:
        policy.set_answer(platform_id, "account-purpose", purpose)
    else:
        policy.platforms[platform_id] = PlatformEntry()
    for key, account in policy.platforms[platform_id].accounts.items():
        account.handle = HANDLES[key]
    return policy


def single_account_cases() -> Iterator[tuple[str, Policy, str]]:
    """One account of each purpose (or undecided) on every platform, each option of each of its decisions."""
    for platform in CATALOG.platforms.values():
        for purpose in (None, "personal", "professional", "mixed"):
            for decision in CATALOG.account_decisions(platform.id):
                for option in decision.options_for(platform):
                    policy = with_accounts(base(), platform.id, purpose)
                    policy.set_answer(platform.id, decision.id, option.id)
                    yield f"{platform.id}/{purpose}/{decision.id}={option.id}", policy, decision.id


def two_account_cases() -> Iterator[tuple[str, Policy, str]]:
    """Each option of each account decision on each of two accounts, with and without a professional handle."""
    for platform in CATALOG.platforms.values():
        for decision in CATALOG.account_decisions(platform.id):
            for option in decision.options_for(platform):
                for key in ("professional", "personal"):
                    for named in (True, False):
                        policy = with_accounts(base(), platform.id, "separate")
                        if not named:
                            policy.platforms[platform.id].accounts["professional"].handle = ""
                        policy.set_answer(platform.id, decision.id, option.id, account=key)
                        yield (
                            f"{platform.id}/two/{key}/{decision.id}={option.id}/{named}",
                            policy,
                            decision.id,
                        )


def platform_and_global_cases() -> Iterator[tuple[str, Policy, str]]:
    """Each account purpose on every platform; each global option beside three account set-ups."""
    for platform in CATALOG.platforms.values():
        for option in CATALOG.decisions["account-purpose"].options_for(platform):
            yield (
                f"{platform.id}/purpose={option.id}",
                with_accounts(base(), platform.id, option.id),
                "account-purpose",
            )
    for decision in CATALOG.global_decisions():
        for option in decision.options:
            for platform_id, purpose in (("x", "personal"), ("x", "separate"), ("linkedin", "professional")):
                policy = with_accounts(base(), platform_id, purpose)
                for d in CATALOG.account_decisions(platform_id):  # something to say on each account
                    for key in policy.platforms[platform_id].accounts:
                        policy.set_answer(
                            platform_id,
                            d.id,
                            d.options_for(CATALOG.platforms[platform_id])[0].id,
                            account=key,
                        )
                if option.only_if and not global_option_allowed(option, policy, CATALOG):
                    continue
                policy.set_answer(None, decision.id, option.id)
                yield f"{platform_id}/{purpose}/{decision.id}={option.id}", policy, decision.id


def situations_for(decision_id: str) -> list[str]:
    return [s.id for s in CATALOG.situations.values() if decision_id in s.decisions]


CASES = [*single_account_cases(), *two_account_cases(), *platform_and_global_cases()]


def test_every_option_on_every_platform_and_account_says_only_what_was_chosen() -> None:
    wrong = []
    for name, policy, decision_id in CASES:
        wrong += [f"{name}: {p}" for p in problems(policy, situations=situations_for(decision_id))]
    assert not wrong, f"{len(wrong)} of {len(CASES)} combinations:\n" + "\n".join(wrong[:20])
    assert len(CASES) > 1000
    # A lexicon entry no output matches would check nothing: each must have fired on some real text.
    unused = [ACCOUNT_CLAIMS[i][0] for i in range(len(ACCOUNT_CLAIMS)) if i not in MATCHED]
    assert not unused, unused


def test_bios_under_every_identity_and_purpose_name_the_role_only_where_chosen() -> None:
    checked = 0
    for identity in CATALOG.decisions["identity"].options:
        for platform in (p for p in CATALOG.platforms.values() if p.has("bio")):
            for purpose in (None, "personal", "professional", "mixed", "separate"):
                policy = with_accounts(base(), platform.id, purpose)
                if identity.only_if and not global_option_allowed(identity, policy, CATALOG):
                    continue
                policy.set_answer(None, "identity", identity.id)
                assert not problems(policy, situations=[]), (identity.id, platform.id, purpose)
                checked += 1
    assert checked > 100


def test_the_checker_catches_a_sentence_the_account_did_not_choose() -> None:
    policy = with_accounts(base(), "x", "personal")
    policy.set_answer("x", "visibility", "public")
    held = Held(policy)
    [(key, values)] = list(claims("My account is locked. Only people I say yes to can see my posts."))
    assert not held.holds(key, values, (AccountRef("x", "personal"),))
    [(key, values)] = list(claims("My account here is public, so anyone can see what I post."))
    assert held.holds(key, values, (AccountRef("x", "personal"),))


# --- random whole policies -------------------------------------------------------------------------------


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """Random platforms, one or two accounts each, any answers (undecided included)."""
    policy = base()
    chosen = draw(st.lists(st.sampled_from(list(CATALOG.platforms)), min_size=0, max_size=4, unique=True))
    for platform_id in chosen:
        platform = CATALOG.platforms[platform_id]
        purposes = [None, *(o.id for o in CATALOG.decisions["account-purpose"].options_for(platform))]
        with_accounts(policy, platform_id, draw(st.sampled_from(purposes)))
        if draw(st.booleans()):
            for account in policy.platforms[platform_id].accounts.values():
                account.handle = ""
        for key in policy.platforms[platform_id].accounts:
            for decision in CATALOG.account_decisions(platform_id):
                choice = draw(st.sampled_from([None, *(o.id for o in decision.options_for(platform))]))
                if choice:
                    policy.set_answer(platform_id, decision.id, choice, account=key)
    for decision in CATALOG.global_decisions():
        option = draw(st.sampled_from([None, *decision.options]))
        if option and (not option.only_if or global_option_allowed(option, policy, CATALOG)):
            policy.set_answer(None, decision.id, option.id)
    return policy


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policies())
def test_any_whole_policy_says_only_what_was_chosen(policy: Policy) -> None:
    assert not problems(policy)


# --- conflicts -------------------------------------------------------------------------------------------


def _option_for(
    key: str, values: frozenset[str], platform_id: str | None, wanted: bool
) -> tuple[str, str] | None:
    """A (decision, option) whose commitment ``key`` is (or, with ``wanted`` false, is not) one of ``values``."""
    platform = CATALOG.platforms[platform_id] if platform_id else None
    for decision in CATALOG.decisions.values():
        if decision.scope == "platform" or (
            platform and decision.scope == "account" and not decision.applies_to(platform)
        ):
            continue
        for option in decision.options_for(platform) if decision.scope == "account" else decision.options:
            if key in option.commits and (option.commits[key] in values) == wanted:
                return decision.id, option.id
    return None


def _conflict_policy(conflict_id: str, second_holds: bool) -> tuple[Policy, str] | None:
    conflict = CATALOG.conflicts[conflict_id]
    for platform in CATALOG.platforms.values():
        if conflict.unless_platform and platform.has(*conflict.unless_platform):
            continue
        purposes = {"personal", "professional", "mixed"}
        first_use = sorted(conflict.first.values & purposes) if conflict.first.key == "use" else []
        second_use = sorted(conflict.second.values & purposes) if conflict.second.key == "use" else []
        purpose = (first_use or second_use or ["professional"])[0]
        if conflict.second.key == "use" and not second_holds:
            purpose = sorted(purposes - conflict.second.values)[0]
        policy = with_accounts(base(), platform.id, purpose)
        (key,) = policy.platforms[platform.id].accounts
        parts = []
        if conflict.first.key != "use":
            parts.append(_option_for(conflict.first.key, conflict.first.values, platform.id, True))
        if conflict.second.key != "use":
            parts.append(_option_for(conflict.second.key, conflict.second.values, platform.id, second_holds))
        if None in parts:
            continue
        for decision_id, option_id in parts:  # type: ignore[misc]
            scope = None if CATALOG.decisions[decision_id].scope == "global" else platform.id
            policy.set_answer(scope, decision_id, option_id, account=key if scope else None)
        return policy, platform.id
    return None


@pytest.mark.parametrize("conflict_id", list(CATALOG.conflicts))
def test_each_conflict_rule_fires_on_its_pair_and_not_otherwise(conflict_id: str) -> None:
    made = _conflict_policy(conflict_id, second_holds=True)
    assert made, f"no platform can hold {conflict_id}"
    policy, platform_id = made
    found = [f for f in find_conflicts(policy, CATALOG) if f.conflict.id == conflict_id]
    assert [f.where.platform for f in found] == [platform_id]
    assert all(not f.kept for f in found)
    unmade = _conflict_policy(conflict_id, second_holds=False)
    assert unmade, f"no way to make the second half of {conflict_id} false"
    assert not [f for f in find_conflicts(unmade[0], CATALOG) if f.conflict.id == conflict_id]


def test_a_conflict_kept_on_purpose_is_kept() -> None:
    made = _conflict_policy("personal-account-accepts-patients", second_holds=True)
    assert made
    policy, platform_id = made
    answer = policy.platforms[platform_id].accounts["personal"].decisions["patient-connects"]
    answer.keeps = ("personal-account-accepts-patients",)
    assert [f.kept for f in find_conflicts(policy, CATALOG) if f.conflict.id == answer.keeps[0]] == [True]


# --- the short form, ten thousand times ------------------------------------------------------------------


def _cheap_policy(rng: random.Random) -> Policy:
    """A random policy built straight from the dataclasses: no file, no walkthrough, no set_answer."""
    policy = Policy()
    for platform_id in rng.sample(list(CATALOG.platforms), rng.randint(0, 4)):
        platform = CATALOG.platforms[platform_id]
        purpose = rng.choice(
            [None, *(o.id for o in CATALOG.decisions["account-purpose"].options_for(platform))]
        )
        entry = PlatformEntry({"account-purpose": Answer(purpose)} if purpose else {})
        for account in entry.accounts.values():
            for decision_id in ACCOUNT_DECISIONS[platform_id]:
                options = OPTION_IDS[(platform_id, decision_id)]
                if rng.random() < 0.8:
                    account.decisions[decision_id] = Answer(rng.choice(options))
        policy.platforms[platform_id] = entry
    for decision in CATALOG.global_decisions():
        if rng.random() < 0.8:
            policy.global_decisions[decision.id] = Answer(rng.choice([o.id for o in decision.options]))
    return policy


ACCOUNT_DECISIONS = {p: [d.id for d in CATALOG.account_decisions(p)] for p in CATALOG.platforms}
OPTION_IDS = {
    (p, d.id): [o.id for o in d.options_for(CATALOG.platforms[p])]
    for p in CATALOG.platforms
    for d in CATALOG.account_decisions(p)
}


def test_ten_thousand_random_policies_all_give_a_short_form_of_the_right_shape() -> None:
    rng = random.Random(20261201)
    shapes = {"full": 0, "empty": 0}
    for _ in range(10_000):
        policy = _cheap_policy(rng)
        lines = short_form_lines(policy, CATALOG)
        found = {
            m.text: m
            for d in CATALOG.decisions.values()
            if (m := maxim_for(policy, d)) and len(m.text.split()) == 2
        }
        if not lines:
            shapes["empty"] += 1
            assert not _six_stand_together(list(found.values())), sorted(found)
            continue
        shapes["full"] += 1
        maxims = [m for m, _ in lines]
        assert len(maxims) == 6 and all(len(m.split()) == 2 for m in maxims)
        assert len(" ".join(maxims).split()) == 12
        assert len({m.casefold() for m in maxims}) == 6, maxims
        assert set(maxims) <= set(found), "every maxim comes from a choice"
        assert not any(contradicts(found[a], found[b], CATALOG) for a, b in itertools.combinations(maxims, 2))
        assert all(gloss for _, gloss in lines)
    assert shapes["full"] > 1000 and shapes["empty"] > 100, shapes


def _six_stand_together(found: list[Maxim]) -> bool:
    """Whether any six distinct maxims are free of contradiction (checked by brute force)."""
    return any(
        len({m.text.casefold() for m in six}) == 6
        and not any(contradicts(a, b, CATALOG) for a, b in itertools.combinations(six, 2))
        for six in itertools.combinations(found, 6)
    )


def test_a_random_policy_builder_makes_accounts_that_the_documents_see() -> None:
    policy = _cheap_policy(random.Random(7))
    assert sum(len(e.accounts) for e in policy.platforms.values()) == len(views(policy, CATALOG))
    assert all(isinstance(a, Account) for e in policy.platforms.values() for a in e.accounts.values())
