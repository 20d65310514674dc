"""What a LaTeX name denotes, as one string: `\\gamma` -> "gamma",
`\\hat{y}` -> "ŷ", `\\mathbf{x}` -> "x" (a bold x is the vector x),
`\\mathcal{L}` -> "ℒ", `\\text{Loss}` -> "Loss".

One place for the rule, used by the LaTeX builder (names in steps) and by
the YAML loader (names in `symbols:` and `definitions:`), so that a name is
the same name wherever it is written.
"""

from __future__ import annotations

import re
import unicodedata

from derive_ce.errors import InputError

ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0304",
           "tilde": "\u0303", "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308",
           "check": "\u030c", "breve": "\u0306"}
BOLD = ("mathbf", "boldsymbol", "bm", "vec", "mathsf")
ALPHABETS = {"mathcal": "SCRIPT", "mathscr": "SCRIPT", "mathfrak": "FRAKTUR"}
TEXT = ("text", "mathrm", "operatorname", "mathit", "textrm", "textit")
NAMED = {"ell": "ell", "hbar": "hbar", "imath": "imath", "jmath": "jmath"}
GREEK = set("""alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota
kappa lambda mu nu xi pi rho varrho sigma varsigma tau upsilon phi varphi chi psi
omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega""".split())

_COMMAND = re.compile(r"\\([A-Za-z]+)\s*(?:\{(.*)\}|(\\[A-Za-z]+|[A-Za-z]))?$", re.S)


def letter(text: str) -> str:
    """A letter, a Greek macro or a Unicode Greek letter: `\\gamma`, `γ` -> "gamma"."""
    if text.startswith("\\"):
        return NAMED.get(text[1:], text[1:])
    if len(text) == 1 and "GREEK" in unicodedata.name(text, ""):
        word = unicodedata.name(text).split()[-1].lower()
        word = {"lamda": "lambda", "final": "varsigma"}.get(word, word)
        return word if unicodedata.name(text).split()[1] == "SMALL" else word.capitalize()
    return text


def text_name(inner: str) -> str:
    """The inside of `\\text{...}`: letters and digits, starting with a letter."""
    inner = inner.strip()
    if not inner.replace("_", "").isalnum() or not inner[:1].isalpha():
        raise InputError(f"`{inner}` is not a name (letters and digits)")
    return inner


def styled(style: str, inner: str) -> str:
    """`\\hat` + "y" -> "ŷ"; `\\mathbf` + "x" -> "x"; `\\mathcal` + "L" -> "ℒ"."""
    style = style.lstrip("\\")
    if style in ACCENTS:       # composed where Unicode can (ŷ), as Python's names are
        return unicodedata.normalize("NFC", inner + ACCENTS[style])
    if style in BOLD:
        return inner
    if style in ALPHABETS and len(inner) == 1 and inner.isascii() and inner.isalpha():
        return _alphabet(ALPHABETS[style], inner)
    if style == "mathbb":
        raise InputError(f"`\\mathbb{{{inner}}}` (an expectation, a probability or a set) "
                         "is not read: derive-ce checks algebra, sums and derivatives")
    raise InputError(f"`\\{style}` cannot style the name `{inner}`")


def _alphabet(alphabet: str, char: str) -> str:
    case = "CAPITAL" if char.isupper() else "SMALL"
    for prefix in ("", "MATHEMATICAL "):
        try:
            return unicodedata.lookup(f"{prefix}{alphabet} {case} {char.upper()}")
        except KeyError:
            continue
    return f"{alphabet.lower()}{char}"


def name_of(text: str) -> str:
    """The name a LaTeX name denotes (no subscript): `\\hat{\\theta}` -> "thetâ"."""
    text = text.strip()
    match = _COMMAND.match(text)
    if not text.startswith("\\") or match is None:
        return letter(text)
    command, braced, bare = match.group(1), match.group(2), match.group(3)
    if braced is None and bare is None:
        return letter(text)
    inner = braced if braced is not None else bare
    if command in TEXT:
        return text_name(inner)
    return styled(command, name_of(inner))


def tree_name(node) -> str:
    """The name a parse-tree `name` (or `styled`) node denotes."""
    if node.data == "styled":
        style, inner = node.children[0], node.children[1]
        inner_name = token_name(inner) if not hasattr(inner, "data") else tree_name(inner)
        return styled(str(style), inner_name)
    return token_name(node.children[0])


def token_name(token) -> str:
    """The name one token denotes: a letter, a Greek letter, `\\text{...}`."""
    if token.type == "TEXTNAME":
        return text_name(str(token)[str(token).index("{") + 1:-1])
    return letter(str(token))


def latex_name(name: str) -> str:
    """The LaTeX of a name: "ŷ" -> `\\hat{y}`, "mû" -> `\\hat{\\mu}`, "mu" -> `\\mu`;
    any other name as it is."""
    split = unicodedata.normalize("NFD", name)
    command = next((c for c, mark in ACCENTS.items() if split[-1:] == mark), None)
    if command and split[:-1].isascii() and split[:-1].isalpha() and len(split) > 1:
        return f"\\{command}{{{latex_name(split[:-1])}}}"
    return f"\\{name}" if name in GREEK or name in NAMED else name


# `_{\text{total}}`, `_\mathrm{reg}`: a word below a letter (a label; the name L_total),
# braced or not; group `word`.  For the YAML definition key and the notes' definition head.
WORD_BELOW = (r"_\s*(?P<open>\{\s*)?\\(?:text|mathrm|textrm|operatorname|mathit|textit)\s*"
              r"\{\s*(?P<word>[A-Za-z][A-Za-z0-9]*)\s*\}\s*(?(open)\})")
