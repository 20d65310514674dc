"""What a matrix step keeps while it is decided (decide/matrices.py) changes
no verdict: a side's symbolic reading is kept from one comparison to the next,
and an entry's value at 30 digits is kept by the entry.  Checked against
reading everything anew."""

from pathlib import Path

import pytest
import sympy as sp

from derive_ce.decide import engine, matrices
from derive_ce.results import Task
from derive_ce.run.checker import tasks_of

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p for p in (ROOT / "derivations").glob("*.yaml")
               if "matrix" in p.name or p.name in ("two_layer_backward.yaml", "attention.yaml")) \
    + sorted((ROOT / "tests" / "notes" / "matrix").glob("*.md"))[:24]


def _verdicts(paths):
    for kept in (matrices._read_symbolically, matrices._numeric):
        kept.clear()
    found = []
    for path in paths:
        tasks = tasks_of(path, budget=60.0)
        for task in {t.scope: Task("scope", t.scope) for t in tasks}.values():
            engine.run_task(task)
        for task in tasks:
            if task.kind in ("read", "compare") and matrices.applies(engine._scope(task.scope),
                                                                     task):
                verdict = engine.run_task(task)
                found.append((path.name, task.b.line, verdict.status, verdict.method,
                              verdict.message, verdict.cross_checked))
    return found


def test_kept_readings_give_the_verdicts_of_reading_anew(monkeypatch):
    kept = _verdicts(FILES)
    assert len(kept) > 40
    monkeypatch.setattr(matrices, "_symbolic_read",
                        lambda world, tree, env, math: world.read(tree, env, math.text,
                                                                  math.line))
    monkeypatch.setattr(matrices, "_at_30", lambda entry: sp.N(
        entry.doit() if isinstance(entry, sp.Basic) and entry.has(sp.Sum, sp.Product)
        else entry, 30))
    assert _verdicts(FILES) == kept


@pytest.mark.parametrize("value, kept", [(sp.MatrixSymbol("X", 2, 2), True),
                                         (sp.Integer(3), True),
                                         (sp.Matrix([[1, 2]]), False)])
def test_only_immutable_symbolic_readings_are_kept(value, kept):
    class World:
        spec = ("a scope",)
        reads = 0

        def read(self, tree, env, text, line):
            World.reads += 1
            return value

    class Math:
        text, syntax, line = f"x_{id(value)}", "latex", 1

    world = World()
    spec = type("Spec", (), {"layout": "denominator", "__hash__": lambda s: 1,
                             "__eq__": lambda s, o: s is o})()
    world.spec = spec
    matrices._read_symbolically.clear()
    assert matrices._symbolic_read(world, None, None, Math) is value
    assert matrices._symbolic_read(world, None, None, Math) is value
    assert World.reads == (1 if kept else 2)


def test_an_entry_at_30_digits_is_kept_by_the_entry():
    matrices._numeric.clear()
    entry = 1 / (1 + sp.exp(-sp.Rational(7, 4)))
    first = matrices._at_30(entry)
    assert first == sp.N(entry, 30) and matrices._at_30(entry) is first
    # equal as numbers, not as entries: each has its own value
    assert matrices._at_30(sp.Float("0.5", 15)) == sp.N(sp.Float("0.5", 15), 30)
    assert matrices._at_30(sp.Rational(1, 2)) == sp.N(sp.Rational(1, 2), 30)
    assert len(matrices._numeric.values) == 3


def test_a_reading_error_planted_in_the_reader_is_not_kept(monkeypatch):
    """A symbolic reading kept under a patched reader is not handed out once
    the reader is itself again (tests/test_matrix.py plants a transpose read
    as nothing)."""
    from derive_ce.decide.build import matrix as build
    before = matrices._reader_code()
    monkeypatch.setattr(build.MatrixReader, "rule_pow", lambda self, node, base, sup: None)
    assert matrices._reader_code() != before
    monkeypatch.undo()
    assert matrices._reader_code() == before
