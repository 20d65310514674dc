"""Notes text -> prose lines and displays (lists of rows), in order.

Every dialect of display math people publish is turned into the same rows:
`$$…$$`, `\\[…\\]`, the align / equation / gather / eqnarray / multline
environments (also nested in `$$` or `\\[`), GitHub's ```` ```math ````
fences, `<script type="math/tex; mode=display">`, block quotes and Obsidian
callouts (`> $$`), and a line that is only `$…$`.  Kramdown's `$$…$$` inside
a sentence is inline math: it stays in the prose.  All rewriting keeps every
character where it was typed, so lines and columns are the notes' own.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from derive_ce.errors import InputError
from derive_ce.read.files import DISPLAY, ENVIRONMENTS, LONE, has_display  # noqa: F401
from derive_ce.read.names import letter
from derive_ce.read.notes.prose import GREEK
from derive_ce.read.notes.words import split_top

MAX_ROWS = 20_000
_OPEN, _LONE = DISPLAY, LONE
_ENV = "|".join(re.escape(e) for e in ENVIRONMENTS)
_FENCE = re.compile(r"^[ \t]*(?:>[ \t]*)*(```+|~~~+)[ \t]*(\w*)")
_SCRIPT = re.compile(r"<script\s+type\s*=\s*[\"']math/tex(;\s*mode\s*=\s*display)?[\"']\s*>"
                     r"|</script\s*>", re.IGNORECASE)
_QUOTE = re.compile(r"^([ \t]*>)+", re.M)
_CALLOUT = re.compile(r"^[ \t]*\[![A-Za-z-]+\][+-]?")
_INNER = re.compile(r"\\(?:begin|end)\s*\{(?:" + _ENV + r"|aligned|alignedat|split|gathered"
                    r"|multlined)\}(?:\{\d+\})?")
# `\\require{cancel}`: MathJax loading an extension, no math
_NOISE = re.compile(r"\\(?:nonumber|notag)(?![A-Za-z])|\\(?:label|tag\*?|require)\s*\{[^{}]*\}"
                    # `{}=`, `&{}=`, `& {} + (n+1)^2`: an empty group that only spaces a
                    # relation or a binary `+`/`-` (TeX's idiom); it has no value
                    r"|(?<![\^_}A-Za-z])\{\s*\}(?=\s*[=+-])")
_NESTED = re.compile(r"\\(begin|end)\s*\{([A-Za-z]*(?:cases|matrix|array))\*?\}")
_TAIL = re.compile(r"(?:\s*(?:\\[,;:! ]|\\q?quad(?![A-Za-z])|~|\\text\s*\{\s*[.,;]?\s*\}"
                   # `… = \operatorname{sech}^2 x. \qquad \blacksquare`: the end of a proof
                   r"|\\(?:blacksquare|qed|qedsymbol)(?![A-Za-z])|∎"
                   r"|(?<!\\)[.,;]))+\s*$")


@dataclass(frozen=True)
class Row:
    """One step as written: its text and where it starts in the notes."""
    text: str
    line: int
    column: int          # 1-based; 0 when the row runs over several lines
    starts_with_equals: bool
    breaks: tuple[tuple[int, int], ...] = ()   # (offset in text, line) of each later line


@dataclass(frozen=True)
class Prose:
    text: str
    line: int


@dataclass(frozen=True)
class Display:
    rows: tuple[Row, ...]
    line: int


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _pad(new: str, old: str) -> str:
    return new + " " * (len(old) - len(new))


# `\\\` at the end of a line: a row break, then `\` before the line end (TeX's control
# space), as Markdown sources that escape backslashes write it (`… \\\` then the next row)
_BREAK_SPACE = re.compile(r"(?<!\\)\\\\\\(?=[ \t]*$)", re.M)
# `\\[ … \\]` in Markdown: the display delimiters `\[ … \]` with their backslash escaped
# (Jekyll, kramdown); never a row break with a space (`\\[2pt]`)
_ESCAPED_OPEN = re.compile(r"^([ \t]*)\\\\\[(?!\s*-?[0-9.]+\s*(?:pt|mm|cm|em|ex|in|bp)\s*\])", re.M)
_ESCAPED_CLOSE = re.compile(r"\\\\\](?=[ \t]*[.,;]?[ \t]*$)", re.M)


def mask(text: str, tex: bool) -> str:
    """Blank out what is never math (code fences, `code`, HTML and LaTeX
    comments, block-quote marks), turn ```` ```math ```` fences and MathJax
    script tags into `$$`, keeping every other character where it was."""
    lines, fence, math_fence = [], None, False
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1) == fence and not match.group(2):
                lines.append(_pad("$$", line) if math_fence else " " * len(line))
                fence = None
            else:
                lines.append(_QUOTE.sub(lambda m: " " * len(m.group()), line) if math_fence
                             else " " * len(line))
            continue
        if match:
            fence, math_fence = match.group(1), match.group(2).lower() == "math"
            lines.append(_pad("$$", line) if math_fence else " " * len(line))
            continue
        line = _QUOTE.sub(lambda m: " " * len(m.group()), line)
        line = _CALLOUT.sub(lambda m: " " * len(m.group()), line)
        line = _html_math(line)
        line = _code_math(line)
        line = re.sub(r"`[^`]*`", lambda m: " " * len(m.group()), line)
        line = _cells(line)
        if tex:
            line = re.sub(r"(?<!\\)%.*", lambda m: " " * len(m.group()), line)
        lines.append(line)
    masked = "\n".join(lines)
    masked = _BREAK_SPACE.sub(lambda m: "\\\\ ", masked)
    if not tex and _ESCAPED_OPEN.search(masked):
        masked = _ESCAPED_OPEN.sub(lambda m: m.group(1) + " \\[", masked)
        masked = _ESCAPED_CLOSE.sub(lambda m: " \\]", masked)
    masked = _SCRIPT.sub(lambda m: _pad("$$" if m.group(1) or (m.group().startswith("</")
                                                                and _display_open(masked, m.start()))
                                        else "$", m.group()), masked)
    out, pos = [], 0
    while (start := masked.find("<!--", pos)) >= 0:
        end = masked.find("-->", start + 4)
        end = len(masked) if end < 0 else end + 3
        out += [masked[pos:start], _blank(masked[start:end])]
        pos = end
    return "".join(out) + masked[pos:]


# A line that is only HTML tags around one `$…$` (or `$$…$$`): `<div align="center"><b> $g(z)=…$
# </b></div>`, a notebook's centred formula; the tags are layout, the math a display.
_HTML_MATH = re.compile(r"((?:[ \t]*<[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>)+[ \t]*)"
                        r"(\$\$[^$\n]+\$\$|\$[^$\n]+\$)"
                        r"((?:[ \t]*</[A-Za-z][A-Za-z0-9]*\s*>)+[ \t]*)")


def _html_math(line: str) -> str:
    """Tags alone around one math on a line: blanked, so the line is only `$…$`."""
    match = _HTML_MATH.fullmatch(line)
    if match is None:
        return line
    return " " * len(match.group(1)) + match.group(2) + " " * len(match.group(3))


# A line that is only `` `f(x) = \frac{1}{\theta} e^{-x/\theta}` ``: LaTeX set in backticks
# by a blog whose math does not render; read like a line that is only `$…$`.
_CODE_MATH = re.compile(r"([ \t]*)`([^`\n]*=[^`\n]*)`([ \t]*[.,;:]?[ \t]*)")
_MATH_COMMAND = re.compile(r"\\(?:frac|dfrac|tfrac|sum|prod|partial|sqrt|log|ln|exp|hat|bar|cdot"
                           r"|times|left|" + "|".join(GREEK) + r")(?![A-Za-z])")


def _code_math(line: str) -> str:
    """`` `…` `` alone on its line, holding an equation in LaTeX (a `\\frac`, a
    Greek letter …): `$…$`, the same width (code that is no LaTeX stays code)."""
    match = _CODE_MATH.fullmatch(line)
    if match is None or not _MATH_COMMAND.search(match.group(2)) \
            or re.search(r"\\[nt](?![A-Za-z])|==|[\"';]\s*$|\$", match.group(2)):
        return line
    return match.group(1) + "$" + match.group(2) + "$" + match.group(3)


_CELLS = re.compile(r"[ \t]*(?:\$(?!\$)[^$\n]+\$[ \t]*){2,}")
_RELATION_CELL = re.compile(r"\$\s*(?:\\displaystyle\s*)?=\s*\$")
_CELL = re.compile(r"\$(?!\$)([^$\n]*)\$")
_STYLE = re.compile(r"\\(?:display|text)style(?![A-Za-z])")
# `$(\tanh x)' = …$ $= …$ $= …$`: a chain set as inline cells side by side, each
# after the first beginning with `=`
_RUN = re.compile(r"(^|[ \t])(\$(?!\$)[^$\n]+\$(?:[ \t]*\$\s*=[^$\n]*\$)+)([ \t]|$)")


def _cells(line: str) -> str:
    """A table of `$\\displaystyle …$` cells, flattened to one line with a
    cell that is only `=` (`$(…)'$ $\\displaystyle =$ $…$`): one row, its
    cells side by side (the `$` between them blanked).  Words between the
    cells after a right side (ProofWiki's reasons: `$a$ $=$ $b$ Quotient
    Rule $\\displaystyle$ $=$ $c$ …`) are blanked: reasons, never math.  A
    run of cells that continue with `=` inside a line of prose
    (`… $a = b$ $= c$ $= d$ …`) becomes a display of one row."""
    if _CELLS.fullmatch(line) and _RELATION_CELL.search(line):
        first, last = line.index("$"), line.rindex("$")
        inside = _STYLE.sub(lambda m: " " * len(m.group()), line[first + 1:last].replace("$", " "))
        return line[:first + 1] + inside + line[last:]
    table = _table(line)
    if table is not None:
        return table
    return _RUN.sub(_run, line, count=1)


def _table(line: str) -> str | None:
    cells = list(_CELL.finditer(line))
    if len(cells) < 2 or not _RELATION_CELL.search(line) or line[:cells[0].start()].strip():
        return None
    relation = [bool(re.fullmatch(r"\s*(?:\\displaystyle\s*)?=\s*", c.group(1))) for c in cells]
    for n, cell in enumerate(cells[1:], 1):      # words only after a right side
        between = line[cells[n - 1].end():cell.start()]
        if between.strip() and (not relation[n - 2] if n >= 2 else True):
            return None
        if relation[n] and between.strip():
            return None
    if relation[0] or relation[-1] or any(a and b for a, b in zip(relation, relation[1:])):
        return None
    tail = line[cells[-1].end():]
    if tail.strip() and not (len(cells) >= 2 and relation[-2]):
        return None
    first, last = cells[0].start(), cells[-1].end() - 1
    inside = list(line[first + 1:last])
    for n in range(len(cells) - 1):               # `$`, words between the cells: blanked
        for pos in range(cells[n].end() - 1, cells[n + 1].start() + 1):
            inside[pos - first - 1] = " "
    inside = _STYLE.sub(lambda m: " " * len(m.group()), "".join(inside))
    return line[:first + 1] + inside + line[last:last + 1] + " " * len(tail)


def _run(match: re.Match) -> str:
    """`$a = b$ $= c$` inside prose -> `$$a = b  &= c$$` in the same columns:
    the spaces around the run carry the second `$`, `&=` marks the rows; a
    line that is only the run -> `$a = b    = c$`."""
    text, run = match.string, match.group(2)
    end = match.end()
    if not text[:match.start(2)].strip() and not text[end:].strip():
        return match.group(1) + "$" + re.sub(r"\$(\s*)\$", lambda m: " " * len(m.group()),
                                             run[1:-1]) + "$" + match.group(3)
    if not match.group(1) or not match.group(3):
        return match.group()
    inner = re.sub(r"\$([ \t]*)\$(\s*)=", lambda m: " " + m.group(1) + "&" + m.group(2) + "=",
                   run[1:-1])
    return "$$" + inner + "$$"


def _display_open(text: str, end: int) -> bool:
    """Is the script tag closed at `end` a display one?"""
    opened = [m for m in _SCRIPT.finditer(text, 0, end) if not m.group().startswith("</")]
    return bool(opened and opened[-1].group(1))


class Where:
    """Offsets in the notes -> 1-based (line, column)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


_ROWS = re.compile(r"\\\\|&\s*=")
_OTHERS = re.compile(r"\$\$[^$]+\$\$")


# the words that make inline math a definition or an assumption ("where $$a = b = 1$$")
_CUE_BEFORE = re.compile(r"\b(?:where|let|with|for|if|when|whenever|assuming|assume|given|since"
                         r"|set|setting|define|defines|denote|denotes|take|suppose|and)\W*$", re.I)
# the chain's first expression is a name, not an expression to work on (`a = b = 1`)
_NAME_ONLY = re.compile(r"\s*(?:\\[A-Za-z]+\s*\{\s*)?\\?[A-Za-z]+\s*\}?\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*")


def _chain(math: str) -> bool:
    """`a = b = c` with two `=` or more outside brackets, and a first
    expression that is more than a name; no definition sign (`\\sigma(x) := … = …`
    in a sentence names what it defines: inline math, as before)."""
    if re.search(r":=|\\(?:coloneqq|triangleq)(?![A-Za-z])|≔", math):
        return False
    parts = split_top(math, "=", ("\\", "<", ">", "!", ":"))
    return len(parts) >= 3 and bool(parts[0].strip()) and not _NAME_ONLY.fullmatch(parts[0])


def _inline(text: str, start: int, end: int, close_end: int) -> bool:
    """Kramdown: `$$…$$` with words before it or after it on its line is
    inline math (other `$$…$$` on the line are no words: a line of them is
    a line of displays)."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    after_end = text.find("\n", close_end)
    after = text[close_end:len(text) if after_end < 0 else after_end]
    if _ROWS.search(text, end, close_end):
        return False                # rows (`\\`, `&=`): a display, wherever it stands
    if _chain(text[end:close_end - 2]) and not _CUE_BEFORE.search(before):
        return False                # `… you also have $$a = b = c.$$`: a chain of its own
    before, after = _OTHERS.sub(" ", before), _OTHERS.sub(" ", after)   # `$$a$$ $$b$$`: displays
    words_after = bool(re.sub(r"^[\s.,;:]*", "", after))
    return words_after or bool(before.strip()) and not text[end:].lstrip().startswith("=")


def blocks(text: str, original: str, bare: bool = False) -> list:
    """Prose lines and displays, in the order of the notes; `text` is the
    masked notes, `original` what prose is quoted from.  `bare`: the notes mark
    no math as math anywhere, and a line that is only LaTeX is a display (`_bare`)."""
    found = _blocks(text, original)
    if not bare:
        return found
    where = Where(text)
    out: list = []
    read = False                    # the last line of math before was read
    for block in found:
        if isinstance(block, Prose):
            block = _bare(text, where, block) or _bare_definitions(block)
            if isinstance(block, Display) and block.rows[0].starts_with_equals and not read:
                block = found[len(out)]   # `= …` after math not read continues nothing
            if isinstance(block, Prose) and "=" in block.text:
                read = False
        read = read or isinstance(block, Display)
        out.append(block)
    return out


# In such notes, "denote u = e^x and v = e^{-x}.", "where z = wx+b:", "Let y = \tanh(x). So,":
# a name, `=` and LaTeX after a defining word is the inline math `$u = e^x$` it lost.
_BARE_NAME = r"(?:\\[A-Za-z]+|[A-Za-z]|[α-ωΑ-Ω]|ŷ)(?:_\{?[A-Za-z0-9]+\}?)?(?:\s*\(\s*[A-Za-z]\s*\))?"
_BARE_DEFINE = re.compile(r"(?i:\b(?:let|denote|where|with|define|since|and)\s+)(" + _BARE_NAME
                          + r"\s*=\s*\S.*?)(?=\s*(?:[,;:]|\.(?:\s|$)|\s+(?:and|where|with|so|"
                          r"then|thus|is|are|which)\b|$))")


def _bare_definitions(prose: Prose) -> Prose:
    """A prose line of notes with no delimited math: its `name = LaTeX` after a
    defining word (let, denote, where, with, define, and after one) in `$…$`."""
    text, out, pos, listing = prose.text, [], 0, False
    for match in _BARE_DEFINE.finditer(text):
        word = text[match.start():match.start(1)].strip().lower()
        math = match.group(1)
        if word == "and" and not (listing and not text[pos:match.start()].strip(" ,")):
            continue                    # "and" goes on with a list a defining word opened
        if not math.isascii():          # "Since ŷ = σ(z), we can write:": plain text
            plain = _plain(math, prose.line) if "\\" not in math else None
            math = plain.rows[0].text if plain is not None else ""
        if not math or not _math_only(math):
            listing = False
            continue
        out += [text[pos:match.start(1)], "$", math, "$"]
        pos, listing = match.end(1), True
    if not out:
        return prose
    return Prose("".join(out) + text[pos:], prose.line)


def _math_only(math: str) -> bool:
    """No word of prose in it (see _bare)."""
    plain = _BARE_TEXT.sub(" ", math)
    for word in _BARE_WORD.finditer(plain):
        if word.group().lower() in _BARE_FUNCTIONS:
            continue
        if len(word.group()) > 2 or re.match(r"\s+[A-Za-z]|[,.:;]", plain[word.end():]):
            return False
    return "$" not in math


# LaTeX typed without delimiters (a page whose math rendering was lost when it was
# copied): a line that holds an equation in LaTeX (a command: `\frac`, `\tanh` …) and no word of
# prose (three letters or more that name no function, `ln` and `sigmoid` aside; two letters
# then a space and a letter, "As e^0 = 1"; a word before `,` or `.`) is a display row.
_BARE_LATEX = re.compile(r"\\[A-Za-z]+")
_BARE_WORD = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{2,}")
_BARE_FUNCTIONS = {"sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech",
                   "csch", "coth", "ln", "log", "exp", "max", "min", "arcsin", "arccos", "arctan",
                   "erf", "sigmoid", "softplus", "relu", "swish", "silu"}   # as words.py reads them
_BARE_TEXT = re.compile(r"\\(?:text|mathrm|operatorname|textrm|mathbf|mathcal|boldsymbol)"
                        r"\s*\{[^{}]*\}|\\begin\s*\{[a-z]*\*?\}|\\end\s*\{[a-z]*\*?\}")
_EQALIGN = re.compile(r"\\eqalign\s*\{")


def _bare(text: str, where: Where, prose: Prose) -> Display | None:
    """A prose line that is only LaTeX, read as a display of its own (None otherwise)."""
    start = where.starts[prose.line - 1]
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end]
    body = re.sub(r"<!--.*?-->", " ", line).strip()      # a comment is no part of the math
    if "$" not in body and not _BARE_LATEX.search(body):
        following = text[end + 1:text.find("\n", end + 1) if text.find("\n", end + 1) >= 0
                         else len(text)].strip()
        return _plain(body, prose.line, lone=following.startswith("="))
    if "=" not in body or "==" in body or "$" in body or not _BARE_LATEX.search(body) \
            or re.match(r"(?:#|[-*+•]\s|\d+[.)]\s|>)", body):
        return None
    if not _math_only(body) or body.endswith(":"):     # a word of prose: the line is prose
        return None
    eqalign = _EQALIGN.search(line)
    if eqalign is not None:             # plain TeX's `\eqalign{ L &= … \\ &= … }`: layout
        close = line.rstrip().rfind("}")
        if close < eqalign.end():
            return None
        line = line[:eqalign.start()] + " " * (eqalign.end() - eqalign.start()) \
            + line[eqalign.end():close] + " " + line[close + 1:]
        text = text[:start] + line + text[end:]
    rows = _rows(text, where, start, end, False)
    return Display(tuple(rows), prose.line) if rows else None


# Math typed as plain text, in notes with no math marked as math: a line that is only an
# equation (`σ(x) = 1 / (1 + e^(−x))`, `• 𝓛'(𝑝) = 𝑘/𝑝 - (𝑛-𝑘)/(1-𝑝)`, `= 0.0075 + 0.0200`)
# is a display row, written in LaTeX as its readers read it.  What plain text leaves
# open is never guessed: such a line stays prose (reported as math not read).
# the Greek letters plain text may hold, each written as its LaTeX command (names.letter)
_PLAIN_GREEK = "αβγδεζηθκλμνξπρστφχψωΦΓΔΘΛΨΩ"
# Greek letters spelled out, as code-style math writes them (`sigmoid(beta * x)`)
_PLAIN_GREEK_WORD = re.compile(r"(?<![A-Za-z\\])(alpha|beta|gamma|delta|epsilon|theta|lambda|"
                               r"sigma|omega|eta|rho|tau|phi|psi)(?![A-Za-z])")
_PLAIN_SUPERSCRIPT = str.maketrans({"²": "^{2}", "³": "^{3}", "⁴": "^{4}"})
_PLAIN_SUBSCRIPT = re.compile("[₀₁₂₃₄₅₆₇₈₉]+")
# left open by plain text, so never read: a subscript without braces (`a_h1`: a_h times 1,
# or a_{h1}?), a letter followed by digits (`x1`: x₁, or a flattened x¹?), `e-x` (a
# flattened e^{-x}?), a function then digits (`cosh2(x)`: cosh²?), and signs with no LaTeX
# reading here (arrows, `∑` `∏` `√` without their bounds, `.` as a product, `!`)
_PLAIN_OPEN = re.compile(r"_|[A-Za-z][0-9]|(?<![A-Za-z])e\s?-(?=[A-Za-z0-9(])|[→⇒<>≈≤≥∑∏√∂!|\\`"
                         r"#%&\"¨;]|(?<=[A-Za-z0-9)\]])\[|=>|==|:=|\s\.\s|\.\s*\(|\)\s*\.|[A-Za-z]\s*\.\s*[A-Za-z(]")
_PLAIN_PRIMED_WORD = re.compile(r"(?<![A-Za-z\\])(?!(?:sinh|cosh|tanh|sech|exp|log|sin|cos|tan)')"
                                r"([A-Za-z]{3,})(?=')")
# `dy/dx`, `1/2x`: a divisor that is a product (read two ways)
_PLAIN_DIVISOR = re.compile(r"/\s*(?:[0-9]+(?:\.[0-9]+)?(?![0-9.])|[A-Za-z]|\\[A-Za-z]+(?![A-Za-z]))\s*"
                            r"(?:[A-Za-z(]|\\(?!cdot|times))")
_PLAIN_MATH_SIGN = re.compile(r"\^|[*/']|\w ?\(|\\cdot|\\times|\\frac|[\w)\]]\s*[-+]\s*[\w(\[]")
# `dy/dx`, `∂z/∂a`, `d/dx`, `∂/∂ŷ`: a derivative (of one letter, by one letter)
_PLAIN_LETTER = r"(?:[A-Za-z]|[α-ωΑ-Ω]|ŷ)"
_PLAIN_D = re.compile(r"(?<![A-Za-z])(∂|d)(" + _PLAIN_LETTER + r")?\s*/\s*(∂|d)(" + _PLAIN_LETTER
                      + r")(?![A-Za-z0-9_'(])")


def _plain(body: str, line: int, lone: bool = False) -> Display | None:
    """A line of notes with no delimited math that is only an equation in plain
    text (or, `lone`, an expression that the next line's `= …` goes on from): one
    row in LaTeX (None when plain text leaves its reading open)."""
    body = re.sub(r"^[-*+•]\s+", "", body).strip()
    body = re.sub(r"[.,;]$", "", body).strip()
    if not body or "=" not in body and not lone:
        return None
    text = body.replace("’", "'").replace("−", "-").replace("\u2009", " ")
    text = text.translate(_PLAIN_SUPERSCRIPT)
    text = _PLAIN_SUBSCRIPT.sub(lambda m: "_{" + unicodedata.normalize("NFKC", m.group()) + "}",
                                text)
    text = unicodedata.normalize("NFKC", text)       # 𝑝 𝓛: mathematical letters
    # `dy/dx` of a letter only where it opens the row (a name never defined then only
    # names the chain); `d/dx`, an operator, anywhere
    derivatives = [m for m in _PLAIN_D.finditer(text) if m.group(1) == m.group(3)
                   and (m.group(2) is None or m.start() == 0)]
    for m in reversed(derivatives):
        d = r"\partial " if m.group(1) == "∂" else "d"
        text = text[:m.start()] + r"\frac{" + d + (m.group(2) or "") + "}{" + d + m.group(4) \
            + "}" + text[m.end():]
    checked = re.sub(r"\\frac\{(?:\\partial |d)[^{}]*\}\{(?:\\partial |d)[^{}]*\}", " D ", text)
    if _PLAIN_OPEN.search(re.sub(r"_\{\d+\}", "", checked)):
        return None
    text = text.replace("ŷ", r"\hat{y}")
    if "\u0302" in text:
        return None
    text = text.replace("·", r" \cdot ").replace("×", r" \times ")
    text = _PLAIN_PRIMED_WORD.sub(r"\\operatorname{\1}", text)     # `swish'(x)`
    text = "".join("\\" + letter(c) + " " if c in _PLAIN_GREEK else c for c in text)
    text = _PLAIN_GREEK_WORD.sub(r"\\\1 ", text)
    if not text.isascii():
        return None
    text = _plain_powers(text)
    if text is None or _PLAIN_DIVISOR.search(text) or not _math_only(text) \
            or not (text.startswith("=") or _PLAIN_MATH_SIGN.search(text)) \
            or "=" not in text and not text.startswith(r"\frac{"):   # a lone derivative
        return None
    from derive_ce.errors import InputError
    from derive_ce.read.latex.parser import parse
    from derive_ce.read.notes.words import rewrite
    try:
        parse(rewrite(text.lstrip("=").strip()))
    except (InputError, RecursionError):
        return None
    return Display((Row(text, line, 0, text.startswith("=")),), line)


def _plain_powers(text: str) -> str | None:
    """`e^(-x)` -> `e^{-x}`, `x^2` stays; `^` before anything else: None."""
    out, pos = [], 0
    for match in re.finditer(r"\^\s*", text):
        out.append(text[pos:match.start()] + "^")
        at = match.end()
        if at < len(text) and text[at] == "(":
            depth, end = 0, at
            while end < len(text):
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                if depth == 0:
                    break
                end += 1
            if end >= len(text):
                return None
            out.append("{" + text[at + 1:end] + "}")
            pos = end + 1
        elif re.match(r"-?(?:[0-9]+(?:\.[0-9]+)?|[A-Za-z])(?![0-9.A-Za-z(])", text[at:]):
            m = re.match(r"-?(?:[0-9]+(?:\.[0-9]+)?|[A-Za-z])", text[at:])
            out.append("{" + m.group() + "}")
            pos = at + m.end()
        elif text.startswith("{", at):
            pos = at
        else:
            return None
    return "".join(out) + text[pos:]


def _blocks(text: str, original: str) -> list:
    out: list = []
    pos = rows = 0
    search = 0
    where = Where(text)
    while True:
        match = _OPEN.search(text, search)
        lone = _LONE.search(text, search)
        if match is None and lone is None:
            break
        if lone is not None and (match is None or lone.start() <= match.start()):
            body_start, body_end, resume, opened = lone.start(2), lone.end(2), lone.end(), lone.start()
            multline = False
        else:
            env = match.group(1)
            close = "$$" if match.group() == "$$" else ("\\]" if env is None else None)
            closer = re.compile(re.escape(close) if close
                                else r"\\end\s*\{" + re.escape(env) + r"\}")
            end = closer.search(text, match.end())
            if end is None:
                line, column = where(match.start())
                raise InputError(f"the display `{match.group()}` opened at column {column} "
                                 "is never closed", line)
            if match.group() == "$$" and _inline(text, match.start(), match.end(), end.end()):
                search = end.end()
                continue
            body_start, body_end, resume, opened = match.start() if env else match.end(), \
                end.end() if env else end.start(), end.end(), match.start()
            multline = "multline" in text[body_start:body_end]
        out.extend(_prose(text, original, where(pos)[0], pos, opened))
        display = Display(tuple(_rows(text, where, body_start, body_end, multline)),
                          where(opened)[0])
        out.append(display)
        rows += len(display.rows)
        if rows > MAX_ROWS:
            raise InputError(f"the notes hold more than {MAX_ROWS} display rows")
        pos = search = resume
    out.extend(_prose(text, original, where(pos)[0], pos, len(text)))
    return out


def _prose(text: str, original: str, first: int, start: int, end: int) -> list[Prose]:
    lines = zip(text[start:end].split("\n"), original[start:end].split("\n"))
    return [Prose(" ".join(said.split()), first + n)
            for n, (masked, said) in enumerate(lines) if masked.strip()]


def _rows(text: str, where: Where, start: int, end: int, multline: bool) -> list[Row]:
    """Rows of a display: split at `\\\\` (outside cases and matrices), then
    at lines that begin with `=`; in multline, `\\\\` only breaks the line."""
    body = text[start:end]
    body = re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group()), body)
    body = _INNER.sub(lambda m: " " * len(m.group()), body)
    body = _ARRAY.sub(_aligning, body)
    body = _NOISE.sub(lambda m: " " * len(m.group()), body)
    body = _REMARK_COLUMN.sub(_remark_column, body)
    body = _blank_amp(body)
    body = _INTERTEXT.sub(_intertext, body)
    rows: list[Row] = []
    for piece_start, piece in _split_rows(body, multline):
        rows.extend(_piece_rows(where, start + piece_start, piece))
    return rows


# `\\ \\text{(chain rule)} &= …`: a remark in brackets, in the left column of an align row
# that goes on with `&=`, is the reason for that row (a name, `\\text{Loss} &= …`, has no brackets)
_REMARK_COLUMN = re.compile(r"(?:^|(?<=\\\\))(\s*)\\text(?:rm|it)?\s*\{\s*\(([^{}()$\\=<>]*)\)\s*\}(\s*)&\s*=")


def _remark_column(match: re.Match) -> str:
    """`\\text{(chain rule)}&=` as a row of words that is the next row's why,
    `\\text{chain rule:}\\\\=`, no longer (offsets stay)."""
    words = f"\\text{{{match.group(2).strip()}:}}\\\\"
    return match.group(1) + " " * (len(match.group()) - len(match.group(1)) - len(words) - 1) \
        + words + "="


_INTERTEXT = re.compile(r"\\(?:short)?intertext\s*\{((?:[^{}]|\{[^{}]*\})*)\}")


def _intertext(match: re.Match) -> str:
    """`\\intertext{and so}` between rows: a row of its own, the words as a
    `\\text{…}` row (a why for the next step), no longer (offsets stay)."""
    words = f"\\\\\\text{{{re.sub(r'[$}{]', '', match.group(1))}}}"   # math inside: as words
    return words + " " * (len(match.group()) - len(words) - 2) + "\\\\"


_ARRAY = re.compile(r"\\begin\s*\{array\}\s*\{[lcr|\s]*\}((?:(?!\\begin\s*\{array\}).)*?)"
                    r"\\end\s*\{array\}", re.S)


def _aligning(match: re.Match) -> str:
    """`\\begin{array}{ll} a &= b \\\\ &= c \\end{array}`: an array of `&=` rows
    aligns a chain (it is no matrix): its begin and end go."""
    inner = match.group(1)
    rows = [r for r in re.split(r"\\\\", inner) if r.strip()]
    if not rows or not all(re.search(r"&\s*=", r) and r.count("&") == 1 for r in rows[1:]) \
            or not re.search(r"&\s*=", inner):
        return match.group()
    return " " * (match.start(1) - match.start()) + inner + " " * (match.end() - match.end(1))


# an `&` that is no `\\&` (a literal ampersand): `\\\\&=` is a row break, then `&=`
_AMP = r"(?:(?<!\\)|(?<=\\\\))"


def _blank_amp(body: str) -> str:
    """`&` outside cases and matrices is alignment (eqnarray's `&=&` too);
    `&&` before a remark (`&& \\text{(mean)}`) is `\\:`, which the row reader
    takes as the start of a why (segments.split_why)."""
    out, depth, pos = [], 0, 0
    for match in re.finditer(_AMP + r"&&(?=\s*\\(?:text|textrm|textit|textbf|mathrm)\s*\{)|" + _AMP + "&|"
                             + _NESTED.pattern, body):
        out.append(body[pos:match.start()])
        if match.group() == "&&":
            out.append("\\:" if depth == 0 else "&&")
        elif match.group() == "&":
            out.append(" " if depth == 0 else "&")
        else:
            depth += 1 if match.group(1) == "begin" else -1
            out.append(match.group())
        pos = match.end()
    return "".join(out) + body[pos:]


def _split_rows(body: str, multline: bool) -> list[tuple[int, str]]:
    pieces, depth, last = [], 0, 0
    for match in re.finditer(r"\\\\(?:\s*\[[^\]\n]*\])?|" + _NESTED.pattern, body):
        if match.group().startswith("\\\\"):
            if depth == 0:
                pieces.append((last, body[last:match.start()]))
                if multline:
                    pieces[-1] = (last, body[last:match.start()] + " " * len(match.group()))
                last = match.end()
        else:
            depth = max(0, depth + (1 if match.group(1) == "begin" else -1))
    pieces.append((last, body[last:]))
    if multline:
        joined = "".join(p for _, p in pieces)
        return [(0, joined.replace("\\\\", "  "))] if joined else []
    return pieces


def _piece_rows(where: Where, start: int, piece: str) -> list[Row]:
    groups: list[list[tuple[int, str]]] = []
    offset = 0
    depth = 0
    for line in piece.split("\n"):
        stripped = line.strip()
        if stripped:
            at = start + offset + (len(line) - len(line.lstrip()))
            if not groups or (stripped.startswith("=") and depth == 0):
                groups.append([])
            groups[-1].append((at, stripped))
            for match in _NESTED.finditer(stripped):
                depth = max(0, depth + (1 if match.group(1) == "begin" else -1))
        offset += len(line) + 1
    rows = []
    for group in groups:
        joined = _TAIL.sub("", " ".join(t for _, t in group)).strip()
        if not joined:
            continue
        line, column = where(group[0][0])
        breaks, offset = [], 0
        for at, text in group:
            if offset:
                breaks.append((offset, where(at)[0]))
            offset += len(text) + 1
        rows.append(Row(joined, line, column if len(group) == 1 else 0, joined.startswith("="),
                        tuple(b for b in breaks if b[0] < len(joined))))
    return rows
