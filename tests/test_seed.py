"""derivations/ce.yaml verifies, and copies with planted slips fail on the right line."""

import pytest

from conftest import ROOT

CE = ROOT / "derivations" / "ce.yaml"


def test_ce_verifies_with_both_branch_results(run):
    result = run("check", "--format", "json", CE)
    assert result.code == 0
    steps = result.json()["files"][0]["steps"]
    assert all(s["status"] == "proved" for s in steps)
    results = {tuple(s["case"]): s for s in steps if s["kind"] == "result"}
    assert set(results) == {("\\gamma = i",), ("\\gamma \\neq i",)}


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


PLANTED = [
    # a flipped sign: the minus in front of the fraction dropped (line of step 3)
    ("flipped sign",
     "  - = -\\frac{\\sum_{j=1} e^{L_j}}{e^{L_\\gamma}} \\cdot \\frac{d}{d L_i} \\left(e^{L_\\gamma}",
     "  - = \\frac{\\sum_{j=1} e^{L_j}}{e^{L_\\gamma}} \\cdot \\frac{d}{d L_i} \\left(e^{L_\\gamma}"),
    # a dropped factor: e^{L_i} lost in the γ = i branch's \"factor out\" step
    ("dropped factor",
     "\\left(\\frac{e^{L_i}}{\\sum_{j=1} e^{L_j}} + e^{L_i} \\cdot \\frac{d}{d L_i}",
     "\\left(\\frac{e^{L_i}}{\\sum_{j=1} e^{L_j}} + \\frac{d}{d L_i}"),
    # a wrong branch result
    ("wrong result", "    result: p_i\n", "    result: p_\\gamma - 1\n"),
    # the square dropped in the γ ≠ i branch
    ("dropped square",
     "e^{L_\\gamma} \\cdot \\frac{d}{d L_i} \\left(\\sum_{j=1} e^{L_j}\\right) \\cdot \\left(-\\frac{1}{\\left(\\sum_{j=1} e^{L_j}\\right)^2}\\right)",
     "e^{L_\\gamma} \\cdot \\frac{d}{d L_i} \\left(\\sum_{j=1} e^{L_j}\\right) \\cdot \\left(-\\frac{1}{\\sum_{j=1} e^{L_j}}\\right)"),
]


@pytest.mark.parametrize("name, old, new", PLANTED, ids=[p[0] for p in PLANTED])
def test_planted_slip_fails_on_its_line(run, tmp_path, name, old, new):
    text = CE.read_text()
    assert text.count(old) == 1, "the planted slip no longer matches ce.yaml"
    planted = text.replace(old, new)
    path = tmp_path / "ce.yaml"
    path.write_text(planted)
    result = run("check", "--format", "json", path)
    steps = result.json()["files"][0]["steps"]
    bad = [s for s in steps if s["status"] not in ("proved", "numeric")]
    assert result.code == 1
    assert bad[0]["status"] == "failed"
    assert bad[0]["line"] == _line_of(planted, new.strip().splitlines()[0][:60])
    assert "not equal at" in bad[0]["message"]
