"""LaTeX text -> lark parse tree, and chains `a = b = c` -> their parts.

Needs only lark: the main process uses it to split steps and report syntax
errors with a column; the SymPy side (build.py) reads the trees.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import lark

from derive_ce.errors import InputError
from derive_ce.memo import Kept

MAX_LENGTH = 5_000
MAX_DEPTH = 60
_MACRO = re.compile(r"\\([A-Za-z]+)")
_OPEN = re.compile(r"\\left\s*\\?.|[{(\[]|\\\{")
_CLOSE = re.compile(r"\\right\s*\\?.|[})\]]|\\\}")


@dataclass(frozen=True)
class Part:
    """One expression of a chain: its text and 1-based column in the step."""
    text: str
    column: int


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    grammar = resources.files("derive_ce.read.latex").joinpath("grammar.lark").read_text()
    # cache=True keeps the built LALR tables in the temp folder (10x faster start).
    return lark.Lark(grammar, parser="lalr", start=["chain", "relation"],
                     propagate_positions=True, maybe_placeholders=False, cache=True,
                     lexer="basic")


def parse(text: str, start: str = "chain", line: int | None = None) -> lark.Tree:
    """Parse LaTeX; raise InputError naming the column on failure.

    A text is parsed once per process: the splitter, the inference, the
    builder, the matrix reader and the evaluator each ask for the same
    steps, so trees are kept (and shared: no caller may change a tree)."""
    return _parsed.get((text, start), lambda: _parse(text, start, line))


_parsed = Kept(4096)


def _parse(text: str, start: str, line: int | None) -> lark.Tree:
    if len(text) > MAX_LENGTH:
        raise InputError(f"the LaTeX is longer than {MAX_LENGTH} characters", line)
    _check_spaced(_GROUPED.sub(_joined, _COMMENT.sub(lambda m: " " * len(m.group()), text)), line)
    text = normalize(text)
    _check_depth(text, line)
    _check_numbers(text, line)
    try:
        return _parser().parse(text, start=start)
    except lark.exceptions.UnexpectedInput as exc:
        raise _syntax_error(text, exc, start, line) from None


def split_chain(text: str, line: int | None = None) -> list[Part]:
    """`= a = b`: the expressions of a step, in order, with their columns."""
    tree = parse(text, "chain", line)
    text = normalize(text)
    parts = []
    for child in tree.children:
        if isinstance(child, lark.Tree):
            start, end = child.meta.start_pos, child.meta.end_pos
            parts.append(Part(text[start:end], start + 1))
    return parts


_UP, _DOWN = {"LT", "LE"}, {"GT", "GE"}


def condition_links(text: str, line: int | None = None) -> list[str]:
    """A `when:` condition as the relations it joins: `0 < x \\le 1` is
    [`0 < x`, `x \\le 1`] (their conjunction), one relation is [text].
    A chain whose links do not all point one way (`0 < x > 1`, `a = b < c`)
    or that cannot be parsed is kept whole: reading it reports the error."""
    try:
        tree = parse(text, "relation", line)
    except InputError:
        return [text]
    if len(tree.children) <= 3 or chain_direction(tree) is None:
        return [text]
    normal_text = normalize(text)

    def source(node):
        return normal_text[node.meta.start_pos:node.meta.end_pos].strip()
    kids = tree.children
    return [f"{source(kids[i])} {source(kids[i + 1])} {source(kids[i + 2])}"
            for i in range(0, len(kids) - 2, 2)]


def chain_direction(tree: lark.Tree) -> str | None:
    """"up" when every link of a relation tree is < or ≤, "down" for > or ≥, else None."""
    ops = {op.children[0].type for op in tree.children[1::2]}
    return "up" if ops <= _UP else "down" if ops <= _DOWN else None


def chain_refusal(text: str) -> str:
    """The message for a chained condition that is not read (mixed directions)."""
    return (f"a chained condition (`{' '.join(text.split())}`) is read only when every link "
            "points the same way, as in `0 < x < 1` or `1 \\ge x > 0` (the conjunction of "
            "its links); write this one as a case `when:` with the first relation and a "
            "nested case (`cases:` inside it) with the second")


# Pasted from an align block, a note or a web page: `&`, a trailing `\\`,
# `\nonumber`, a closing `.` or `,`, and `\underbrace{...}_{label}` are not
# math.  They become spaces, so every column stays where it was typed.
_ALIGN = re.compile(r"&|\\\\(\s*\[[^\]]*\])?|\\(nonumber|notag)(?![a-zA-Z])|\\label\s*\{[^{}]*\}|\\tag\s*\{[^{}]*\}")
_CASES = re.compile(r"\\begin\s*\{\s*d?cases\s*\}.*\\end\s*\{\s*d?cases\s*\}", re.S)   # nested too
_COMMENT = re.compile(r"(?<!\\)%.*$", re.M)
_SUBSTACK = re.compile(r"\\substack(?![a-zA-Z])")
_BRACE_LABEL = re.compile(r"\\(underbrace|overbrace)(?![a-zA-Z])")
_TRAILING = re.compile(r"[.,](\s*)$")
# `\mathrm{dx}` is the differential d x: written `\mathrm{d}x`, padded to length.
_UPRIGHT_DX = re.compile(r"\\(mathrm|text|operatorname)\s*\{\s*d\s*([A-Za-z])\s*\}")
# Colour and boxes only decorate: `\color{red}{x}` and `\boxed{x}` are `{x}`.
# `\require{cancel}` loads a MathJax extension: it is not math.
_DECORATION = re.compile(r"\\(color|textcolor)\s*\{[^{}]*\}|\\(boxed|fbox)(?![a-zA-Z])"
                         r"|\\require\s*\{[^{}]*\}")
# `\cancel{- y h}` crosses out terms that are still there: its braces go too,
# so `y \cancel{- y h}` reads y - y h (never the product y·(-y h)).
# `\sum\_{i=1}`, `x\*y`: Markdown escapes (`\_` renders as `_`), read as rendered.
_MD_ESCAPE = re.compile(r"\\[_*]")
# `\sum_{k}^{ }` (a notebook's empty upper bound) shows nothing and means nothing.
_EMPTY_SUP = re.compile(r"\^\s*\{\s*\}")
_CANCEL = re.compile(r"\\(cancel|bcancel|xcancel)(?![a-zA-Z])")
# `{\rm erf}` (plain TeX) is `\rm{erf}`, the way `\mathrm{erf}` is read.
_RM = re.compile(r"\{\s*\\rm\s+([A-Za-z]+)\s*\}")
# `x^{3}.sin(x)`, `\sigma.(1-\sigma)`: a `.` between two factors (not between
# digits, not a sentence's end) is a product.
_DOT = re.compile(r"(?<=[A-Za-z)\]}])\s*\.(?=\s*([A-Za-z(\[{]|\\(?!((q?quad|text|mathrm|right|end|label|tag|"
                  r"nonumber|notag|hspace)(?![A-Za-z])|[,;:! \\]))))")


# `f^{\prime}(x)`, `f^\prime`, `f^{\prime\prime}`: LaTeX's own spelling of f', f''.
_PRIME_SUP = re.compile(r"\^\s*(\{\s*(\\prime\s*)+\}|\\prime(?![a-zA-Z]))")


def _primes(match: re.Match) -> str:
    count = match.group().count("\\prime")
    return ("'" * count).ljust(len(match.group()))


# `\ln {x}^{x}` is ln x^x in TeX (the braces only group one token): its braces
# are not the function's brackets, so they go (`\ln  x ^{x}`, then folded as ln(x^x)).
_BRACED_POWER_ARG = re.compile(r"(\\(?:ln|log|exp)(?![A-Za-z])\s*)"
                               r"\{(\s*(?:[A-Za-z]|[0-9]+|\\[A-Za-z]+)\s*)\}(?=\s*\^)")


# `{\bf x}`, `{\bf x^TAx}`, `{\it x}`: plain TeX's bold and italic switches, at the start of
# a group, are the letters themselves (as `\mathbf{x}` is x); the group stays a group.
_OLD_STYLE = re.compile(r"(?<=\{)(\s*)\\(?:bf|it|boldmath)(?![A-Za-z])")


# `{Z}_i`, `{x}^{(i)}`, `{\bf x}_i`: braces around one letter before its subscript or
# superscript only group it (as TeX does); they go, so `{Z}_i` is `Z_i`. Never the
# braces of a command's argument (`\frac{a}{b}_i`, `x^{a}_i`, `\sqrt{x}^2`).
_BRACED_LETTER = re.compile(r"(?:(?<=^)|(?<=[\s(\[{+\-*/=,|&<>]))\{(\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*)\}"
                            r"(?=\s*[_^])")


def normalize(text: str) -> str:
    """The text with pasted layout blanked out, the same length as typed."""
    text = _OLD_STYLE.sub(lambda m: " " * len(m.group()), text)
    text = _BRACED_LETTER.sub(lambda m: " " + m.group(1) + " ", text)
    text = _BRACED_POWER_ARG.sub(lambda m: m.group(1) + " " + m.group(2) + " ", text)
    text = _PRIME_SUP.sub(_primes, text)
    text = _UPRIGHT_DX.sub(_split_dx, text)
    text = _COMMENT.sub(lambda m: " " * len(m.group()), text)
    text = _substacks(text)
    text = _DECORATION.sub(lambda m: " " * len(m.group()), text)
    text = _MD_ESCAPE.sub(lambda m: " " + m.group()[1], text)
    text = _uncancel(text)
    text = _unstressed(text)
    text = _EMPTY_SUP.sub(lambda m: " " * len(m.group()), text)
    text = _RM.sub(lambda m: f"\\rm{{{m.group(1)}}}".ljust(len(m.group())), text)
    text = _DOT.sub(_product_dot, text)
    text = _BRACE_ARRAY.sub(_as_cases, text)
    chars = list(text)
    keep = [range(m.start(), m.end()) for m in _CASES.finditer(text)]
    for match in _ROW_PUNCTUATION.finditer(text):     # `\text{if } t < 0, \\`: a sentence's comma
        if any(match.start() in r for r in keep):
            chars[match.start()] = " "
    for match in _ALIGN.finditer(text):
        if not any(match.start() in r for r in keep):
            chars[match.start():match.end()] = " " * (match.end() - match.start())
    for match in _BRACE_LABEL.finditer(text):
        _blank_label(text, chars, match)
    trailing = _TRAILING.search("".join(chars))
    if trailing:
        chars[trailing.start()] = " "
    return _GROUPED.sub(_joined, "".join(chars))


# `\left\{ \begin{array}{ll} 0 & \text{if } x < 0 \\ x & \text{otherwise} \end{array} \right.`:
# a brace on the left of a two-column array, closed by nothing, is `cases` as textbooks typeset it
_BRACE_ARRAY = re.compile(r"\\left\s*\\\{\s*\\begin\s*\{array\}\s*\{\s*[lcr]\s*\|?\s*[lcr]\s*\}"
                          r"((?:(?!\\(?:begin|end)\s*\{array\}).)*?)"
                          r"\\end\s*\{array\}\s*\\right\s*(?:\.|$)", re.S)   # `.` lost as punctuation


_ROW_PUNCTUATION = re.compile(r"[,.;](?=\s*(?:\\\\|\\end\s*\{\s*d?cases\s*\}))")


def _as_cases(match: re.Match) -> str:
    begin, end = "\\begin{cases}", "\\end{cases}"
    head = match.start(1) - match.start()
    tail = match.end() - match.end(1)
    return begin.ljust(head) + match.group(1) + end.ljust(tail)


# `1\,000\,000` and `3.141\,592`: digits grouped by thin spaces are one
# number, as typeset; they are joined (and padded, so columns stay put).
_GROUPED = re.compile(r"(?<![0-9.])([0-9]{1,3}(?:\\,[0-9]{3})+(?:\.[0-9]+(?:\\,[0-9]{1,3})*)?"
                      r"|[0-9]+\.[0-9]{3}(?:\\,[0-9]{1,3})+)(?![0-9])")


def _joined(match: re.Match) -> str:
    digits = match.group().replace("\\,", "")
    return digits + " " * (len(match.group()) - len(digits))


# `= \mathbf{4x^3+20x}`: bold around a sum, a difference or an equation stresses a
# result (a vector's letter is bold alone: `\mathbf{x}`, `\mathbf{W}^{(l)}`); the
# command goes and its braces stay a group, so it reads `{4x^3+20x}`.  Its letters
# are the same names, since `\mathbf{x}` is x.
_BOLD_COMMAND = re.compile(r"\\(mathbf|boldsymbol|bm|pmb)(?![a-zA-Z])")
_STRESSED = re.compile(r"[+=\-]|\\(cdot|times)(?![a-zA-Z])")


def _command_groups(text: str, command: re.Pattern):
    """Each `\\command{…}` in text, the last first: (the command's match, the
    index of its `{`, the index after its `}`).  Callers blank characters in
    place, lengths kept, so the indices hold for the matches before."""
    for match in reversed(list(command.finditer(text))):
        end = _group_end(text, match.end())
        if end is not None:
            yield match, text.index("{", match.end()), end


def _unstressed(text: str) -> str:
    for match, opening, end in _command_groups(text, _BOLD_COMMAND):
        inside = text[opening + 1:end - 1]
        if not _STRESSED.search(re.sub(r"[_^]\s*\{[^{}]*\}", "", inside)):
            continue                     # `\mathbf{W^{(l-1)}}`: a name, its script aside
        text = text[:match.start()] + " " * (opening - match.start()) + text[opening:]
    return text


def _uncancel(text: str) -> str:
    for match, opening, end in _command_groups(text, _CANCEL):
        text = (text[:match.start()] + " " * (opening + 1 - match.start())
                + text[opening + 1:end - 1] + " " + text[end:])
    return text


def _product_dot(match: re.Match) -> str:
    before = match.string[:match.start()]
    if re.search(r"\\(left|right|[bB]igg?[lr]?)\s*$", before) or match.string[match.end():match.end() + 1] == ".":
        return match.group()        # `\left.` is an evaluation bar; `..` is an ellipsis
    return match.group().replace(".", "·")


def _substacks(text: str) -> str:
    """`\\sum_{\\substack{j=1 \\\\ j \\neq i}}` -> `\\sum_{ {j=1 ,  j \\neq i}}` without the
    inner braces: the rows of a substack are the conditions of the bounds."""
    for match, start, end in _command_groups(text, _SUBSTACK):
        inner = text[start + 1:end - 1].replace("\\\\", ", ")
        text = text[:match.start()] + " " * (start + 1 - match.start()) + inner + " " + text[end:]
    return text


def _split_dx(match: re.Match) -> str:
    written = f"\\{match.group(1)}{{d}}{match.group(2)}"
    return written + " " * (len(match.group()) - len(written))


def _blank_label(text: str, chars: list, match: re.Match) -> None:
    """`\\underbrace{x}_{label}` -> ` {x}        `: the braced part stays a group."""
    chars[match.start():match.end()] = " " * (match.end() - match.start())
    end = _group_end(text, match.end())
    if end is None:
        return
    mark = "_" if match.group(1) == "underbrace" else "^"
    rest = re.match(r"\s*" + re.escape(mark) + r"\s*", text[end:])
    if rest is None:
        return
    label_start = end + rest.end()
    label_end = _group_end(text, label_start) if text[label_start:label_start + 1] == "{" \
        else label_start + 1
    if label_end is not None:
        chars[end:label_end] = " " * (label_end - end)


def _group_end(text: str, start: int) -> int | None:
    """The index after the `}` that closes the group opening at or after start."""
    position = text.find("{", start)
    if position < 0 or text[start:position].strip():
        return None
    depth = 0
    for index in range(position, len(text)):
        if text[index] == "{" and text[index - 1:index] != "\\":
            depth += 1
        elif text[index] == "}" and text[index - 1:index] != "\\":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


_SCIENTIFIC = re.compile(r"(?<![A-Za-z0-9_.])([0-9]+(?:\.[0-9]+)?)[eE]([-+]?[0-9]+)")
# `2 3` typesets as 23, `2\frac{1}{2}` as the mixed number 2½: neither is
# read as a product, and neither guess is safe.
_SPACED_DIGITS = re.compile(r"(?<![0-9_^.])[0-9]+(?:\.[0-9]+)?(?:\s|\\[,;:! ]|~)+[0-9]")
_MIXED_NUMBER = re.compile(r"(?<![0-9_^.])[0-9]+(?:\s|\\[,;:! ]|~)*\\[dtc]?frac\s*"
                           r"(\{\s*[0-9]+\s*\}\s*\{\s*[0-9]+\s*\}|[0-9][0-9])")
_BARE_DECIMAL = re.compile(r"(?<![A-Za-z0-9}\\])\.[0-9]")


# `log(x)`, `tanh(z)` are read as the functions (grammar.lark, FUNC); `sqrt(x)` is not.
_WORD_FUNCTION = re.compile(r"(?<![\\A-Za-z{])(sqrt)\s*\(")
_NORM = re.compile(r"(?:^|(?<=[^A-Za-z0-9\)\]|]))\|\|")


# `2{,}500`: TeX's comma without space, a thousands separator in English and a
# decimal comma in much of Europe; refused with both readings named.
_BRACED_COMMA = re.compile(r"[0-9]+\s*\{\s*,\s*\}\s*[0-9]+")


# `\sum_{k=1}^10`, `x^23`, `x_12`: TeX takes one character after `^` or `_`
# without braces, so the bound is 1 followed by a 0; refused, with the braces.
_UNBRACED_SCRIPT = re.compile(r"(?<!\\)([_^])\s*([0-9](?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+))")


def _check_numbers(text: str, line: int | None) -> None:
    """`1e-5`, `.4`, `sin(x)`, `||x||` and `^10` are refused: they are not read
    the way they are meant."""
    found = _UNBRACED_SCRIPT.search(text)
    if found:
        mark, digits = found.groups()
        where = "an upper bound or exponent" if mark == "^" else "a lower bound or subscript"
        raise InputError(f"`{found.group()}`: TeX takes only the first digit after `{mark}` "
                         f"without braces ({mark}{digits[0]}, then {digits[1:]}), so {where} of "
                         f"several digits is not read: write `{mark}{{{digits}}}`",
                         line, found.start() + 1, text)
    found = _BRACED_COMMA.search(text)
    if found:
        left, right = re.split(r"\s*\{\s*,\s*\}\s*", found.group())
        raise InputError(f"`{found.group()}` is not read: `{{,}}` between digits is a thousands "
                         f"separator ({left}{right}) in English and a decimal comma ({left}.{right}) "
                         f"elsewhere; write `{left}{right}` (or `{left}\\,{right}`) or `{left}.{right}`",
                         line, found.start() + 1, text)
    found = _WORD_FUNCTION.search(text)
    if found:
        word = found.group(1)
        raise InputError(f"`{word}(` without a backslash is the product of the letters "
                         f"{'·'.join(word)} in LaTeX: write `\\{word}(`", line,
                         found.start() + 1, text)
    found = _NORM.search(text)
    if found:
        raise InputError("norms (`||x||`) are not read: write the sum, as in `\\sum_j x_j^2`, "
                         "or `|x|` for the absolute value of a number", line, found.start() + 1, text)
    found = _SCIENTIFIC.search(text)
    if found:
        mantissa, exponent = found.group(1), found.group(2).lstrip("+")
        raise InputError(f"`{found.group()}` is not read as a number (it would be "
                         f"{mantissa}·e {'−' if exponent.startswith('-') else '+'} "
                         f"{exponent.lstrip('-')}): "
                         f"write `{mantissa} \\times 10^{{{exponent}}}` for the number, or put "
                         "spaces around `e` for Euler's number", line, found.start() + 1, text)
    found = _MIXED_NUMBER.search(text)
    if found:
        raise InputError(f"`{found.group()}` is not read: a number before a fraction of numbers "
                         "is a mixed number (2½ = 5/2) in print and a product in algebra; "
                         "write `2 + \\frac{1}{2}` or `2 \\cdot \\frac{1}{2}`",
                         line, found.start() + 1, text)
    found = _BARE_DECIMAL.search(text)
    if found:
        raise InputError(f"write `0{found.group()}` for the number `{found.group()}`",
                         line, found.start() + 1, text)


def _check_spaced(text: str, line: int | None) -> None:
    """`2 3` (read before `&` and the like become spaces)."""
    found = next((m for m in _SPACED_DIGITS.finditer(text) if not _frac_digits(text, m)), None)
    if found:
        digits = re.sub(r"\\.|\s|~", "", found.group())
        raise InputError(f"`{found.group()}`: two numbers side by side are not read (TeX "
                         f"typesets them as {digits}): write `{digits}`, or "
                         f"`\\cdot` for a product; group digits with `\\,` "
                         "(`1\\,000`)", line, found.start() + 1, text)


def _frac_digits(text: str, match: re.Match) -> bool:
    """`\\frac 1 2` is TeX's ½ (each argument one token), not the numbers 1 and 2 side
    by side; `\\frac 1 23` stays refused (it is ½·3 in TeX, and 1/23 to a reader)."""
    return re.search(r"\\[dtc]?frac\s*$", text[:match.start()]) is not None \
        and re.fullmatch(r"[0-9](?:\s|\\[,;:! ]|~)+[0-9]", match.group()) is not None \
        and not re.match(r"(?:\s|\\[,;:! ]|~)*[0-9.]", text[match.end():])


def _check_depth(text: str, line: int | None) -> None:
    depth = deepest = 0
    for match in re.finditer(f"{_OPEN.pattern}|{_CLOSE.pattern}", text):
        depth += 1 if _OPEN.fullmatch(match.group()) else -1
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            raise InputError(f"brackets are nested more than {MAX_DEPTH} deep",
                             line, match.start() + 1, text)


_KNOWN = set("""lor land vee wedge frac dfrac tfrac cfrac cdot times ast div left right mleft mright sqrt binom
dbinom tbinom ln log exp sin cos tan cot sec csc sinh cosh tanh coth sech csch arcsin arccos
arctan arsinh arcosh artanh max min sgn sum prod infty partial text textrm textit mathrm
operatorname mathit hat bar tilde overline widehat widetilde vec dot ddot check breve mathbf
boldsymbol bm mathcal mathscr mathsf mathfrak mathbb mathds mathbbm ell hbar neq ne le leq
leqslant ge geq geqslant lt gt quad qquad thinspace medspace thickspace enspace negthinspace
displaystyle textstyle scriptstyle limits nolimits big Big bigg Bigg bigl bigr Bigl Bigr biggl
biggr Biggl Biggr bigm hspace lvert rvert vert lfloor rfloor lceil rceil begin end underbrace
overbrace nonumber notag label tag top intercal nabla det tr Tr odot circ Vert lVert rVert
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa
lambda mu nu xi pi rho varrho sigma varsigma tau upsilon phi varphi chi psi
omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega""".split())

# Constructs outside what derive-ce reads, each with the reason.
OUT_OF_SCOPE = {
    "int": "integrals (`\\int`) are not read: derive-ce checks algebra, sums and derivatives",
    "iint": "integrals are not read: derive-ce checks algebra, sums and derivatives",
    "oint": "integrals are not read: derive-ce checks algebra, sums and derivatives",
    "lim": "limits (`\\lim`) are not read: derive-ce checks algebra, sums and derivatives",
    "arg": "`\\arg\\max` and `\\arg\\min` (the point where a maximum or minimum is reached) are "
           "not read: derive-ce checks algebra, sums and derivatives",
    "nabla": "write the gradient as `\\nabla_x f` or `\\nabla^2_x f`, x a vector or matrix "
             "declared with its size",
    "dots": "`\\dots` is not read: write the sum with `\\sum`",
    "ldots": "`\\ldots` is not read: write the sum with `\\sum`",
    "cdots": "`\\cdots` is not read: write the sum with `\\sum`",
    "in": "set membership (`\\in`) is not read: declare an index's range under symbols:",
    "forall": "quantifiers are not read: state the condition as a case (`when:`)",
    "approx": "`\\approx` is not an equality: derive-ce checks steps joined by `=`",
    "equiv": "`\\equiv` is not read: derive-ce checks steps joined by `=`",
    "propto": "`\\propto` is not an equality: derive-ce checks steps joined by `=`",
    "to": "arrows and limits are not read", "rightarrow": "arrows are not read",
    "Rightarrow": "an implication is not a step: put the reason after `\\quad |`",
    "Longrightarrow": "an implication (`\\Longrightarrow`) is not a step: write each equation as "
                      "its own display, the reason after `\\quad |`",
    "implies": "an implication (`\\implies`) is not a step: write each equation as its own "
               "display, the reason after `\\quad |`",
    "iff": "an equivalence of equations (`\\iff`) is not a step: write each equation as its "
           "own display, the reason after `\\quad |`",
    "Leftrightarrow": "an equivalence of equations (`\\Leftrightarrow`) is not a step: write each "
                      "equation as its own display, the reason after `\\quad |`",
    "Longleftrightarrow": "an equivalence of equations (`\\Longleftrightarrow`) is not a step: "
                          "write each equation as its own display, the reason after `\\quad |`",
    "because": "`\\because …` gives a reason, which is not a step: put it after `\\quad |` "
               "as the next step's why",
    "cancelto": "`\\cancelto{v}{x}` says x becomes v, which is not an equality: write the value",
    "mathbb": "`\\mathbb{...}` (an expectation, a probability or a set) is not read",
    "pm": "`\\pm` is two expressions: write each sign as its own step or case",
    "mp": "`\\mp` is two expressions: write each sign as its own step or case",
}
_ENVIRONMENT = re.compile(r"\\begin\s*\{\s*(\w+)\*?\s*\}")

_RELATIONS = {"<": "<", ">": ">", "\\le": "≤", "\\leq": "≤", "\\ge": "≥",
              "\\geq": "≥", "\\neq": "≠", "\\ne": "≠", "\\lt": "<", "\\gt": ">"}


def _syntax_error(text: str, exc: lark.exceptions.UnexpectedInput,
                  start: str, line: int | None) -> InputError:
    pos = getattr(exc, "pos_in_stream", None)
    token = getattr(exc, "token", None)
    if pos is None or pos < 0 or getattr(token, "type", "") == "$END":
        pos = len(text)
    return InputError(_explain(text, pos, exc, start), line, pos + 1, text)


def out_of_scope(text: str) -> str | None:
    """The reason a text holds a construct derive-ce does not read, if it does."""
    for match in _MACRO.finditer(text):
        if match.group(1) in OUT_OF_SCOPE and not text[match.end():match.end() + 1].isalpha():
            return OUT_OF_SCOPE[match.group(1)]
    environment = _ENVIRONMENT.search(text)
    if environment and environment.group(1) not in ("cases", "dcases"):
        return (f"the `{environment.group(1)}` environment is not read (matrices as objects are "
                "not read: write elements such as `W_{i,j}`)")
    return None


def _explain(text: str, pos: int, exc: Exception, start: str) -> str:
    reason = out_of_scope(text)
    if reason:
        return reason
    if re.match(r"\\(right|big|Big|bigg|Bigg)[lr]?\s*\|\s*_", text[pos:]) or "\\left." in text:
        return "evaluation bars (`\\left. ... \\right|_{x=a}`) are not read: write the value"
    char = text[pos:pos + 1]
    if char and char in "-+" and text[:pos].rstrip().endswith(("^", "_")):
        mark = text[:pos].rstrip()[-1]
        tail = re.match(r"[-+]\s*(?:\\[A-Za-z]+|[A-Za-z0-9.])+", text[pos:])
        if tail and len(tail.group().replace(" ", "")) > 2:
            written = tail.group().replace(" ", "")
            return (f"`{mark}{written}` without braces is read two ways (TeX raises only the "
                    f"`{written[0]}`): write `{mark}{{{written}}}` if all of it is the exponent, "
                    f"or `{mark}{{{written[:2]}}}{written[2:]}`")
        return "write a superscript or subscript of more than one character in braces: `e^{-x}`"
    if char == "_" and re.search(r"(\)|\\right\s*\))\s*$", text[:pos]):
        return ("an element of a function's value (`s(\\mathbf x)_i`, `\\text{softmax}(z)_i`) is not "
                "read: define the element, as in `s_i: \\frac{e^{z_i}}{\\sum_j e^{z_j}}`, and write `s_i`")
    if char and char in "^_" and pos > 0:
        return "a double superscript or subscript: write `a^{b^c}` or `{(a^b)}^c`, `x_{i,j}`"
    if text[pos:pos + 1] == "'":
        return ("a prime after a bracket is not read: write `\\frac{d}{dx}\\left(...\\right)`; "
                "primes mark the derivative of a declared or defined function, as in `f'(x)`")
    if text[pos:pos + 1] == "(" and text[:pos].rstrip().endswith("^"):
        return ("a superscript that opens a bracket is not read: write it in braces, "
                "`^{2}` for a power or `^{(2)}` for a sample")
    if text[pos:pos + 1] == "." and pos > 0:
        return "a `.` between factors is not read: write `\\cdot` for a product"
    macro = _MACRO.match(text, pos)
    if macro and macro.group(1) in ("over", "choose", "atop", "above"):
        return (f"TeX's `\\{macro.group(1)}` is read only inside braces, one to a group "
                f"(`{{a \\{macro.group(1)} b}}`): write "
                + ("`\\binom{n}{k}`" if macro.group(1) == "choose" else "`\\frac{a}{b}`"))
    if macro and macro.group(1) not in _KNOWN:
        return f"unknown LaTeX command \\{macro.group(1)}"
    rest = text[pos:]
    for rel, shown in _RELATIONS.items():
        if start == "chain" and rest.startswith(rel):
            return (f"a relation ({shown}) where an expression is expected: "
                    "a step holds expressions joined by `=`")
    token = getattr(exc, "token", None)
    at_end = (isinstance(exc, lark.exceptions.UnexpectedEOF) or pos >= len(text)
              or getattr(token, "type", "") == "$END")
    if start == "relation" and any(rest.startswith(rel) for rel in _RELATIONS):
        return (f"cannot read the condition `{' '.join(text.split())}`: a condition is one "
                "relation (`x > 0`) or a chain whose links point one way (`0 < x < 1`), "
                "with an expression between two relations")
    if start == "relation" and (at_end or rest.startswith("=")):
        return "a condition must be one relation, such as `x > 0` or `\\gamma \\neq i`"
    if at_end:
        return "the LaTeX ends too early (an unclosed brace or bracket, or a missing operand?)"
    shown = rest.split()[0] if rest.split() else rest
    return f"cannot read the LaTeX at `{shown[:20]}`"
