"""The benchmark loads the demo only when this database does not already hold it from the current
sources (bench/run.py): loading it rebuilds every search document, minutes at bulk size."""

import pytest

from bench import run


@pytest.fixture
def loads(monkeypatch, tmp_path):
    calls = []
    (tmp_path / "mekendeshter" / "demo").mkdir(parents=True)
    source = tmp_path / "mekendeshter" / "demo" / "content.py"
    source.write_text("EDITIONS = []\n")
    monkeypatch.setattr(run, "ROOT", tmp_path)
    monkeypatch.setattr(run, "manage", lambda *arguments, env: calls.append(arguments))
    monkeypatch.setattr(run, "database_identity", lambda env: env["identity"])
    return calls, source


def test_the_demo_is_loaded_once_per_database_and_again_when_its_sources_change(loads):
    calls, source = loads
    first = {"identity": "postgresql:1:mk_bench"}
    run.load_demo_unless_current(first)
    run.load_demo_unless_current(first)
    assert calls == [("load_demo", "-v0")]
    # Another database (or the same name created again: another oid) gets its own load.
    run.load_demo_unless_current({"identity": "postgresql:2:mk_bench"})
    assert len(calls) == 2
    source.write_text("EDITIONS = [1]\n")
    run.load_demo_unless_current(first)
    assert len(calls) == 3
    run.load_demo_unless_current(first)
    assert len(calls) == 3
    run.load_demo_unless_current(first, force=True)
    assert len(calls) == 4


def test_a_database_it_cannot_identify_always_gets_the_demo(loads):
    calls, _source = loads
    for _ in range(2):
        run.load_demo_unless_current({"identity": None})
    assert len(calls) == 2
