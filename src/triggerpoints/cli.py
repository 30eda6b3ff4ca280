"""The ``triggerpoints`` command: quick questions from the shell.

A thin client of the public API. Text by default, wrapped to the terminal's width (100
columns when the output is not a terminal), with citations rather than source ids and
each caution once per answer; ``--json`` for machines (what :func:`triggerpoints.to_dict`
gives, described by :func:`triggerpoints.json_schema`). Errors go to standard error as
``triggerpoints: error: ...`` with exit status 1; usage errors exit 2.

Examples:
    >>> from triggerpoints.cli import main
    >>> main(["search", "glute max", "--limit", "1"])
    muscle         muscle:gluteus-maximus  Gluteus maximus  (glute max, 1.00)
    0
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, NoReturn, TextIO, cast

import triggerpoints as tp
from triggerpoints import _show as show
from triggerpoints import _terminal as terminal

__all__ = ["main"]

PROG = "triggerpoints"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors go to stderr with exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{PROG}: error: {message}\n")


class _Version(argparse.Action):
    """``--version``: package, dataset, schema and ranking model versions (reads the data)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_options: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the package and dataset versions and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        atlas = tp.load()
        sys.stdout.write(
            f"{PROG} {tp.__version__} (dataset {atlas.dataset_version}, schema {atlas.schema_version}, "
            f"ranking model {tp.MODEL_VERSION})\n"
        )
        parser.exit(0)


def _err(message: str) -> None:
    sys.stderr.write(message + "\n")


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _atlas(args: argparse.Namespace) -> tp.Atlas:
    return tp.load(args.data, extend=args.extend) if args.data else tp.load()


# show ----------------------------------------------------------------------------------


def _show(args: argparse.Namespace, out: TextIO) -> int:
    atlas = _atlas(args)
    by_id = args.kind is None and args.key in atlas  # any record by id, sources and relations too
    record = atlas.get(args.key) if by_id else atlas.lookup(args.key, kind=args.kind)
    if args.json:
        _print_json(show.show_data(atlas, record), out)
        return 0
    if isinstance(record, tp.Muscle):
        lines = show.muscle_text(atlas, record)
    elif isinstance(record, tp.TriggerPoint):
        lines = show.point_text(atlas, record)
    elif isinstance(record, tp.Region):
        lines = show.region_text(atlas, record)
    else:
        lines = show.other_text(atlas, record)
    show.write(out, lines)
    return 0


# search, regions -------------------------------------------------------------------------


def _search(args: argparse.Namespace, out: TextIO) -> int:
    matches = _atlas(args).search(args.text, kind=args.kind, limit=args.limit)
    if args.json:
        _print_json([tp.to_dict(match) for match in matches], out)
        return 0
    if not matches:
        _err(f"{PROG}: nothing matches {args.text!r}")
        return 1
    width = max(len(match.id) for match in matches)
    for match in matches:
        out.write(f"{match.kind:<14} {match.id:<{width}}  {match.name}  ({match.matched}, {match.score:.2f})\n")
    return 0


def _tree(atlas: tp.Atlas, region: tp.Region, depth: int | None) -> dict[str, Any]:
    children = atlas.children_of(region.id) if depth is None or depth > 0 else ()
    below = None if depth is None else depth - 1
    return {"id": region.id, "name": region.name, "children": [_tree(atlas, c, below) for c in children]}


def _regions(args: argparse.Namespace, out: TextIO) -> int:
    atlas = _atlas(args)
    tree = _tree(atlas, atlas.region(args.root), args.depth)
    if args.json:
        _print_json(tree, out)
        return 0

    def walk(node: dict[str, Any], indent: str) -> None:
        out.write(f"{indent}{node['name']}  [{node['id']}]\n")
        for child in node["children"]:
            walk(child, indent + "  ")

    walk(tree, "")
    return 0


# rank, trace -----------------------------------------------------------------------------


def _rank(args: argparse.Namespace, out: TextIO) -> int:
    atlas = _atlas(args)
    ranking = tp.rank(
        args.pain,
        activities=args.activity,
        symptoms=args.symptom,
        absent=args.absent,
        limit=args.limit,
        strict=not args.lenient,
        prior=args.prior,
        atlas=atlas,
    )
    if args.json:
        _print_json(ranking.to_dict(), out)
        return 0
    lines = [place.describe() for place in ranking.places]
    lines += [term.describe() for term in ranking.terms]
    lines += [f"read nothing in {phrase!r}" for phrase in ranking.unresolved]
    lines += [] if ranking else ["No muscle in the dataset refers pain to these regions."]
    lines += [f"{candidate.place}. {candidate.explain(cautions=False)}" for candidate in ranking]
    lines += [f"Caution ({atlas.name_of(region)}): {text}" for region, text in ranking.cautions]
    lines += [f"Note: {note}" for note in ranking.notes]
    if any(candidate.tied for candidate in ranking):
        lines.append("Candidates marked '=' share their rank: their order (by name) is not evidence.")
    lines.append("Reference information, not a diagnosis.")
    show.write(out, lines)
    return 0


def _trace(args: argparse.Namespace, out: TextIO) -> int:
    paths = tp.trace(args.source, args.target, max_depth=args.max_depth, atlas=_atlas(args))
    if args.json:
        _print_json([path.to_dict() for path in paths], out)
        return 0
    if not paths:
        out.write(f"No path from {args.source!r} to {args.target!r} within {args.max_depth} relation steps.\n")
    show.write(out, [f"{path.plausibility:.3f}  {path}" for path in paths])
    return 0


# export, validate, coverage --------------------------------------------------------------


def _export(args: argparse.Namespace, out: TextIO) -> int:
    atlas = _atlas(args)
    if args.format == "csv":
        if args.output is None:
            _err(f"{PROG}: error: csv export writes one file per table: give a folder with -o")
            return 2
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in tp.tables(atlas=atlas).items():
            with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
                # RFC 4180 line ends, so a field holding a carriage return is quoted too.
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else [], lineterminator="\r\n")
                writer.writeheader()
                writer.writerows(rows if args.raw else ({k: terminal.inert(v) for k, v in row.items()} for row in rows))
        out.write(f"wrote {len(tp.TABLES)} tables to {folder}\n")
        return 0
    if args.format == "graphml":
        text = tp.graphml(atlas=atlas)
    elif args.format == "node-link":
        text = json.dumps(tp.node_link(atlas=atlas), ensure_ascii=False, indent=1) + "\n"
    else:
        text = json.dumps(atlas.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if args.output is None:
        out.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        atlas = tp.load(args.file, extend=args.extend)
    except tp.InputTooLargeError as error:
        if not args.json:
            raise
        _print_json({"valid": False, "problems": [{"path": "$", "message": str(error)}]}, out)
        return 1
    except tp.DatasetError as error:
        if args.json:
            problems = [{"path": p.path, "message": p.message} for p in error.problems]
            _print_json({"valid": False, "problems": problems}, out)
        else:
            _err(f"{PROG}: error: {args.file}: {len(error.problems)} problem(s)")
            for problem in error.problems:
                _err(f"  {problem}")
        return 1
    counts = {kind: len(getattr(atlas, kind)) for kind in ("muscles", "trigger_points", "regions", "sources")}
    if args.json:
        _print_json({"valid": True, "counts": counts}, out)
    else:
        out.write(f"{args.file}: valid ({', '.join(f'{n} {kind}' for kind, n in counts.items())})\n")
    return 0


def _coverage(args: argparse.Namespace, out: TextIO) -> int:
    report = tp.coverage(atlas=_atlas(args))
    if args.json:
        _print_json(tp.to_dict(report), out)
    elif args.gaps:
        out.write((report.gaps_text() or "no gaps") + "\n")
    elif args.support:
        out.write(report.support_text() + "\n")
    elif args.markdown:
        out.write(report.to_markdown() + "\n")
    else:  # the counts, then how well the facts behind them are supported
        out.write(f"{report}\n\n{report.support_text()}\n")
    return 0


# draw ------------------------------------------------------------------------------------


def _picture(args: argparse.Namespace, atlas: tp.Atlas) -> str:
    views = args.view or None
    if args.rank:
        ranking = tp.rank(args.names, atlas=atlas)
        mode: Literal["patterns", "heatmap"] = "heatmap" if args.heatmap else "patterns"
        return tp.draw_ranking(ranking, top=args.top, mode=mode, side=args.side, scale=args.scale or 0.5, atlas=atlas)
    side = cast('Literal["left", "right", "both"]', args.side or "right")
    scale = args.scale or 1.0
    if len(args.names) == 1:
        record = atlas.lookup(args.names[0])
        if isinstance(record, tp.TriggerPoint):
            return tp.draw_trigger_point(record.id, side=side, views=views, scale=scale, atlas=atlas)
        if isinstance(record, tp.Muscle):
            return tp.draw_muscle(record.id, side=side, views=views, scale=scale, atlas=atlas)
    regions = [atlas.region(name).id for name in args.names]
    return tp.draw_regions(regions, side=args.side or "both", views=views, scale=scale, atlas=atlas)


def _draw(args: argparse.Namespace, out: TextIO) -> int:
    svg = _picture(args, _atlas(args))
    if args.output is None:
        if args.json:
            _print_json({"format": "svg", "svg": str(svg)}, out)
        else:
            out.write(svg)
        return 0
    target = Path(args.output)
    data = tp.to_png(svg) if target.suffix.lower() == ".png" else svg.encode("utf-8")
    target.write_bytes(data)
    if args.json:
        _print_json(
            {"output": str(target), "format": target.suffix.lower().lstrip(".") or "svg", "bytes": len(data)}, out
        )
    else:
        out.write(f"wrote {target} ({len(data)} bytes)\n")
    return 0


# explore ---------------------------------------------------------------------------------


def _explore_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``explore`` command: no ``--json``, as it prints nothing for programs."""
    text = "serve the pain-map explorer, a page on this computer: click where it hurts, see where it may come from"
    explore = commands.add_parser("explore", help=text, description=text + ". Stop it with Ctrl-C.")
    explore.set_defaults(run=_explore, json=False)
    explore.add_argument(
        "--port", type=terminal.port, default=0, help="port on 127.0.0.1 to listen on (default: a free one)"
    )
    explore.add_argument("--no-browser", action="store_true", help="print the page's address, open no browser")
    explore.add_argument("--docs", metavar="URL", help="address of the built documentation, for the page's links")
    explore.add_argument("--data", metavar="FILE", help="use this dataset file instead of the packaged one")
    explore.add_argument("--extend", action="store_true", help="with --data: add the file to the packaged data")


def _explore(args: argparse.Namespace, out: TextIO) -> int:
    from triggerpoints._explore import serve  # noqa: PLC0415 - the web server is imported only to explore

    def say(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    options = {"docs": args.docs} if args.docs else {}
    serve(port=args.port, atlas=_atlas(args), browser=not args.no_browser, say=say, **options)
    return 0


# the parser ------------------------------------------------------------------------------

_KINDS = tuple(kind.name for kind in tp.KINDS)


def _data_options() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument("--data", metavar="FILE", help="use this dataset file instead of the packaged one")
    common.add_argument("--extend", action="store_true", help="with --data: add the file to the packaged data")
    return common


def _json_option() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON for programs instead of text")
    return common


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Myofascial trigger points and their referred pain: look up, rank, trace, export. "
        "Reference information, not a diagnosis.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, required=True, help="what to do (COMMAND -h for more)"
    )
    data, json_option = _data_options(), _json_option()

    def command(
        name: str, run: Callable[[argparse.Namespace, TextIO], int], text: str, *, json: bool = True
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[json_option, data] if json else [data], help=text, description=text)
        sub.set_defaults(run=run, **({} if json else {"json": False}))
        return sub

    show = command("show", _show, "show a muscle, trigger point, region or other record with its facts and sources")
    show.add_argument("key", help="an id, name or alias ('glute med', 'sits bone', 'tp:piriformis-lateral')")
    show.add_argument("--kind", choices=_KINDS, help="only records of this kind")

    search = command("search", _search, "find records by name or alias, best first")
    search.add_argument("text", help="free text: part of a name or alias, misspellings allowed")
    search.add_argument("--kind", choices=_KINDS, help="only records of this kind")
    search.add_argument("--limit", type=terminal.positive, default=10, help="at most this many results (default 10)")

    regions = command("regions", _regions, "print the region hierarchy as a tree")
    regions.add_argument("root", nargs="?", default="region:body", help="start here (default: the whole body)")
    regions.add_argument("--depth", type=terminal.positive, help="levels below the root to show")

    rank = command("rank", _rank, "rank the muscles that could refer pain to these places")
    rank.add_argument("pain", nargs="+", help="pain areas or phrases ('sits bone', 'outside of the thigh')")
    rank.add_argument("--activity", action="append", default=[], help="an activity that brought it on (repeatable)")
    rank.add_argument("--symptom", action="append", default=[], help="a symptom beyond pain (repeatable)")
    rank.add_argument("--absent", action="append", default=[], help="a region that does not hurt (repeatable)")
    rank.add_argument("--limit", type=terminal.positive, default=10, help="at most this many candidates (default 10)")
    rank.add_argument("--lenient", action="store_true", help="rank what can be read; list what names nothing")
    rank.add_argument("--prior", type=float, default=0.0, metavar="WEIGHT", help="weight of cited prevalence (0: off)")

    trace = command("trace", _trace, "find how a muscle or trigger point can produce pain in a region")
    trace.add_argument("source", help="a muscle or trigger point")
    trace.add_argument("target", help="a region, muscle or trigger point")
    trace.add_argument(
        "--max-depth",
        type=terminal.not_negative,
        default=3,
        help="relation steps to follow (default 3; 0 for direct referral only)",
    )

    export = command("export", _export, "write the data for other tools (every format is for programs)", json=False)
    export.add_argument("format", choices=("graphml", "node-link", "csv", "json"), help="what to write")
    export.add_argument("-o", "--output", metavar="PATH", help="file (a folder for csv); default standard output")
    export.add_argument(
        "--raw",
        action="store_true",
        help="csv: write cells as they are (by default a cell that starts like a spreadsheet formula gets a leading ')",
    )

    validate = command("validate", _validate, "check a dataset file; list every problem with its JSON path")
    validate.add_argument("file", help="a dataset JSON file to check")

    draw = command(
        "draw",
        _draw,
        "draw a muscle, a trigger point, pain regions or a ranking on the body (SVG or PNG); "
        "with --json, a report of the file written, or the SVG inside JSON",
    )
    draw.add_argument("names", nargs="+", help="a muscle or trigger point; or regions; or, with --rank, pain places")
    draw.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=terminal.picture_file,
        help="FILE.svg or FILE.png; default: SVG on standard output",
    )
    draw.add_argument(
        "--side", choices=("right", "left", "both"), help="side of the body (default right; both for regions)"
    )
    draw.add_argument("--view", action="append", choices=tp.VIEWS, help="only this view (repeatable)")
    draw.add_argument(
        "--scale", type=terminal.scale, help="size of each view (default 1, that is 540 x 960; 0.5 with --rank)"
    )
    draw.add_argument("--rank", action="store_true", help="rank the places given and draw the top candidates")
    draw.add_argument("--top", type=terminal.positive, default=3, help="with --rank: candidates to draw (default 3)")
    draw.add_argument("--heatmap", action="store_true", help="with --rank: one heatmap instead of one row each")

    report = command(
        "coverage", _coverage, "count muscles, trigger points and facts per body area, and how well facts are supported"
    )
    for flag, text in (
        ("--markdown", "print a Markdown table"),
        ("--gaps", "list the muscles that lack relations, factors, symptoms, ..."),
        ("--support", "print only how well facts are supported: by independent-source count, best tier and split"),
    ):
        report.add_argument(flag, action="store_true", help=text)
    _explore_command(commands)
    for sub in commands.choices.values():  # where an unknown option is reported
        sub.set_defaults(command_parser=sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit status: 0 on success, 1 for an error (unknown name, bad data file,
        unreadable file), 2 for a usage error.
    """
    for stream in (sys.stdout, sys.stderr):
        # Arguments that are not valid UTF-8 reach us as surrogates: print them escaped
        # rather than fail on the way out.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if sys.stdout is None:  # standard output closed: there is nowhere to answer
        return 1
    try:
        return _run(argv)
    except KeyboardInterrupt:
        _err(f"{PROG}: interrupted")
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): not an error worth a trace
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _unrecognized(parser: argparse.ArgumentParser, extras: list[str]) -> NoReturn:
    """A usage error naming the arguments the (sub)command does not take, with its usage and a close option."""
    options = re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", parser.format_usage())
    given = extras[0].partition("=")[0]
    close = difflib.get_close_matches(given, options, n=1) if given.startswith("-") else []
    parser.error(f"unrecognized arguments: {' '.join(extras)}" + (f"; did you mean {close[0]}?" if close else ""))


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:
            _unrecognized(getattr(args, "command_parser", parser), extras)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1
    if args.extend and not args.data and args.command != "validate":
        parser.print_usage(sys.stderr)
        _err(f"{PROG}: error: --extend needs --data FILE")
        return 2
    try:
        status: int = args.run(args, terminal.Clean(sys.stdout))
    except tp.TriggerPointsError as error:
        _err(f"{PROG}: error: {error}")
        return 1
    except BrokenPipeError:
        raise
    except OSError as error:
        _err(f"{PROG}: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "))
        return 1
    return status
