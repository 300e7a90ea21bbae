"""Shared fixtures: every test runs offline and away from the developer's real files."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from clinician_compass.policy.paths import ENV_VAR, PolicyPaths


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default policy location at a fresh folder, so no test touches a real home."""
    home = tmp_path_factory.mktemp("home")
    config = home / "config" / "clinician-compass"
    monkeypatch.setattr("clinician_compass.policy.paths.default_policy_path", lambda: config / "policy.toml")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))  # the kept copy of the catalog
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
