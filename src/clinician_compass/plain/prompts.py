"""Asking one thing: a numbered choice, a line of text, or several numbers, with the same keys everywhere.

Every prompt reads a line and either returns what she chose or one of the
``Key`` moves (back, decide later, save and quit); anything it cannot use is
explained and asked again, so a mistyped answer never becomes an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from clinician_compass.plain.console import Console


class Key(Enum):
    """A move instead of an answer."""

    BACK = "b"
    LATER = "l"
    QUIT = "s"


KEY_HELP = {
    Key.BACK: "b  go back to the previous question",
    Key.LATER: "l  decide later: leave this undecided and go on",
    Key.QUIT: "s  save your answers so far as a draft and quit (run clinician-compass again to carry on)",
}


@dataclass(frozen=True, slots=True)
class Picked:
    """A numbered option chosen (0-based ``index``), with any words typed after the number as her note."""

    index: int
    note: str = ""


def help_lines(keys: Sequence[Key], *, details: bool, note: bool) -> list[str]:
    lines = ["Keys:", "  a number  choose that option"]
    if note:
        lines.append(
            "  a number and words  choose it and keep the words as your note, e.g. 2 only colleagues"
        )
    if details:
        lines.append("  ? and a number  read that option's pros, cons, guidance and platform facts, e.g. ?2")
    lines.append("  Enter  keep the answer marked (current) where there is one")
    lines += [f"  {KEY_HELP[k]}" for k in keys]
    lines.append("  h  show these keys")
    return lines


def numbered(labels: Sequence[str], marks: Sequence[str] = ()) -> list[str]:
    """ "1. Public (current)": one option a line."""
    out = []
    for i, label in enumerate(labels):
        mark = marks[i] if i < len(marks) and marks[i] else ""
        out.append(f"{i + 1}. {label}" + (f" ({mark})" if mark else ""))
    return out


_NUMBER_AND_NOTE = re.compile(r"(\d+)(?:[\s.:,)-]+(.*))?", re.DOTALL)


def _key(text: str, keys: Sequence[Key]) -> Key | None:
    return next((k for k in keys if text.lower() == k.value), None)


def _unavailable(console: Console, text: str, keys: Sequence[Key]) -> bool:
    """Say so when a known key is typed where it does nothing; True if it was one."""
    if text.lower() in {k.value for k in Key} and _key(text, keys) is None:
        console.say(f'"{text}" does nothing here. Type h for the keys.')
        return True
    return False


def choose(
    console: Console,
    labels: Sequence[str],
    *,
    current: int | None = None,
    keys: Sequence[Key] = (),
    details: Callable[[int], list[str]] | None = None,
    notes: bool = False,
    prompt: str = "",
) -> Picked | Key:
    """One of ``labels`` by number; Enter keeps ``current``; ``?N`` reads ``details(N)``."""
    count = len(labels)
    while True:
        text = console.ask(prompt)
        if not text:
            if current is not None:
                return Picked(current)
            console.say(f"Type a number from 1 to {count}, or h for the keys.")
            continue
        if text.lower() == "h":
            console.lines(help_lines(keys, details=details is not None, note=notes))
            continue
        if (key := _key(text, keys)) is not None:
            return key
        if _unavailable(console, text, keys):
            continue
        if details is not None and text.startswith("?"):
            wanted = text[1:].strip()
            if wanted.isdigit() and 1 <= int(wanted) <= count:
                console.lines(details(int(wanted) - 1))
            else:
                console.say(f"Type ? and a number from 1 to {count}, e.g. ?1.")
            continue
        match = _NUMBER_AND_NOTE.fullmatch(text)
        if match is None:
            console.say(f'"{text}" is not one of the options. Type a number from 1 to {count}.')
            continue
        number = int(match.group(1))
        if not 1 <= number <= count:
            console.say(f"There is no option {number}. Type a number from 1 to {count}.")
            continue
        note = (match.group(2) or "").strip()
        if note and not notes:
            console.say(f"Type just the number, e.g. {number}.")
            continue
        return Picked(number - 1, note)


def ask_text(
    console: Console,
    prompt: str,
    *,
    current: str = "",
    required: bool = True,
    keys: Sequence[Key] = (),
    check: Callable[[str], str] | None = None,
) -> str | Key:
    """A line of text. Enter keeps ``current``; with no current, Enter asks again unless not ``required``.

    ``check`` returns why the text cannot be used ("" when it can); "-" clears an optional answer.
    """
    while True:
        text = console.ask(prompt)
        if not text:
            if current or not required:
                return current
            console.say("This one needs an answer: type it and press Enter.")
            continue
        if text.lower() == "h":
            lines = ["Keys:", "  type your answer and press Enter"]
            lines.append(
                "  Enter  keep the answer shown in brackets" + ("" if required else ", or leave it blank")
            )
            if not required:
                lines.append("  -  leave it blank")
            console.lines(lines + [f"  {KEY_HELP[k]}" for k in keys] + ["  h  show these keys"])
            continue
        if (key := _key(text, keys)) is not None:
            return key
        if text == "-" and not required:
            return ""
        problem = check(text) if check else ""
        if problem:
            console.say(problem)
            continue
        return text


def choose_many(
    console: Console,
    labels: Sequence[str],
    *,
    current: Sequence[int] = (),
    keys: Sequence[Key] = (),
    prompt: str = "",
) -> list[int] | Key:
    """Several of ``labels``: numbers separated by commas or spaces, in the order the list shows them."""
    count = len(labels)
    while True:
        text = console.ask(prompt)
        if not text:
            if current:
                return sorted(current)
            console.say(f"Type at least one number from 1 to {count}, e.g. 1, 3.")
            continue
        if text.lower() == "h":
            console.lines(
                [
                    "Keys:",
                    "  numbers separated by commas or spaces  choose those, e.g. 1, 3",
                    "  Enter  keep the ones marked (chosen)",
                    *(f"  {KEY_HELP[k]}" for k in keys),
                    "  h  show these keys",
                ]
            )
            continue
        if (key := _key(text, keys)) is not None:
            return key
        if _unavailable(console, text, keys):
            continue
        parts = [p for p in re.split(r"[\s,]+", text) if p]
        wrong = [p for p in parts if not p.isdigit() or not 1 <= int(p) <= count]
        if wrong:
            console.say(f"{', '.join(wrong)}: not a number from 1 to {count}. Type numbers like 1, 3.")
            continue
        return sorted({int(p) - 1 for p in parts})
