"""``clinician-compass history``: the saved versions with what changed in words, and ``--restore N``.

Kept out of ``cli/commands.py`` (which loads it only for this command) and never importing Textual.
"""

from __future__ import annotations

import argparse

from clinician_compass.cli.exit_codes import EXIT_OK, EXIT_PROBLEM
from clinician_compass.documents.safe_text import escaped, printable
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import history, store
from clinician_compass.policy.errors import PolicyFileError
from clinician_compass.policy.paths import PolicyPaths


def run(args: argparse.Namespace, paths: PolicyPaths) -> int:
    versions = history.versions(paths, load_catalog())
    number = getattr(args, "restore", None)
    if number is None:
        if not versions:
            print("No saved versions yet.")
        for n, version in enumerate(versions, 1):
            print(f"{n:>3}  {version.when}  {escaped(version.path.name)}")
            for change in version.changes:
                print(f"       {printable(change)}")
        return EXIT_OK
    if not 1 <= number <= len(versions):
        print(f"clinician-compass: there is no version {number}; `clinician-compass history` lists them.")
        return EXIT_PROBLEM
    chosen = versions[number - 1]
    if chosen.policy is None:
        print(f"clinician-compass: version {number} cannot be read: {printable(chosen.problem)}")
        return EXIT_PROBLEM
    try:
        loaded = store.load(paths)
    except PolicyFileError:  # the policy cannot be read: put the version back, keeping the damaged file
        store.replace_damaged(paths, chosen.path)
    else:
        store.save(chosen.policy, paths, expected_digest=loaded.digest if loaded else None)
    print(f"Restored the version saved {chosen.when}; the one you had is kept in history.")
    return EXIT_OK
