"""The broken policy files in tests/data/broken/ and what a clinician is told about each."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
BROKEN = sorted((DATA / "broken").iterdir())

# What a clinician is told for each broken file: the line (None where a file has no line to point at)
# and words from the message.
BROKEN_SAYS: dict[str, tuple[int | None, str]] = {
    "answer-is-a-string.toml": (
        28,
        "platforms.x.decisions.visibility: expected a table with choice and note, found text",
    ),
    "binary.png.toml": (1, "not UTF-8 text"),
    "choice-is-a-number.toml": (
        28,
        "platforms.x.decisions.visibility.choice: expected text in quotes, found a number",
    ),
    "comments-only.toml": (None, "schema_version: expected a whole number such as 2, found nothing"),
    "control-characters.toml": (1, "not valid TOML"),
    "created-yesterday.toml": (15, "meta.created: expected a date such as 2026-11-22, found text"),
    "duplicate-key.toml": (7, "not valid TOML: Cannot overwrite a value"),
    "duplicate-table.toml": (31, "not valid TOML: Cannot declare ('profile',) twice"),
    "empty.toml": (None, "the file is empty"),
    "form-feed-only.toml": (None, "the file holds only whitespace (a form feed), no policy"),
    "future-schema.toml": (2, "newer than this app understands"),
    "latin1.toml": (5, "not UTF-8 text"),
    "many-problems.toml": (
        7,
        "profile.jurisdiction: expected one of UK, US, Canada, Australia, other, found 'England'",
    ),
    "missing-choice.toml": (19, "global.decisions.identity.choice: missing"),
    "missing-equals.toml": (8, "not valid TOML: Expected '=' after a key"),
    "no-schema-version.toml": (None, "schema_version: expected a whole number such as 2, found nothing"),
    "platforms-is-text.toml": (3, "platforms: expected a table, found text"),
    "role-surgeon.toml": (
        6,
        "profile.role: expected one of physician, nurse, midwife, pharmacist, allied-health",
    ),
    "schema-version-text.toml": (2, "schema_version: expected a whole number such as 2, found text"),
    "truncated.toml": (29, "not valid TOML: Unterminated string"),
    "whitespace-only.toml": (
        None,
        "the file holds only whitespace (tabs, line breaks, carriage returns, spaces)",
    ),
}
