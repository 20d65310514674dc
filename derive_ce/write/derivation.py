"""An imported derivation -> the YAML of the derivation format, with every
guess written as a comment beside what was guessed (`derive-ce import`)."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path

import yaml

from derive_ce.errors import InputError
from derive_ce.read.model import Case, Definition, Math, Step, SymbolDecl, kept_apart
from derive_ce.read.names import latex_name
from derive_ce.read.notes import GREEK, Imported, read

_BREAKS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")
HEADER = """\
# Imported by `derive-ce import` from {path}.
# `# line N` is the line in the notes.  Symbols, definitions, cases and
# results marked `guessed` were inferred from the notes: check them.
"""


def import_notes(notes: Path, output: Path | None) -> int:
    """Write the YAML to `output` (or stdout); exit code 0, or 2 with a
    message on stderr when the notes cannot be used."""
    try:
        text = dump(read(notes), str(notes))
        _self_check(text)
    except InputError as exc:
        print(f"derive-ce import: {notes}: {exc.describe()}", file=sys.stderr)
        return 2
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"derive-ce import: cannot write {output}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0


def _self_check(text: str) -> None:
    """The YAML written must load as a derivation (it always should)."""
    from derive_ce.read.document import build
    build(yaml.compose(text, Loader=yaml.SafeLoader), "<import>")


def dump(imported: Imported, path: str) -> str:
    """One derivation as `steps:` (and `cases:`); several as `derivations:`.
    Rows reported as not checked (equation solving) have no place in a
    derivation file: they are listed in the header with their reason."""
    derivation = imported.derivation
    chains = [(s.title, s.steps, s.cases, s.line) for s in derivation.sections] \
        or [(derivation.title, derivation.steps, derivation.cases, 0)]
    sources = imported.section_case_sources or ((imported.case_sources),)
    owns = [s.symbols for s in derivation.sections] or [()]
    kept = [(title, *_hoisted(_checked(steps), _checked_cases(cases)), line, source, own)
            for (title, steps, cases, line), source, own in zip(chains, sources, owns)]
    dropped = [(line, f"not imported: a derivation whose cases start from different "
                      f"expressions ({title})") for title, steps, cases, line, _, _ in kept
               if not steps and cases and len(kept) > 1]
    symbols, reasons = derivation.scope.symbols, imported.symbol_reasons
    if len(kept) > 1:                  # a derivation only of rows not checked: in the header
        kept = [k for k in kept if k[1]] or kept[:1]
        if len(kept) == 1:
            derivation = dataclasses.replace(derivation, sections=(), steps=kept[0][1],
                                             cases=kept[0][2])
            symbols, reasons = _in_place(symbols, reasons, kept[0][5])
    if any(not steps for _, steps, _, _, _, _ in kept):
        raise InputError("the notes give no step (or none before their first case): "
                         "a derivation file needs `steps:`")
    out = [HEADER.format(path=comment(path))]
    notes = sorted([(n.line, n.text) for n in imported.notes] + _unchecked(chains) + dropped)
    if notes:
        out.append("#\n# From the notes, not checked:\n")
        out.extend(f"#   line {line}: {comment(text)}\n" for line, text in notes)
    if derivation.title:
        out.append(f"title: {scalar(derivation.title)}\n")
    out.append(f"source: {scalar(derivation.source)}\n")
    out.extend(_symbols(symbols, reasons))
    out.extend(_definitions(derivation.scope.definitions, imported.definition_notes))
    if not derivation.sections:
        _, steps, cases, _, source, _ = kept[0]
        out.extend(_chain(steps, cases, source, ""))
        out.extend(_result(derivation.result, ""))
        return "".join(out)
    out.append("derivations:\n")
    for title, steps, cases, line, source, own in kept:
        out.append(f"  - title: {scalar(title)}  # line {line}\n")
        out.extend(_symbols(own, tuple(_OWN.format(d.line) for d in own), "    "))
        out.extend(_chain(steps, cases, source, "    "))
    return "".join(out)


_OWN = "this derivation's own, from the prose on line {}"


def _in_place(symbols, reasons, own):
    """The file's declarations with one derivation's own in place of them."""
    if not own:
        return symbols, reasons
    kept = kept_apart(symbols, {n for d in own for n in d.names})
    return (tuple(d for _, d in kept) + tuple(own),
            tuple(reasons[k] for k, _ in kept) + tuple(_OWN.format(d.line) for d in own))


def _chain(steps, cases, sources, indent: str) -> list[str]:
    out = [f"{indent}steps:\n", *_steps(steps, indent + "  ")]
    if cases:
        out.append(f"{indent}cases:\n")
        for case, source in zip(cases, sources):
            out.extend(_case(case, source, indent))
    return out


def _hoisted(steps: tuple[Step, ...], cases: tuple[Case, ...]) -> tuple[tuple, tuple]:
    """A derivation that is only cases ("For $x \\neq 1$:" then `a = b`) as a
    derivation file writes it: the expression every case starts from as the
    step before `cases:`, each case going on from it (`= b`). Unchanged when
    there are steps before the cases, or the cases start from different
    expressions."""
    if steps or not cases or any(not c.steps or c.steps[0].math.syntax != "latex"
                                 for c in cases):
        return steps, cases
    from derive_ce.read.latex.parser import split_chain
    split = []
    for case in cases:
        first = case.steps[0]
        try:
            parts = split_chain(first.math.text, first.math.line)
        except InputError:
            return steps, cases
        if not parts:
            return steps, cases
        split.append(parts)
    starts = {parts[0].text.strip() for parts in split}
    if len(starts) != 1:
        return steps, cases
    first = cases[0].steps[0]
    start = Step(dataclasses.replace(first.math, text=starts.pop(), column=0, breaks=()))
    going_on = []
    for case, parts in zip(cases, split):
        head = case.steps[0]
        rest = case.steps[1:]
        if len(parts) > 1:
            text = head.math.text[parts[0].column - 1 + len(parts[0].text):].strip()
            rest = (dataclasses.replace(head, math=dataclasses.replace(
                head.math, text=text, column=0, breaks=())),) + rest
        going_on.append(dataclasses.replace(case, steps=rest))
    return (start,), tuple(going_on)


def _checked(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    return tuple(s for s in steps if not s.unchecked)


def _checked_cases(cases: tuple[Case, ...]) -> tuple[Case, ...]:
    return tuple(dataclasses.replace(c, steps=_checked(c.steps), cases=_checked_cases(c.cases))
                 for c in cases)


def _unchecked(chains) -> list[tuple[int, str]]:
    out = []
    pending = [s for _, steps, cases, _ in chains for s in steps] \
        + [s for _, _, cases, _ in chains for c in cases for s in _case_steps(c)]
    for step in pending:
        if step.unchecked:
            out.append((step.math.line, f"not checked: {step.unchecked}: {step.math.text}"))
    return out


def _case_steps(case: Case):
    yield from case.steps
    for inner in case.cases:
        yield from _case_steps(inner)


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when it reads back unchanged, else
    double-quoted (a JSON string is a YAML double-quoted scalar)."""
    if text and "\n" not in text:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.replace("\x85", "\\x85").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def comment(text: str) -> str:
    """Text for a `#` comment: whatever YAML would read as a line break, or
    a control character, becomes a space."""
    return _BREAKS.sub(" ", text)


def _symbols(decls: tuple[SymbolDecl, ...], reasons: tuple[str, ...], indent: str = "") -> list[str]:
    if not decls:
        return []
    out = [f"{indent}symbols:\n"]
    for decl, reason in zip(decls, reasons):
        value = decl.kind
        if decl.range is not None:
            low, high = (_flow(m.text) for m in decl.range)
            value = f"{{kind: index, range: [{low}, {high}]}}"
        elif decl.shape:
            sizes = [_flow(m.text) for m in decl.shape]
            said = "".join(f", {p}: true" for p in decl.properties)     # symmetric, positive_definite
            value = (f"{{kind: vector, size: {sizes[0]}}}" if decl.kind == "vector"
                     else f"{{kind: matrix, shape: [{', '.join(sizes)}]{said}}}")
        elif decl.flags:
            value = "{" + ", ".join(f"{f}: {str(v).lower()}" for f, v in decl.flags) + "}"
        if decl.guessed:        # read by use, as the notes read it (a derivative of an
            #                     element is refused, not 0): said, not declared
            out.append(f"{indent}  # {', '.join(decl.names)}: {value}  # guessed: "
                       f"{comment(reason)}; left to the reading by use, so that its "
                       f"elements are not constants\n")
            continue
        out.append(f"{indent}  {', '.join(decl.names)}: {value}  # guessed: {comment(reason)}\n")
    return out


def _flow(text: str) -> str:
    """A scalar inside a flow sequence: quoted unless it is a bare word or number."""
    return text if text.replace("_", "").isalnum() else json.dumps(text, ensure_ascii=False)


def _definitions(definitions: tuple[Definition, ...], notes: tuple[str, ...]) -> list[str]:
    if not definitions:
        return []
    out = ["definitions:\n"]
    for definition, note in zip(definitions, notes):
        key = latex_name(definition.name)
        sample = definition.name.endswith("⁽⁾")
        if sample:                                  # `\hat{y}^{(i)}`: at each sample i
            key = f"{latex_name(definition.name[:-2])}^{{({definition.params[0]})}}"
        elif definition.function and "_" in definition.name:     # `f_N(x)`, as the notes were read
            key = f"\\operatorname{{{definition.name}}}"
        elif _worded(definition):                   # `L_{\text{data}}`: a word below a letter
            base, word = definition.name.split("_", 1)
            key = f"{latex_name(base)}_{{\\text{{{word}}}}}"
        params = ",".join(f"\\{p}" if p in GREEK else p for p in definition.params)
        if definition.function:
            key += f"({params})"
        elif definition.params and not sample:
            key += f"_{{{params}}}" if len(definition.params) > 1 else f"_{params}"
        out.append(f"  {scalar(key)}: {scalar(definition.body.text)}  "
                   f"# guessed: a definition, {comment(note)}\n")
    return out


def _worded(definition: Definition) -> bool:
    """A name read from `L_{\\text{data}}`: a word (not a Greek letter) below a letter."""
    base, _, word = definition.name.partition("_")
    return not definition.function and not definition.params and len(word) > 1 \
        and word.isalpha() and word not in GREEK and (len(base) == 1 or base in GREEK)


def _steps(steps: tuple[Step, ...], indent: str) -> list[str]:
    out = []
    for step in steps:
        text = step.math.text + (f" \\quad | {step.why}" if step.why else "")
        out.append(f"{indent}- {scalar(text)}  # line {step.math.line}\n")
    return out


def _case(case: Case, source: str | None, indent: str = "") -> list[str]:
    """`source`: the prose the case was read from; None for a case inside
    another (a row's own condition), whose source is its line."""
    said = f"from `{comment(source)}` (line {case.when.line})" if source is not None \
        else f"from line {case.when.line}"
    out = [f"{indent}  - when: {scalar(case.when.text)}  # guessed {said}\n"]
    if case.steps:
        out.append(f"{indent}    steps:\n")
        out.extend(_steps(case.steps, indent + "      "))
    if case.cases:
        out.append(f"{indent}    cases:\n")
        for inner in case.cases:
            out.extend(_case(inner, None, indent + "    "))
    out.extend(_result(case.result, indent + "    "))
    return out


def _result(result: Math | None, indent: str) -> list[str]:
    if result is None:
        return []
    return [f"{indent}result: {scalar(result.text)}  "
            f"# guessed: the branch's last expression (line {result.line})\n"]
