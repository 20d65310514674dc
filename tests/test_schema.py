"""The JSON Schema for editors accepts every real derivation and refuses bad shapes."""

import json

import jsonschema
import pytest
import yaml

from conftest import ROOT

EXAMPLES = ROOT / "tests" / "examples"
GOOD = sorted((ROOT / "derivations").glob("*.yaml")) + sorted((EXAMPLES / "pass").glob("*.yaml"))
# bad/ files whose fault is their shape (the rest are bad math, which a schema cannot see)
REFUSED = ["bad_kind", "bad_range", "case_without_when", "empty_steps", "missing_steps",
           "not_a_mapping", "unknown_key_step", "wrong_type", "several_with_steps",
           "several_without_title"]


@pytest.fixture(scope="module")
def validator():
    from importlib import resources
    schema = json.loads(resources.files("derive_ce.read").joinpath("derivation.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_derivation_is_valid(validator, path):
    errors = list(validator.iter_errors(yaml.safe_load(path.read_text())))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize("name", REFUSED)
def test_bad_shapes_are_refused(validator, name):
    data = yaml.safe_load((EXAMPLES / "bad" / f"{name}.yaml").read_text())
    assert list(validator.iter_errors(data)), name


@pytest.mark.parametrize("text", [
    "steps: [x]\nresult: x\ncases: [{when: x > 0, steps: [x]}]\n",     # result beside cases
    "steps: [{latex: x, expr: x}]\n",                                  # both forms in one step
    "steps: [x]\nsymbols: {x: {positive: 'yes'}}\n",                   # a flag that is not a bool
    "steps: [x]\ncases: [{when: x > 0}]\n",                            # a case with nothing in it
])
def test_more_bad_shapes_are_refused_and_the_checker_agrees(validator, run, tmp_path, text):
    assert list(validator.iter_errors(yaml.safe_load(text)))
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    assert run("check", path).code == 2


def test_schema_command_prints_the_packaged_schema(run):
    result = run("schema")
    assert result.code == 0 and json.loads(result.out)["title"] == "derive-ce derivation"
