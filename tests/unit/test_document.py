"""The document: YAML shape, lines, why, and everything it refuses."""

import pytest

from derive_ce.read import document
from derive_ce.errors import InputError


def load(tmp_path, text):
    path = tmp_path / "d.yaml"
    path.write_text(text)
    return document.load(path)


def test_records_keep_their_lines_and_why(tmp_path):
    d = load(tmp_path, "title: T\nsteps:\n  - a \\quad | \\text{chain rule}\n"
                       "  - latex: = b\n    why: given\n  - expr: c\n"
                       "cases:\n  - when: x > 0\n    steps: [d]\n    result: e\n")
    assert [(s.math.text, s.math.line, s.why) for s in d.steps] == [
        ("a", 3, "chain rule"), ("= b", 4, "given"), ("c", 6, "")]
    assert d.steps[2].math.syntax == "expr"
    assert d.cases[0].when.text == "x > 0" and d.cases[0].result.line == 10


def test_why_keeps_latex_and_drops_text_wrappers(tmp_path):
    d = load(tmp_path, "steps:\n  - a \\quad | \\text{factor out } e^{L_i}\n")
    assert d.steps[0].why == "factor out e^{L_i}"


def test_symbols_and_definitions(tmp_path):
    d = load(tmp_path, "symbols:\n  L: vector\n  i, j, gamma: {kind: index, range: [1, n]}\n"
                       "  a: {positive: true}\ndefinitions:\n  p_k: e^{L_k}\n"
                       "  \\text{Loss}: 1\n  W_{i,j}: 0\n  x_1: 2\nsteps: [x]\n")
    decls = d.scope.symbols
    assert decls[1].names == ("i", "j", "gamma") and decls[1].kind == "index"
    assert decls[1].range[1].text == "n"
    assert decls[2].flags == (("positive", True),)
    names = [(x.name, x.params) for x in d.scope.definitions]
    assert names == [("p", ("k",)), ("Loss", ()), ("W", ("i", "j")), ("x_1", ())]


@pytest.mark.parametrize("text, message, line", [
    ("stpes: [x]\n", "did you mean `steps`", 1),
    ("steps: [x]\nsymbols:\n  a: {positiv: true}\n", "did you mean `positive`", 3),
    ("steps: [x]\nsymbols:\n  a: {positive: maybe}\n", "must be true or false", 3),
    ("steps:\n  - {latex: x, expr: x}\n", "exactly one of", 2),
    ("steps:\n  - [x]\n", "a step must be a mapping", 2),
    ("steps: [x]\ncases:\n  - when: x > 0\n", "needs `steps:`", 3),
    ("steps: [x]\ncases: [{when: x > 0, steps: [x]}]\nresult: x\n", "top-level `result:`", 3),
    ("steps: [x]\ndefinitions:\n  a+b: 1\n", "not a name to define", 3),
    ("steps: [x]\ndefinitions:\n  a: 1\n  \\text{a}: 2\n", "defined twice", 4),
    ("steps: [x]\nsymbols:\n  f: {kind: function, range: [1, 2]}\n", "for symbols of kind index", 3),
    ("steps:\n  - ''\n", "a step is empty", 2),
    ("steps: [x]\ntitle: !!binary aGVsbG8=\n", "tag:yaml.org,2002:binary is not allowed", 2),
])
def test_shape_errors_name_the_line(tmp_path, text, message, line):
    with pytest.raises(InputError) as info:
        load(tmp_path, text)
    assert message in info.value.message
    assert info.value.line == line


def test_yaml_errors_use_the_parsers_mark(tmp_path):
    with pytest.raises(InputError) as info:
        load(tmp_path, "steps:\n  - x\n   - y: [\n")
    assert info.value.line == 3 and "YAML syntax error" in info.value.message


def test_files_that_are_not_text(tmp_path):
    for data, message in ((b"\x00\x01steps", "binary"), (b"steps: [\xff]", "not UTF-8"),
                          (b"", "empty"), (b"# only a comment\n", "empty")):
        path = tmp_path / "d.yaml"
        path.write_bytes(data)
        with pytest.raises(InputError, match=message):
            document.load(path)


def test_size_and_node_limits(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("steps:\n" + "  - x\n" * 200_000)
    with pytest.raises(InputError, match="larger than"):
        document.load(path)
    path.write_text("steps: [" + ", ".join(["x"] * 30_000) + "]\n")
    with pytest.raises(InputError, match="YAML nodes"):
        document.load(path)


def test_the_checker_reads_no_more_than_the_loader_accepts(tmp_path):
    from derive_ce.read.files import MAX_BYTES
    from derive_ce.run.cache import file_bytes
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 500))
    assert len(file_bytes(big)) == MAX_BYTES + 1
