"""`--format html`: one self-contained page, math as MathML, checked in a real
headless Chromium (Debian's `chromium`; .ci/run installs it)."""

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT

CE = ROOT / "derivations" / "ce.yaml"
FAIL = ROOT / "tests" / "examples" / "fail" / "sign_flip.yaml"
NESTED = ROOT / "tests" / "examples" / "pass" / "nested_cases.yaml"
FAILED_BACKGROUND = (253, 226, 226)        # #fde2e2, the row of a failed step


class _Visible(HTMLParser):
    """The text a reader sees: no <style>, no attributes, no <head>."""

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hidden += tag in ("style", "script", "head", "title")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("style", "script", "head", "title")

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)


def _visible(html: str) -> _Visible:
    parser = _Visible()
    parser.feed(html)
    return parser


def test_page_is_self_contained_with_mathml_and_a_summary(run):
    result = run("check", "--format", "html", CE, FAIL)
    page = _visible(result.out)
    text = " ".join(page.text)
    assert result.code == 1
    assert result.out.startswith("<!DOCTYPE html>")
    assert "<script" not in result.out and "http://" not in result.out.replace(
        'xmlns="http://www.w3.org/1998/Math/MathML"', "")
    assert page.tags.count("math") >= 20 and "mfrac" in page.tags
    assert "\\frac" not in text and "\\sum" not in text
    assert text.index("some steps do not hold") < text.index("derivations/ce.yaml — ")
    assert "previous step" in text and "counterexample" in text


def test_cases_are_nested_sections(run):
    html = run("check", "--format", "html", NESTED).out
    assert html.count('<section class="case">') >= 2
    outer = html.index('<section class="case">')
    inner = html.index('<section class="case">', outer + 1)
    assert html.index("</section>", outer) > inner       # the second opens inside the first


def test_text_in_latex_cannot_inject_markup(run, tmp_path):
    path = tmp_path / "inject.yaml"
    path.write_text('title: "<b>x</b>"\nsteps:\n  - \\text{<script>alert(1)</script>} + x\n'
                    '  - = x + \\text{<script>alert(1)</script>}\n'
                    '    \\quad | <img src=x onerror=alert(1)>\n')
    html = run("check", "--format", "html", path).out
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


@pytest.fixture(scope="module")
def chromium():
    found = shutil.which("chromium")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have chromium (.ci/run installs it)")
        pytest.skip("needs Debian's chromium: apt-get install -y chromium")
    return found


def _chromium(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=180)


@pytest.mark.slow
def test_report_renders_in_headless_chromium(run, tmp_path, chromium):
    from PIL import Image
    page = tmp_path / "report.html"
    page.write_text(run("check", "--format", "html", FAIL, CE).out)

    dom = _chromium(chromium, tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    seen = _visible(dom.stdout)
    assert seen.tags.count("math") >= 20 and "mfrac" in seen.tags and "msub" in seen.tags
    assert "\\frac" not in " ".join(seen.text)

    shot = tmp_path / "report.png"
    taken = _chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1000,900",
                      page.as_uri())
    assert taken.returncode == 0 and shot.is_file(), taken.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1000, 900)
    pixels = list(image.get_flattened_data()) if hasattr(image, "get_flattened_data") else list(image.getdata())
    failed_row = sum(1 for p in pixels if p == FAILED_BACKGROUND)
    assert failed_row > 5_000          # the failed step's row is on the first screen
    assert len(set(pixels)) > 50       # text and math were drawn, not a blank page


SLIP_EXAMPLES = [f"tests/examples/slip/{name}" for name in ("sign.yaml", "term.yaml", "index.yaml")]
SCREENSHOT = ROOT / "docs" / "slip-report.png"


@pytest.mark.slow
def test_failing_report_shows_slip_difference_and_readings_as_math(run, tmp_path, chromium,
                                                                   monkeypatch):
    """Issue 18: the slip in words, the difference and both readings typeset
    as MathML in a real browser; the screenshot is docs/slip-report.png."""
    from PIL import Image
    monkeypatch.chdir(ROOT)
    page = tmp_path / "slip.html"
    page.write_text(run("check", "--format", "html", *SLIP_EXAMPLES).out)
    dom = _chromium(chromium, tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout
    seen = " ".join(_visible(html).text)
    assert "this step is −1 × the previous one: a sign slipped" in seen
    assert "a term is missing" in seen and "are exchanged" in seen
    readings = html.split('<table class="readings">')[1:]
    assert len(readings) == 3
    for table in readings:
        table = table.split("</table>")[0]
        assert "this step − previous step" in table and "read as" in table
        assert table.count("<math") == 3          # the difference and both readings
    assert "\\frac" not in seen and "\\sin" not in seen

    shot = tmp_path / "slip.png"
    taken = _chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1000,1100",
                      page.as_uri())
    assert taken.returncode == 0 and shot.is_file(), taken.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    pixels = list(image.get_flattened_data()) if hasattr(image, "get_flattened_data") else list(image.getdata())
    assert sum(1 for p in pixels if p == FAILED_BACKGROUND) > 20_000   # the failed rows
    assert len(set(pixels)) > 50
    if os.environ.get("DERIVE_CE_SCREENSHOT"):     # refresh the README's picture
        SCREENSHOT.write_bytes(shot.read_bytes())
