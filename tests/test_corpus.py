"""benchmarks/corpus.py on a few fixed lines, so the corpus script cannot rot.

The whole corpus is measured by running the script by hand; here only lines
that read right today, next to twins built to be misread, refused and wrong
in the corpus itself, so that each verdict of the classifier is exercised.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("corpus_script", ROOT / "benchmarks" / "corpus.py")
corpus = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = corpus     # dataclasses look their module up
_SPEC.loader.exec_module(corpus)

READ_RIGHT = ("softmax-exp", "sigmoid-def", "bce-loss", "tanh-def", "quotient-rule-applied",
              "layernorm-variance", "attention-scores", "batchnorm-partial-chain")
TWINS = [
    {"id": "twin-misread", "latex": r"\frac{e^x - e^{-x}}{e^x + e^{-x}}", "symbols": {},
     "meaning": "(exp(x) + exp(-x))/(exp(x) - exp(-x))"},
    {"id": "twin-chain-misread", "latex": r"\sinh(x) = \frac{e^x - e^{-x}}{2}", "symbols": {},
     "meaning": ["sinh(x)", "(exp(x) + exp(-x))/2"]},
    {"id": "twin-refused", "latex": r"\frac{1}{2} \unknowncommand{x}", "symbols": {},
     "meaning": "x/2"},
    {"id": "twin-corpus-error", "latex": "x + 1", "symbols": {}, "meaning": "x + (1"},
    {"id": "twin-out-of-scope", "latex": r"\int_a^b x dx", "symbols": {}, "meaning": None},
]


@pytest.fixture(scope="module")
def verdicts():
    chosen = [entry for entry in corpus.load() if entry["id"] in READ_RIGHT]
    assert len(chosen) == len(READ_RIGHT)
    found = corpus.classify(chosen + TWINS, [sys.executable, "-m", "derive_ce"], jobs=2)
    return {verdict.id: verdict for verdict in found}


@pytest.mark.parametrize("entry_id", READ_RIGHT)
def test_fixed_lines_read_right(verdicts, entry_id):
    assert verdicts[entry_id].outcome == "right", verdicts[entry_id].message


@pytest.mark.parametrize("entry_id, outcome", [
    ("twin-misread", "misread"), ("twin-chain-misread", "misread"),
    ("twin-refused", "refused"), ("twin-corpus-error", "corpus-error"),
    ("twin-out-of-scope", "out-of-scope-refused")])
def test_twins_get_their_verdict(verdicts, entry_id, outcome):
    assert verdicts[entry_id].outcome == outcome


def test_a_misread_carries_the_counterexample(verdicts):
    assert verdicts["twin-misread"].message.startswith("failed")


@pytest.mark.parametrize("latex, parts", [
    (r"a &= b \\", ["a", r"b \\"]),
    (r"=\frac{x}{y}=z", [r"\frac{x}{y}", "z"]),
    (r"\sum_{k = 1}^{3} c = 3c", [r"\sum_{k = 1}^{3} c", "3c"]),
    (r"f(x{=}1) = 2", ["f(x{=}1)", "2"]),
])
def test_chain_parts_split_at_top_level_equals(latex, parts):
    assert corpus.chain_parts(latex) == parts


def test_every_corpus_entry_makes_its_files():
    entries = corpus.load()
    assert len(entries) >= 130
    for entry in entries:
        assert corpus.documents(entry), entry["id"]
        assert entry["source"] and entry["latex"], entry["id"]
        assert entry["meaning"] is not None or entry.get("why"), entry["id"]


@pytest.mark.parametrize("message, kind", [
    ("line 3: unknown LaTeX command \\begin\n  \\begin{cases}", "command \\begin"),
    ("line 3: cannot read the LaTeX at `&=` &= x\n ^", "stops at `&=`"),
    ("line 2: `a` is a matrix: write `a_{i,j}`", "`…` is a matrix: write `…`"),
])
def test_refusals_are_grouped_by_what_stopped_them(message, kind):
    assert corpus.refusal_kind(message) == kind


@pytest.mark.parametrize("latex, stripped", [
    (r"&= p_k (1 - p_k)", "= p_k (1 - p_k)"),
    (r"\sum_i p_i &= \sum_i q_i \\", r"\sum_i p_i = \sum_i q_i"),
    (r"x^2\tag{1}", "x^2"),
    (r"= -\frac{y_j}{p_j}.", r"= -\frac{y_j}{p_j}"),
    (r"\frac{1}{2}", r"\frac{1}{2}"),
])
def test_paste_artefacts_are_stripped_only_on_request(latex, stripped):
    assert corpus.without_paste(latex) == stripped
