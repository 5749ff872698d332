"""The secgraph command line, through typer's CliRunner."""

import json

import pytest
from typer.testing import CliRunner

from graph import build
from graph.cli import app

from .conftest import GOLD, SAMPLES, needs_gold

runner = CliRunner()


@pytest.fixture()
def store_dir(seed_inputs, tmp_path):
    path = tmp_path / "store"
    build(list(seed_inputs), store=str(path)).close()
    return str(path)


def _ok(result):
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def test_cli_build_bad_path_exits_nonzero_cleanly(tmp_path):
    r = runner.invoke(app, ["build", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s")])
    assert r.exit_code != 0 and "Traceback" not in r.output
    assert "no such file" in r.output


def test_cli_build_samples_summary(tmp_path):
    r = runner.invoke(app, ["build", str(SAMPLES), "--store", str(tmp_path / "s")])
    out = _ok(r)
    assert "filings" in out and "errors" in out


def test_cli_query_formats(store_dir):
    out = _ok(runner.invoke(app, ["query", "ownership", "--store", store_dir, "--format", "json"]))
    rows = json.loads(out)
    assert rows[0]["owner"] == "IPOF Fund" and rows[0]["shares"] == 2800500
    csv_out = _ok(
        runner.invoke(
            app,
            [
                "query",
                "amendment-chain",
                "-p",
                "agreement=Rights",
                "--store",
                store_dir,
                "-f",
                "csv",
            ],
        )
    )
    assert csv_out.splitlines()[0].startswith("agreement,") and len(csv_out.splitlines()) == 4
    table = _ok(runner.invoke(app, ["query", "signatories", "--store", store_dir]))
    assert "Gamsey" in table
    sparql = "SELECT ?n WHERE { ?h sg:shareCount ?n }"
    tsv = _ok(runner.invoke(app, ["query", "-", "--store", store_dir, "-f", "tsv"], input=sparql))
    assert tsv.splitlines() == ["n", "2800500"]
    _ok(runner.invoke(app, ["query", "list"]))


def test_cli_query_errors_are_one_line(store_dir, tmp_path):
    for args in (
        ["query", "no-such", "--store", store_dir],
        ["query", "ownership", "-p", "bogus", "--store", store_dir],
        ["query", "ownership-as-of", "-p", "date=soon", "--store", store_dir],
        ["query", "-", "--store", store_dir],
        ["query", "ownership", "--store", str(tmp_path / "absent")],
        ["export", "--format", "xml", "--store", store_dir],
    ):
        r = runner.invoke(app, args, input="SELECT nonsense")
        assert r.exit_code == 1, args
        assert "Traceback" not in r.output and "error" in r.output.lower(), args


def test_cli_facts_and_doc_filter(store_dir):
    out = _ok(
        runner.invoke(app, ["facts", "--store", store_dir, "--doc", "innotrac_8k_2003-07-28"])
    )
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows and all(r["doc"] == "innotrac_8k_2003-07-28" for r in rows)


@needs_gold()
def test_cli_eval_floor_and_report(store_dir, tmp_path):
    report = tmp_path / "r.md"
    out = _ok(
        runner.invoke(
            app,
            ["eval", str(GOLD), "--store", store_dir, "--report", str(report), "--min-f1", "0.95"],
        )
    )
    assert "micro" in out and "1.000" in out
    assert report.read_text().startswith("# secgraph evaluation")
    empty = tmp_path / "empty"
    build([], store=str(empty)).close()
    r = runner.invoke(app, ["eval", str(GOLD), "--store", str(empty), "--min-f1", "0.5"])
    assert r.exit_code == 1 and "below the floor" in r.output


def test_cli_export_and_validate(store_dir, tmp_path):
    target = tmp_path / "g.trig"
    _ok(runner.invoke(app, ["export", "--format", "trig", "-o", str(target), "--store", store_dir]))
    assert target.stat().st_size > 1000
    out = _ok(runner.invoke(app, ["validate", "--store", store_dir]))
    assert "conforms" in out


def test_cli_every_option_has_help():
    import click
    import typer.main

    cmd = typer.main.get_command(app)
    for name, sub in cmd.commands.items():
        for p in sub.params:
            if isinstance(p, click.Option):
                assert p.help, f"{name} {p.name}"
