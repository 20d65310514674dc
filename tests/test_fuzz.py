"""Fuzzing: random LaTeX, plain syntax and YAML never break the rules.

Every input gets an answer: an expression or InputError from the readers,
a Derivation or InputError from the loader, and from the CLI an exit code in
{0, 1, 2} with a JSON report and no traceback.  `python -m fuzz.run` runs
10,000 and more of these cases.
"""

import json

from hypothesis import HealthCheck, given, settings

from derive_ce.cli import main
from fuzz import strategies as fz
from fuzz.run import bounded, read_document, read_latex, read_plain_text

FAST = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(fz.latex)
def test_latex_reader_answers_or_refuses(text):
    assert bounded(read_latex, text, 20) in ("read", "refused")


@FAST
@given(fz.plain)
def test_plain_reader_answers_or_refuses(text):
    assert bounded(read_plain_text, text, 20) in ("read", "refused")


@FAST
@given(fz.yaml_texts)
def test_loader_answers_or_refuses(text):
    assert bounded(read_document, text, 20) in ("read", "refused")


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(fz.yaml_texts.flatmap(lambda first: fz.documents.map(lambda d: (first, fz.as_yaml(d)))))
def test_cli_on_random_files_never_breaks(tmp_path_factory, capsys, pair):
    folder = tmp_path_factory.mktemp("fuzz")
    for number, text in enumerate(pair):
        (folder / f"{number}.yaml").write_text(text)
    code = main(["check", "--format", "json", "--no-cache", "--timeout", "2", str(folder)])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err
    report = json.loads(out)
    assert len(report["files"]) == 2
