"""Jupyter: `derive-ce check NOTEBOOK.ipynb` (the display math of markdown
cells, reported as cell and line) and the `%%derive` cell magic."""

import json
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).parent / "notebooks"


def test_a_true_notebook_verifies(run):
    result = run("check", NOTEBOOKS / "product_rule.ipynb")
    assert result.code == 0, result.out
    assert "cell 3, line 3" in result.out and "✓" in result.out


def test_a_wrong_step_in_a_markdown_cell_fails_on_its_cell_and_line(run):
    path = NOTEBOOKS / "sign_flip.ipynb"
    result = run("check", path)
    assert result.code == 1, result.out
    assert "✗ cell 3, line 5  = 2x e^(−x²)" in result.out
    steps = run("check", "--format", "json", path).json()["files"][0]["steps"]
    assert [(s["cell"], s["line"], s["status"]) for s in steps if s["kind"] == "step"] \
        == [(3, 5, "failed")]
    github = run("check", "--format", "github", path).out
    assert f"::error file={path},title=derive-ce::cell 3, line 5: failed: not equal" in github


def test_the_line_map_names_each_cells_lines():
    from derive_ce.read.notebook import notes_text
    data = json.dumps({"cells": [
        {"cell_type": "markdown", "source": ["a\n", "b"]},
        {"cell_type": "code", "source": "$$ x = 2 $$"},
        {"cell_type": "markdown", "source": "c"}]}).encode()
    text, cells = notes_text(data)
    assert text == "a\nb\n\nc"            # the code cell's math is not read
    assert cells == ((1, 1), (1, 2), (0, 0), (3, 1))


@pytest.mark.parametrize("content, said", [
    (b'{"cells": [1', "line 1: not a notebook: JSON error"),
    (b'[1, 2]', "not a notebook"),
    (b'{"worksheets": []}', "a notebook of format 3"),
    (b'{"cells": [{"cell_type": "markdown", "source": 3}]}', "cell 1: its `source`"),
    (b'{"cells": [{"cell_type": "markdown", "source": "$$ x"}, '
     b'{"cell_type": "markdown", "source": "= x $$"}]}', "cell 1: a display"),
    (b'{"cells": [{"cell_type": "markdown", "source": "a\\n\\n\\\\begin{align*}\\nx"}]}',
     "cell 1, line 3"),
    (b'\xff\xfe', "not UTF-8"),
    (b'[' * 100_000 + b']' * 100_000, "not a notebook"),
])
def test_a_bad_notebook_is_an_input_error(run, tmp_path, content, said):
    path = tmp_path / "bad.ipynb"
    path.write_bytes(content)
    result = run("check", path)
    assert result.code == 2, result.out
    assert said in result.out and "Traceback" not in result.out + result.err


def test_folders_pick_up_notebooks_only_as_they_pick_up_notes(run, tmp_path):
    (tmp_path / "sign_flip.ipynb").write_bytes((NOTEBOOKS / "sign_flip.ipynb").read_bytes())
    result = run("check", tmp_path)
    # the message wraps where the folder's path is long (pytest-xdist's tmp paths are)
    assert result.code == 2 and "notes are checked when named" in " ".join(result.out.split())


# -- %%derive ----------------------------------------------------------------

@pytest.fixture(scope="module")
def shell():
    from IPython.core.interactiveshell import InteractiveShell
    ipython = InteractiveShell.instance()
    ipython.run_line_magic("load_ext", "derive_ce")
    yield ipython
    from derive_ce.run import magic
    magic._close()


def test_the_magic_reports_the_failing_step_of_a_yaml_cell(shell, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    checked = shell.run_cell_magic("derive", "--no-cache", (
        "title: A slipped power\nsteps:\n  - \\frac{d}{dx} x^3\n  - = 3x^2\n  - = 3x^3\n"))
    assert not checked.ok and checked.exit_code == 1
    html = checked.html()
    assert '<div class="step failed">' in html
    failing = html.split('<div class="step failed">', 1)[1].split("</div>", 1)[0]
    assert '<span class="line">5</span>' in failing and "3x³" in failing
    assert html.count('class="step failed"') == 1
    frame = checked._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and "step failed" in frame
    assert "✗    5  = 3x³" in repr(checked)


def test_the_magic_reads_markdown_notes_and_keeps_a_warm_engine(shell, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    notes = "# Square\n$$\n(a + b)^2\n= a^2 + 2ab + b^2\n$$\n"
    checked = shell.run_cell_magic("derive", "", notes)
    assert checked.ok and "✓" in checked.html()
    again = shell.run_cell_magic("derive", "", notes.replace("2ab", "ab"))
    assert not again.ok and "step failed" in again.html()
    assert (tmp_path / ".derive_ce_cache").is_dir()


def test_a_bad_magic_line_is_a_usage_error(shell):
    from IPython.core.error import UsageError
    with pytest.raises(UsageError, match="unknown option"):
        shell.run_cell_magic("derive", "--bogus", "x")
