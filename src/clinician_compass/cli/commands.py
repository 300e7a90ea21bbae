"""What each CLI command does. Plain Python over the core; Textual only for the TUI.

Each command imports what it needs inside its function: ``path`` prints three file names and must not
pay for the store, the TOML writer or the catalog (``bench/run.py`` measures it against the floor).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from clinician_compass.cli.errors import UserError, terminal_safe
from clinician_compass.cli.exit_codes import EXIT_OK, EXIT_PROBLEM
from clinician_compass.documents.safe_text import escaped
from clinician_compass.policy.errors import PolicyError, PolicyFileError, Problem
from clinician_compass.policy.paths import PolicyPaths, real_target, resolve

if TYPE_CHECKING:
    import argparse  # the namespace comes from main; the app's own start never builds a parser

__all__ = ["UserError", "run", "terminal_safe"]  # main reports a UserError through these names


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
        "history": history,
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


def tui(args: argparse.Namespace, paths: PolicyPaths) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UserError("the app needs a terminal. For text output try: clinician-compass show")
    # Start-up builds Textual's objects and ours and frees almost none, so the cyclic collector's passes
    # over them find nothing: about 50 ms of the first paint. The app resumes it once it is drawn.
    gc.disable()
    from clinician_compass.tui.app import run_app  # the only import of Textual

    return run_app(paths, collector_paused=True)


def path(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.policy import reading

    def state(p: Path) -> str:
        try:
            return "" if reading.exists(p) else "  (not created yet)"
        except reading.UnreadableFile as error:
            return f"  (cannot be checked: {error})"

    # A save writes through a symlinked policy, so its history is beside the file the link points to.
    real = PolicyPaths(real_target(paths.policy))
    print(f"policy   {escaped(paths.policy)}{state(paths.policy)}")
    print(f"history  {escaped(real.history)}{state(real.history)}")
    print(f"draft    {escaped(paths.draft)}{state(paths.draft)}")
    return EXIT_OK


def check(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.guidance import load_catalog
    from clinician_compass.policy import codec, store
    from clinician_compass.policy.conflicts import open_conflicts
    from clinician_compass.policy.consistency import check_against, impossible_answers

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
    def located(found: list[Problem]) -> list[Problem]:
        return codec.locate(found, loaded.text)  # scanned for lines once, and only if something is found

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
    from clinician_compass.cli.loading import load_required
    from clinician_compass.documents import summary_text
    from clinician_compass.guidance import load_catalog

    print(summary_text(load_required(paths).policy, load_catalog(), policy_path=paths.policy))
    return EXIT_OK


def export(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.cli.loading import load_required
    from clinician_compass.documents import render
    from clinician_compass.guidance import load_catalog

    text = render(load_required(paths).policy, load_catalog(), format=args.format, part=args.part)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    _write_export(Path(args.output), text, force=args.force)
    print(f"wrote {escaped(args.output)}", file=sys.stderr)
    return EXIT_OK


def _write_export(target: Path, text: str, *, force: bool) -> None:
    from clinician_compass.policy import reading, store

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
    from clinician_compass.cli.loading import policy_if_readable

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


def history(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.cli.history import run  # the catalog and history load only for this command

    return run(args, paths)
