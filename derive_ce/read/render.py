"""LaTeX parse tree -> readable Unicode math, for people (no SymPy).

`∂Loss/∂Lᵢ`-style text built from what the grammar *read*, so the output
shows how a step was understood.  Table-driven: each grammar rule has a
small function in RULES; a rule not in the table (the grammar grows) is
rendered by `_generic`, which joins its parts and never fails.  `render`
falls back to the source text if anything at all goes wrong.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import lark

from derive_ce.errors import InputError
from derive_ce.read.latex.shape import operator_order

# Precedence of a rendered piece: what it needs around it to stay one operand.
# OPEN: Σ and d/dx, whose operand runs on to the right; PREFIX: −x, ln x;
# CALL: f(x), which may also be the product k·(k + 1), so `1 / (k(k + 1))`.
SUM, OPEN, PRODUCT, PREFIX, CALL, POWER, ATOM = 1, 2, 3, 4, 4.5, 5, 6

GREEK = dict(alpha="α", beta="β", gamma="γ", delta="δ", epsilon="ϵ", varepsilon="ε",
             zeta="ζ", eta="η", theta="θ", vartheta="ϑ", iota="ι", kappa="κ",
             **{"lambda": "λ"}, mu="μ", nu="ν", xi="ξ", pi="π", rho="ρ", varrho="ϱ",
             sigma="σ", varsigma="ς", tau="τ", upsilon="υ", phi="ϕ", varphi="φ",
             chi="χ", psi="ψ", omega="ω", Gamma="Γ", Delta="Δ", Theta="Θ",
             Lambda="Λ", Xi="Ξ", Pi="Π", Sigma="Σ", Upsilon="Υ", Phi="Φ", Psi="Ψ",
             Omega="Ω")
SUPERSCRIPT = str.maketrans(
    "0123456789+−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡ")
SUBSCRIPT = str.maketrans("0123456789+−=()aehijklmnoprstuvx",
                          "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUP_OK = {chr(c) for c in SUPERSCRIPT}
_SUB_OK = {chr(c) for c in SUBSCRIPT}
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305",
           "tilde": "\u0303", "widetilde": "\u0303", "vec": "\u20d7", "dot": "\u0307",
           "ddot": "\u0308", "check": "\u030c", "breve": "\u0306"}
LETTERS = {
    "mathcal": dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "𝒜ℬ𝒞𝒟ℰℱ𝒢ℋℐ𝒥𝒦ℒℳ𝒩𝒪𝒫𝒬ℛ𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵")),
    "mathbb": dict(zip("CHNPQRZ", "ℂℍℕℙℚℝℤ")),
}
NAMED = {"ell": "ℓ", "hbar": "ħ", "imath": "ı", "jmath": "ȷ"}
TOKENS = {"MINUS": "−", "PLUS": "+", "EQ": "=", "NEQ": "≠", "LT": "<", "GT": ">",
          "LE": "≤", "GE": "≥", "INFTY": "∞", "PARTIAL": "∂", "BANG": "!", "BAR": "|",
          "LBAR": "|", "RBAR": "|", "PRIME": "′", "HADAMARD": "⊙", "KRON": "⊗", "NABLA": "∇"}
_MACRO = re.compile(r"\\([A-Za-z]+)")
_FUNC_WORD = re.compile(r"\{\s*([A-Za-z]+)\s*\}")
_WORD = re.compile(r"[^\W_]+(,[^\W_]+)*")      # letters and digits, commas between
_BRACED = re.compile(r"\{\s*([^{}]*?)\s*\}")


class Piece(str):
    """Rendered text that knows its precedence."""
    prec: int

    def __new__(cls, text: str, prec: int = ATOM):
        piece = super().__new__(cls, text)
        piece.prec = prec
        return piece


@functools.lru_cache(maxsize=4096)
def render(text: str, start: str = "chain") -> str:
    """LaTeX source -> Unicode math; the source itself if it cannot be read."""
    from derive_ce.read.latex.parser import parse
    try:
        tree = parse(text, start)
        _PLAIN.clear()
        _FALLBACK.clear()
        shown = str(render_tree(tree))
        if _FALLBACK:            # one symbol, one way: L_γ, so L_j too, not Lⱼ
            _PLAIN.update(_FALLBACK)
            shown = str(render_tree(tree))
        return shown
    except (InputError, RecursionError, lark.exceptions.LarkError):
        return text
    finally:
        _PLAIN.clear()
        _FALLBACK.clear()


_PLAIN: set = set()       # bases whose subscripts are written `_…` in this text
_FALLBACK: set = set()    # bases with a subscript that has no Unicode form


# the accents the LaTeX reader puts on a name as combining marks (`\hat{\theta}` -> thetâ)
ACCENT_MARKS = {"\u0302": "hat", "\u0304": "bar", "\u0303": "tilde", "\u0307": "dot",
                "\u0308": "ddot", "\u20d7": "vec"}


def accented_greek(name: str) -> str | None:
    """`thetâ` (the reader's name for `\\hat{\\theta}`) -> `\\hat{\\theta}`; None for
    any other name (`x̄` renders as it is)."""
    name = unicodedata.normalize("NFD", name)          # â is a + U+0302
    if len(name) > 2 and name[-1] in ACCENT_MARKS and name[:-1] in GREEK:
        return f"\\{ACCENT_MARKS[name[-1]]}{{\\{name[:-1]}}}"
    return None


def accented_latex(name: str) -> str | None:
    """A name with an accent as LaTeX the renderer reads: `x̄` -> `\\bar{x}`,
    `thetâ` -> `\\hat{\\theta}`; None for a name without one."""
    greek = accented_greek(name)
    if greek is not None:
        return greek
    name = unicodedata.normalize("NFD", name)
    if len(name) == 2 and name[0].isascii() and name[0].isalpha() and name[1] in ACCENT_MARKS:
        return f"\\{ACCENT_MARKS[name[1]]}{{{name[0]}}}"
    return None


def name_text(name: str) -> str:
    """A variable's name as shown in a counterexample: `gamma` -> γ, `L_i` -> Lᵢ,
    `theta_0` -> θ₀ (not the letters t·h·e·t·a₀), `thetâ` -> θ̂."""
    base, sep, sub = name.partition("_")
    if accented_greek(base) is not None:
        base = unicodedata.normalize("NFD", base)
        return GREEK[base[:-1]] + base[-1] + (name_text("x_" + sub)[1:] if sep else "")
    if sub.startswith("{") and sub.endswith("}"):      # W_{1,2}: as W_1,2
        sub = sub[1:-1]
    if sep and sub and base.endswith("⁽⁾") and len(base) > 2:    # x⁽⁾_1: sample 1, x⁽¹⁾
        return render(f"{base[:-2]}^{{({sub})}}")
    if sep and sub and sub.isascii() and (base in GREEK or len(base) == 1 and base.isalpha()):
        parts = [("\\" + p if p in GREEK else p) for p in sub.split(",")]
        head = "\\" + base if base in GREEK else base
        return render(f"{head}_{{{','.join(parts)}}}")
    return GREEK.get(name) or render(name)


@functools.lru_cache(maxsize=1024)
def render_prose(text: str) -> str:
    """Prose with math in it (a step's why): the math is rendered, the words
    kept.  Math-only text is rendered whole; otherwise each run of
    LaTeX-looking words (`e^{L_j}`, `\\sum_{j=1} e^{L_j}`) on its own."""
    if "\\" not in text and "_" not in text and "^" not in text:
        return text
    if is_math(text):
        return render(text)
    out, run = [], []
    for word in text.split() + [""]:
        if _mathy(word) or run and word in _CONNECT:
            run.append(word)
            continue
        tail = []
        while run and run[-1] in _CONNECT:      # a run ends on math, not on `+`
            tail.insert(0, run.pop())
        if run:
            out.append(render(" ".join(run)))
        out += tail + [word]
        run = []
    return _MACRO.sub(_prose_macro, " ".join(w for w in out if w))


_PROSE_WORD = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{2,}")


def is_math(text: str) -> bool:
    """LaTeX with no word of prose in it (`\\frac{d}{dx} e^x`, not `by \\alpha`)."""
    return "\\" in text and not _PROSE_WORD.search(text)


_PROSE_MACROS = {"Rightarrow": "⇒", "Leftrightarrow": "⇔", "rightarrow": "→", "to": "→",
                 "cdot": "·", "times": "×", "quad": " ", "qquad": " "}
_CONNECT = ("+", "-", "=", "\\cdot", "/")


def _mathy(word: str) -> bool:
    if word.startswith("\\") and word[1:] in _PROSE_MACROS:
        return False
    return any(c in word for c in "\\_^{}")


def _prose_macro(match) -> str:
    name = match.group(1)
    return GREEK.get(name) or _PROSE_MACROS.get(name) or match.group(0)


def render_tree(node) -> Piece:
    if isinstance(node, lark.Token):
        return _token(node)
    try:
        rule = RULES.get(node.data)
        return rule(node) if rule else _generic(node)
    except (IndexError, AttributeError, TypeError, ValueError, KeyError):
        return _generic(node)


def _generic(node) -> Piece:
    """A rule the table does not know: its parts in order, kept together."""
    if isinstance(node, lark.Token):
        return _token(node)
    parts = [str(_generic_part(c)) for c in node.children]
    text = " ".join(p for p in parts if p)
    return Piece(text, ATOM if len(parts) == 1 else PREFIX)


def _generic_part(child) -> Piece:
    try:
        return render_tree(child)
    except RecursionError:
        raise
    except Exception:  # noqa: BLE001 - the fallback must not fail
        return Piece(str(child))


def _token(token: lark.Token) -> Piece:
    if token.type in TOKENS:
        return Piece(TOKENS[token.type])
    if token.type == "GREEK":
        return Piece(GREEK.get(token.lstrip("\\"), str(token)))
    if token.type == "TEXTNAME":
        match = _BRACED.search(token)
        word = match.group(1).strip() if match else str(token)
        if re.fullmatch(r"[A-Za-z]_[A-Za-z0-9]+", word):     # `\operatorname{h_theta}`: h_θ
            return Piece(name_text(word))
        return Piece(word)
    if token.type == "FUNC" and _BRACED.search(token):     # `x_\text{max}`: the word
        return Piece(_BRACED.search(token).group(1).strip())
    if token.type == "NAMED":
        return Piece(NAMED.get(token.lstrip("\\"), str(token)))
    if token.type == "PRIME":
        return Piece("′" * len(token))
    if token.type in ("LPAR", "LBRACK", "LBRACE", "RPAR", "RBRACK", "RBRACE"):
        return Piece(token[-1] if token.startswith("\\") else str(token))
    if token.type in ("MULOP", "DIV"):
        return Piece({"\\times": "×", "×": "×", "\\div": "÷", "÷": "÷", "/": "/"}
                     .get(str(token).strip(), "·"))
    macro = _MACRO.fullmatch(str(token).strip())
    return Piece(macro.group(1) if macro else str(token))


def _wrap(piece: Piece, below: int) -> str:
    """The piece, bracketed when its precedence is below `below`."""
    return f"({piece})" if piece.prec < below else str(piece)


def _trees(node) -> list:
    return [c for c in node.children if isinstance(c, lark.Tree)]


# -- rules --------------------------------------------------------------------

def _chain(node) -> Piece:
    return Piece(" = ".join(render_tree(c) for c in _trees(node)), SUM - 1)


def _relation(node) -> Piece:
    return Piece(" ".join(render_tree(child) for child in node.children), SUM - 1)


def _relop(node) -> Piece:
    return _token(node.children[0])


def _binary(prec: int, right_below: int):
    def rule(node) -> Piece:
        left, op, right = node.children
        return Piece(f"{_wrap(render_tree(left), prec)} {_token(op)} "
                     f"{_wrap(render_tree(right), right_below)}", prec)
    return rule


def _differential(node) -> str:
    if isinstance(node, lark.Tree) and node.data == "partial":
        return "∂"
    if isinstance(node, lark.Tree) and node.data == "symbol" and len(node.children) == 1 \
            and str(render_tree(node)) == "d":
        return "d"
    return ""


def _typed_derivative(node) -> Piece | None:
    """`d/dx x²` typed as derive-ce prints it: shown the same way again
    (decide/build reads it as the derivative of the rest of the product)."""
    left, _, right = node.children
    if not (isinstance(left, lark.Tree) and left.data == "implicit" and len(left.children) == 1
            and isinstance(right, lark.Tree) and right.data == "implicit"
            and len(right.children) >= 3):
        return None
    top, (low, var, *rest) = _differential(left.children[0]), right.children
    if not top or _differential(low) != top:
        return None
    operand = _implicit(lark.Tree("implicit", rest)) if len(rest) > 1 else render_tree(rest[0])
    if operand.startswith("(") and operand.prec == ATOM:
        return Piece(f"{top}/{top}{render_tree(var)}{operand}", POWER)
    return Piece(f"{top}/{top}{render_tree(var)} {_wrap(operand, OPEN)}", OPEN)


def _sign(node) -> Piece:
    op, operand = node.children
    inner = render_tree(operand)
    return Piece(f"{_token(op)}{_wrap(inner, OPEN)}", min(inner.prec, PREFIX))


def _implicit(node) -> Piece:
    return _join(_factors(node.children))


def _join(pieces: list[Piece]) -> Piece:
    if len(pieces) == 1:
        return pieces[0]
    # a factor with something after it is bracketed unless it is a call, a
    # power or an atom: `(1 / 2) x`, `(Σⱼ aⱼ) b`
    text = str(_wrap(pieces[0], CALL))
    for number, (before, piece) in enumerate(zip(pieces, pieces[1:]), 2):
        below = OPEN if number == len(pieces) else CALL
        text += ("" if _tight(before, piece) else " ") + _wrap(piece, below)
    return Piece(text, OPEN if pieces[-1].prec == OPEN else PRODUCT)


_STOPS = ("func_bare", "func_app", "bigop", "dapply")


def _factors(children: list) -> list[Piece]:
    """The factors of a product; a bare function (`\\ln xy`) takes the factors
    after it up to the next function, sum or derivative, as the builder does."""
    pieces, index = [], 0
    while index < len(children):
        child = children[index]
        if isinstance(child, lark.Tree) and child.data == "func_bare":
            end = index + 1
            while end < len(children) and not (
                    isinstance(children[end], lark.Tree) and children[end].data in _STOPS):
                end += 1
            if end == index + 1 and end < len(children):    # `\\ln \\sum_j …`: the sum
                end += 1
            pieces.append(_bare(child, children[index + 1:end], end < len(children)))
            index = end
        else:
            pieces.append(render_tree(child))
            index += 1
    return pieces


def _bare(node, arguments: list, more: bool) -> Piece:
    """`ln x`, or `ln(xy)` when the argument is several factors or more follows."""
    name = render_tree(node)
    if not arguments:
        return name
    argument = _join(_factors(arguments))
    if len(arguments) == 1 and not more and argument.prec >= CALL:
        return Piece(f"{name} {argument}", PREFIX)
    return Piece(f"{name}({argument})", CALL)


def _tight(before: str, after: str) -> bool:
    """`2x`, `3x²`, `xy`, `f(x)`: a number before a letter, one letter before
    another, or a name before its bracket."""
    if before.replace(".", "").isdigit():
        return after[:1].isalpha()
    if after.startswith("(") and before[-1:].isalpha() or before.endswith("′"):
        return True
    return len(before) == 1 and before.isalpha() and len(after) == 1 and after.isalpha()


def _number(node) -> Piece:
    return Piece(str(node.children[0]))


def _symbol(node) -> Piece:
    text = "".join(str(render_tree(c)) for c in node.children
                   if not (isinstance(c, lark.Tree) and c.data == "subscript"))
    subs = [c for c in node.children if isinstance(c, lark.Tree) and c.data == "subscript"]
    if subs:
        script = str(render_tree(subs[0]))
        if text in _PLAIN:
            tight = script.replace(" ", "")
            text += "_" + (tight if len(tight) == 1 or _WORD.fullmatch(tight) else f"({script})")
        else:
            shown = _script(script, SUBSCRIPT, _SUB_OK, "_")
            if shown.startswith("_"):
                _FALLBACK.add(text)
            text += shown
    return Piece(text)


def _styled(node) -> Piece:
    """`\\hat{x}` -> x̂; `\\mathbf{x}`, `\\mathcal{L}` -> the letter."""
    style = str(node.children[0]).lstrip("\\")
    inner = [render_tree(c) for c in node.children[1:]]
    base = str(inner[0]) if inner else ""
    mark = ACCENTS.get(style, "")
    text = base[:1] + mark + base[1:] if mark else base
    if style in LETTERS and len(base) == 1:
        text = LETTERS[style].get(base, base)           # \mathcal{L}: ℒ, \mathbb{R}: ℝ
    if len(inner) == 2:
        text += _script(inner[1], SUBSCRIPT, _SUB_OK, "_")
    return Piece(text)


def _name(node) -> Piece:
    return _token(node.children[0])


def _subscript(node) -> Piece:
    return Piece(",".join(render_tree(c) for c in node.children))


def _script(text: str, table: dict, allowed: set, mark: str) -> str:
    """Unicode sub/superscript when every character has one, else `_x` / `_{…}`."""
    tight = text.replace(" ", "")
    if tight and all(c in allowed or c == "," for c in tight) \
            and ("," not in tight or mark == "_"):
        return tight.translate(table)
    if len(tight) == 1 or mark == "_" and _WORD.fullmatch(tight):
        return f"{mark}{tight}"          # x_γ, W_iγ, X_1,γ: one name
    short = re.sub(r" ([/·]) ", r"\1", text) if len(text) <= 12 else text
    return f"{mark}({short})"            # e^(L_γ), σ^(3/2), Σ_(c=1)^C


def _sup(node) -> Piece:
    child = node.children[0]
    return render_tree(child) if isinstance(child, lark.Tree) else _token(child)


def _pow(node) -> Piece:
    base, sup = node.children
    return Piece(_wrap(render_tree(base), CALL)
                 + _script(str(render_tree(sup)), SUPERSCRIPT, _SUP_OK, "^"), POWER)


def _pow_sub(node) -> Piece:
    base, sup, sub = node.children
    return Piece(_wrap(render_tree(base), CALL)
                 + _script(str(render_tree(sup)), SUPERSCRIPT, _SUP_OK, "^")
                 + _script(str(render_tree(sub)), SUBSCRIPT, _SUB_OK, "_"), POWER)


def _tuple(node) -> Piece:
    return Piece("(" + ", ".join(render_tree(c) for c in _trees(node)) + ")")


def _group(node) -> Piece:
    trees = _trees(node)
    inner = render_tree(trees[0])
    tokens = [c for c in node.children if isinstance(c, lark.Token)]
    if len(tokens) == 2:
        return Piece(f"{_token(tokens[0])}{inner}{_token(tokens[1])}")
    return Piece(_wrap(inner, ATOM if inner.prec < POWER else 0))   # `{…}`: invisible in LaTeX


def _floor(node) -> Piece:
    return Piece(f"⌊{render_tree(_trees(node)[0])}⌋")


def _ceil(node) -> Piece:
    return Piece(f"⌈{render_tree(_trees(node)[0])}⌉")


def _abs(node) -> Piece:
    return Piece(f"|{render_tree(_trees(node)[0])}|")


def _frac(node) -> Piece:
    if not _trees(node):                        # \\frac12
        digits = str(node.children[0]).rstrip()[-2:]
        return Piece(f"{digits[0]}/{digits[1]}", PRODUCT)
    return _quotient(*_trees(node))


def _quotient(top, bottom) -> Piece:
    """`\\frac{a}{b}` and `{a \\over b}`: `a / b`, or `df/dx` for a derivative."""
    quotient = _derivative_quotient(top, bottom)
    if quotient:
        return Piece(quotient, PRODUCT)
    numerator = render_tree(top)
    if numerator.prec == PREFIX:                 # `(ln x) / 2`, `(−x) / 2`
        numerator = Piece(f"({numerator})")
    return Piece(f"{_wrap(numerator, PRODUCT)} / {_wrap(render_tree(bottom), POWER)}", PRODUCT)


def _derivative_quotient(top, bottom) -> str:
    """`\\frac{d f}{d x}` -> `df/dx` (∂ for \\partial)."""
    def split(tree):
        if tree.data != "implicit" or len(tree.children) < 2:
            return None
        first = render_tree(tree.children[0])
        if first not in ("d", "∂"):
            return None
        return first, " ".join(render_tree(c) for c in tree.children[1:])
    up, down = split(top), split(bottom)
    if not up or not down or up[0] != down[0] or len(bottom.children) != 2:
        return ""
    return f"{up[0]}{up[1]}/{down[0]}{down[1]}"


def _sqrt(node) -> Piece:
    trees = _trees(node)
    body = _wrap(render_tree(trees[-1]), ATOM)
    if len(trees) == 1:
        return Piece(f"√{body}", POWER)
    index = str(render_tree(trees[0]))
    sign = {"3": "∛", "4": "∜"}.get(index)
    return Piece(f"{sign}{body}" if sign else
                 f"{_script(index, SUPERSCRIPT, _SUP_OK, '^')}√{body}", POWER)


def _func(node) -> Piece:
    """`\\tanh^2(x)` -> tanh²(x); `\\log_2 x`; a bare `\\cos` before its argument."""
    token = str(node.children[0])
    word = _FUNC_WORD.search(token) or _MACRO.search(token)
    text = word.group(1) if word else token
    argument = ""
    for child in node.children[1:]:
        if child.data == "fpow":
            text += _script(str(render_tree(child.children[0])), SUPERSCRIPT, _SUP_OK, "^")
        elif child.data == "fbase":
            text += _script(str(render_tree(child.children[0])), SUBSCRIPT, _SUB_OK, "_")
        else:
            argument = str(render_tree(child))
    return Piece(text + argument, CALL if argument else PREFIX)


def _bigop(node) -> Piece:
    token = str(node.children[0])
    sign = "Π" if "prod" in token or token == "∏" else "Σ"     # \sum, ∑, \Sigma_{i=1}
    trees = _trees(node)
    bounds = render_tree(trees[0]) if len(trees) == 2 else ""
    return Piece(f"{sign}{bounds} {_wrap(render_tree(trees[-1]), OPEN)}", OPEN)


def _bounds(node) -> Piece:
    parts = {c.data: c for c in node.children if isinstance(c, lark.Tree)}
    upper = parts.pop("upper", None)
    text = ""
    for lower in parts.values():
        text += _script(str(render_tree(lower)).replace(" ", ""), SUBSCRIPT, _SUB_OK, "_")
    if upper is not None:
        text += _script(str(render_tree(upper.children[0])), SUPERSCRIPT, _SUP_OK, "^")
    return Piece(text)


def _lower(node) -> Piece:
    """`j=1`, `j≠i`, `i,j`: the lower bound of a sum, as one text."""
    if node.data == "lower_names":
        return Piece(",".join(render_tree(c) for c in node.children))
    return Piece("".join(str(render_tree(c)) for c in node.children))


def _dapply(node) -> Piece:
    """`\\frac{d}{dx} f` -> d/dx f; the operator applies to the rest of the product."""
    op, operand = render_tree(node.children[0]), render_tree(node.children[1])
    if operand.startswith("(") and operand.prec == ATOM:     # d/dx(…): the group only
        return Piece(f"{op}{operand}", POWER)
    return Piece(f"{op} {_wrap(operand, OPEN)}", OPEN)


def _dop_frac(node) -> Piece:
    """d/dx, d²/dx², ∂²/∂x∂y."""
    sign = "∂" if "partial" in node.children[0] or "∂" in node.children[0] else "d"
    order = operator_order(str(node.children[0]))
    variables = [render_tree(c) for c in node.children if isinstance(c, lark.Tree)]
    top = sign + (_script(order, SUPERSCRIPT, _SUP_OK, "^") if order != "1" else "")
    return Piece(f"{top}/{''.join(sign + str(v) for v in variables)}")


def _dvar(node) -> Piece:
    variable = render_tree(node.children[0])
    if len(node.children) == 2:
        return Piece(variable + _script(str(render_tree(node.children[1])),
                                        SUPERSCRIPT, _SUP_OK, "^"))
    return variable


def _dop_sub(node) -> Piece:
    variable = render_tree(node.children[1])
    return Piece("∂" + _script(str(variable), SUBSCRIPT, _SUB_OK, "_"))


def _dsub(node) -> Piece:
    return render_tree(node.children[0])


def _binom(node) -> Piece:
    top, bottom = _trees(node)
    return Piece(f"C({render_tree(top)}, {render_tree(bottom)})", CALL)


def _indicator(node) -> Piece:
    parts = [render_tree(c) for c in node.children[1:]
             if isinstance(c, lark.Tree) or c.type == "RELOP"]
    return Piece("𝟙[" + " ".join(str(p) for p in parts) + "]")


def _cases(node) -> Piece:
    rows = [render_tree(c) for c in _trees(node)]
    return Piece("{ " + "; ".join(str(r) for r in rows) + " }")


def _crow(node) -> Piece:
    value, condition = _trees(node)[0], _trees(node)[-1]
    shown = render_tree(condition)
    word = "" if condition.data == "cond_else" else "if "
    return Piece(f"{render_tree(value)} {word}{shown}")


def _cond_rel(node) -> Piece:
    return Piece(" ".join(str(render_tree(c)) for c in node.children))


def _cond_join(word: str):
    def render(node) -> Piece:
        return Piece(f" {word} ".join(str(render_tree(c)) for c in _trees(node)))
    return render


def _cond_else(node) -> Piece:
    return Piece("otherwise")


def _percent(node) -> Piece:
    return Piece(f"{node.children[0]}%")


def _factorial(node) -> Piece:
    return Piece(f"{_wrap(render_tree(node.children[0]), ATOM)}!", POWER)


def _norm(node) -> Piece:
    """`\\|x\\|_2` -> ‖x‖₂, `\\|X\\|_F` -> ‖X‖_F."""
    which = next((c for c in node.children if isinstance(c, lark.Tree) and c.data == "nsub"), None)
    inner = next(c for c in _trees(node) if c.data != "nsub")
    text = f"‖{render_tree(inner)}‖"
    if which is not None:
        text += _script(str(which.children[0]), SUBSCRIPT, _SUB_OK, "_")
    return Piece(text)


def _mfunc(node) -> Piece:
    """`\\operatorname{tr}(A)` -> tr(A), `\\det A` -> det A."""
    word = re.search(r"([A-Za-z]+)\s*\}?\s*$", str(node.children[0]))
    argument = render_tree(node.children[1])
    name = word.group(1) if word else str(node.children[0])
    return Piece(f"{name}{argument}" if str(argument).startswith("(") else f"{name} {argument}",
                 CALL)


def _nabla(node) -> Piece:
    """∇ₓ, ∇²ₓ: the order as a superscript, the variable as a subscript."""
    text = "∇"
    for mod in node.children[1:]:
        if mod.data == "nabla_order":
            text += _script(str(render_tree(mod.children[0])), SUPERSCRIPT, _SUP_OK, "^")
    for mod in node.children[1:]:
        if mod.data == "nabla_var":
            text += _script(str(render_tree(mod.children[0])), SUBSCRIPT, _SUB_OK, "_")
    return Piece(text)


def _ones(node) -> Piece:
    size = _trees(node)
    return Piece("𝟏" + (_script(str(render_tree(size[0])), SUBSCRIPT, _SUB_OK, "_")
                        if size else ""))


RULES = {
    "group_sub": lambda node: Piece(str(render_tree(node.children[0]))
                                    + _script(str(render_tree(node.children[1])), SUBSCRIPT,
                                              _SUB_OK, "_"), POWER),
    "norm": _norm, "mfunc": _mfunc, "nabla": _nabla, "napply": _dapply, "ones": _ones,
    "sup_top": lambda node: Piece("T"), "sup_invtop": lambda node: Piece("−T"),
    "hadamard": _binary(PRODUCT, OPEN),
    "kron": _binary(PRODUCT, OPEN),
    "chain": _chain, "relation": _relation, "relop": _relop,
    "add": _binary(SUM, OPEN), "sub": _binary(SUM, OPEN),
    "mul": _binary(PRODUCT, OPEN), "div": lambda node: _typed_derivative(node) or
    _binary(PRODUCT, POWER)(node),
    "neg": _sign, "pos": _sign, "implicit": _implicit,
    "number": _number, "symbol": _symbol, "name": _name, "styled": _styled,
    "subscript": _subscript, "sup": _sup, "pow": _pow, "pow_sub": _pow_sub,
    "group": _group, "tuple": _tuple, "abs": _abs, "floor": _floor, "ceil": _ceil,
    "frac": _frac, "over": lambda node: _quotient(*_trees(node)), "sqrt": _sqrt, "binom": _binom,
    "func_app": _func, "func_bare": _func,
    "bigop": _bigop, "bounds": _bounds,
    "lower_eq": _lower, "lower_rel": _lower, "lower_names": _lower,
    "dapply": _dapply, "dop_frac": _dop_frac, "dvar": _dvar, "dop_sub": _dop_sub,
    "dsub": _dsub, "indicator": _indicator, "cases": _cases, "crow": _crow,
    "cond_rel": _cond_rel, "cond_else": _cond_else,
    "cond_any": _cond_join("or"), "cond_all": _cond_join("and"), "factorial": _factorial, "percent": _percent,
    "infinity": lambda node: Piece("∞"), "partial": lambda node: Piece("∂"),
}
