"""Plain words used as functions in notes: `sigmoid(z)`, `softplus(x)`,
`relu(z)`, `myloss(w)`.

Notes copied from READMEs and notebooks write a function's name as a plain
word before its bracket.  Read letter by letter it is a product
(`s·i·g·m·o·i·d·(z)`), which no reader means.  So in notes:

- a word derive-ce knows as an activation (`sigmoid`, `softplus`, `relu`,
  any capitalisation such as `ReLU`) before a bracket is that function,
  `\\operatorname{sigmoid}(z)`, with its usual meaning unless the notes
  define it themselves (`DEFAULTS`, added by the reader as definitions);
- the grammar's own known names (`log`, `exp`, `tanh`, `max` …) keep the
  grammar's reading;
- any other word of three or more letters written directly before a bracket
  (`myloss(w)`) is taken as a name, `\\operatorname{myloss}(w)`: the checker
  then refuses it unless the notes define it, naming the fix (define
  `\\operatorname{myloss}(x): ...`), instead of a product of letters.

Pure text work, like the rest of the reader.
"""

from __future__ import annotations

import re

from derive_ce.read.notes.prose import GREEK

# The usual meaning of each activation word (lower case), in the variable x.
DEFAULTS = {
    "sigmoid": r"\frac{1}{1 + e^{-x}}",
    "softplus": r"\ln\left(1 + e^{x}\right)",
    "relu": r"\max\left(0, x\right)",
    # Swish (β = 1) is SiLU, x·σ(x), as PyTorch and the papers name it
    "swish": r"\frac{x}{1 + e^{-x}}",
    "silu": r"\frac{x}{1 + e^{-x}}",
}

# Names the grammar reads without a backslash (`log(x)`), or refuses with its
# own advice (`sqrt(x)`): left alone.
_GRAMMAR = {"ln", "log", "exp", "sinh", "cosh", "tanh", "sin", "cos", "tan", "cot", "sec", "csc",
            "arcsin", "arccos", "arctan", "max", "min", "erf", "sqrt"}

# A word before a bracket, not a command (`\frac(`), not inside `\text{…}`
# (the `{` before it) and not the tail of a longer run of letters.
_WORD = re.compile(r"(?<![\\A-Za-z])([A-Za-z]{3,})(?=\(|\s*\\left\s*\()")
_KNOWN = re.compile(r"(?<![\\A-Za-z])(" + "|".join(DEFAULTS) + r")(?=\s*(?:\(|\\left\s*\())",
                    re.I)
_COMMAND_BRACE = re.compile(r"\\(?:text|textrm|textit|mathrm|mathit|operatorname|rm)\s*\{\s*$")


def _name(match: re.Match) -> str:
    word = match.group(1)
    if word.lower() in _GRAMMAR or _COMMAND_BRACE.search(match.string[:match.start()]) \
            or any(word.endswith(name) for name in _GRAMMAR):   # `xlog(x)`: x·log(x)
        return word
    return r"\operatorname{" + word + "}"


# `e^-x`, `e^-2`: a superscript of a minus and one letter or number, without
# braces (TeX would raise the minus alone), is what its writer means, `e^{-x}`.
# `e^-2x`, `e^-x^2`, `e^-xy` stay refused: the exponent's end is a guess.
_SIGNED_SCRIPT = re.compile(r"\^\s*([-−])\s*([A-Za-z]|\\(?:alpha|beta|gamma|lambda|mu|sigma|theta|tau)"
                            r"(?![A-Za-z])|[0-9]+(?:\.[0-9]+)?)(?![A-Za-z0-9_^{(.'])")


# `\coloneqq`, `\triangleq`, `\stackrel{\text{def}}{=}`: "is defined as", written `:=`
_DEFINED_AS = re.compile(r"\\(?:coloneqq|triangleq)(?![A-Za-z])"
                         r"|\\(?:stackrel|overset)\s*\{\s*(?:\\(?:text|mathrm|rm)\s*\{\s*)?def\.?\s*\}?"
                         r"\s*\}\s*\{\s*=\s*\}|≔")


def rewrite(math: str) -> str:
    """The words before brackets in `math` written as names; `e^-x` as `e^{-x}`;
    ProofWiki's macros as plain LaTeX; a typographic prime (`’`) as `'`; `\\pmb` as
    `\\boldsymbol`; an argmax as `\\arg\\max`; `x^(-1.5)` as `x^{(-1.5)}`; `{{dx}}` as
    `{dx}`; a Markdown-escaped `\\^` as `^`; `ln\\ x`, `ln x` (the word, then a space) as
    `\\ln x`; `\\sum\\limits_j` as `\\sum_j`; `\\cdot\\cdot\\cdot` as `\\cdots`; `\\sum*{i=1}` as
    `\\sum_{i=1}`; `\\frac{dL}{{dw}_{1}}` as `\\frac{dL}{d w_{1}}`; a capitalised word (`Loss`) as `\\text{Loss}`."""
    math = proofwiki(math)
    math = _DEFINED_AS.sub(":=", math)
    math = math.replace("’", "'").replace("′", "'")
    math = _ESCAPED_CARET.sub("^", math)
    math = _spaced_functions(math)
    math = _LIMITS.sub("", math)
    math = _PMB.sub(r"\\boldsymbol", math)
    math = _CDOT_DOTS.sub(r"\\cdots", math)
    math = _ACCENTED_INDEXED.sub(lambda m: f"\\{m.group(1)}{{{m.group(2)}}}_{{{m.group(3) or m.group(4)}}}",
                                 math)
    if not re.search(r"(?<![A-Za-z])(?:i\.\s*e|e\.\s*g)\.", math):    # "i.e.", "e.g." are words
        math = _DOT_PRODUCT.sub(lambda m: m.group() if _IN_TEXT.search(math[:m.start()])
                                else " \\cdot ", math)
    math = _STAR_SUM.sub(lambda m: m.group(1) + "_", math)
    math = _STYLED_WORD.sub(lambda m: "\\text{" + m.group(1) + "}", math)
    math = _BARE_EXP.sub("e^", math)
    math = _ARGMAX.sub(lambda m: "\\arg\\" + (m.group(1) or m.group(2)).lower() + " ", math)
    math = parenthesised_scripts(math)
    math = single_groups(math)
    math = _GROUPED_DIFFERENTIAL.sub(r"\1\2 \3_", math)
    math = _SIGNED_SCRIPT.sub(lambda m: "^{-" + m.group(2) + "}", math)
    math = _KNOWN.sub(_name, math)
    math = _WORD.sub(_name, math)
    return _CAPITAL_WORD.sub(lambda m: m.group() if _IN_TEXT.search(math[:m.start()])
                             or _STYLED.search(math[:m.start()])
                             else "\\text{" + m.group() + "}", math)



# `\hat{y_i}`, `\bar{x_{ij}}`: an accent over a subscripted letter is that accented letter
# with the subscript, `\hat{y}_{i}` (a reader sees one ŷ_i; not before another script)
_ACCENTED_INDEXED = re.compile(r"\\(hat|bar|tilde|widehat)\s*\{\s*([A-Za-z]|\\(?:" + "|".join(GREEK)
                               + r")(?![A-Za-z]))\s*_\s*(?:\{\s*([A-Za-z0-9,\s]+?)\s*\}|([A-Za-z0-9]))\s*\}"
                               r"(?!\s*_)")
# `\frac{x}{r}.\gamma`, `rms(x)_i.x_{ij}`, `f(x) . g(x)`: a `.` between two factors (a page's
# product dot) is `\cdot`.  Only where no other reading is left: never before a digit
# (`(n-1).1`, `x.5`: a decimal?), never after `.` (an ellipsis), never with a space after
# it alone (`= 5. Then …` ends a sentence), never in words (`\text{i.e.}`).
_DOT_AFTER = (r"(?=\\(?:[dt]?frac|left|sqrt|partial|ln|log|exp|sin|cos|tan|sinh|cosh|tanh|hat|bar"
              r"|tilde|mathbf|boldsymbol|sum|prod|" + "|".join(GREEK) + r")(?![A-Za-z])"
              r"|[^\W\d_]|[({])")
_DOT_PRODUCT = re.compile(r"(?<=[A-Za-z0-9})\]])\.(?!\.)" + _DOT_AFTER
                          + r"|(?<=[A-Za-z0-9})\]])\s+\.\s+" + _DOT_AFTER)
# `\mathcal{LL}`: a style around a word of two letters or more is a name (a log-likelihood),
# `\text{LL}`, never two styled letters multiplied (read letter by letter it is refused)
_STYLED_WORD = re.compile(r"\\mathcal\s*\{\s*([A-Za-z]{2,})\s*\}")
# `\exp^{-\frac{1}{2} …}` with no argument after it (a bracket closes, a sign, the row's
# end): `e^{…}`, the one thing it can mean (`\exp^{2}(x)`, `\exp^2 x` stay powers of exp)
_BARE_EXP = re.compile(r"\\exp\s*\^(?=\s*(?:\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}|[A-Za-z0-9])"
                       r"\s*(?:$|[)\]}=+\-&,.]|\\\\|\\right|\\[bB]igg?r?\s*[)\]]|\\cdot|\\quad))")


_APPLIED = re.compile(r"\\(?:operatorname|mathrm|text|textrm)\s*\{\s*([A-Za-z]+)\s*\}"
                      r"(?=\s*(?:\(|\\left\s*\())")


def known_applied(texts) -> list[str]:
    """The activation names applied in `texts`, as written (`ReLU`), in order."""
    found: list[str] = []
    for text in texts:
        for m in _APPLIED.finditer(text):
            if m.group(1).lower() in DEFAULTS and m.group(1) not in found:
                found.append(m.group(1))
    return found


# ProofWiki's macros: `\paren {x}` is `\left(x\right)`, `\map {f} {x}` is `f(x)`,
# and `D_z` heading a `\map` or a `\paren` is its derivative operator, d/dz
# (`\map {D_z} {\tanh z}`, `\paren {D_z \sinh z}`).
_MACRO = re.compile(r"\\(paren|map)(?![A-Za-z])")
_OPERATOR = re.compile(r"\s*D_\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*")
_D_MACRO = re.compile(r"(?<!\\)\\d(?![A-Za-z])")
# `\dfrac d {d x}`, `\frac{d}{dx}`: a derivative operator heading a `\map` applies to its argument
_DERIVATIVE_OPERATOR = re.compile(r"\s*\\[dt]?frac\s*(?:\{\s*d\s*\}|d)\s*\{\s*d\s*([A-Za-z])\s*\}\s*")


def braced(text: str, pos: int) -> tuple[str, int] | None:
    """The argument at `pos` (spaces before it skipped), as TeX reads it: a
    `{…}` group (its inside), else one token (`\\cos`, `x`); and its end."""
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    if pos >= len(text):
        return None
    if text[pos] != "{":                    # TeX's argument without braces: one token
        token = re.match(r"\\[A-Za-z]+|[A-Za-z0-9]", text[pos:])
        return (token.group(), pos + token.end()) if token else None
    depth = 0
    for end in range(pos, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0) if text[end - 1:end] != "\\" else 0
        if depth == 0:
            return text[pos + 1:end], end + 1
    return None


def _operator(inside: str) -> str:
    r"""`D_z \sinh z` -> `\frac{d}{dz} \sinh z`."""
    match = _OPERATOR.match(inside)
    if match is None:
        return inside
    var = match.group(1) or match.group(2)
    return f"\\frac{{d}}{{d{var}}} " + inside[match.end():]


def proofwiki(math: str) -> str:
    r"""`\map {D_z} {\tanh z}` -> `\frac{d}{dz}\left(\tanh z\right)`,
    `\paren {a + b}` -> `\left(a + b\right)` (innermost first); a macro
    without its braces stays, for the grammar to refuse.  ProofWiki's `\\d` is the
    upright d of a differential (`\\dfrac \\d {\\d x}`): `d` (in math, LaTeX's own
    `\\d` is a text accent, so no other meaning is lost)."""
    math = _D_MACRO.sub("d", math)
    for _ in range(100):
        matches = list(_MACRO.finditer(math))
        for match in reversed(matches):
            first = braced(math, match.end())
            if first is None:
                continue
            if match.group(1) == "paren":
                # a bracket that groups, never a function's argument (that is `\map`):
                # after a factor (`\sinh z \paren {…}`) it multiplies
                times = "\\cdot " if re.search(r"[A-Za-z0-9})]\s*$", math[:match.start()]) else ""
                new = times + "\\left(" + _operator(first[0]) + "\\right)"
                end = first[1]
            else:
                second = braced(math, first[1])
                if second is None:
                    continue
                head = _operator(first[0])
                simple = re.fullmatch(r"\s*\\?[A-Za-z]+(?:_\s*(?:\{\w+\}|\w))?\s*", first[0])
                operator = _DERIVATIVE_OPERATOR.fullmatch(first[0])
                if operator is not None:    # `\map {\dfrac \d {\d x}} {…}`: as `D_x` is
                    head = f"\\frac{{d}}{{d{operator.group(1)}}} "
                new = (head if head != first[0] else first[0].strip() if simple
                       else "{" + first[0] + "}") \
                    + "\\left(" + second[0] + "\\right)"
                end = second[1]
            if _MACRO.search(new):
                continue                    # an inner macro first
            math = math[:match.start()] + new + math[end:]
            break
        else:
            return math
    return math


# `e\^{-x}`: a caret escaped for Markdown (Hexo, Jekyll), which the page shows as `^`
# (in TeX's math `\^` is an error, so no other reading is lost).
_ESCAPED_CARET = re.compile(r"(?<!\\)\\\^")
# `ln\ L(\theta)`, `log\,x`, `ln L`: a function's name without its backslash, a space (TeX's
# or the source's) after it, then its argument, is the function (read letter by letter it
# would be the product l·n·L, which no reader means); not inside `\text{…}`.
_SPACED_FUNCTION = re.compile(r"(?<![\\A-Za-z])(ln|log|exp|sin|cos|tan|sinh|cosh|tanh)"
                              r"(?:\s|\\[ ,;:]|~)+(?=[A-Za-z0-9\\({])")
_IN_TEXT = re.compile(r"\\(?:text|textrm|textit|mathrm|operatorname|mbox|rm)\s*\{[^{}]*$")


def _spaced_functions(math: str) -> str:
    return _SPACED_FUNCTION.sub(lambda m: m.group() if _IN_TEXT.search(math[:m.start()])
                                else "\\" + m.group(1) + " ", math)


# `Loss = (y - \hat{y})^2`, `\frac{\partial Loss}{\partial y}`, `L_{Total}`: a capitalised
# word of three letters or more, not before a bracket (_WORD names those), is a name,
# `\text{Loss}` (read letter by letter it would be the product L·o·s², which no reader
# of notes means); not inside `\text{…}`, not the tail of a longer run of letters.
_STYLED = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathcal|mathscr|mathsf|mathbb|mathfrak|mathit"
                     r"|hat|bar|tilde|widehat|widetilde|overline|vec)\s*\{\s*$")
_CAPITAL_WORD = re.compile(r"(?<![\\A-Za-z])[A-Z][a-z]{2,}(?![A-Za-z(])(?!\s*\\left\s*\()")


# `\sum\limits_{j}^{n}`: where the bounds are set is layout, so the sum reads (and its
# index is inferred) as `\sum_{j}^{n}`.
_LIMITS = re.compile(r"\\(?:no)?limits(?![A-Za-z])\s*")
# `\sum*{i=1}^{m}`: a page's Markdown took the `_` of `\sum_{i=1}` for emphasis and wrote `*`;
# a star between a sum and its bounds (`{letter = …}`) has no other reading
_STAR_SUM = re.compile(r"(\\(?:sum|prod))\*(?=\{\s*[A-Za-z]\s*=)")
# `\frac{dLoss}{{dw}_{1}}` (MathType's braces): the differential of `w_1`, the whole
# denominator of a derivative; `{dw}_{1}` is `dw_{1}` there (elsewhere it stays refused)
_GROUPED_DIFFERENTIAL = re.compile(r"(\\[dt]?frac\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*)"
                                   r"\{\s*(d|\\partial)\s*([A-Za-z])\s*\}\s*_(?=\s*(?:\{\s*\w+\s*\}|\w)\s*\})")
# `\cdot\cdot\cdot` (three product dots in a row, a page's ellipsis) is `\cdots`
_CDOT_DOTS = re.compile(r"\\cdot(?:\s*\\cdot){2,}(?![A-Za-z])")
# `\pmb{x}` (plain TeX's "poor man's bold") is a bold letter, as `\boldsymbol{x}` is.
_PMB = re.compile(r"\\pmb(?![A-Za-z])")
# `\operatorname*{arg\,max}`, `\mathrm{argmin}`, `\argmax`: the maximiser, `\arg\max`
# (not read: segments._OUTSIDE, latex.parser.OUT_OF_SCOPE).
_ARGMAX = re.compile(r"\\(?:operatorname\*?|mathrm|text|textrm|rm)\s*\{\s*arg\s*(?:\\[,;: ]\s*)?"
                     r"(max|min)\s*\}|\\arg(max|min)(?![A-Za-z])", re.I)


_PAREN_SCRIPT = re.compile(r"\^\s*\(")


def split_top(text: str, mark: str, after_not: tuple[str, ...]) -> list[str]:
    """`text` cut at each `mark` outside brackets, unless it follows one of `after_not`."""
    pieces, depth, last = [], 0, 0
    for pos, char in enumerate(text):
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == mark and depth == 0 and text[pos - 1:pos] not in after_not:
            pieces.append(text[last:pos])
            last = pos + 1
    pieces.append(text[last:])
    return pieces


def closing(text: str, opening: int) -> int | None:
    """Where the bracket `(` at `opening` closes, or None when it never does."""
    depth = 0
    for i in range(opening, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return None


def parenthesised_scripts(math: str) -> str:
    r"""`x^(-1.5)`, `e^(g(x))`: a superscript that opens a bracket holds the whole
    bracket, `x^{(-1.5)}` (TeX would raise the `(` alone, which no reader means).  An
    unclosed bracket, or one around a single letter or number (`x^(2)`: the power
    `x^{2}` or the sample `x^{(2)}`?), is left as written, for the parser to refuse."""
    at = 0
    while (match := _PAREN_SCRIPT.search(math, at)) is not None:
        end = closing(math, match.end() - 1)
        if end is None:
            return math
        if re.fullmatch(r"\(\s*(?:[A-Za-z]|[0-9]+)\s*\)", math[match.end() - 1:end + 1]):
            at = end                # `x^(2)`, `x^(i)`: a power or a sample? left to be refused
            continue
        math = math[:match.start()] + "^{" + math[match.end() - 1:end + 1] + "}" + math[end + 1:]
        at = match.start() + 2
    return math


def single_groups(math: str) -> str:
    r"""`\frac{d}{{dx}}`, `{{{e^x}}}` (MathType's braces): a brace group that is only
    another group is that group, `{dx}` (TeX reads them alike)."""
    for _ in range(1000):
        stack, pairs, i = [], {}, 0
        while i < len(math):
            if math[i] == "\\":
                i += 2
                continue
            if math[i] == "{":
                stack.append(i)
            elif math[i] == "}" and stack:
                pairs[stack.pop()] = i
            i += 1
        doubled = next((o for o, c in pairs.items()
                        if pairs.get(o + 1) == c - 1), None)
        if doubled is None:
            return math
        math = math[:doubled] + math[doubled + 1:pairs[doubled]] + math[pairs[doubled] + 1:]
    return math
