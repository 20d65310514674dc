"""Every module compiles without a warning: an invalid escape such as `\\m` in a
docstring is a SyntaxWarning today and an error in a later Python."""
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted((ROOT / "derive_ce").rglob("*.py"))


def test_modules_are_found():
    assert len(MODULES) > 50


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiles_without_warnings(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
