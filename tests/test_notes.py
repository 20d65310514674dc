"""Data-driven: every notes file in tests/notes/ (and tests/notes/bad/) is
checked where it lives and imported.

NAME.verdict.yaml: the exit code and [line in the notes, kind, status] of
every record (or the file's error); NAME.import.yaml: what `derive-ce import`
writes (run from the notes' folder); no import file: the import exits 2.
The YAML written must give the same verdicts as the notes themselves.
"""

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, batch, disagreements

NOTES = Path(__file__).parent / "notes"
SUFFIXES = (".md", ".tex", ".txt")


CORPUS = ("real", "heldout")   # published notes, measured by tests/test_real_notes.py
HELDOUT = ("heldout22", "heldout23", "heldout24", "heldout25", "heldout26", "heldout27",
           "heldout28", "heldout29", "heldout30", "heldout31", "heldout32",
           "heldout33")   # 22 each, measured by benchmarks/notes.py --dir


def _notes():
    # tests/notes/matrix/ (identities and their slips): checked as one batch in test_matrix.py
    found = [p for p in NOTES.rglob("*") if p.suffix in SUFFIXES
             and p.relative_to(NOTES).parts[0] not in CORPUS + HELDOUT + ("matrix",)]
    return sorted(found, key=lambda p: str(p.relative_to(NOTES)))


def _verdicts(report: dict) -> list[list]:
    return [[s["line"], s["kind"], s["status"]] for s in report["steps"]]


def _check_all(paths: list[Path], cache: Path) -> dict[Path, dict]:
    """One run over many files, both readings asked for: path -> report."""
    return {Path(f["path"]).resolve(): f for f in batch(paths, cache)}


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """A fresh verdict cache for the notes and their imports: a comparison the import
    writes exactly as the notes read it is decided once; one it reads otherwise (another
    scope, another text) is decided again, and the verdicts are compared."""
    return tmp_path_factory.mktemp("notes-cache")


@pytest.fixture(scope="module")
def reports(cache) -> dict[Path, dict]:
    return _check_all(_notes(), cache)


@pytest.fixture(scope="module")
def imported_reports(tmp_path_factory, cache, reports) -> dict[Path, dict]:
    """The committed imports (each test asserts a fresh import writes exactly that),
    checked in one run: notes path -> report of its YAML."""
    folder = tmp_path_factory.mktemp("imported")
    written = {}
    for n, path in enumerate(_notes()):
        expected = path.with_suffix(".import.yaml")
        if expected.exists():
            written[path] = folder / f"{n:03d}_imported.yaml"
            written[path].write_text(expected.read_text())
    found = _check_all(list(written.values()), cache) if written else {}
    return {path: found[target.resolve()] for path, target in written.items()}


def test_the_two_readings_agree_on_the_notes_and_their_imports(reports, imported_reports):
    """The runs above ask for both readings: a disagreement is a bug."""
    assert disagreements([*reports.values(), *imported_reports.values()]) == []


@pytest.mark.parametrize("path", _notes(), ids=lambda p: str(p.relative_to(NOTES)))
def test_notes_check_where_they_live_and_import(run, path, monkeypatch, tmp_path, reports,
                                                 imported_reports):
    want = yaml.safe_load(path.with_suffix(".verdict.yaml").read_text())
    report = reports[path.resolve()]
    code = 2 if report["error"] or any(r["status"] == "error" for r in report["steps"]) \
        else 0 if report["ok"] else 1
    assert code == want["exit"], report
    assert _verdicts(report) == want.get("steps", [])
    assert [[r["line"], r["message"]] for r in report.get("not_checked", [])] == \
        want.get("not_checked", [])
    assert (report["error"] or "").split("\n")[0] == want.get("error", "")

    monkeypatch.chdir(path.parent)
    expected = path.with_suffix(".import.yaml")
    imported = run("import", path.name)
    if not expected.exists():
        assert imported.code == 2 and imported.out == ""
        assert imported.err.startswith(f"derive-ce import: {path.name}: line ")
        return
    assert imported.code == 0, imported.err
    assert imported.out == expected.read_text()
    written = tmp_path / "imported.yaml"
    assert run("import", path.name, "-o", written).code == 0
    assert written.read_text() == imported.out
    from_yaml = imported_reports[path]
    assert [s[1:] for s in _verdicts(from_yaml)] == [s[1:] for s in _verdicts(report)]


def _claims(path: Path) -> list[tuple[int, str]]:
    """The display rows that claim an equality: a `=` outside every brace
    group (not a sum's `k = 1`), a row that begins with `=` too; a boxed row
    may only name a letter (docs/import.md), so it is left out."""
    from derive_ce.read.notes import displays
    text = path.read_text()
    found = []
    for block in displays.blocks(displays.mask(text, path.suffix == ".tex"), text):
        for row in getattr(block, "rows", ()):
            flat = row.text
            while re.search(r"\{[^{}]*\}", flat):
                flat = re.sub(r"\{[^{}]*\}", "", flat)
            if "=" in flat and "\\boxed" not in row.text:
                found.append((row.line, row.text.strip()))
    return found


@pytest.mark.parametrize("path", _notes(), ids=lambda p: str(p.relative_to(NOTES)))
def test_no_claimed_row_is_dropped_in_silence(path, reports):
    """Every row that claims an equality has a record, a not-checked reason, or
    is a definition (in the import's symbols or definitions): a slip on a row
    that nothing reports would let the file say "all steps hold"."""
    report = reports[path.resolve()]
    if report["error"]:
        return
    covered = {s["line"] for s in report["steps"]} | {s.get("against") for s in report["steps"]} \
        | {n["line"] for n in report.get("not_checked", [])}
    imported = path.with_suffix(".import.yaml")
    key = ""
    for line in imported.read_text().splitlines() if imported.exists() else ():
        if re.match(r"[a-z_]+:", line):
            key = line.split(":")[0]
        if key in ("symbols", "definitions"):       # a row the notes define a name by
            covered |= {int(n) for n in re.findall(r"line (\d+)", line)}
    assert [c for c in _claims(path) if c[0] not in covered] == []


def test_seed_notes_verify_unchanged_and_each_branch_reaches_its_end(run):
    report = run("check", "--format", "json", NOTES / "seed_ce.txt").json()["files"][0]
    ends = [(s["case"], s["expr"], s["status"]) for s in report["steps"] if s["line"] in (42, 52)]
    assert ends[-1] == (["\\gamma \\neq i"], "p_i", "proved")
    assert (["\\gamma=i"], "p_i - 1", "proved") in ends
    # a guessed result would compare the branch's last row with itself: none is made
    assert all(s["status"] == "proved" and s["kind"] == "step" for s in report["steps"])


def test_committed_import_of_the_seed_matches_a_fresh_import(run, monkeypatch):
    committed = (ROOT / "derivations" / "ce_imported.yaml").read_text()
    monkeypatch.chdir(NOTES)
    fresh = run("import", "seed_ce.txt").out
    assert fresh.replace("seed_ce.txt", "000_e787732ffd3abadd.txt") == committed


def test_github_annotation_points_at_the_notes_line(run):
    result = run("check", "--format", "github", NOTES / "planted_slip.md")
    assert result.code == 1
    assert f"file={NOTES / 'planted_slip.md'},line=5" in result.out


def test_unreadable_row_names_its_column_in_the_notes(run):
    result = run("check", NOTES / "bad" / "unreadable_row.md")
    assert result.code == 2
    assert "line 4: cannot read the LaTeX at `)` (column 25)" in result.out


@pytest.mark.parametrize("data, message", [
    (b"# t\n\n$$ x = \xff $$\n", "not UTF-8"),
    (b"$$ x\x00 = 1 $$", "binary"),
])
def test_unreadable_notes_file_exits_2(run, tmp_path, data, message):
    path = tmp_path / "notes.md"
    path.write_bytes(data)
    result = run("check", "--format", "json", path)
    assert result.code == 2
    assert message in result.json()["files"][0]["error"]
    assert run("import", path).code == 2


def test_a_missing_notes_file_exits_2(run, tmp_path):
    assert run("check", tmp_path / "absent.md").code == 2
    result = run("import", tmp_path / "absent.md")
    assert result.code == 2 and "file not found" in result.err


def test_the_notes_hook_takes_markdown_and_latex():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    notes = hooks["derive-ce-notes"]
    assert notes["entry"] == "derive-ce check" and set(notes["types_or"]) == {"markdown", "tex"}


def test_prose_only_markdown_has_nothing_to_check(run, tmp_path):
    path = tmp_path / "README.md"
    path.write_text("# A readme\n\nInline $x = 1$ only, and `$$ 1 = 2 $$` in code.\n")
    result = run("check", "--format", "json", path)
    assert result.code == 0 and result.json()["files"][0]["steps"] == []
    text = run("check", "--no-cache", path)
    assert text.code == 0 and "no step to check: nothing checked" in text.out
    assert "all steps hold" not in text.out


def test_a_stored_report_of_notes_is_reused_and_kept_apart_from_yaml(run, tmp_path):
    cache = tmp_path / "cache"
    notes = tmp_path / "slip.md"
    notes.write_text((NOTES / "planted_slip.md").read_text())
    first = run("check", "--format", "json", "--cache-dir", cache, notes, cache=True)
    again = run("check", "--format", "json", "--cache-dir", cache, notes, cache=True)
    assert first.code == again.code == 1 and first.out == again.out
    # the same bytes named .yaml are YAML: not answered from the notes' report
    same = tmp_path / "slip.yaml"
    same.write_bytes(notes.read_bytes())
    assert run("check", "--format", "json", "--cache-dir", cache, same, cache=True).code == 2


def test_a_folder_means_yaml_and_points_at_the_notes_in_it(run, tmp_path):
    (tmp_path / "slip.md").write_text((NOTES / "planted_slip.md").read_text())
    result = run("check", "--format", "json", tmp_path)
    assert result.code == 2
    assert f"derive-ce check {tmp_path / 'slip.md'}" in result.json()["files"][0]["error"]


PLAIN = ("Softplus: f(x) = ln(1+e^{x})\n\nIts derivative, in plain text as a blog wrote it:\n\n"
         "f'(x) = dy/dx = (1/(1+e^{x})) * e^{x} = {RIGHT}\n\n"
         "Settings are no math: run with `timeout = 30 * 2` and retries = 3 (default).\n")


@pytest.mark.parametrize("right", [r"e^{x} / (1+e^{x})", r"e^{-x} / (1+e^{x})"])
def test_math_in_plain_text_is_named_as_not_read_never_checked(run, tmp_path, right):
    path = tmp_path / "plain.md"
    path.write_text(PLAIN.replace("{RIGHT}", right))
    result = run("check", "--format", "json", path)
    report = result.json()["files"][0]
    assert result.code == 0 and report["steps"] == []
    assert [n["line"] for n in report["not_checked"]] == [1, 5]
    assert all("math in plain text (no `$…$` around it) is not read" in n["message"]
               for n in report["not_checked"])


SIGMA = ("# Notes\n\nThe output $h(x)$ is the sigmoid of the score.\n\n"
         "$$\\frac{d}{dx} \\sigma(x) = \\sigma(x)(1 - \\sigma(x))$$\n\n{MORE}\n")


@pytest.mark.parametrize("more, sigmoid", [
    ("", True),
    ("$$\\sigma^2 + 1 = 1 + \\sigma^2$$", False),           # a standard deviation too
    ("$$\\sigma_i + 1 = 1 + \\sigma_i$$", False),           # a family
    ("$$\\sigma(x) = \\tanh(x)$$", False),                  # the notes define it
])
def test_the_word_sigmoid_makes_sigma_the_sigmoid_only_when_sigma_is_only_applied(
        run, tmp_path, more, sigmoid):
    path = tmp_path / "notes.md"
    path.write_text(SIGMA.replace("{MORE}", more))
    imported = run("import", path).out
    assert ("\\sigma(x): \\frac{1}{1 + e^{-x}}" in imported) == sigmoid
    assert ('the prose says "sigmoid" (line 3)' in imported) == sigmoid


UNICODE_PLAIN = ("Sigmoid Activation Function\n\nσ(x) = 1 / (1 + e^(−x))\n\n"
                 "Its derivative is expressed by the output itself:\n\nσ'(x) = {RIGHT}\n\n"
                 "We logarithm and get ln(p^4 * (1-p)^11) = 4*ln(p) + 11*ln(1-p)\n\n"
                 "derivar otra vez L\"(lam) =-SUMMA(Xi)/(lam)² max.\n\n"
                 "The rate is 0.5 and the answer = yes (default).\n")


@pytest.mark.parametrize("right, holds", [("σ(x) · (1 − σ(x))", True),
                                          ("σ(x) · (1 + σ(x))", False)])
def test_plain_math_in_any_script_is_read_on_lines_of_math_only(run, tmp_path, right, holds):
    """A line that is only an equation in plain text is read (a slip fails); one
    inside a sentence, or with notation plain text leaves open (`L"(lam)`, `Xi`,
    `SUMMA`), is named as not read, never checked."""
    path = tmp_path / "plain.md"
    path.write_text(UNICODE_PLAIN.replace("{RIGHT}", right))
    result = run("check", "--format", "json", path)
    report = result.json()["files"][0]
    assert result.code == (0 if holds else 1)
    assert [(s["line"], s["status"]) for s in report["steps"] if s["kind"] != "start"] \
        == [(7, "proved" if holds else "failed")]
    assert [n["line"] for n in report["not_checked"]] == [9, 11]
    assert all("math in plain text (no `$…$` around it) is not read" in n["message"]
               for n in report["not_checked"])


@pytest.mark.parametrize("prose", ["Case 1: \\(i=j\\)", "Here: $i = j$."])
def test_two_indices_equal_in_prose_are_never_a_definition(run, tmp_path, prose):
    path = tmp_path / "notes.md"
    path.write_text("# Softmax\n\nLet $s_i = \\frac{e^{z_i}}{\\sum_{k=1}^{C} e^{z_k}}$.\n\n"
                    "$$\\frac{\\partial s_i}{\\partial z_j} = s_i (\\delta_{ij} - s_j)$$\n\n"
                    f"{prose}\n\n$$\\frac{{\\partial s_i}}{{\\partial z_j}} = s_i (1 - s_i)$$\n")
    imported = run("import", path).out
    assert "\n  i: j" not in imported and "s_i: \\frac" in imported
