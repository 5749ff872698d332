"""The ``secgraph`` command line: a thin wrapper over ``graph`` and ``extractors``.

Errors are printed as one clean line (never a traceback) and exit non-zero.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from graph import sparql
from graph.store import default_location

app = typer.Typer(
    name="secgraph",
    help="A corporate-event knowledge graph built from SEC EDGAR filings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        help=f"Store directory, or 'memory'. Default: $SECGRAPH_HOME/store, else {default_location()}.",
    ),
]


class CliError(Exception):
    """An error to print as one line."""


def clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Print any error as one red line and exit 1 (typer's own exits pass through)."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            err.print("[red]interrupted[/red]")
            raise typer.Exit(130) from None
        except Exception as e:  # noqa: BLE001 - the CLI never shows a traceback
            err.print(f"[red]error:[/red] {_message(e)}", highlight=False)
            raise typer.Exit(1) from None

    return wrapper


def _message(e: Exception) -> str:
    text = str(e) or type(e).__name__
    if "lock" in text.lower() and "store" not in text.lower():
        text += " (is another secgraph process using the store?)"
    return text


def _open(store: str | None) -> Any:
    from graph.kg import KnowledgeGraph

    if store not in (None, "memory") and not Path(store).expanduser().exists():
        raise CliError(f"no store at {store} (run 'secgraph build PATH --store {store}' first)")
    return KnowledgeGraph.open(store)


# -- demo / read / build -----------------------------------------------------------
@app.command()
@clean_errors
def demo(
    store: Annotated[
        str, typer.Option("--store", help="Where to build: 'memory' (default) or a directory.")
    ] = "memory",
) -> None:
    """Build from the bundled sample filings and print amendment chains, holdings, limits,
    signatories and exhibits by reference, each with its evidence quote."""
    from graph.demo import SAMPLES, build_demo, sections

    files = sorted(SAMPLES.glob("*.txt"))
    with _progress() as bar:
        task = bar.add_task("building", total=len(files))
        kg = build_demo(store, progress=lambda label: bar.advance(task))
    for path, problem in kg.report.errors.items():
        err.print(f"[yellow]skipped[/yellow] {path}: {problem}", highlight=False)
    out.print(
        f"[bold]secgraph demo[/bold]: {len(kg.report.filings)} sample filings, {len(kg)} quads\n"
    )
    for sec in sections(kg):
        out.print(
            f"[bold underline]{sec.title}[/bold underline]  [dim](secgraph query {sec.query})[/dim]"
        )
        if not sec.lines:
            out.print("  [dim](none found)[/dim]")
        for text, quote in sec.lines:
            out.print(f"  • {text}", highlight=False)
            if quote:
                out.print(f"    [green]“{quote}”[/green]", highlight=False)
        out.print()
    kg.close()


@app.command()
@clean_errors
def read(
    paths: Annotated[list[Path], typer.Argument(help="Filings (.txt, .htm, .nc ...).")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per filing (JSON Lines).")
    ] = False,
) -> None:
    """Read filings and describe each: header fields, parties, documents, sections, warnings.

    A file that cannot be read is reported and the others are still read; the exit
    status is 1 when any file failed.
    """
    import extractors

    failed = 0
    for path in paths:
        try:
            if not path.is_file():
                raise CliError(f"{path}: no such file")
            info = extractors.describe(extractors.read_filing(str(path)))
        except (CliError, extractors.FilingError) as e:
            err.print(f"[red]error:[/red] {_message(e)}", highlight=False)
            failed += 1
            continue
        if as_json:
            print(json.dumps(info, default=str))
        else:
            _print_description(info)
    if failed:
        raise typer.Exit(1)


_PARTY_COLUMNS = ("role", "name", "cik", "irs_number", "state_of_incorporation", "file_number")


def _print_description(info: dict[str, Any]) -> None:
    h = info.get("header", {})
    t = Table(title=f"{info.get('doc_id')} ({info.get('encoding')})", show_header=False)
    for key, value in h.items():
        if key != "parties":
            t.add_row(key, _cell(value))
    out.print(t)
    parties = h.get("parties") or []
    if parties:
        pt = Table(title="parties")
        for col in _PARTY_COLUMNS:
            pt.add_column(col)
        for p in parties:
            pt.add_row(*(_cell(p.get(c)) for c in _PARTY_COLUMNS))
        out.print(pt)
    dt = Table(title="documents")
    for col in ("seq", "type", "format", "chars", "sections"):
        dt.add_column(col)
    for d in info.get("documents", []):
        secs = ", ".join(s.get("label", "") for s in d.get("sections", []))
        dt.add_row(
            _cell(d.get("sequence")),
            _cell(d.get("type")),
            _cell(d.get("format")),
            _cell(d.get("chars")),
            secs,
        )
    out.print(dt)
    for warning in info.get("warnings") or []:
        out.print(f"[yellow]warning:[/yellow] {warning}", highlight=False)


@app.command()
@clean_errors
def build(
    paths: Annotated[list[Path], typer.Argument(help="Filings, or folders read recursively.")],
    store: StoreOpt = None,
) -> None:
    """Read, extract, resolve and load filings into the store (a failing file is skipped)."""
    from graph.kg import KnowledgeGraph
    from graph.pipeline import discover

    missing = [p for p in paths if not p.exists()]
    files = discover([p for p in paths if p.exists()])
    kg = KnowledgeGraph.open(store)
    with _progress() as bar:
        task = bar.add_task("building", total=len(files))
        report = kg.add([str(f) for f in files], progress=lambda label: bar.advance(task))
    for p in missing:
        report.errors[str(p)] = "no such file or folder"
    total = len(kg)
    kg.close()
    t = Table(title="secgraph build")
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("filings", str(len(report.filings)))
    t.add_row("documents", str(report.documents))
    for kind, n in sorted(report.claims.items()):
        t.add_row(f"facts: {kind}", str(n))
    t.add_row("quads in store", str(total))
    t.add_row("errors", str(len(report.errors)))
    out.print(t)
    out.print(f"store: {store or default_location()}", highlight=False)
    if report.errors:
        et = Table(title="errors (skipped)")
        et.add_column("file")
        et.add_column("problem")
        for path, problem in sorted(report.errors.items()):
            et.add_row(path, problem)
        err.print(et)
    if not report.filings:
        raise typer.Exit(1)


# -- asking ------------------------------------------------------------------------
@app.command()
@clean_errors
def query(
    name: Annotated[
        str, typer.Argument(help="A canned query name, an .rq file, or '-' for SPARQL on stdin.")
    ],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A parameter as name=value (repeatable)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, json or tsv.")] = "table",
    store: StoreOpt = None,
) -> None:
    """Run a canned query (see 'secgraph query list') or any SPARQL 1.1 query."""
    if fmt not in ("table", "csv", "json", "tsv"):
        raise CliError(f"unknown format {fmt!r}: use table, csv, json or tsv")
    if name == "list":
        t = Table(title="canned queries")
        t.add_column("name")
        t.add_column("parameters")
        t.add_column("what it answers")
        for q in sparql.canned().values():
            if not q.name.startswith("facts-"):
                params = ", ".join(f"{p.name}={json.dumps(p.default)}" for p in q.params.values())
                t.add_row(q.name, params, q.description)
        out.print(t)
        return
    params = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise CliError(f"--param {item!r}: expected name=value")
        params[key.strip()] = value
    text = sys.stdin.read() if name == "-" else name
    kg = _open(store)
    try:
        cols, rows = kg.query_table(text, params)
    finally:
        kg.close()
    _print_rows(cols, rows, fmt)


@app.command()
@clean_errors
def facts(
    doc: Annotated[
        str | None, typer.Option("--doc", help="Only the facts of this filing id.")
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Print the facts view (JSON Lines, read from the graph)."""
    from graph.facts import to_jsonl

    kg = _open(store)
    try:
        sys.stdout.write(to_jsonl(kg.facts(doc=doc)))
    finally:
        kg.close()


@app.command("eval")
@clean_errors
def eval_(
    gold: Annotated[Path, typer.Argument(help="A gold .jsonl file or a folder of them.")],
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Write a Markdown report (table, missed, spurious) here."),
    ] = None,
    min_f1: Annotated[
        float | None, typer.Option("--min-f1", help="Exit 1 when micro-F1 is below this.")
    ] = None,
    show: Annotated[
        int, typer.Option("--show", help="How many missed/spurious facts to list per kind.")
    ] = 5,
    store: StoreOpt = None,
) -> None:
    """Score the facts view against gold: per kind and micro P/R/F1, missed and spurious facts."""
    from graph.evaluate import load_gold, report_markdown, score

    golds = load_gold(gold)
    kg = _open(store)
    try:
        result = score(kg.facts(), golds)
    finally:
        kg.close()
    t = Table(title=f"secgraph eval {gold} ({len(golds)} filings)")
    for col in ("kind", "gold", "predicted", "matched", "P", "R", "F1"):
        t.add_column(col, justify="left" if col == "kind" else "right")
    for r in result.table():
        t.add_row(
            r["kind"],
            str(r["gold"]),
            str(r["predicted"]),
            str(r["tp"]),
            f"{r['precision']:.3f}",
            f"{r['recall']:.3f}",
            f"{r['f1']:.3f}",
            style="bold" if r["kind"] == "micro" else None,
        )
    out.print(t)
    for kind, ks in result.kinds.items():
        for label, rows in (("missed", ks.missed), ("spurious", ks.spurious)):
            for f in rows[:show]:
                body = {k: v for k, v in f.items() if k not in ("kind", "evidence")}
                out.print(
                    f"[yellow]{label}[/yellow] {kind}: {json.dumps(body, ensure_ascii=False)}",
                    highlight=False,
                )
    if report is not None:
        report.write_text(report_markdown(result), encoding="utf-8")
        out.print(f"report written to {report}", highlight=False)
    micro = result.micro.f1
    if min_f1 is not None and micro < min_f1:
        err.print(f"[red]micro-F1 {micro:.3f} is below the floor {min_f1:.3f}[/red]")
        raise typer.Exit(1)


@app.command()
@clean_errors
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="ttl, trig, nq or jsonld (trig/nq keep the per-filing graphs)."
        ),
    ] = "trig",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Serialise the store."""
    if fmt not in ("ttl", "trig", "nq", "jsonld", "nt"):
        raise CliError(f"unknown format {fmt!r}: use ttl, trig, nq or jsonld")
    kg = _open(store)
    try:
        data = kg.export(fmt, output)
    finally:
        kg.close()
    if output is None and data is not None:
        sys.stdout.buffer.write(data)
    elif output is not None:
        err.print(f"written {output}", highlight=False)


@app.command()
@clean_errors
def validate(store: StoreOpt = None) -> None:
    """Check the store against the ontology's SHACL shapes; exit 1 if it does not conform."""
    kg = _open(store)
    try:
        conforms, violations, _ = kg.validate()
    finally:
        kg.close()
    if conforms:
        out.print(f"[green]conforms[/green] ({len(violations)} warnings)")
    if violations:
        t = Table(title="SHACL results")
        for col in ("severity", "focus", "path", "message"):
            t.add_column(col)
        for v in violations[:200]:
            t.add_row(
                v["severity"], sparql.compact(v["focus"]), sparql.compact(v["path"]), v["message"]
            )
        out.print(t)
    if not conforms:
        err.print(f"[red]does not conform: {len(violations)} results[/red]")
        raise typer.Exit(1)


# -- helpers -------------------------------------------------------------------------
def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, default=str)
    return str(value)


def _print_rows(cols: list[str], rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if r.get(c) is None else r.get(c) for c in cols])
        sys.stdout.write(buf.getvalue())
        return
    t = Table(show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*(_cell(sparql.compact(r.get(c))) for c in cols))
    out.print(t)
    out.print(f"[dim]{len(rows)} rows[/dim]")


def main() -> None:
    """Entry point of the ``secgraph`` console script."""
    app()


if __name__ == "__main__":
    main()
