"""YAML file -> Derivation: plain records that remember their YAML line.

Loads with PyYAML's safe composer (node tree with marks, nothing
constructed), rejects tags and aliases, and checks the shape.  No math is
read here: LaTeX and plain-syntax texts are kept as `Math` records.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from derive_ce.errors import InputError
from derive_ce.read.files import MAX_BYTES, decode, read_bytes
from derive_ce.read.model import (  # noqa: F401
    Case,
    Definition,
    Derivation,
    Math,
    Scope,
    Section,
    Step,
    SymbolDecl,
)
from derive_ce.read.names import WORD_BELOW, name_of
from derive_ce.read.shapes import sized_by_use

MAX_NODES = 20_000
_WHY = re.compile(r"\\q?quad\s*\|")
# A trailing remark in text: `\quad [\text{...}]`, `\qquad \text{...}`, `\text{(...)}`.
_TEXT_ITEM = r"\\(?:text|textrm|mathrm)\s*\{[^{}]*\}"
_WHY_TAIL = re.compile(
    rf"(?:\\q?quad\s*(?:\[\s*(?:{_TEXT_ITEM}\s*)+\]|\(\s*(?:{_TEXT_ITEM}\s*)+\)|(?:{_TEXT_ITEM}\s*)+)"
    rf"|\\(?:text|textrm)\s*\{{\s*\([^{{}}]*\)\s*\}})\s*[.,]?\s*$")
_TEXT = re.compile(r"\\(?:text|textrm|mathrm|operatorname)\s*\{([^{}]*)\}")
_STD_TAGS = {"tag:yaml.org,2002:" + t for t in
             ("str", "int", "float", "bool", "null", "map", "seq")}
KINDS = ("scalar", "vector", "matrix", "index", "function")
FLAGS = ("real", "positive", "nonnegative", "integer")


class _Loader(yaml.SafeLoader):
    """Safe composer that refuses aliases (no alias bombs) and big trees."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise InputError("YAML aliases (*name) are not allowed in a derivation",
                             event.start_mark.line + 1)
        self._count = getattr(self, "_count", 0) + 1
        if self._count > MAX_NODES:
            raise InputError(f"the file holds more than {MAX_NODES} YAML nodes")
        return super().compose_node(parent, index)


def load(path: Path, data: bytes | None = None) -> Derivation:
    """Read and check one derivation file (or its bytes, already read);
    raise InputError when it cannot be used."""
    text = decode(read_bytes(path) if data is None else data[:MAX_BYTES + 1], "YAML text")
    return build(_compose(text), str(path))


def _compose(text: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = f", column {mark.column + 1}" if mark else ""
        started = ""
        if exc.context and exc.context_mark and exc.problem_mark \
                and exc.context_mark.line != exc.problem_mark.line:
            started = f" ({exc.context} on line {exc.context_mark.line + 1})"
        raise InputError(f"YAML syntax error{col}: {exc.problem or exc.context}{started} "
                         "(a step that starts with | > { [ * & ! % @ or ` must be quoted)",
                         line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}") from None
    except RecursionError:
        raise InputError("the YAML is nested too deeply") from None
    if node is None:
        raise InputError("the file is empty: a derivation needs `steps:`")
    return node


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _check_tag(node: yaml.Node) -> None:
    if node.tag not in _STD_TAGS:
        raise InputError(f"YAML tag {node.tag} is not allowed", _line(node))


def _mapping(node: yaml.Node, what: str, keys: tuple[str, ...]) -> dict[str, yaml.Node]:
    out: dict[str, yaml.Node] = {}
    for key, value in _pairs(node, what):
        name = _scalar(key, "a key")
        if name not in keys:
            raise InputError(_unknown_key(name, what, keys), _line(key))
        if name in out:
            raise InputError(f"`{name}` appears twice in {what}", _line(key))
        out[name] = value
    return out


def _unknown_key(name: str, what: str, keys: tuple[str, ...]) -> str:
    return f"unknown key `{name}` in {what}{_suggest(name, keys)}; allowed: {', '.join(keys)}"


def _suggest(word: str, options: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _scalar(node: yaml.Node, what: str) -> str:
    _check_tag(node)
    if not isinstance(node, yaml.ScalarNode):
        raise InputError(f"{what} must be a single value, not a list or mapping",
                         _line(node))
    return node.value


def _math(node: yaml.Node, what: str, syntax: str = "latex") -> Math:
    text = _scalar(node, what).strip()
    if not text:
        raise InputError(f"{what} is empty", _line(node))
    return Math(text, _line(node), syntax)


def _sequence(node: yaml.Node, what: str) -> list[yaml.Node]:
    _check_tag(node)
    if not isinstance(node, yaml.SequenceNode):
        raise InputError(f"{what} must be a list", _line(node))
    if not node.value:
        raise InputError(f"{what} is an empty list", _line(node))
    return node.value


TOP_KEYS = ("title", "source", "symbols", "definitions", "steps", "cases", "result",
            "derivations", "layout")
LAYOUTS = ("denominator", "numerator")
PROPERTIES = ("symmetric", "positive_definite")


def build(root: yaml.Node, path: str) -> Derivation:
    top = _mapping(root, "the derivation", TOP_KEYS)
    if "derivations" in top:
        return _several(top, path)
    if "steps" not in top:
        raise InputError("the derivation has no `steps:` list", _line(root))
    cases = tuple(_case(c) for c in _sequence(top["cases"], "`cases`")) if "cases" in top else ()
    if cases and "result" in top:
        raise InputError("a top-level `result:` is for a file without `cases:`; "
                         "put each branch's result in its case", _line(top["result"]))
    return sized_by_use(Derivation(
        path=path,
        title=_scalar(top["title"], "`title`") if "title" in top else "",
        source=_scalar(top["source"], "`source`") if "source" in top else "",
        scope=Scope(_symbols(top.get("symbols")), _definitions(top.get("definitions")),
                    _layout(top.get("layout"))),
        steps=_steps(top["steps"]),
        cases=cases,
        result=_math(top["result"], "`result`") if "result" in top else None,
    ))


SECTION_KEYS = ("title", "symbols", "steps", "cases", "result")


def _several(top: dict[str, yaml.Node], path: str) -> Derivation:
    """`derivations:`: several derivations that share `symbols:` and `definitions:`."""
    for key in ("steps", "cases", "result"):
        if key in top:
            raise InputError(f"a file with `derivations:` keeps its `{key}:` inside each "
                             "derivation", _line(top[key]))
    sections = tuple(_section(n) for n in _sequence(top["derivations"], "`derivations`"))
    titles = [s.title for s in sections]
    for section in sections:
        if titles.count(section.title) > 1:
            raise InputError(f"two derivations are titled `{section.title}`", section.line)
    return sized_by_use(Derivation(
        path=path,
        title=_scalar(top["title"], "`title`") if "title" in top else "",
        source=_scalar(top["source"], "`source`") if "source" in top else "",
        scope=Scope(_symbols(top.get("symbols")), _definitions(top.get("definitions")),
                    _layout(top.get("layout"))),
        sections=sections,
    ))


def _section(node: yaml.Node) -> Section:
    keys = _mapping(node, "a derivation of `derivations:`", SECTION_KEYS)
    if "title" not in keys or "steps" not in keys:
        raise InputError("each derivation of `derivations:` needs a `title:` and `steps:`",
                         _line(node))
    cases = tuple(_case(c) for c in _sequence(keys["cases"], "`cases`")) if "cases" in keys else ()
    if cases and "result" in keys:
        raise InputError("a derivation's `result:` is for one without `cases:`; "
                         "put each branch's result in its case", _line(keys["result"]))
    return Section(_scalar(keys["title"], "`title`"), _steps(keys["steps"]), cases,
                   _math(keys["result"], "`result`") if "result" in keys else None,
                   _line(node), _symbols(keys.get("symbols")))


def _steps(node: yaml.Node) -> tuple[Step, ...]:
    return tuple(_step(item) for item in _sequence(node, "`steps`"))


def _step(node: yaml.Node) -> Step:
    if isinstance(node, yaml.ScalarNode):
        return split_why(_math(node, "a step"), "")
    _colon_in_step(node)
    keys = _mapping(node, "a step", ("latex", "expr", "why"))
    why = _scalar(keys["why"], "`why`").strip() if "why" in keys else ""
    if ("latex" in keys) == ("expr" in keys):
        raise InputError("a step mapping needs exactly one of `latex:` or `expr:`",
                         _line(node))
    if "expr" in keys:
        return Step(_math(keys["expr"], "`expr`", "expr"), why)
    return split_why(_math(keys["latex"], "`latex`"), why)


def _colon_in_step(node: yaml.Node) -> None:
    """`- = 2x: yes` is a YAML mapping, not a step: say to quote it."""
    if not (isinstance(node, yaml.MappingNode) and len(node.value) == 1):
        return
    key, value = node.value[0]
    if not isinstance(key, yaml.ScalarNode) or re.fullmatch(r"[A-Za-z_]+", key.value):
        return                  # a key, perhaps misspelt (`latx:`): said as such
    typed = f"{key.value}: {value.value}" if isinstance(value, yaml.ScalarNode) else key.value
    quoted = typed.replace("'", "''")
    raise InputError(f"the `: ` inside this step makes YAML read it as a `key: value` pair: "
                     f"quote this step (`- '{quoted}'`)", _line(node))


def split_why(math: Math, why: str) -> Step:
    """`a = b \\quad | rule`: the text after `\\quad |` is the why; so is a
    trailing `\\quad [\\text{rule}]`, `\\quad \\text{rule}` or `\\text{(rule)}`."""
    parts = _WHY.split(math.text, maxsplit=1)
    if len(parts) == 1:
        tail = _WHY_TAIL.search(math.text)
        if tail is None or not math.text[:tail.start()].strip():
            return Step(math, why)
        parts = [math.text[:tail.start()], tail.group()]
    body = parts[0].rstrip()
    if not body:
        raise InputError("the step is empty before `\\quad |`", math.line)
    noted = _TEXT.sub(r"\1", parts[1]).replace("\\qquad", " ").replace("\\quad", " ")
    noted = " ".join(noted.split()).strip(" .,")
    if noted.startswith(("[", "(")) and noted.endswith(("]", ")")):
        noted = noted[1:-1].strip()
    return Step(Math(body, math.line, math.syntax), why or noted)


def _case(node: yaml.Node) -> Case:
    keys = _mapping(node, "a case", ("when", "steps", "cases", "result"))
    if "when" not in keys:
        raise InputError("a case needs `when:` (the condition of the branch)", _line(node))
    if not any(k in keys for k in ("steps", "cases", "result")):
        raise InputError("a case needs `steps:`, `cases:` or `result:`", _line(node))
    return Case(
        when=_math(keys["when"], "`when`"),
        steps=_steps(keys["steps"]) if "steps" in keys else (),
        cases=tuple(_case(c) for c in _sequence(keys["cases"], "`cases`")) if "cases" in keys else (),
        result=_math(keys["result"], "`result`") if "result" in keys else None,
        line=_line(node),
    )


def _symbol_name(text: str, line: int) -> str:
    """A declared name, as the LaTeX reader names it: `\\gamma`, `\\hat{y}`, `\\mathbf{x}`."""
    try:
        name = name_of(text)
    except InputError as exc:
        raise InputError(exc.message, line) from None
    if not name or any(c.isspace() or c in "{}\\_^,()" for c in name) or not name[0].isalpha():
        raise InputError(f"`{text.strip()}` is not a symbol name (letters and digits, "
                         "starting with a letter)", line)
    return name


def _symbols(node: yaml.Node | None) -> tuple[SymbolDecl, ...]:
    if node is None:
        return ()
    decls = []
    for key, value in _pairs(node, "`symbols`"):
        names = tuple(_symbol_name(n, _line(key))
                      for n in _scalar(key, "a symbol name").split(","))
        decls.append(_declaration(names, value))
    return tuple(decls)


def _pairs(node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    _check_tag(node)
    if not isinstance(node, yaml.MappingNode):
        raise InputError(f"{what} must be a mapping", _line(node))
    return node.value


def _declaration(names: tuple[str, ...], node: yaml.Node) -> SymbolDecl:
    line = _line(node)
    if isinstance(node, yaml.ScalarNode):
        kind = _scalar(node, "a symbol kind")
        if kind not in KINDS:
            raise InputError(_unknown_kind(kind), line)
        return SymbolDecl(names, kind, (), None, line)
    keys = _mapping(node, "a symbol declaration",
                    ("kind",) + FLAGS + ("range", "size", "shape") + PROPERTIES)
    kind = _scalar(keys["kind"], "`kind`") if "kind" in keys else "scalar"
    if kind not in KINDS:
        raise InputError(_unknown_kind(kind), _line(keys["kind"]))
    flags = tuple((f, _bool(keys[f], f)) for f in FLAGS if f in keys)
    rng = _range(keys["range"]) if "range" in keys else None
    if rng is not None and kind not in ("index", "scalar"):
        raise InputError("`range:` is for symbols of kind index", line)
    if rng is not None:
        kind = "index"
    properties = tuple(p for p in PROPERTIES if p in keys and _bool(keys[p], p))
    if any(p in keys for p in PROPERTIES) and kind != "matrix":
        raise InputError("`symmetric:` and `positive_definite:` are for a matrix", line)
    if "positive_definite" in properties and "symmetric" not in properties:
        properties = ("symmetric",) + properties
    shape = _shape(keys, kind, line)
    if properties and (len(shape) != 2 or shape[0].text.strip() != shape[1].text.strip()):
        raise InputError("a symmetric matrix is square: give it `shape: [n, n]`", line)
    return SymbolDecl(names, kind, flags, rng, line, shape=shape, properties=properties)


def _layout(node: yaml.Node | None) -> str:
    if node is None:
        return "denominator"
    layout = _scalar(node, "`layout`")
    if layout not in LAYOUTS:
        raise InputError(f"unknown layout `{layout}`{_suggest(layout, LAYOUTS)}; "
                         "layouts: denominator (the default: a gradient has the variable's "
                         "shape), numerator", _line(node))
    return layout


def _shape(keys: dict[str, yaml.Node], kind: str, line: int) -> tuple[Math, ...]:
    """`size: n` (a vector), `shape: [n, m]` (a matrix)."""
    if "size" in keys:
        if kind != "vector" or "shape" in keys:
            raise InputError("`size:` is for a vector (a matrix has `shape: [rows, columns]`)",
                             _line(keys["size"]))
        return (_math(keys["size"], "`size`"),)
    if "shape" not in keys:
        return ()
    items = _sequence(keys["shape"], "`shape`")
    if kind != "matrix" or len(items) != 2:
        raise InputError("`shape:` is a matrix's [rows, columns] (a vector has `size: n`)",
                         _line(keys["shape"]))
    return tuple(_math(item, "a size") for item in items)


def _unknown_kind(kind: str) -> str:
    return f"unknown symbol kind `{kind}`{_suggest(kind, KINDS)}; kinds: {', '.join(KINDS)}"


def _bool(node: yaml.Node, what: str) -> bool:
    text = _scalar(node, f"`{what}`")
    if node.tag != "tag:yaml.org,2002:bool":
        raise InputError(f"`{what}` must be true or false, not `{text}`", _line(node))
    return text.lower() in ("true", "yes", "on", "y")


def _range(node: yaml.Node) -> tuple[Math, Math]:
    items = _sequence(node, "`range`")
    if len(items) != 2:
        raise InputError("`range` must be two expressions: [low, high]", _line(node))
    return (_math(items[0], "the range's low end"), _math(items[1], "the range's high end"))


def _definitions(node: yaml.Node | None) -> tuple[Definition, ...]:
    if node is None:
        return ()
    out = []
    seen: set[str] = set()
    for key, value in _pairs(node, "`definitions`"):
        text = _scalar(key, "a definition name").strip()
        name, params, function = _definition_name(text, _line(key))
        if name in seen:
            raise InputError(f"`{name}` is defined twice", _line(key))
        seen.add(name)
        out.append(Definition(name, params, _math(value, f"the definition of `{text}`"),
                              _line(key), function))
    return tuple(out)


_DEF_NAME = re.compile(r"(?P<name>\\[A-Za-z]+\s*\{[^{}]*\}|\\[A-Za-z]+\s+[A-Za-z](?![A-Za-z])|\\[A-Za-z]+"
                       r"|[A-Za-z][A-Za-z0-9]*)\s*"
                       r"(?:_(?:\{(?P<braced>[^{}]*)\}|(?P<bare>\\?[A-Za-z0-9]+))"
                       r"|\((?P<args>[^()]*)\))?$")
_PARAM = re.compile(r"\\?[A-Za-z][A-Za-z0-9]*$")


# `\hat{y}^{(i)}`: a quantity at each sample i (its family is ŷ⁽⁾, as x^{(i)} is read)
_SAMPLE_KEY = re.compile(r"(?P<name>\\[A-Za-z]+\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])\s*"
                         r"\^\s*\{\s*\(\s*(?P<label>\\?[A-Za-z]+)\s*\)\s*\}$")


# `L_{\text{total}}`, `J_\mathrm{reg}`: a name with a word below it, read in a step as L_total
_WORD_KEY = re.compile(r"(?P<name>\\[A-Za-z]+\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])\s*"
                       + WORD_BELOW + "$")


def _definition_name(text: str, line: int) -> tuple[str, tuple[str, ...], bool]:
    """`p_k` -> ("p", ("k",), False); `W_{i,j}` -> ("W", ("i", "j"), False);
    `\\sigma(x)` -> ("sigma", ("x",), True); `x_1` -> ("x_1", (), False);
    `L_{\\text{total}}` -> ("L_total", (), False);
    `\\hat{y}^{(i)}` -> ("ŷ⁽⁾", ("i",), False)."""
    worded = _WORD_KEY.match(text)
    if worded is not None:
        return f"{_symbol_name(worded.group('name'), line)}_{worded.group('word')}", (), False
    sample = _SAMPLE_KEY.match(text)
    if sample is not None:
        return (f"{_symbol_name(sample.group('name'), line)}⁽⁾",
                _params(sample.group("label"), text, line), False)
    match = _DEF_NAME.match(text)
    if not match:
        raise InputError(f"`{text}` is not a name to define (write `Loss`, `\\text{{Loss}}`, "
                         "`p_k`, `W_{i,j}` or `\\sigma(x)`)", line)
    if match.group("args") is not None \
            and re.fullmatch(r"\\operatorname\s*\{\s*[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9]+\s*\}",
                             match.group("name")):    # `\operatorname{f_N}(x)`: a function f_N
        name = match.group("name")[match.group("name").index("{") + 1:-1].strip()
        return name, _params(match.group("args"), text, line), True
    name = _symbol_name(match.group("name"), line)
    if match.group("args") is not None:
        return name, _params(match.group("args"), text, line), True
    sub = match.group("braced") if match.group("braced") is not None else match.group("bare")
    if sub is None:
        return name, (), False
    if sub.isdigit():
        return f"{name}_{sub}", (), False
    return name, _params(sub, text, line), False


def _params(text: str, whole: str, line: int) -> tuple[str, ...]:
    params = tuple(p.strip() for p in text.split(","))
    if not all(_PARAM.match(p) for p in params):
        raise InputError(f"the parameters of `{whole}` must be letters, such as `p_k` or "
                         "`f(x, y)`", line)
    return tuple(p.lstrip("\\") for p in params)
