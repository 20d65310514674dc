"""LaTeX parse tree -> readable Unicode math, for people (no SymPy).

`∂Loss/∂Lᵢ`-style text built from what the grammar *read*, so the output
shows how a step was understood.  Table-driven: each grammar rule has a
small function in RULES; a rule not in the table (the grammar grows) is
rendered by `_generic`, which joins its parts and never fails.  `render`
falls back to the source text if anything at all goes wrong.
"""

from __future__ import annotations

import re

import lark

from derive_ce.errors import InputError

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
_SUP_OK = set("0123456789+−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ")
_SUB_OK = set("0123456789+−=()aehijklmnoprstuvx")
ACCENTS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303"}
TOKENS = {"MINUS": "−", "PLUS": "+", "EQ": "=", "NEQ": "≠", "LT": "<", "GT": ">",
          "LE": "≤", "GE": "≥", "INFTY": "∞", "PARTIAL": "∂", "BANG": "!", "BAR": "|",
          "LBAR": "|", "RBAR": "|"}
_MACRO = re.compile(r"\\([A-Za-z]+)")
_BRACED = re.compile(r"\{\s*([^{}]*?)\s*\}")


class Piece(str):
    """Rendered text that knows its precedence."""
    prec: int

    def __new__(cls, text: str, prec: int = ATOM):
        piece = super().__new__(cls, text)
        piece.prec = prec
        return piece


def render(text: str, start: str = "chain") -> str:
    """LaTeX source -> Unicode math; the source itself if it cannot be read."""
    from derive_ce.read.latex.parser import parse
    try:
        return str(render_tree(parse(text, start)))
    except (InputError, RecursionError, lark.exceptions.LarkError):
        return text


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
        return Piece(match.group(1) if match else str(token))
    if token.type == "ACCENTED":
        return Piece(_accented(str(token)))
    if token.type in ("LPAR", "LBRACK", "LBRACE", "RPAR", "RBRACK", "RBRACE"):
        return Piece(token[-1] if token.startswith("\\") else str(token))
    if token.type in ("MULOP", "DIV"):
        return Piece({"\\times": "×", "\\div": "÷", "/": "/"}.get(str(token).strip(), "·"))
    macro = _MACRO.fullmatch(str(token).strip())
    return Piece(macro.group(1) if macro else str(token))


def _accented(text: str) -> str:
    macro = _MACRO.match(text)
    base = text[macro.end():].strip().strip("{}").strip()
    letter = GREEK.get(base.lstrip("\\"), base.lstrip("\\"))
    return letter + ACCENTS.get(macro.group(1), "")


def _wrap(piece: Piece, below: int) -> str:
    """The piece, bracketed when its precedence is below `below`."""
    return f"({piece})" if piece.prec < below else str(piece)


def _trees(node) -> list:
    return [c for c in node.children if isinstance(c, lark.Tree)]


# -- rules --------------------------------------------------------------------

def _chain(node) -> Piece:
    return Piece(" = ".join(render_tree(c) for c in _trees(node)), SUM - 1)


def _relation(node) -> Piece:
    left, op, right = node.children
    return Piece(f"{render_tree(left)} {render_tree(op)} {render_tree(right)}", SUM - 1)


def _relop(node) -> Piece:
    return _token(node.children[0])


def _binary(prec: int, right_below: int):
    def rule(node) -> Piece:
        left, op, right = node.children
        return Piece(f"{_wrap(render_tree(left), prec)} {_token(op)} "
                     f"{_wrap(render_tree(right), right_below)}", prec)
    return rule


def _sign(node) -> Piece:
    op, operand = node.children
    inner = render_tree(operand)
    return Piece(f"{_token(op)}{_wrap(inner, OPEN)}", min(inner.prec, PREFIX))


def _implicit(node) -> Piece:
    pieces = [render_tree(c) for c in node.children]
    if len(pieces) == 1:
        return pieces[0]
    # a factor with something after it is bracketed unless it is a power or
    # an atom: `(1 / 2) x`, `(ln x) y`, `(Σⱼ aⱼ) b`
    text = str(_wrap(pieces[0], CALL))
    for number, (before, piece) in enumerate(zip(pieces, pieces[1:]), 2):
        below = OPEN if number == len(pieces) else CALL
        text += ("" if _tight(before, piece) else " ") + _wrap(piece, below)
    return Piece(text, OPEN if pieces[-1].prec == OPEN else PRODUCT)


def _tight(before: str, after: str) -> bool:
    """`2x`, `3x²`, `xy`: a number before a letter, or one letter before another."""
    if before.replace(".", "").isdigit():
        return after[:1].isalpha()
    return len(before) == 1 and before.isalpha() and len(after) == 1 and after.isalpha()


def _number(node) -> Piece:
    return Piece(str(node.children[0]))


def _symbol(node) -> Piece:
    name = render_tree(node.children[0])
    if len(node.children) == 1:
        return Piece(name)
    return Piece(name + _script(render_tree(node.children[1]), SUBSCRIPT, _SUB_OK, "_"))


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
    return f"{mark}{text}" if len(text) == 1 else f"{mark}{{{text}}}"


def _sup(node) -> Piece:
    child = node.children[0]
    return render_tree(child) if isinstance(child, lark.Tree) else _token(child)


def _pow(node) -> Piece:
    base, sup = node.children
    return Piece(_wrap(render_tree(base), CALL)
                 + _script(str(render_tree(sup)), SUPERSCRIPT, _SUP_OK, "^"), POWER)


def _group(node) -> Piece:
    trees = _trees(node)
    inner = render_tree(trees[0])
    tokens = [c for c in node.children if isinstance(c, lark.Token)]
    if len(tokens) == 2:
        return Piece(f"{_token(tokens[0])}{inner}{_token(tokens[1])}")
    return Piece(_wrap(inner, ATOM if inner.prec < POWER else 0))   # `{…}`: invisible in LaTeX


def _call(node) -> Piece:
    return Piece(f"{render_tree(node.children[0])}{render_tree(node.children[1])}", CALL)


def _abs(node) -> Piece:
    return Piece(f"|{render_tree(_trees(node)[0])}|")


def _frac(node) -> Piece:
    top, bottom = _trees(node)
    quotient = _derivative_quotient(top, bottom)
    if quotient:
        return Piece(quotient, PRODUCT)
    return Piece(f"{_wrap(render_tree(top), PRODUCT)} / {_wrap(render_tree(bottom), POWER)}",
                 PRODUCT)


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
    name = str(node.children[0]).lstrip("\\")
    rest = node.children[1:]
    power = ""
    if len(rest) == 2:
        power = _script(str(render_tree(rest[0])), SUPERSCRIPT, _SUP_OK, "^")
    arg = render_tree(rest[-1])
    gap = "" if str(arg).startswith(("(", "[", "{", "|")) else " "
    return Piece(f"{name}{power}{gap}{arg}", PREFIX)


def _farg(node) -> Piece:
    return render_tree(node.children[0])


def _farg_pow(node) -> Piece:
    return _pow(node)


def _bigop(node) -> Piece:
    sign = "Σ" if "sum" in node.children[0] else "Π"
    trees = _trees(node)
    bounds = render_tree(trees[0]) if len(trees) == 2 else ""
    return Piece(f"{sign}{bounds} {_wrap(render_tree(trees[-1]), OPEN)}", OPEN)


def _bounds(node) -> Piece:
    parts = [c for c in node.children if isinstance(c, lark.Tree)]
    sup = parts[-1] if parts and parts[-1].data == "sup" else None
    low = [p for p in parts if p is not sup]
    text = ""
    if low:
        below = str(render_tree(low[0]))
        if len(low) == 2:
            below += "=" + str(render_tree(low[1]))
        text = _script(below, SUBSCRIPT, _SUB_OK, "_")
    if sup is not None:
        text += _script(str(render_tree(sup)), SUPERSCRIPT, _SUP_OK, "^")
    return Piece(text)


def _deriv(node) -> Piece:
    op = "∂" if "partial" in node.children[0] else "d"
    var = render_tree(node.children[1])
    operand = render_tree(node.children[2])
    if operand.startswith("(") and operand.prec == ATOM:     # d/dx(…): the group only
        return Piece(f"{op}/{op}{var}{operand}", POWER)
    return Piece(f"{op}/{op}{var} {operand}", OPEN)


def _operand(node) -> Piece:
    if len(node.children) == 2:
        return Piece(f"−{_wrap(render_tree(node.children[1]), OPEN)}", PREFIX)
    return render_tree(node.children[0])


def _factorial(node) -> Piece:
    return Piece(f"{_wrap(render_tree(node.children[0]), ATOM)}!", POWER)


RULES = {
    "chain": _chain, "relation": _relation, "relop": _relop,
    "add": _binary(SUM, OPEN), "sub": _binary(SUM, OPEN),
    "mul": _binary(PRODUCT, OPEN), "div": _binary(PRODUCT, POWER),
    "neg": _sign, "pos": _sign, "implicit": _implicit,
    "number": _number, "symbol": _symbol, "name": _name, "subscript": _subscript,
    "sup": _sup, "pow": _pow, "group": _group, "call": _call, "abs": _abs,
    "frac": _frac, "sqrt": _sqrt, "func": _func, "farg": _farg, "farg_pow": _farg_pow,
    "bigop": _bigop, "bounds": _bounds, "deriv": _deriv, "operand": _operand,
    "factorial": _factorial,
    "infinity": lambda node: Piece("∞"), "partial": lambda node: Piece("∂"),
}
