"""What each CLI command does. Plain Python over the core; Textual only for the TUI."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from clinician_compass.cli.main import EXIT_OK, EXIT_PROBLEM
from clinician_compass.documents.safe_text import UNSAFE, escaped, printable
from clinician_compass.policy import reading, store
from clinician_compass.policy.errors import PolicyError, PolicyFileError, Problem
from clinician_compass.policy.model import Policy
from clinician_compass.policy.paths import PolicyPaths, resolve

if TYPE_CHECKING:
    import argparse  # the namespace comes from main; the app's own start never builds a parser


def terminal_safe(text: str) -> str:
    """``text`` with nothing a terminal would act on: a note's escape sequence is shown, never obeyed.

    The documents' ``printable`` does the work; the common case costs one regex scan. For a file name
    or other text quoted inside a message, use ``name`` instead: it keeps the message on one line.
    """
    return printable(text) if UNSAFE.search(text) else text


class UserError(Exception):
    """Something the clinician can fix; printed as one line, never a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def run(args: argparse.Namespace) -> int:
    paths = resolve(getattr(args, "policy", None))
    handler = {
        None: tui,
        "show": show,
        "export": export,
        "check": check,
        "path": path,
        "ref": ref,
        "check-post": check_post,
    }[args.command]
    try:
        return handler(args, paths)
    except PolicyFileError as error:
        raise UserError(str(error)) from None
    except PolicyError as error:
        raise UserError(str(error)) from None
    except (RecursionError, MemoryError):  # a last guard: the readers refuse such files before this
        raise UserError(
            "the policy nests too deeply or is too large to handle; nothing was changed"
        ) from None


def _load_required(paths: PolicyPaths):  # -> store.Loaded
    loaded = store.load(paths)
    if loaded is None:
        raise UserError(f"no policy yet at {escaped(paths.policy)}. Run clinician-compass to make one.")
    return loaded


def tui(args: argparse.Namespace, paths: PolicyPaths) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UserError("the app needs a terminal. For text output try: clinician-compass show")
    from clinician_compass.tui.app import run_app  # the only import of Textual

    return run_app(paths)


def path(args: argparse.Namespace, paths: PolicyPaths) -> int:
    def state(p: Path) -> str:
        try:
            return "" if reading.exists(p) else "  (not created yet)"
        except reading.UnreadableFile as error:
            return f"  (cannot be checked: {error})"

    # A save writes through a symlinked policy, so its history is beside the file the link points to.
    real = PolicyPaths(store.real_target(paths.policy))
    print(f"policy   {escaped(paths.policy)}{state(paths.policy)}")
    print(f"history  {escaped(real.history)}{state(real.history)}")
    print(f"draft    {escaped(paths.draft)}{state(paths.draft)}")
    return EXIT_OK


def policy_if_readable(paths: PolicyPaths, without_it: str) -> Policy | None:
    """Her policy, or None with a warning saying what is shown instead: a damaged file must not stop
    the commands that only read it (``ref``, ``check-post``)."""
    try:
        loaded = store.load(paths)
    except PolicyFileError as error:
        print(terminal_safe(f"warning: your policy could not be read, so {without_it}.\n{error}"), file=sys.stderr)
        return None
    return loaded.policy if loaded else None


def check(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.guidance import load_catalog
    from clinician_compass.policy import codec
    from clinician_compass.policy.conflicts import open_conflicts
    from clinician_compass.policy.consistency import check_against, impossible_answers
    from clinician_compass.policy.toml_positions import key_lines

    target = PolicyPaths(Path(args.file)) if args.file else paths
    try:
        loaded = store.load(target)
    except PolicyFileError as error:
        for problem in error.problems:
            print(terminal_safe(problem.describe(error.path)), file=sys.stderr)
        if error.hint:
            print(terminal_safe(error.hint), file=sys.stderr)
        return EXIT_PROBLEM
    if loaded is None:
        raise UserError(f"{escaped(target.policy)}: no such file")
    catalog = load_catalog()
    policy = loaded.policy
    lines = key_lines(loaded.text)  # one scan places every problem

    def located(found: list[Problem]) -> list[Problem]:
        return codec.locate(found, loaded.text, lines)

    found = loaded.warnings + located(check_against(policy, catalog))
    errors = [p for p in found if not p.warning]
    # Contradictions and impossible answers: the file is valid, but the documents would not ring true.
    doubts = [] if errors else located(impossible_answers(policy, catalog))
    doubts += [
        Problem(
            f.key,
            f"{f.conflict.title}: {f.conflict.explain.rstrip('.')}; the guidance leans: {f.conflict.leans}",
            None,
            True,
        )
        for f in ([] if errors else open_conflicts(policy, catalog))
    ]
    for problem in found + doubts:
        print(terminal_safe(problem.describe(target.policy)), file=sys.stderr)
    if errors:
        return EXIT_PROBLEM
    answered = len(policy.global_decisions) + sum(
        len(e.decisions) + sum(len(a.decisions) for a in e.accounts.values())
        for e in policy.platforms.values()
    )
    accounts = sum(len(e.accounts) for e in policy.platforms.values())
    counts = ", ".join(
        _count(n, noun)
        for n, noun in ((len(policy.platforms), "platform"), (accounts, "account"), (answered, "answer"))
    )
    print(f"{escaped(target.policy)}: valid policy ({counts})")
    if doubts and args.strict:
        print(f"--strict: {_count(len(doubts), 'warning')} about what the policy says", file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def show(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.documents import summary_text
    from clinician_compass.guidance import load_catalog

    print(summary_text(_load_required(paths).policy, load_catalog(), policy_path=paths.policy))
    return EXIT_OK


def export(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.documents import render
    from clinician_compass.guidance import load_catalog

    text = render(_load_required(paths).policy, load_catalog(), format=args.format, part=args.part)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    _write_export(Path(args.output), text, force=args.force)
    print(f"wrote {escaped(args.output)}", file=sys.stderr)
    return EXIT_OK


def _write_export(target: Path, text: str, *, force: bool) -> None:
    try:
        kind = reading.special_kind(target)  # a folder, or a device or pipe --force would replace
        if kind:
            raise UserError(
                f"{escaped(target)} is {kind}, not a file; give a file name, or leave out -o to print"
            )
        if target.exists() and not force:
            raise UserError(f"{escaped(target)} already exists; add --force to replace it")
        store.atomic_write(target, text.encode("utf-8")) if force else _create_new(target, text)
    except FileNotFoundError:
        raise UserError(f"{escaped(target.parent)}: no such folder") from None
    except PermissionError:
        raise UserError(f"{escaped(target)}: permission denied") from None
    except OSError as error:
        raise UserError(f"{escaped(target)}: cannot write: {error.strerror or error}") from None


def _create_new(target: Path, text: str) -> None:
    # O_EXCL: if another process created the file since the check above, we still do not replace it.
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UserError(f"{escaped(target)} already exists; add --force to replace it") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def ref(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.guidance import load_catalog
    from clinician_compass.reference import answers_for, platform_in_query, search

    catalog = load_catalog()
    if args.platform and args.platform not in catalog.platforms:
        raise UserError(
            f"unknown platform {args.platform!r}; choose one of {', '.join(catalog.platforms)}", 2
        )
    if args.limit < 1:
        raise UserError("--limit must be at least 1", 2)
    policy = policy_if_readable(paths, "only the guidance is shown")
    query = " ".join(args.query)
    platform = args.platform or platform_in_query(catalog, query)
    hits = search(catalog, query, limit=args.limit, platform=platform)
    if args.json:
        from clinician_compass.policy.codec import escape_invisible

        rows = [answers_for(hit, catalog, policy, platform).as_json() for hit in hits]
        import json

        print(escape_invisible(json.dumps(rows, indent=2, ensure_ascii=False)))
        return EXIT_OK if hits else EXIT_PROBLEM  # like the text form (and grep): 1 when nothing matched
    from clinician_compass.reference.text import format_hits

    # The query and the policy's notes and name are echoed: make them printable here, at the terminal.
    print(terminal_safe(format_hits(hits, catalog, policy, platform, query)), end="")
    return EXIT_OK if hits else EXIT_PROBLEM


def check_post(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.cli.post_check import run  # the detectors load only for this command

    return run(args, paths)
