"""Shared fixtures: every test runs offline and away from the developer's real files."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from clinician_compass.policy.paths import ENV_VAR, PolicyPaths


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the run, as on her machine: the first command keeps the validated catalog
    there, the next hundreds of command-line runs read it back (about 0.1 s of CPU saved each) instead
    of parsing the TOML again in a fresh home. Still never the developer's own cache; the cache itself
    is tested with a folder of its own in test_catalog_cache.py."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, shared_cache: Path
) -> Path:
    """Point the default policy location at a fresh folder, so no test touches a real home."""
    home = tmp_path_factory.mktemp("home")
    config = home / "config" / "clinician-compass"
    monkeypatch.setattr("clinician_compass.policy.paths.default_policy_path", lambda: config / "policy.toml")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache))  # the kept copy of the catalog
    monkeypatch.delenv(ENV_VAR, raising=False)
    return home


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing leaves the machine: any attempt to connect fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("clinician-compass tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def paths(tmp_path: Path) -> PolicyPaths:
    """A policy location of the test's own."""
    return PolicyPaths(tmp_path / "compass" / "policy.toml")


SLOW_FIRST = (
    "test_bench_smoke.py::",
    "test_coherence.py::test_every_option_on_every_platform_and_account",
    "test_walkthrough.py::test_a_whole_walkthrough_fits_a_60_by_20_terminal",
    "test_accounts_walkthrough.py::test_two_accounts_on_x_and_one_on_facebook",
    "test_tui_hostile_text.py::test_every_screen_shows_hostile_words",
    "test_hostile_toml.py::",
    "test_walkthrough.py::test_a_first_walkthrough_for_two_platforms",
    "test_decision_fits.py::",
)
"""Tests of 8–20 s each, started first: on two workers a long test started last is a tail nobody shares.

Only the order changes (a name no longer found here just runs in its place); ``--dist worksteal``
in pyproject then lets the other worker take over the quick tests left behind.
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        return next((n for n, name in enumerate(SLOW_FIRST) if name in item.nodeid), len(SLOW_FIRST))

    items.sort(key=rank)  # stable: every other test keeps its collection order
