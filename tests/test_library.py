"""The library in derivations/: it all verifies, and one planted slip in a
copy of each derivation fails on exactly that line."""

import contextlib
import io
import json

import pytest

from conftest import ROOT, both_readings, disagreements
from derive_ce.cli import main

LIBRARY = ROOT / "derivations"

# (file, text of a correct step, the same step with a slip)
SLIPS = [
    ("ce.yaml", "      - = \\frac{e^{L_i}}{\\sum_{j=1} e^{L_j}} = p_i\n",
     "      - = \\frac{e^{L_\\gamma}}{\\sum_{j=1} e^{L_j}} = p_i\n"),
    ("ce_imported.yaml", "          - = \\frac{e^{L_i}}{\\sum_{j=1} e^{L_j}} = p_i  # line 52\n",
     "          - = \\frac{e^{L_\\gamma}}{\\sum_{j=1} e^{L_j}} = p_i  # line 52\n"),
    ("ce_batch.yaml", "- p_{\\beta,\\gamma} \\sum_{c=1}^{C} y_{\\beta,c}\\right)",
     "+ p_{\\beta,\\gamma} \\sum_{c=1}^{C} y_{\\beta,c}\\right)"),
    ("batchnorm.yaml", "\\cdot \\frac{2}{m} (x_i - \\mu)\\right)", "\\cdot \\frac{1}{m} (x_i - \\mu)\\right)"),
    ("layernorm.yaml", "\\cdot \\frac{x_i - \\mu}{H s}\\right)", "\\cdot \\frac{x_i - \\mu}{s}\\right)"),
    ("attention.yaml", "  - = P_{i,k} \\left(V_{k,c} - O_{i,c}\\right)\n",
     "  - = P_{i,k} \\left(V_{k,c} + O_{i,c}\\right)\n"),
    ("gelu.yaml", "\\left(1 + 0.134145 x^2\\right)", "\\left(1 + 0.044715 x^2\\right)"),
    ("silu.yaml", "  - = \\sigma + x \\sigma (1 - \\sigma)", "  - = \\sigma + x (1 - \\sigma)"),
    ("logistic.yaml", "  - = \\frac{1}{N} \\sum_{n=1}^{N} \\left(s_n - y_n\\right) X_{n,j}\n",
     "  - = \\frac{1}{N} \\sum_{n=1}^{N} \\left(s_n - y_n\\right) X_{n,n}\n"),
    ("ridge.yaml", "  - = 2 \\sum_{n=1}^{N} \\left(\\sum_{k=1}^{K} X_{n,k} w_k - y_n\\right) X_{n,j} + 2 \\lambda w_j\n",
     "  - = 2 \\sum_{n=1}^{N} \\left(\\sum_{k=1}^{K} X_{n,k} w_k - y_n\\right) X_{n,j} + \\lambda w_j\n"),
    # matrix form (issue 17): one transpose, factor, sign or order slip each
    ("linear_regression_matrix.yaml", "  - = \\frac{2}{N} X^\\top (X w - y)\n",
     "  - = \\frac{1}{N} X^\\top (X w - y)\n"),
    ("ridge_matrix.yaml", "  - = X^\\top (X w - y) + \\lambda w\n", "  - = X^\\top (X w - y) - \\lambda w\n"),
    ("logistic_matrix.yaml", "  - = X^\\top (\\sigma(X w) - y)\n", "  - = X^\\top (y - \\sigma(X w))\n"),
    ("softmax_regression_matrix.yaml", "  - = \\left(\\operatorname{softmax}(z) - y\\right) x^\\top\n",
     "  - = x \\left(\\operatorname{softmax}(z) - y\\right)^\\top\n"),
    ("two_layer_backward.yaml", "      - = \\delta h^\\top\n", "      - = h \\delta^\\top\n"),
]


# A generous time limit: what these tests decide must not depend on how busy
# the machine is (numeric steps take seconds; under load, more).
SLOW_OK = ("--timeout", "60")


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """One verdict cache for the module: a planted copy re-checks only its slip."""
    return tmp_path_factory.mktemp("library-cache")


def test_the_whole_library_verifies(run, cache):
    """With both readings asked for (tests/test_evaluate.py leaves the library to this
    run): a disagreement of the two readings is a bug."""
    with both_readings():
        result = run("check", "--format", "json", "-j", "2", *SLOW_OK, "--cache-dir", cache,
                     LIBRARY)
    files = result.json()["files"]
    assert result.code == 0, [(f["path"], f["error"]) for f in files if not f["ok"]]
    assert disagreements(files) == []
    assert {f["path"].split("/")[-1] for f in files} >= {name for name, _, _ in SLIPS}


def test_every_derivation_has_a_planted_slip():
    assert {p.name for p in LIBRARY.glob("*.yaml")} == {name for name, _, _ in SLIPS}


@pytest.fixture(scope="module")
def planted(cache, tmp_path_factory) -> dict:
    """Every derivation with its slip planted, checked in one run (the cache re-checks
    only the slipped comparisons): name -> (line of the slip, report)."""
    folder = tmp_path_factory.mktemp("planted")
    lines = {}
    for name, right, wrong in SLIPS:
        text = (LIBRARY / name).read_text()
        assert text.count(right) == 1, f"{name}: the slip no longer matches the derivation"
        slipped = text.replace(right, wrong)
        lines[name] = next(n for n, l in enumerate(slipped.splitlines(), 1) if wrong.strip() in l)
        (folder / name).write_text(slipped)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--format", "json", *SLOW_OK, "--cache-dir", str(cache),
                     *(str(folder / name) for name in lines)])
    assert code == 1
    files = {f["path"].split("/")[-1]: f for f in json.loads(out.getvalue())["files"]}
    return {name: (lines[name], files[name]) for name in lines}


@pytest.mark.parametrize("name", [s[0] for s in SLIPS])
def test_a_planted_slip_fails_on_its_line(planted, name):
    line, report = planted[name]
    steps = report["steps"]
    bad = [s for s in steps if s["status"] not in ("proved", "numeric")]
    assert not report["ok"] and not report["error"], steps
    assert bad[0]["status"] == "failed" and bad[0]["line"] == line, bad[0]
