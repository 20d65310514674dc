"""Prose and display rows -> derivations, segmented the way a reader does.

- A row that begins with `=` (or `&=`) continues the chain before it.
- Any other equation starts a new derivation whose first claim is its own
  `lhs = rhs`, unless it restates the chain (its left side is the chain's
  last expression or its start), or is the first row of a case.
- One expression alone is a goal, or the start of the chain when the next
  row begins with `=`; a lone row after a definition starts from itself.
- A heading, a "Similarly" / "Next" / "In general" paragraph, or a new goal
  closes the derivation (and its cases).
- Equation solving (`= 0` claims, `\\Rightarrow` rows, systems `x + y = 3`,
  rows after "solve" / "set … to zero") is not an identity chain: those rows
  are reported as not checked, with the reason.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import NamedTuple

from derive_ce.errors import InputError
from derive_ce.read.model import Case, Definition, Math, Step
from derive_ce.read.names import WORD_BELOW, latex_name
from derive_ce.read.notes import prose as P
from derive_ce.read.notes.displays import Prose, Row
from derive_ce.read.notes.words import split_top
from derive_ce.read.shapes import Declared, declared_in

MAX_PROSE = 400        # longer prose lines open no case and give no title
_WHY = re.compile(r"\\q?quad\s*\|")
_QUAD = re.compile(r"\\q?quad(?![A-Za-z])")
_TEXT = re.compile(r"\\(?:text|mathrm|operatorname)\s*\{([^{}]*)\}")
_ARROW = re.compile(r"\\(?:Rightarrow|Longrightarrow|implies|iff|Leftrightarrow"
                    r"|Longleftrightarrow|therefore|Leftarrow|impliedby)(?![A-Za-z])")
_TOKEN = re.compile(r"\\(?:text|mathrm|operatorname)\s*\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}"
                    r"|\\([A-Za-z]+)|([A-Za-z])")
# `\\hat{y}`, `\\hat y`, `\\bar{x}`, `\\hat{\\mu}`: an accented letter is a name of its own.
_ACCENTED = (r"\\(?:hat|widehat|bar|overline|tilde|widetilde)\s*(?:\{\s*" + P.LETTER + r"\s*\}"
             r"|\s+[A-Za-z](?![A-Za-z])|\s*\\(?:" + "|".join(P.GREEK) + r")(?![A-Za-z]))")
# `L_{\text{data}}`, `J_\mathrm{reg}`, `\mu_{\text{new}}`: one name with a word below it
_WORDED_NAME = re.compile(r"\s*(?P<base>" + P.LETTER + r")\s*" + WORD_BELOW + r"\s*:?")
_NAME = re.compile(
    r"\s*(?:\\(?:text|mathrm|operatorname|textrm)\s*\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}"
    r"|(" + _ACCENTED + r"|" + P.LETTER + r"))\s*(?:_\s*(\{\s*[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))?"
    r"(?:\s*\(\s*([^()]*)\))?\s*:?$")
# a condition's relation: `=`, `\\neq`, `<`, `>`, `\\le`, `\\ge`, `≤`, `≥`, `≠`
_RELATION = r"(?:=|\\neq?(?![A-Za-z])|<|>|\\leq?(?![A-Za-z])|\\geq?(?![A-Za-z])|[≤≥≠])"
_COND = (r"(?:-?[0-9]+(?:\.[0-9]+)?\s*(?:<|\\leq?(?![A-Za-z])|≤)\s*)?"     # `-1 \le x \le 1`
         r"(?:\\[A-Za-z]+|[A-Za-z])(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*"
         + _RELATION + r"\s*"
         r"-?(?:\\[A-Za-z]+|[A-Za-z0-9]+)(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")
# a row's body, then the gap before its condition (`,`, `\quad`, `&&` read as `\:`)
_ROW_GAP = r"^(?P<body>.*?)\s*(?:,\s*(?:\\q?quad\s*|\\[,;:! ]\s*)*|(?:\\q?quad\s*|\\:\s*)+)"
_COND_WORD = (r"\\text\s*\{\s*\(?\s*(?:if|for|when|whenever|provided(?:\s+that)?"
              r"|(?P<unless>unless))\s*\}\s*")
_TRAILING = re.compile(
    _ROW_GAP + r"(?:" + _COND_WORD + r"|(?:if|for|when|whenever)\s+)?(?P<cond>" + _COND
    + r")\s*\)?\s*$", re.S)
# `&& \text{(if } x y > 0)`, `\quad \text{for } a + b \le 1`: after a word that says so, a
# condition may compare any expressions (one relation, no `&`, no more words)
_TRAILING_WORDED = re.compile(
    _ROW_GAP + _COND_WORD
    + r"(?P<cond>[^&{}]*?" + _RELATION + r"[^&{}]*?)"
    r"\s*\)?\s*$", re.S)
# "given that $x \ge -1$", "where $i \neq j$": a condition that is no sign flag, where the
# prose line opens with it ("… uses 1/(1+e^{-x}) for $x \ge 0$" states no condition)
_CONDITION_LEAD = re.compile(r"\(?\s*(?:(?:and|but|valid|true|this holds|it holds|holds)\s+)?"
                             r"(?:given(?:\s+that)?|where|for|if|when|whenever|assuming(?:\s+that)?"
                             r"|provided(?:\s+that)?|since|because|as long as|with)\s*",
                             re.IGNORECASE)
_INEQUALITY = re.compile(r"[^=<>]*?(?:<|>|\\(?:leq?|geq?|leqslant|geqslant|neq?|lt|gt)(?![A-Za-z])|[≤≥≠])"
                         r"[^=]*")
_BUILTIN = {"e", "pi", "sin", "cos", "tan", "exp", "ln", "log", "sqrt", "frac", "tanh",
            "sinh", "cosh", "cdot", "left", "right", "sum", "prod", "partial", "mathrm", "text"}
_DERIVATIVE = re.compile(r"\\partial|\\frac\s*\{\s*d|\\nabla|\\sum|\\prod|\\lim|'")
# `\vert`, `\lvert` (`p(y \lvert x)`) are a conditional bar too; a pair (`f(\lvert x \rvert)`) is none
_NO_BAR = r"(?!(?:mid|vert|lvert|rvert)(?![A-Za-z]))"
# Math outside what derive-ce reads: a part of a row that holds it is not
# checked (with the reason); the row's other links and the file's other
# derivations still are.
# (`[A-Za-z]++` possessive: a command's letters are never split between it and the
# letters after it, which made a row of `\boldsymbol`s backtrack for minutes)
_OUTSIDE = re.compile(r"\\(int|iint|iiint|oint|lim|dots|ldots|cdots|approx|propto|equiv|simeq|arg)"
                      # `...` not in a number; after a subscript's digit (`x_2...x_n`) too
                      r"(?![A-Za-z])|(?:(?<![0-9])|(?<=_[0-9]))(\.\.\.+|…)(?![0-9])"
                      # `p(y|\lambda)`, `P(X \mid \theta)`: a probability given a parameter
                      r"|((?:(?<![A-Za-z\\])[A-Za-z]|\\(?:mathrm|text|operatorname|mathcal)\s*\{\s*\w+\s*\}"
                      r"|\\(?:ell|pi|phi|psi|theta)(?![A-Za-z]))\s*\((?:[^()|\\]|\\" + _NO_BAR + r"[A-Za-z]++|\\[^A-Za-z]|\([^()]*\))*"
                      r"(?:\||\\(?:mid|vert|lvert)(?![A-Za-z]))(?:[^()|\\]|\\" + _NO_BAR + r"[A-Za-z]++|\\[^A-Za-z]|\([^()]*\))*\))"
                      # `\mathrm{Poiss}(y_i; \lambda)`, `\mathcal{N}(x; \mu, \sigma^2)`: a named distribution
                      # `f_X(x;\lambda)`, `L(\theta; X)`: a density or likelihood, parameters after `;`
                      r"|((?:\\(?:mathcal|mathrm|text|operatorname)\s*\{\s*[A-Z][A-Za-z]*\s*\}"
                      r"|(?<![A-Za-z\\])[A-Za-z](?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)\s*\([^()]*;[^()]*\))"
                      r"|(\\sim)(?![A-Za-z])"
                      # `\mathrm{KL}[P\,||\,Q]`: a divergence between distributions
                      r"|((?:\\(?:mathrm|text|operatorname)\s*\{\s*(?:KL|D_?\{?KL\}?)\s*\}|D_\s*\{?\s*(?:KL|\\mathrm\s*\{\s*KL\s*\})\s*\}?)"
                      r"\s*(?:\\left\s*)?[\[(][^\[\]()]*(?:\|\||\\\||\\Vert)[^\[\]()]*(?:\\right\s*)?[\])])"
                      # `p(X=0)`, `p(y = 1)`, `\tilde{p}(y = 0)`, `\Pr(X = 1)`: the probability of an event
                      r"|((?:(?<![A-Za-z\\])[pPqQ]|\\(?:tilde|hat|bar)\s*(?:\{\s*[pPqQ]\s*\}|[pPqQ])"
                      r"|\\Pr(?![A-Za-z]))\s*\(\s*[A-Za-z](?:_\s*(?:\{[^{}]*\}|\w))?\s*=\s*[^()=]*\))"
                      r"|\\(?:mathbb|mathrm|operatorname|text)\s*\{\s*E\s*\}|\\mathbb\s*E(?![A-Za-z])"
                      # `E[X]`, `E_p[…]`, `E(X^2)`: an expectation written with a plain E
                      r"|((?<![A-Za-z\\])E(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\["
                      r"|(?<![A-Za-z\\])E\s*(?:\\left\s*)?\(\s*[A-Z](?![A-Za-z]))")
# An update rule: `w_i = w_i - \\eta \\frac{\\partial L}{\\partial w_i}`, `\\theta_j \\leftarrow
# \\theta_j + \\alpha …`, `\\theta := \\theta - \\alpha \\nabla J`: a name set from its own value, an
# assignment, never an identity (as one it would say the step is 0).  With `=`, the change
# is a step (a rate `\\eta`, `\\alpha` … or a derivative); `\\leftarrow`, `\\gets` and `:=` say it.
_UPDATE_NAME = (r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*" + P.LETTER + r"\s*\}|"
                + P.LETTER + r")(?:\s*_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))?")
_UPDATE = re.compile(r"\s*(" + _UPDATE_NAME + r")\s*(=|:=|\\coloneqq(?![A-Za-z])|\\leftarrow(?![A-Za-z])"
                     r"|\\gets(?![A-Za-z]))\s*(" + _UPDATE_NAME + r")\s*([-+])\s*(\S.*)", re.S)
_RATE = re.compile(r"\s*(?:\\(?:eta|alpha|lambda|epsilon|varepsilon|gamma|mu|rho)(?![A-Za-z])"
                   r"|\\[dt]?frac\s*\{\s*(?:d|\\partial)|\\partial|\\nabla)")


_ARITHMETIC = re.compile(r"\\(?:cdot|times|[dt]?frac|left|right|[,;:! ])(?![A-Za-z])")
_LETTER_IN = re.compile(r"[A-Za-z\\]")


_BECAUSE = re.compile(r"\s*\\because(?![A-Za-z])\s*")


def update_rule(body: str) -> tuple[str, str] | None:
    """(`w`, its operator) when the row sets `w` from its own value (an update
    rule), else None."""
    match = _UPDATE.fullmatch(body)
    if match is None or _norm(match.group(1)) != _norm(match.group(3)):
        return None
    if match.group(2) == "=" and not _RATE.match(match.group(5)):
        return None
    return match.group(1).strip(), match.group(2)


# `\\overset{\\text{set}}{=}`, `\\stackrel{!}{=}`, `\\overset{(1)}{=}`: an equals sign with a note
# over it.  "set" / "!" set an expression equal to a value (equation solving);
# any other note is the link's reason, and the link is an `=` like any other.
_OVERSET = re.compile(r"\\(?:overset|stackrel)\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{\s*=\s*\}")
_SETTING = re.compile(r"\s*(?:set|!|\\text\s*\{\s*!\s*\})\s*", re.I)
# `\\text{since } \\cosh^2 z - \\sinh^2 z = 1`, `\\operatorname{since}\\left(…\\right) - … = 1`:
# a connective in text at a row's start is the row's why, never a factor named `since`
_LEAD_WORD = re.compile(r"\s*\\(?:text|textrm|textit|textbf|mathrm|operatorname)\s*\{\s*"
                        r"(since|because|as|so|thus|hence|therefore|then|and|now|i\.e\.|using)"
                        r"\s*[,:]?\s*\}\s*[,:]?\s*(?:\\q?quad(?![A-Za-z])\s*|\\[,;:! ]\s*)*", re.I)
# `\\tanh x := \\frac{\\sinh x}{\\cosh x}`: a function the grammar knows, on one letter, "defined"
# with `:=`; it already has its meaning, so the row is a claim about it, checked as `=`
_KNOWN_DEFINED = re.compile(r"\s*\\(?:sinh|cosh|tanh|coth|sech|csch|sin|cos|tan|cot|sec|csc|exp|ln|log"
                            r"|arcsin|arccos|arctan)(?![A-Za-z])\s*(?:[A-Za-z](?![A-Za-z])|\(\s*[A-Za-z]\s*\)"
                            r"|\\left\s*\(\s*[A-Za-z]\s*\\right\s*\)|\{\s*[A-Za-z]\s*\})\s*(:=)")
# `P(n+1) \\: : \\: \\sum_{k=1}^{n+1} k = …`: a statement's name (a capital letter on a bracket)
# then a colon heads the equation it names (an induction's P(n)); the label is the row's why
_SPACE = r"(?:\\[,;:! ]|\\q?quad(?![A-Za-z])|\s)*"
_STATEMENT_LABEL = re.compile(r"\s*((?<![A-Za-z\\])[A-Z]\s*\([^()=:]*\))" + _SPACE + r":(?!=)" + _SPACE)
# `\\boxed{…}` (or `\\fbox{…}`) that is the whole row
_BOX = re.compile(r"\s*\\(?:boxed|fbox)\s*\{(.*)\}\s*[.,;]?\s*", re.S)
_TEXT_ONLY = re.compile(r"\s*(?:\\(?:text|textrm|textit|mathrm|textbf)\s*\{[^{}$]*\}\s*[:.,;]?\s*)+")
_LEAD_IN = re.compile(r"(?:assum\w*|suppos\w*|given|if|for|let|with|when)\b", re.I)
# `\frac{d^2 \ell}{dp^2}`, `\dfrac{\partial …}{\partial p}`, `\frac{d}{dx} f(x)`: a derivative on the left
_DIFFERENTIAL = r"(?:d|\\partial(?![A-Za-z])|\\(?:mathrm|text|operatorname)\s*\{\s*d\s*\}|\\mathrm\s+d)"
# `\frac{d^{2} L}{d w^{2}}`, `\frac{\mathrm{d} y}{\mathrm{d} x}`: a derivative's head
_DERIVATIVE_HEAD = re.compile(r"\s*\\[dt]?frac\s*\{\s*" + _DIFFERENTIAL + r"(?:[^{}]|\{[^{}]*\})*\}"
                              r"\s*\{\s*" + _DIFFERENTIAL)
# Math marked as math anywhere in the notes: `$`, `\\(`, `\\[`, an environment
DELIMITED = re.compile(r"\$|\\\(|\\\[|\\begin\s*\{")
# A plain-text equation: a formula's left side (`f'(x)`, `dy/dx`, `L(B1, B2, lamda)`),
# `=`, and a right side with operators or brackets
# (any script's letter: `σ(x) = 1 / (1 + e^(−x))`, `𝓛'(𝑝) = 𝑘/𝑝 - …`; one bracket inside
# the arguments: `ln(p^4 * (1-p)^11) = …`; a double prime `L"(lam)`)
_PLAIN_EQUATION = re.compile(r"(?:^|[:\s])[^\W\d_][\w'\"¨]*(?:\((?:[^()]|\([^()]*\)){0,60}\))?"
                             r"(?:/d\w+)?\s*=(?!=)\s*[^=\s][^=]*[()^/*+\-·×−√][^=]*")
# … and a sign that it is math, not a setting (`x = 1 (default)`): a power, a product
# star, a derivative `dy/dx`, a prime
# (a power written `²`, a product `·` or `×`, a double prime, `∏`, `∑`, `√`)
_PLAIN_SIGN = re.compile(r"\^|\w\s*[*·×]\s*\w|/\s*d[A-Za-z]|['\"¨]\s*\(|’|[²³⁴⁵⁶⁷⁸⁹]|[∏∑√]")
_GAUSSIAN = re.compile(r"\\sqrt\s*\{\s*2\s*\\pi")
# `s'(x)`, `v'`, `u^{\prime}(x)`: a primed letter that opens a chain.
_PRIMED = re.compile(r"\s*(" + P.LETTER + r")\s*(?:'|’|\^\s*\{?\s*\\prime\s*\}?)+"
                     r"\s*(?:\((?:[^()]*)\)|\\left\s*\([^()]*\\right\s*\))?\s*")
_EXPECTATION = "expectations (`\\mathbb{E}`) are not read: derive-ce checks algebra, sums and " \
               "derivatives"


_D = r"(?:\\partial|d|\\mathrm\s*\{\s*d\s*\}|\\operatorname\s*\{\s*d\s*\})"
_DERIVATIVE_OF = re.compile(
    r"\s*\\[dt]?frac\s*\{\s*" + _D + r"\s*(?:(" + P.LETTER + r")|\\(?:text|mathrm)\s*\{\s*"
    r"([A-Za-z]+)\s*\})(?P<sub>\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\(?:text|mathrm)\s*\{[^{}]*\}"
    r"|[A-Za-z0-9]))?\s*\}\s*\{\s*" + _D
    + r"\s*(?:" + P.LETTER + r")(?:\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9]))?\s*\}\s*")
_FUNCTION_LETTERS = {"f", "g", "h", "F", "G", "varphi", "phi", "Phi", "psi", "sigma"}


_TRANSPOSE = re.compile(r"\^\s*(?:\{\s*)?(?:\\top|\\intercal|\\mathrm\s*\{\s*T\s*\}|\\mathsf)(?![A-Za-z])")


# One name that the reader cannot define: `\\mathcal{L}_{\\text{NLL}}`, `\\mathbf{W}_{out}`.
_LONE_NAME = re.compile(r"\s*\\(?:mathcal|mathscr|mathbf|boldsymbol|bm)\s*\{\s*" + P.LETTER + r"\s*\}"
                        r"(?:\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9]))?\s*")


# `\\sigma(z_i)`, `f(x_k)`: a function letter applied to one subscripted letter
_APPLIED_HEAD = re.compile(r"\s*(\\(?:sigma|phi|varphi|psi)|[fgh])\s*\(\s*([A-Za-z])\s*_\s*\{?\s*([A-Za-z])\s*\}?\s*\)\s*")
# `h_\theta(x^{(i)})`, `f(x^{(i)})`: a function at sample i, any function name
_SAMPLE_HEAD = re.compile(r"\s*(.+?)\s*(?:\\left\s*)?\(\s*([A-Za-z])\s*\^\s*\{\s*\(\s*([A-Za-z])\s*\)\s*\}"
                          r"\s*(?:\\right\s*)?\)\s*")


class Applied(NamedTuple):
    """A function applied to one subscripted or sample-labelled letter in a
    definition's head: the function's head with a letter, the argument as
    written (a regex), the index or label, and the letter."""
    function: str
    argument: re.Pattern
    index: str
    letter: str
    sample: bool


def applied_head(head: str) -> Applied | None:
    """`\\sigma(z_i)`, `f(x_k)` (a function letter), `h_\\theta(x^{(i)})` (any
    function name before a sample label); None for any other head."""
    match = _APPLIED_HEAD.fullmatch(head)
    if match is not None:
        function, letter, index = match.groups()
        argument = re.compile(re.escape(letter) + r"\s*_\s*(?:\{\s*" + re.escape(index)
                              + r"\s*\}|" + re.escape(index) + r")(?![A-Za-z0-9])")
        return Applied(function, argument, index, letter, False)
    match = _SAMPLE_HEAD.fullmatch(head)
    if match is None or definition_name(f"{match.group(1)}(t)") is None:
        return None
    function, letter, index = match.groups()
    argument = re.compile(r"(?<![\\A-Za-z])" + re.escape(letter) + r"\s*\^\s*\{\s*\(\s*"
                          + re.escape(index) + r"\s*\)\s*\}")
    return Applied(function, argument, index, letter, True)


def label_name(text: str) -> str | None:
    """The letter of a chain's opening `s'(x)` or `\\frac{\\partial L}{\\partial a}`
    (`L_{\\text{MSE}}` too), or None: if the notes neither define nor
    declare it, the expression only names the chain."""
    primed = _PRIMED.fullmatch(text)
    if primed:
        return primed.group(1).lstrip("\\")
    derivative = _DERIVATIVE_OF.fullmatch(text)
    if derivative:
        name = (derivative.group(1) or derivative.group(2)).lstrip("\\")
        worded = derivative.group(1) and derivative.group("sub") \
            and _WORDED_NAME.fullmatch(derivative.group(1) + derivative.group("sub"))
        if worded:                      # `\frac{\partial L_{\text{data}}}{\partial w}`: L_data
            return f"{name}_{worded.group('word')}"
        return None if name in _FUNCTION_LETTERS or name == "e" else name
    return None


def split_why(text: str) -> tuple[str, str]:
    """`a = b \\quad | rule` -> ("a = b", "\\text{rule}" as written); a row that
    ends in words (`&= b && \\text{chain rule}`, `= b \\quad (\\text{by parts})`,
    `&= b && \\text{multiply by } e^x`): that text is the why. Words with a space
    or a mark between them are never a name; words that lead in to a condition
    (`\\text{for } i \\ne j`, `\\text{if } x > 0`) are the row's case, not its why."""
    parts = _WHY.split(text, maxsplit=1)
    if len(parts) == 1:
        words = _remark_after_gap(text) or _words_at_end(text)
        if words is not None:
            return words
    return parts[0].rstrip(), (parts[1].strip() if len(parts) == 2 else "")


# `&&` (read as `\:`) or `\quad` and words that open a remark: `(check: `, `note`
_REMARK = re.compile(r"(?:\\:|\\q?quad(?![A-Za-z]))\s*(\\(?:text|textrm|textit|textbf)\s*\{(?P<words>[^{}]*)\})")


def _remark_after_gap(text: str) -> tuple[str, str] | None:
    """`&= 3(x - 1)(x + 1) && \\text{(check: } x = 1 \\text{ is a turning point)}`: words
    set apart by `&&` or `\\quad` that open a remark, with math and more words
    after them, are the row's why from there on (never a condition: `\\text{if }`,
    `\\text{for }` stay the row's case)."""
    for found in _REMARK.finditer(text):
        words, before = found.group("words"), text[:found.start()]
        if before.count("{") != before.count("}") or not before.strip():
            continue
        if _CONDITION_WORDS.match(words) or not re.search(r"[A-Za-z]\W|[()]", words.strip()):
            continue
        return before.rstrip(), text[found.start(1):].strip().rstrip(".,;").rstrip()
    return None


def _words_at_end(text: str) -> tuple[str, str] | None:
    found = None
    for found in _WORDS.finditer(text):     # the last `\text{…}`
        pass
    if found is None:
        return None
    words, after = found.group("words"), text[found.end():]
    body, gap = _before_gap(text[:found.start()])
    wide = "quad" in gap or "  " in gap or "\\:" in gap      # `&&` reaches here as `\:`
    if not body.strip() or not gap:
        return None
    if wide and after.strip() and re.fullmatch(r"\s*(?:since|because|as|by|using|from)\s*", words,
                                               re.I):
        # `&& \text{since } x^2 \ge 0`, `&& \text{since } |x|^2 = x^2`: a reason that
        # cites a fact (an equation too), never the row's case
        return body.rstrip(), text[found.start():].strip().rstrip(".,;").rstrip()
    if "=" in after:
        if wide and re.search(r"[A-Za-z]\W+[A-Za-z(]", words.strip()) \
                and not _CONDITION_WORDS.match(words):
            # `\qquad \text{sanity check at } x = 0`: a remark in words, with its math
            return body.rstrip(), text[found.start():].strip().rstrip(".,;").rstrip()
        return None         # one word (`\text{and}`) or a condition before an equation
    closed = after.strip(" .,;") in ("", ")")
    if re.search(r"[A-Za-z]\W+[A-Za-z(]|[()]", words.strip()) and (closed or wide) \
            and not _CONDITION_WORDS.match(words):
        # words (never a name); math after them only where a wide gap set them apart
        return body.rstrip(), text[found.start():].strip().rstrip(".,;").rstrip()
    if "$" not in words and re.search(r"[A-Za-z]", words) and closed and found.group(1) is None \
            and ("quad" in gap or "\\:" in gap) and not _CONDITION_WORD.match(words):
        # any text set apart by `\quad` or `&&` (`… && \text{variance}`): a remark
        return body.rstrip(), found.group(0)
    return None


def _before_gap(text: str) -> tuple[str, str]:
    """(text, the spaces and spacing commands it ends with), scanning back."""
    end = len(text)
    while end:
        if text[end - 1].isspace():
            end -= 1
            continue
        spacing = next((m for m in ("\\qquad", "\\quad", "\\,", "\\;", "\\:", "\\!")
                        if text.endswith(m, 0, end)), None)
        if spacing is None:
            break
        end -= len(spacing)
    return text[:end], text[end:]


_WORDS = re.compile(r"(\(\s*)?\\(?:text|textrm|textit|textbf|mathrm|mbox)\s*\{(?P<words>[^{}]*)\}")
_CONDITION_WORD = re.compile(r"\s*\(?\s*(?:if|for|when|whenever|otherwise|else|unless|provided)\b",
                             re.I)
_CONDITION_WORDS = re.compile(r"\s*\(?\s*(?:if|for|when|where|whenever|otherwise|provided|unless|"
                              r"and|or|with|as)\b", re.I)


def _trailing_condition(trailing: re.Match, row) -> str:
    r"""A row's trailing condition; `\text{unless } x = 0` is its negation (x ≠ 0)."""
    condition = trailing.group("cond")
    if trailing.group("unless") is None:
        return condition
    negated = P.negate(condition)
    if negated is None:
        raise InputError(f"`unless {condition}` is not read as a condition: write the "
                         "condition it leaves, as in `\\text{if } x \\neq 0`", row.line)
    return negated


_SUBSCRIPT_LETTER = re.compile(r"_\s*(?:\{\s*([a-z])\s*\}|([a-z]))(?![A-Za-z])")


def indexed_sums(text: str) -> str:
    r"""`\sum (y_i - \hat{y}_i)^2`, `\sum e^{x_d}`: a sum written with no index, whose
    summand (up to the next `+`, `-`, `=` outside brackets) has one letter in its
    subscripts, sums over that letter: `\sum_{i} (y_i - \hat{y}_i)^2`. With no
    such letter, or several, it stays as written (and is refused)."""
    out, pos = [], 0
    for match in re.finditer(r"\\sum(?![A-Za-z])", text):
        after = match.end()
        rest = text[after:]
        if re.match(r"\s*(?:[_^]|\\(?:no)?limits)", rest):
            continue
        depth, end = 0, len(rest)
        for k, char in enumerate(rest):
            if char in "({[":
                depth += 1
            elif char in ")}]":
                depth -= 1
                if depth < 0:
                    end = k
                    break
            elif depth == 0 and (char in "+-=&" or rest.startswith("\\\\", k)) and k > 0 \
                    and rest[:k].strip():
                end = k
                break
        summand = rest[:end]
        if "\\sum" in summand:
            continue
        letters = {m.group(1) or m.group(2) for m in _SUBSCRIPT_LETTER.finditer(summand)}
        if len(letters) != 1:
            continue
        out += [text[pos:after], "_{" + letters.pop() + "}"]
        pos = after
    return "".join(out) + text[pos:] if out else text


def clean_why(raw: str) -> str:
    return " ".join(_QUAD.sub(" ", _TEXT.sub(r"\1", raw)).split())


def top_parts(text: str) -> list[str]:
    """The parts of `a = b = c` at bracket depth 0 (a leading `=` gives an
    empty first part)."""
    parts = [p.strip() for p in split_top(text, "=", ("\\", "<", ">", "!"))]
    return [p.removesuffix(":").strip() if n == 0 else p for n, p in enumerate(parts)]


def _comma_definitions(math: str) -> list[str]:
    """`f=\\sinh(z) , g=\\cosh(z)`: equations side by side, split at the commas
    between them, each one a definition of its own. Otherwise the math as it
    is; none when a comma stands inside a middle part (`a = 1, b = 2`
    unsplit would give `a` the body `2`)."""
    pieces = split_top(math, ",", ("\\",))
    if len(pieces) > 1 and all(len(top_parts(p)) == 2 and all(top_parts(p))
                               and definition_name(top_parts(p)[0]) is not None for p in pieces):
        return [p.strip() for p in pieces]
    parts = top_parts(math)
    if any(re.search(r",", _flat(p)) for p in parts[1:-1]):
        return []
    return [math]


# `\qquad \text{and} \qquad` between two equations of a row
_AND = re.compile(r"(?:\s|\\[;,:! ]|\\q?quad(?![A-Za-z])|~)+\\(?:text|mathrm)\s*\{\s*and\s*\}"
                  r"(?:\s|\\[;,:! ]|\\q?quad(?![A-Za-z])|~)+")
_SPACING = re.compile(r"\s*(?:(?:\\[;,:! ]|\\q?quad(?![A-Za-z])|~)\s*)+")
_CONDITION_LIKE = re.compile(r"\s*" + P.LETTER + r"\s*=\s*(?:" + P.LETTER + r"|-?[0-9.]+)\s*")


def side_by_side(body: str) -> list[str] | None:
    """`f(u) = \\sin(u), \\; f'(u) = \\cos(u)`, `P(x) = …, \\quad Q(x) = …`: equations
    side by side in one row, a comma and a space between them, each naming what it
    states (a definition's head or a primed letter): one row each.  None otherwise,
    and when a later one is a letter set to a letter or a number (`…, \\quad x = 0`:
    a condition, cases)."""
    joined = [p.strip() for p in _AND.split(body)]
    if len(joined) > 1 and not any(_unbalanced(p) for p in joined):
        # `D(\sinh x) = \cosh x \qquad \text{and} \qquad D(\cosh x) = \sinh x`: two claims
        if all(len(top_parts(p)) == 2 and all(top_parts(p)) and not _CONDITION_LIKE.fullmatch(p)
               for p in joined):
            return joined
        return None
    pieces = split_top(body, ",", ("\\",))
    if len(pieces) < 2 or not all(_SPACING.match(p) for p in pieces[1:]):
        return None
    pieces = [_SPACING.sub(" ", p, count=1).strip() if n else p.strip()
              for n, p in enumerate(pieces)]
    for n, piece in enumerate(pieces):
        parts = top_parts(piece)
        if len(parts) != 2 or not all(parts) or n and _CONDITION_LIKE.fullmatch(piece):
            return None
        if definition_name(parts[0]) is None and not _PRIMED.fullmatch(parts[0]):
            return None
    return pieces


def _unbalanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return True
    return depth != 0


def _flat(text: str) -> str:
    """The text at bracket depth 0."""
    out, depth = [], 0
    for char in text:
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def definition_name(text: str) -> tuple[str, tuple[str, ...], bool] | None:
    """`\\text{Loss}` -> ("Loss", (), False); `p_i` -> ("p", ("i",), False);
    `\\sigma(x)`, `\\mathrm{GELU}(x)`, `f\\left(x\\right)` -> a function;
    `L_{\\text{data}}`, `J_\\mathrm{reg}` -> ("L_data", (), False), a name with a
    word below it, as a step reads it; anything else -> None."""
    text = re.sub(r"\\(?:left|right|big|Big)\s*([()])", r"\1", text)
    text = re.sub(r"\\[,;:! ]|\\q?quad(?![A-Za-z])", " ", text)     # `f(x) \;\;=`
    worded = _WORDED_NAME.fullmatch(text)
    if worded is not None:
        return f"{worded.group('base').lstrip(chr(92))}_{worded.group('word')}", (), False
    sample = _SAMPLE_NAME.fullmatch(text)
    if sample is not None:      # `\hat{y}^{(i)} =`: the quantity at each sample i
        name = accented_name(sample.group(1)) or sample.group(1).lstrip("\\")
        return f"{name}⁽⁾", (sample.group(2).lstrip("\\"),), False
    match = _NAME.match(text)
    if not match:
        return None
    name = match.group(1) or accented_name(match.group(2)) or match.group(2).lstrip("\\")
    if name == "e" and match.group(3) is None:   # Euler's number, never a name to define
        return None                              # (`e_i`, an error term, is a name)
    if match.group(4) is not None:
        params = _letters(match.group(4))
        if match.group(3) is None and len(params) == 1 and name in CHAIN.get():
            return name, (), False      # `t(m) = e^{m}`, m defined by `m(x) =`: a value
        if not params and all(re.fullmatch(_VARIABLE, a.strip()) for a in match.group(4).split(",")):
            if match.group(3) is not None or name in _FUNCTION_LETTERS:
                return None             # `\sigma(z_i)`: a function applied (_applied_definition)
            return name, (), False      # `L(w_1, w_2, b) =`: the loss of those variables
        if params and match.group(3) is not None:      # `f_N(x) =`: a function named f_N
            sub = function_subscript(match.group(3))       # `h_\theta(x) =`: h_theta
            return (f"{name}_{sub}", params, True) if sub else None
        return (name, params, True) if params else None
    if match.group(3) is None:
        return name, (), False
    if re.fullmatch(r"\{?\s*\d+\s*\}?", match.group(3)):       # h_1, w_{11}: one name
        return f"{name}_{match.group(3).strip('{} ')}", (), False
    params = _letters(match.group(3))
    return (name, params, False) if params else None


# a function's head of one letter on one letter, `t(m) =`, `\\sigma \\left(x\\right) :=`
_CHAIN_HEAD = re.compile(r"(?<![\\A-Za-z'])(" + P.LETTER + r")\s*(?:\\left\s*)?\(\s*(" + P.LETTER
                         + r")\s*(?:\\right\s*)?\)\s*&?\s*:?=")
# the names of a chain of inner functions (chain_names), read in this file
CHAIN: ContextVar[dict[str, str]] = ContextVar("CHAIN", default={})


def chain_names(text: str) -> dict[str, str]:
    """`m(x) = -x`, `t(m) = e^{m}`, `h(t) = 1 + t`: a function whose argument is
    the name of another function the notes define names the composite, and
    each head of such a chain is the value of its name (t is e^{m(x)}), as
    `J(w_1, w_2, b)` is J. Each name of the chain with its head's argument
    ({m: x, t: m, h: t}), when each is written as a head on one argument only,
    the chain ends at a letter that is no head, and no name of it is applied
    to anything else or primed otherwise than on its argument (`t(2)`, `t'`:
    the function, or the value? nothing is read as a chain then)."""
    heads: dict[str, set[str]] = {}
    for match in _CHAIN_HEAD.finditer(text):
        name, arg = (g.lstrip("\\") for g in match.groups())
        heads.setdefault(name, set()).add(arg)
    links = {a for n, args in heads.items() for a in args if a in heads and a != n}
    chain = links | {n for n, args in heads.items() if args & links}
    for name in chain:
        seen, at = {name}, name
        while at in heads:
            if len(heads[at]) != 1:
                return {}
            at = next(iter(heads[at]))
            if at in seen:
                return {}               # a loop: no letter the chain ends at
            seen.add(at)
    found = {name: next(iter(heads[name])) for name in chain}
    for name, arg in found.items():
        for match in _applied(name).finditer(text):
            prime, applied = match.group("prime"), match.group("arg")
            if (prime or applied is not None) and (
                    prime and not _ONE_PRIME.fullmatch(prime) or applied is None
                    or applied.strip() not in (arg, "\\" + arg)):
                return {}
    return found


def _applied(name: str) -> re.Pattern:
    """`t(…)`, `t'(…)`, `t^{\\prime}`, `t` as written: the name, its primes, its bracket."""
    letter = re.escape("\\" + name) if len(name) > 1 else r"(?<![\\A-Za-z])" + name
    return re.compile(letter + r"(?![A-Za-z])(?P<prime>(?:\s*(?:'|’|′|\^\s*\{\s*\\prime\s*\}"
                      r"|\^\s*\\prime(?![A-Za-z])))+)?"
                      r"(?:\s*(?:\\left\s*)?\((?P<arg>[^()]*?)\s*(?:\\right\s*)?\))?")


_ONE_PRIME = re.compile(r"\s*(?:'|’|′|\^\s*\{\s*\\prime\s*\}|\^\s*\\prime)")


def chain_primes(text: str) -> str:
    """`t'(m)`, t a name of a chain of inner functions on m: `\\frac{dt}{dm}`."""
    for name, arg in CHAIN.get().items():
        label = ("\\" if len(name) > 1 else "") + name
        variable = ("\\" if len(arg) > 1 else "") + arg
        text = _applied(name).sub(
            lambda m: (f"\\left(\\frac{{d{label}}}{{d{variable}}}\\right)"
                       if m.group("prime") and m.group("arg") else m.group()), text)
    return text


_SAMPLE_NAME = re.compile(r"\s*(" + _ACCENTED + r"|" + P.LETTER + r")\s*\^\s*\{\s*\(\s*("
                          + P.LETTER + r")\s*\)\s*\}\s*:?")


def function_subscript(sub: str) -> str | None:
    r"""The subscript of a function's name as part of the name: `N`, `{2}`,
    `\theta`, `{\theta}` -> "N", "2", "theta"; `{w,b}` (letters between commas,
    as in h_{w,b}(x)) -> "wb"; None for anything else."""
    several = re.fullmatch(r"\{\s*([A-Za-z](?:\s*,\s*[A-Za-z])+)\s*\}", sub)
    if several is not None:             # never a Greek letter's name (`{m,u}` is no \mu)
        joined = re.sub(r"[\s,]", "", several.group(1))
        return None if joined in P.GREEK else joined
    match = re.fullmatch(r"\{?\s*(?:([A-Za-z0-9])|\\([A-Za-z]+)(?![A-Za-z]))\s*\}?", sub)
    if match is None or match.group(2) is not None and match.group(2) not in P.GREEK:
        return None
    return match.group(1) or match.group(2)


def subscript_pattern(sub: str) -> str:
    r"""A regex for a function name's subscript (function_subscript) as written:
    `_N`, `_{N}`, `_\theta`, `_{\theta}`, `_{w,b}` (sub "wb")."""
    if len(sub) > 1 and sub not in P.GREEK:
        return r"_\s*\{\s*" + r"\s*,\s*".join(sub) + r"\s*\}"
    text = re.escape("\\" + sub) if len(sub) > 1 else re.escape(sub)
    return r"_\s*(?:\{\s*" + text + r"\s*\}|" + text + r"(?![A-Za-z]))"


def subscript_text(sub: str) -> str:
    r"""A function name's subscript as LaTeX: "theta" -> `\theta`, "wb" -> `w,b`."""
    if len(sub) > 1:
        return "\\" + sub if sub in P.GREEK else ",".join(sub)
    return sub


# `\ln (L)`, `\log L`, `ln(L)`: the log of one letter, as a row's left side
_LOG_OF_LETTER = re.compile(r"\s*\\?(?:ln|log)(?![A-Za-z])\s*(?:\\left\s*)?(?:\(\s*(" + P.LETTER
                            + r")\s*(?:\\right\s*)?\)|(" + P.LETTER + r"))\s*")

# `0`, `0.0`: what an expression is set to when an equation is solved
_ZERO = re.compile(r"0(?:\.0*)?")
_SET_TO_ZERO = re.compile(r"\s*=\s*0(?:\.0*)?\s*")        # a row `= 0` alone


# an argument of a head that names the variables: `w_1`, `b`, `\\sigma^2`
_VARIABLE = P.LETTER + r"(?:\s*_\s*(?:\{\s*\w+\s*\}|\w)|\s*\^\s*(?:2|\{\s*2\s*\}))?"


def accented_name(text: str) -> str | None:
    """`\\hat{y}`, `\\hat y`, `\\hat{\\mu}` -> the name the LaTeX reader gives it
    ("ŷ", "mû"); None for a text that is no accented letter."""
    if not re.fullmatch(_ACCENTED, text.strip()):
        return None
    from derive_ce.read.names import name_of
    command, rest = re.fullmatch(r"\s*\\([A-Za-z]+)\s*(.*?)\s*", text).groups()
    return name_of(f"\\{command}{{{rest.strip('{} ')}}}")


def _letters(sub: str) -> tuple[str, ...]:
    items = [s.strip() for s in sub.strip("{} ").split(",")]
    if all(re.fullmatch(P.LETTER, s) for s in items):
        return tuple(s.lstrip("\\") for s in items)
    return ()


def _norm(text: str) -> str:
    text = re.sub(r"\\(?:left|right)(?![A-Za-z])|\\[,;:! ]|\s+", "", text)
    return text.replace("{", "").replace("}", "")


def _free_letters(text: str) -> bool:
    """Does the math hold a letter that is a variable (not a command, not e)?
    A Greek letter is one (`\\theta^{3} e^{-2\\theta}`: "Let $L = …$" was read as a
    value given, not a definition); `\\pi` is no Greek letter here."""
    stripped = re.sub(r"\\(?:text|mathrm|operatorname)\s*\{[^{}]*\}", " ", text)
    if _GREEK_COMMAND.search(stripped):
        return True
    stripped = re.sub(r"\\[A-Za-z]+", " ", stripped)
    return bool(re.search(r"[A-Za-df-z]", stripped))


_GREEK_COMMAND = re.compile(r"\\(?:" + "|".join(P.GREEK) + r")(?![A-Za-z])")


_ACCENT_COMMANDS = {"\u0302": "hat|widehat", "\u0304": "bar|overline", "\u0303": "tilde|widetilde"}


def mentions(text: str, name: str) -> bool:
    split = unicodedata.normalize("NFD", name)
    if split[-1:] in _ACCENT_COMMANDS and split[:-1].isascii():    # `ŷ`: `\hat{y}`, `\hat y`
        inner = (r"\\" if len(split) > 2 else "") + re.escape(split[:-1])
        return re.search(r"\\(?:" + _ACCENT_COMMANDS[split[-1]] + r")\s*(?:\{\s*" + inner
                         + r"\s*[}_]|\s*" + inner + r"(?![A-Za-z]))", text) is not None
    base, _, word = name.partition("_")
    if len(word) > 1 and word.isalpha() and word not in P.GREEK:    # L_data: `L_{\text{data}}`
        if re.search(r"(?<![A-Za-z\\])\\?" + re.escape(base) + r"\s*_\s*\{?\s*\\(?:text|mathrm|textrm"
                     r"|operatorname|mathit|textit)\s*\{\s*" + re.escape(word) + r"\s*\}", text):
            return True
    name = re.escape(name)
    return re.search(r"\\(?:text|mathrm|operatorname)\s*\{\s*" + name + r"\s*\}"
                     r"|(?<![A-Za-z\\])\\?" + name + r"(?![A-Za-z])", text) is not None


@dataclass
class Branch:
    when: Math | None
    source: str = ""
    also: tuple[Math, ...] = ()             # "Otherwise": every earlier case negated
    steps: list[Step] = field(default_factory=list)
    last: str = ""                          # the branch's last expression
    broken: bool = False                    # its last row is not checked
    outside: str = ""                       # ... because it holds math not read: why
    trailing: bool = False                  # opened by a row's own condition
    inner: list["Branch"] = field(default_factory=list)    # row conditions inside a prose case


@dataclass
class Segment:
    """One derivation of the notes."""
    title: str
    line: int
    main: Branch = field(default_factory=lambda: Branch(None))
    cases: list[Branch] = field(default_factory=list)
    start: str = ""                          # the chain's first expression
    conditioned: bool = False                # its one case is a condition from the prose
    given: tuple = ()                        # "For $0 < \alpha < 1$:" before the chain: every case's

    def empty(self) -> bool:
        return not self.main.steps and not self.cases

    def branches(self) -> list[Branch]:
        """The main chain, its cases, and the row conditions inside them."""
        return [self.main, *(b for case in self.cases for b in (case, *case.inner))]

    def checked(self) -> bool:
        """Does it compare anything (a chain of two expressions, or a case)?"""
        def count(branch: Branch) -> int:
            return sum(len([p for p in top_parts(s.math.text) if p])
                       for s in branch.steps if not s.unchecked)
        main = count(self.main)
        return main >= 2 or any(count(c) >= (1 if main else 2) for c in self.cases)


from derive_ce.read.notes.words import DEFAULTS as KNOWN_FUNCTIONS  # noqa: E402
from derive_ce.read.notes.words import rewrite as rewrite_words  # noqa: E402


class Builder:
    def __init__(self, path: str):
        self.path = path
        self.title = ""
        self.notes: list[Prose] = []
        self.definitions: list[Definition] = []
        self.definition_notes: list[str] = []
        self.assumptions: dict[str, tuple[str, int]] = {}
        self.ranges: dict[str, tuple[str, str, int]] = {}     # "$1 \le i \le n$": i's range
        self.segments: list[Segment] = [Segment("", 0)]
        self.heading = ""
        self.pending: Row | None = None
        self.solving = False
        self.arrow_parts: set[str] = set()   # the expressions of the last chain read (_implied_chain)
        self.used: set[str] = set()
        self.displays = 0
        self.first_display = 0
        self.objects: dict[str, Declared] = {}   # letters the prose calls vectors or matrices
        self.shadows: list[Shadow] = []          # names whose meaning the prose changes
        # (name, line, text): a name given a value in words or math not read as a definition
        self.unread: list[tuple[str, float, str]] = []
        self.said: set[str] = set()  # letters the prose states an assumption on
        self.headings: list[int] = []     # the lines of the headings: an assumption's reach
        self.widened: list[tuple[float, frozenset | None]] = []   # "for any real $x$": its end too
        self.reassumed: list[tuple[str, str, int]] = []   # stated again after a widening
        self.bounded: list[tuple[Math, str, str]] = []   # "Let $0 < p < 1$.": (condition, letter, line)
        self.redeclared: dict[str, list[Declared]] = {}   # a letter's successive declarations
        self.gaussian = 0            # the line where sigma was guessed a standard deviation
        self.line = 0                # the line being read
        self.after_display = False   # the block before the prose line is a display
        self.why = ""                # a text-only row: the why of the next step
        self.labels: list = []       # chains opened by a primed letter: see _labelled
        self.heads: list[tuple[re.Pattern, str]] = []   # `J(w_1, w_2, b)` defined: read `J`
        self.display_heads: tuple[str, ...] = ()   # the heads defined in this display
        self.sigmoid = 0             # the line where the prose calls σ the sigmoid
        self.sigmoid_word = 0        # the first prose line that says "sigmoid" at all
        self.outside_head = None     # a head whose row goes on with math not read
        self.bare = False            # no math marked as math: lines of LaTeX are displays
        self.display_ahead = True    # a display comes after this prose line, before a heading

    @property
    def seg(self) -> Segment:
        return self.segments[-1]

    @property
    def branch(self) -> Branch:
        branch = self.seg.cases[-1] if self.seg.cases else self.seg.main
        return branch.inner[-1] if branch.inner else branch

    def build(self, blocks: list) -> None:
        for number, block in enumerate(blocks):
            if isinstance(block, Prose):
                self.display_ahead = _display_ahead(blocks, number)
                self._prose(block)
                self.after_display = False
            else:
                self.displays += 1
                self.first_display = self.first_display or block.line
                self.display_heads = ()
                for row in block.rows:
                    self._row(row)
                self.after_display = True
        self._settle_pending()

    # -- segments
    def plain_math(self, blocks: list) -> None:
        """Notes with no math in `$`, `\\(`, `\\[` or an environment at all, whose
        equations are plain text (`f'(x) = dy/dx = (ln(1+e^{x}))' = …`): each
        such line is a row *not checked*, with the reason, so the report says
        what was not read instead of only "nothing checked"."""
        if not self.bare and (self.displays or any(isinstance(b, Prose) and DELIMITED.search(b.text)
                                                   for b in blocks)):
            return
        for block in blocks:
            text = P.clean(block.text) if isinstance(block, Prose) else ""
            if "$" in text:
                continue        # no delimited math (self.bare): `$` marks what was read
            bare = re.sub(r"`[^`]*`", " ", text)             # code is no math
            if not (_PLAIN_EQUATION.search(bare) or _PLAIN_OPERATOR.match(bare)) \
                    or not _PLAIN_SIGN.search(bare) or P.HEADING.match(block.text):
                continue
            self._new_segment(block.line)
            shown = text if len(text) <= 80 else text[:77] + "…"
            self._unchecked(Row(shown, block.line, 0, False), shown, "",
                            "math in plain text (no `$…$` around it) is not read: derive-ce reads "
                            "LaTeX in `$…$`, `$$…$$` or `\\[…\\]`")
        self._new_segment(0)

    def _new_segment(self, line: int, title: str = "") -> None:
        self._settle_pending()
        heading, self.heading = self.heading, ""
        if self.seg.empty():
            self.seg.title, self.seg.line = title or self.seg.title or heading, line
            return
        self.segments.append(Segment(title or heading, line))

    # -- prose
    def _prose(self, prose: Prose) -> None:
        self.line = prose.line
        if P.SKIP_TEX.match(prose.text) or not re.search(r"\w", prose.text):
            return                       # the preamble, `***`, `---`
        if not self.sigmoid_word and re.search(r"\bsigmoid", prose.text, re.I):
            self.sigmoid_word = prose.line
        for declared in declared_in(prose.text, prose.line):
            said = self.redeclared.get(declared.name) or [self.objects.get(declared.name)]
            if _another_object(said[-1], declared):
                self.redeclared.setdefault(declared.name, said[:1]).append(declared)
            self.objects.setdefault(declared.name, declared)
        if len(prose.text) > MAX_PROSE:
            self.notes.append(prose)
            self._inline(prose)
            return
        heading = P.HEADING.match(prose.text)
        if heading:
            self.shadows = [s if not s.point or s.until else s._replace(until=prose.line)
                            for s in self.shadows]
            text = heading.group(1).strip()
            self.headings.append(prose.line)
            if not self.title:
                self.title = text
            self.solving = False
            self._new_segment(prose.line, text)
            return
        general = P.widened(prose.text)
        if general is not False:
            self.widened.append((prose.line + 0.5, general))   # after what the line assumes
            if not self.seg.empty() and self.pending is None:
                # "More generally, for inputs of either sign:": what follows is a new claim,
                # never a restatement that goes on under the assumption before it
                self._new_segment(prose.line)
        if self._case(prose):
            return
        text = P.clean(prose.text)
        if P.BREAK.match(text):
            self.solving = False
            self._new_segment(prose.line)
        if P.SOLVING.search(P.SOLVED_TAG.sub("", text)):
            self.solving = True
        self._inline(prose)
        if not self.title:
            self.title = prose.text.strip()
            return
        self.notes.append(prose)

    def _case(self, prose: Prose) -> bool:
        cases = [c for c in self.seg.cases if not c.trailing]
        if P.is_otherwise(prose.text) and cases:
            negated = [P.negate(c.when.text) for c in cases if tuple(c.also) == self.seg.given]
            if any(n is None for n in negated):
                return False
            negated = _meet(negated)
            self._open_case(Math(negated[0], prose.line), prose.text,
                            tuple(Math(n, prose.line) for n in negated[1:]))
            return True
        condition = P.case_condition(prose.text)
        if condition is None:
            return False
        if self._closes_display(prose):
            return False                 # "$$ … $$ for $0 < p < 1$.": the display's, read inline
        self._open_case(Math(condition, prose.line), prose.text)
        return True

    def _closes_display(self, prose: Prose) -> bool:
        """A condition line right after a display that ends the sentence the
        display stands in ("$$ … $$ for $\\lambda > 0$.", or lowercase with no
        `:` nor `,`: "$$ … $$ if $x \\ne 0$") is said of that display, not the
        opening of a case after it: it is read as the display's assumption or
        condition (`_inline`). "Case 1: $x > 1$" and a line ending in `:` or
        `,` still open a case."""
        text = P.clean(prose.text).strip()
        if not self.after_display or not self.branch.steps \
                or re.match(r"case\b", text, re.IGNORECASE):
            return False
        # "if $$i=j:$$": the colon (or comma) typed inside the math still ends the line so
        text = re.sub(r"([:,])\s*(\$\$?|\\\))$", r"\2\1", text)
        return text.endswith(".") or (text[:1].islower() and not text.endswith((":", ",")))

    def _open_case(self, when: Math, source: str, also: tuple[Math, ...] = (),
                   trailing: bool = False) -> None:
        seg = self.seg
        if not seg.main.steps and len(seg.cases) == 1 and not trailing \
                and _given_before_chain(seg.cases[0], self.pending is not None):
            first = seg.cases.pop()       # "For $0 < \alpha < 1$:", the chain's start, "If …:"
            seg.main.steps, seg.main.last = first.steps, first.last
            seg.given = (first.when, *first.also)
        also = tuple(seg.given) + tuple(also)
        if self.pending is not None:     # a goal followed by cases: compared with each
            self._start(self.pending)
        if self.seg.cases and self.seg.cases[-1].trailing != trailing:
            self._new_segment(when.line)
        self.seg.cases.append(Branch(when, source, also, trailing=trailing))

    def _inline(self, prose: Prose) -> None:
        """Definitions and assumptions written in inline math."""
        listing = False                     # the math before opened a definition's list
        assuming = False                    # the math before stated an assumption
        conditioned = False                 # the math before was a condition (`_condition`)
        found = P.inline_math(prose.text)
        runs = P.assumed_runs(found)        # "Let $n$, $m$ and $k$ be positive integers"
        for number, (before, math, after) in enumerate(found):
            if number in runs:
                names, flag = runs[number]
                for name in names:
                    if name not in self.said:
                        self.assumptions[name] = (flag, prose.line)
                        self.said.add(name)
                continue
            if P.STATEMENT.match(math):     # "If $P(n): \sum_k k^2 = …$": a statement named,
                continue                    # neither a definition nor a condition
            letter = P.two_sided(math) if _LET_LEAD.search(P.clean(before)) else None
            if letter is not None:      # "Let $0 < p < 1$.": a case of the section's derivations
                self.bounded.append((Math(math.strip(), prose.line), letter, prose.text))
                continue
            bounded = P.index_range(math)
            if bounded is not None and bounded[0] not in self.ranges:
                self.ranges[bounded[0]] = (bounded[1], bounded[2], prose.line)
                continue
            continued, listing = listing and P.continues_list(before), False
            math = indexed_sums(rewrite_words(math))    # `$s = sigmoid(z)$`: words.py
            if re.fullmatch(r"\\sigma\s*(?:\(\s*" + P.LETTER + r"\s*\))?", math) \
                    and re.search(r"sigmoid", before[-40:] + " " + after[:40], re.I):
                self.sigmoid = self.sigmoid or prose.line   # "σ(z) is the sigmoid"
                continue
            cued = P.assumption_cue(before) or assuming and P.continues_list(before)
            assumed = P.assumption(before, math, after) if cued else None
            assumed = assumed or P.model_bound(math)    # `$X \sim Poisson(\lambda)\ (\lambda > 0)$`
            assuming = assumed is not None      # "Let $x > 0$ and $z \ge 0$": both
            if assumed is not None:
                names, flag = assumed
                for name in names:
                    if name not in self.said:    # the prose over a guess
                        self.assumptions[name] = (flag, prose.line)
                        self.said.add(name)
                    elif any(names_ is None or name in names_ for at, names_ in self.widened
                             if at > self.assumptions.get(name, ("", 0))[1]):
                        self.reassumed.append((name, flag, prose.line))   # "Again let $z \ge 0$"
                continue
            if number == 0 and _CONDITION_LEAD.fullmatch(P.clean(before)) \
                    and _INEQUALITY.fullmatch(math):
                self._condition(Math(math, prose.line), prose)   # "given that $x \ge -1$."
                continue
            for piece in _comma_definitions(math):   # `$f=\sinh(z) , g=\cosh(z)$`: two
                parts = top_parts(piece)
                if len(parts) < 2 or not all(parts):
                    continue
                joined = conditioned and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", before)
                if len(parts) == 2 and "\\sum" in parts[0] and definition_name(parts[0]) is None \
                        and (P.assumption_cue(before) or joined
                             or re.match(r"\s*(?:because|since|as)\b", after, re.I)):
                    # "assuming $\sum_k y_k = 1$", "… and $\sum_k c_k = 1$": one case, both
                    self._condition(Math(piece, prose.line), prose, joined=bool(joined))
                    conditioned = True
                    continue
                item = P.list_item(before, after)
                listing = P.defines(before) or continued \
                    or number == 0 and P.names_math(before)   # "The mean $\mu = …$"
                if not (listing or item):
                    self._unread(parts, prose.line, piece)
                    continue
                body = parts[-1]                # `s = \sigma(x) = \frac{1}{1+e^{-x}}`: both named
                if any(definition_name(h) for h in parts[:-1]) and (not _readable(body)
                                                                    or self._matrix_body(body)):
                    self.notes.append(Prose(f"inline math not read as a definition (its right side "
                                            f"cannot be read): {piece}", prose.line))
                    continue                    # `$i=1,\dots,K, \mathbf{z}=\begin{bmatrix}…$`
                for head in parts[:-1]:
                    named = definition_name(head)
                    if named is None:
                        self._applied_definition(head, body, prose.line)
                        continue
                    if self._defined(named[0]):
                        self._redefined(named[0], body, prose.line)
                        continue
                    if mentions(body, named[0]):
                        continue
                    if re.fullmatch(r"\s*[i-n]\s*", head) and re.fullmatch(r"\s*[i-n]\s*", body):
                        continue                # "$i = j$": two indices equal, a case, never i := j
                    if not named[1] and not named[2] and not _free_letters(body) \
                            and not (named[0] not in self.used and _CLOSED_FORM.search(body)):
                        if P.gives_value(before):   # "Let $n = -1$.": not read, and not ignored
                            self.shadows.append(Shadow(named[0], prose.line, True, (
                                f"line {prose.line} gives {named[0]} the value {body.strip()}, "
                                f"which is not read: steps after it that use {named[0]} are not "
                                f"checked (write the value into the steps)")))
                        continue                # "$x = 0$": a point, not a definition
                    if item and not named[2] and named[0] in self.used:
                        continue                # "- $a = b$" about letters in use: a fact
                    self._define(named, body, Row(piece, prose.line, 0, False), "in the prose")
                    if named[0] in CHAIN.get():     # "Let $t(m) = \ln(m)$": t(m) again is t
                        self._head(head, named)

    def _let_row(self, math: str, line: float) -> bool:
        """`\\text{ Let } u = x^2 + 1; v = x + 1`: a row of the words "Let" (or
        "define", "denote") then equations, one or several joined by `;` or by a
        comma and a space, each a new name set to a value: each a definition, as
        "Let $u = …$" in the prose.  False (the row is read as before) when any
        piece is not `name = value` with a name new there."""
        pieces = [p.strip() for p in split_top(math, ";", ("\\",))]
        if len(pieces) == 1:
            pieces = _comma_definitions(math)
        found = []
        for piece in pieces:
            parts = top_parts(piece)
            named = definition_name(parts[0]) if len(parts) == 2 and all(parts) else None
            if named is None or named[1] or named[2] or self._defined(named[0]) \
                    or named[0] in self.used or not _free_letters(parts[1]) \
                    or mentions(parts[1], named[0]) or not _readable(parts[1]) \
                    or any(named[0] == other[0] for other, _ in found):
                return False
            found.append((named, parts))
        for named, parts in found:
            self._define(named, parts[1], Row(f"{parts[0]} = {parts[1]}", int(line + 0.5), 0, False),
                         "in the words")
        return True

    def _words_give(self, text: str, line: float) -> None:
        """"Now let u = x^2", "with z = 3x" in the words of a why or a text row
        (`\\intertext`): a definition where the name is new (neither defined nor
        used before) and the value reads as math; otherwise a value not read."""
        for name, body in _WORDS_GIVE.findall(_TEXT.sub(r" \1 ", text).replace("$", " ")):
            body = body.strip()
            named = definition_name(name)
            if named is not None and not named[1] and not self._defined(named[0]) \
                    and named[0] not in self.used and _free_letters(body) \
                    and not mentions(body, named[0]) and _readable(body):
                at = int(line + 0.5)
                self._define(named, body, Row(f"{name} = {body}", at, 0, False), "in the words")
                continue
            self._unread([name, body], line, f"{name} = {body}")

    def _unread(self, parts: list[str], line: float, text: str) -> None:
        """`name = expression` said where no definition is read ("Here …. The
        sample mean $\\mu = …$", a why, `\\intertext{Now let $u = x^2$.}`): kept,
        so that a name never defined is not taken for a free constant after it."""
        for head in parts[:-1]:
            named = definition_name(head)
            body = parts[-1]
            if named is None or named[1] or mentions(body, named[0]) \
                    or not _free_letters(body) \
                    or re.fullmatch(r"\s*[i-n]\s*", head) and re.fullmatch(r"\s*[i-n]\s*", body):
                continue
            self.unread.append((named[0], line, text.strip()))

    def _applied_definition(self, head: str, body: str, line: int,
                            where: str = "in the prose") -> None:
        """`\\sigma(z_i) = \\frac{1}{1 + e^{-z_i}}` in the prose: a function applied to
        one subscripted letter that its body uses defines the function, with
        that argument as its variable (`\\sigma(t) = \\frac{1}{1 + e^{-t}}`).
        `h_\\theta(x^{(i)}) = …` (the model at sample i) defines h_θ(x), with x
        for x^{(i)}, where the body uses no other x."""
        applied = applied_head(head)
        if applied is None:
            return
        named = definition_name(f"{applied.function}(t)")
        if named is None or self._defined(named[0]) or not applied.argument.search(body) \
                or mentions(body, named[0]):
            return
        plain = r"(?<![\\A-Za-z])" + applied.letter + r"(?![A-Za-z])"
        if applied.sample and not re.search(plain, applied.argument.sub(" ", body)):
            letter = applied.letter             # `x^{(i)}` -> x, as the steps after write it
        else:
            letter = next(c for c in "tuvsrq"
                          if not re.search(r"(?<![\\A-Za-z])" + c + r"(?![A-Za-z])", body))
        generic = applied.argument.sub(letter, body)
        if re.search(r"(?<![\\A-Za-z])" + re.escape(applied.index) + r"(?![A-Za-z])", generic):
            return                          # the index is used otherwise too: not one variable
        named = (named[0], (letter,), True)
        self._define(named, generic, Row(head, line, 0, False),
                     f"{where}, `{head.strip()}` for any `{applied.letter}`")
        self._head(f"{applied.function}({letter})", named)

    def _condition(self, when: Math, prose: Prose, joined: bool = False) -> None:
        """A condition in the prose ("assuming $\\sum_k y_k = 1$", "given that
        …", "$…$ because …"): a case around the derivation it stands by: the
        next one when a lead-in ("Assuming", "Given", "For", "If", …) opens a
        sentence that runs on into the display (it ends with `:`, `,` or a
        word), else the one just before when the prose follows its display at
        once; otherwise it is said, not applied."""
        seg = self.seg
        if joined and seg.cases and seg.cases[-1].source == prose.text:
            seg.cases[-1].also += (when,)    # "Assuming $A$ and $B$, …": the same case
            return
        # "Assuming $…$:" or "Assuming $…$, the gradient is" (a sentence that runs on
        # into the display): the next derivation's case
        leads = _LEAD_IN.match(P.clean(prose.text)) is not None \
            and not re.search(r"[.?!]\s*$", P.clean(prose.text)) and self.display_ahead
        if not leads and seg.main.steps and not seg.cases and self.after_display \
                and not any(s.unchecked for s in seg.main.steps):
            seg.cases.append(Branch(when, prose.text, steps=seg.main.steps, last=seg.main.last))
            seg.main = Branch(None)
            seg.conditioned = True
            return
        if not leads:
            return                           # no lead-in to a derivation: said, not applied
        self._new_segment(prose.line)
        self.seg.cases.append(Branch(when, prose.text))
        self.seg.conditioned = True

    # -- rows
    def _row(self, row: Row) -> None:
        self.line = row.line
        text = chain_primes(row.text)
        known = _KNOWN_DEFINED.match(text)
        if known:                       # `\\tanh x := …`: a claim about tanh, checked
            text = text[:known.start(1)] + "=" + text[known.end(1):]
        for head, bare in self.heads:
            text = head.sub(lambda m: bare, text)
        if text != row.text:
            row = Row(text, row.line, 0, row.starts_with_equals)
        body, raw_why = split_why(row.text)
        body = self._unboxed(indexed_sums(body))
        beside = side_by_side(body) if not row.starts_with_equals and not raw_why else None
        if beside is not None:          # `u = x^2, \; u' = 2x`: one row each
            for piece in beside:
                self._row(Row(piece, row.line, 0, False))
            return
        lead = _LEAD_WORD.match(body)
        if lead and "=" in body[lead.end():] and not row.starts_with_equals:
            body, raw_why = body[lead.end():], raw_why or f"\\text{{{lead.group(1)}}}"
        label = _STATEMENT_LABEL.match(body)
        if label and "=" in body[label.end():] and ":" not in body[label.end():] \
                and not row.starts_with_equals:
            body, raw_why = body[label.end():], raw_why or label.group(1)
        if _OVERSET.search(body):
            self._overset(row, body, raw_why)
            return
        arrow = _ARROW.search(body)
        if arrow and self._implied_chain(row, body):
            return
        parts_here = top_parts(body) if not arrow else []
        self.arrow_parts = {_norm(p) for p in parts_here if p} if len(parts_here) > 1 else set()
        before = top_parts(body[:arrow.start()]) if arrow else []
        if arrow and not row.starts_with_equals and len(before) > 1 and all(before) \
                and (_DERIVATIVE_HEAD.match(before[0]) or _PRIMED.fullmatch(before[0])) \
                and not _ARROW.search(body[:arrow.start()]):
            # `\frac{d\ell}{d\lambda} = \frac{\sum x_i}{\lambda} - n = 0 \implies \hat\lambda = \bar X`:
            # the derivative before the arrow is a chain; what follows the arrow is solving
            self._row(Row(body[:arrow.start()].rstrip(), row.line, row.column, False, row.breaks))
            if not _ARROW.sub("", body[arrow.start():]).strip():
                return          # `… = \frac{d(…)}{dx} \Rightarrow` at a row's end: the next row says
            self._unchecked(row, body[arrow.start():], raw_why, "equation solving (an implication "
                            f"`{arrow.group()}` between equations)")
            self.solving = True
            return
        if arrow:
            self._settle_pending()
            self._unchecked(row, body, raw_why, "equation solving (an implication "
                            f"`{_ARROW.search(body).group()}` between equations)",
                            new=not row.starts_with_equals)
            self.solving = True
            return
        because = _BECAUSE.match(body)
        if because and not row.starts_with_equals and body[because.end():].strip():
            self._because(row, body[because.end():].strip())
            return
        updated = update_rule(body) if not row.starts_with_equals else None
        if updated is not None:
            self._settle_pending()
            parts = top_parts(body)
            tail = len(parts)
            while tail > 1 and parts[tail - 1] and not _LETTER_IN.search(
                    _ARITHMETIC.sub(" ", parts[tail - 1])):
                tail -= 1
            # numbers at the end: checked as arithmetic (one number alone starts the chain
            # that the next `= …` rows go on with: `θ := θ - α g = 1.5 - 0.25 \cdot 4`, `= 0.5`)
            updated, operator = updated
            split = operator in ("=", ":=")         # `=` splits the update into parts
            arithmetic = len(parts) - tail >= 1 and tail >= (2 if split else 1)
            self._unchecked(row, " = ".join(parts[:tail + 1]) if arithmetic else body,
                            "" if arithmetic else raw_why,
                            f"an update rule (`{updated}` set from its own value): an "
                            "assignment, not an identity", new=True)
            if arithmetic:          # `… = 0.5 - 0.1 \cdot 0.069 = 0.4931`: checked as arithmetic
                self._new_segment(row.line)
                self._step(row, " = ".join(parts[tail:]), raw_why, column=0)
            return
        let = _LET_ROW.fullmatch(body) if not row.starts_with_equals else None
        if let is not None and self._let_row(let.group(1), row.line):
            self._unchecked(row, body, "", "words that give names values (`\\text{Let} u = …`), "
                            "not a step", new=True)
            return
        if _WORDED_ROW.fullmatch(body):          # `\text{with } z = 3x:`: words, with math
            self._words_give(body, row.line)
            self._unchecked(row, body, "", "words that lead in to the next row (a row of "
                            "`\\text{…}` and math), not a step", new=True)
            self.why = clean_why(body).rstrip(":").strip()
            return
        if _TEXT_ONLY.fullmatch(body) and re.search(r"\w\s+\w|:", body):       # `\text{using the chain rule:}`: the next why
            self.why = clean_why(body).rstrip(":").strip()
            self._words_give(body, row.line)
            return
        if not row.starts_with_equals:
            self.outside_head = None
        if _OUTSIDE.search(body):
            self._outside(row, body, raw_why)
            return
        trailing = (_TRAILING.match(body) or _TRAILING_WORDED.match(body)) \
            if "=" in body or "\\ne" in body else None
        if trailing is not None and top_parts(trailing.group("body"))[1:] \
                and any(top_parts(trailing.group("body"))[1:]):
            body = trailing.group("body")
        else:
            trailing = None
        parts = top_parts(body)
        if len(parts) > 1 and not parts[-1] and any(parts[:-1]):
            body = body.rstrip()[:-1].rstrip()   # `= a =`: the chain goes on at the next row
            parts = parts[:-1]
        if not any(parts):
            self.notes.append(Prose(f"an empty row, skipped: {row.text}", row.line))
            return
        if trailing is not None and row.starts_with_equals and not parts[0].strip():
            # `&= 3x^2 \quad \text{for } x > 0`: the chain's next row, under its own
            # condition: a case that goes on from the chain's last expression (the
            # rows after it, until the next condition, go on in that case)
            if self.pending is not None:
                self._start(self.pending)
            when = Math(_trailing_condition(trailing, row), row.line)
            host = self.seg.cases[-1] if self.seg.cases else None
            main = self.seg.main
            chain = main.steps and not main.broken
            group = None
            if host is not None and not host.trailing and (
                    host.inner or (host.steps and not host.broken) or (not host.steps and chain)):
                # "If $x < 0$:", then `&= -|y|`, `&= y \quad \text{for } y < 0`: a case
                # inside the prose case, going on from the prose case's last expression
                # (the chain's, where the prose case has no row yet)
                group, also = host.inner, ()
            elif chain and (host is None or host.trailing):
                group, also = self.seg.cases, tuple(self.seg.given)
            if group is not None:
                group.append(Branch(when, row.text, also, trailing=True))
                self._step(row, "= " + " = ".join(parts[1:]), raw_why, column=0)
                self._why_definition(raw_why, row)
                return
            if not self.seg.empty():
                self._new_segment(row.line)
            self.branch.steps.append(Step(
                Math(body, row.line, column=row.column), clean_why(raw_why),
                unchecked="nothing before it to compare it with (the row begins with `=`, "
                          f"under the condition `{when.text}`)",
                unsure=True))
            self.branch.broken = True
            return
        if trailing is not None:
            self._settle_pending()
            same = self.seg.cases and self.seg.cases[-1].trailing \
                and _norm(parts[0]) == _norm(self.seg.start)
            if not same:                     # the group's left side is its start
                self._new_segment(row.line)
                self._step(row, parts[0], "")
            self._open_case(Math(_trailing_condition(trailing, row), row.line), row.text,
                            trailing=True)
            self._step(row, "= " + " = ".join(parts[1:]), raw_why, column=0)
            self._why_definition(raw_why, row)
            return
        if row.starts_with_equals:
            if self.pending is None and self.seg.empty() and len(self.segments) > 1:
                self.segments.pop()          # "Next, …" then `= …`: the chain goes on
            if self.pending is not None and self.solving \
                    and re.fullmatch(P.LETTER + r"(?:_\s*(?:\{[^{}]*\}|\w))?",
                                     split_why(self.pending.text)[0].strip()):
                pending, self.pending = self.pending, None   # "Isolate $a$:" `a = …`
                self._unchecked(pending, split_why(pending.text)[0], "",
                                "equation solving (the letter solved for, after \"solve\", "
                                "\"isolate\" or \"set … to zero\")", new=True)
            if self.pending is not None:
                self._start(self.pending)
            if self.branch.broken and self.branch.outside:
                self._after_outside(row, body, raw_why)
            elif self.branch.broken:
                self._unchecked(row, body, raw_why, "it continues a row that is not checked")
            elif self.solving and self.branch.steps \
                    and _SET_TO_ZERO.fullmatch(split_why(body)[0]):
                # "Equate the gradient to $0$:", a chain over rows, then a row `= 0`: its
                # links are checked, setting it to 0 is not (as within one row)
                self._unchecked(row, body, raw_why, "equation solving (the expression set to 0)")
            else:
                self._step(row, body, raw_why)
            self._why_definition(raw_why, row)
            return
        self._settle_pending()
        if len(parts) == 1:
            self.pending = row
            self._why_definition(raw_why, row)
            return
        if self._main_definition(parts, row, raw_why):
            return
        if parts[0] and _norm(parts[0]) in {_norm(h) for h in self.display_heads} \
                and not self.branch.broken and self.branch.steps:
            # `J(w_1, w_2, b) &= …` closing the align that defined J: the chain goes on
            self.notes.append(Prose(f"`{parts[0].strip()}` restates the chain's left side: "
                                    "the rest of the row continues the chain", row.line))
            self._step(row, "= " + " = ".join(parts[1:]), raw_why, column=0)
            return
        if self._named_square(parts, row, raw_why) or self._named_log(parts, row, raw_why) \
                or self._named_statement(parts, row, raw_why) \
                or self._named_letter(parts, row, raw_why):
            return
        if label_name(parts[0]) is not None:
            if len(parts) > 2 and all(parts[:-1]) and _ZERO.fullmatch(parts[-1]):
                # `\frac{d\ell}{d\lambda} = -n + \frac{\sum x_i}{\lambda} = 0`: a derivative's
                # chain that ends in `= 0` sets it to zero, with or without words saying so
                # ("Setting the derivative to zero:", "微分 = 0"): its links are checked,
                # the `= 0` is solving, never a failed identity
                self._labelled(row, parts[:-1], "")
                self._unchecked(row, "= " + parts[-1], raw_why,
                                "equation solving (the expression set to 0)")
                return
            self._labelled(row, parts, raw_why)
            return
        if not self._continues(parts[0]):
            if not self.branch.broken or self._after_update():   # rows of one solving stay together
                self._new_segment(row.line)
            solving = self.solving
            reason = self._solving(parts)
            if solving and not self.solving and self.branch.broken:
                self._new_segment(row.line)  # a derivative after the solving: its own
            if reason and _readable(body):
                if len(parts) > 2 and all(parts[:-1]) and _ZERO.fullmatch(parts[-1]):
                    # `\frac{\partial L}{\partial w} = -2 \sum_i … = 0` after "set to 0":
                    # the derivative is checked, setting it to 0 is not
                    self._step(row, " = ".join(parts[:-1]), "")
                    self._unchecked(row, "= " + parts[-1], raw_why,
                                    "equation solving (the expression set to 0)")
                    return
                self._unchecked(row, body, raw_why, reason)
                return
        elif self.solving and len(parts) > 2 and _ZERO.fullmatch(parts[-1]) \
                and _readable(body):
            # "Putting it equal to zero:" `-\frac{n}{\theta} + … = 0`, restating the chain:
            # its links are checked, setting it to 0 is not
            self._step(row, " = ".join(parts[:-1]), "")
            self._unchecked(row, "= " + parts[-1], raw_why, "equation solving (the expression set to 0)")
            return
        elif self.solving and len(parts) == 2 and _ZERO.fullmatch(parts[-1]) \
                and _readable(body):
            self._unchecked(row, body, raw_why, "equation solving (the expression set to 0)")
            return
        self._step(row, body, raw_why)
        self._why_definition(raw_why, row)

    def _unboxed(self, body: str) -> str:
        """`\\boxed{\\frac{d \\tanh z}{dz} = 1 - \\tanh^2 z = …}` as a whole row: a box
        around a chain (two `=` or more) or around one equation that opens with
        a derivative only marks the result, so its equations are the row, when
        every letter in it is one the steps used before. A box that brings a
        new letter (`… = \\hat{y}(1 - \\hat{y})`, `\\hat{y}` never written before)
        names it rather than derives it, and a box around `name = value`
        (`\\boxed{dw = …}`, the result restated) stays one expression."""
        box = _BOX.fullmatch(body)
        if box is None or _unbalanced(box.group(1)):
            return body
        inner = box.group(1)
        links = len(re.findall(r"(?<![\\<>!])=", _flat(inner)))
        if not links or (links == 1 and not _DERIVATIVE_HEAD.match(inner)
                         and not re.match(r"[^=]*(?:'|\\prime(?![A-Za-z])|\\partial(?![A-Za-z]))",
                                          inner)):
            return body
        letters = {m.group(3) for m in _TOKEN.finditer(inner) if m.group(3)} - {"d", "e"}
        if letters - self.used or re.search(_ACCENTED, inner) and not any(
                _norm(a.group()) in _norm(s.math.text) for a in re.finditer(_ACCENTED, inner)
                for seg in self.segments for b in seg.branches() for s in b.steps):
            return body
        return inner

    def _overset(self, row: Row, body: str, raw_why: str) -> None:
        """`a \\overset{\\text{chain rule}}{=} b`: the note is the link's reason,
        the link an `=`; `a \\overset{\\text{set}}{=} 0` (or `\\stackrel{!}{=}`)
        sets `a` equal to a value: `a` is checked as a row of its own, the link
        after it is equation solving, and so are the new equations after it."""
        over = _OVERSET.search(body)
        note = clean_why(over.group(1))
        if not _SETTING.fullmatch(note):
            why = raw_why or (f"\\text{{{note}}}" if note and "{" not in note else "")
            text = body[:over.start()] + "=" + body[over.end():]
            self._row(Row(text + (" \\quad | " + why if why else ""), row.line, row.column,
                          row.starts_with_equals))
            return
        before, after = body[:over.start()].rstrip(), body[over.end():].strip()
        reason = f"equation solving (`{over.group().strip()}` sets the expression equal " \
                 "to a value)"
        if not before.strip() or (before.lstrip().startswith("=") and not before.strip()[1:]):
            self._unchecked(row, body, raw_why, reason, new=not row.starts_with_equals)
        else:
            self._row(Row(before, row.line, row.column, row.starts_with_equals, row.breaks))
            if self.pending is not None and self.pending.line == row.line \
                    and self.pending.text == before.lstrip().removeprefix("=").strip():
                pending, self.pending = self.pending, None
                self._unchecked(row, f"{pending.text} = {after}", raw_why, reason, new=True)
            else:
                self._unchecked(row, "= " + after, raw_why, reason)
        self.solving = True

    def _outside(self, row: Row, body: str, raw_why: str) -> None:
        """A row with math derive-ce does not read (`\\int`, `\\mathbb{E}`,
        `\\dots`, `\\approx`, ...): the links that touch it are not checked,
        with the reason; the links before and after it still are."""
        parts = top_parts(body)
        bad = [n for n, p in enumerate(parts) if _OUTSIDE.search(p)]
        first, last = bad[0], bad[-1]
        found = _OUTSIDE.search(parts[first])
        from derive_ce.read.latex.parser import OUT_OF_SCOPE   # lark: not on the cached path
        reason = OUT_OF_SCOPE["dots"].replace("\\dots", "...") if found.group(2) else \
            (f"`{found.group(3).strip()}` is a probability given a parameter (a conditional "
             "bar), which is not read: derive-ce checks algebra, sums and derivatives")\
            if found.group(3) else \
            (f"`{found.group(4).strip()}` names a distribution, which is not read: write its "
             "formula") if found.group(4) else \
            ("`\\sim` states a distribution, which is not a step") if found.group(5) else \
            (f"`{found.group(6).strip()}` is a divergence between distributions, which is not "
             "read: derive-ce checks algebra, sums and derivatives") if found.group(6) else \
            (f"`{found.group(7).strip()}` is the probability of an event, which is not read: "
             "write its value") if found.group(7) else \
            ("`E[…]` (or `E(X)`) is an expectation, which is not read: derive-ce checks "
             "algebra, sums and derivatives") if found.group(8) else \
            _EXPECTATION if found.group(1) is None else OUT_OF_SCOPE.get(
            found.group(1), f"`\\{found.group(1)}` is not read: derive-ce checks steps joined by `=`")
        if first >= 2:                        # `a = b = \int …`: a = b is checked
            self._row(Row(" = ".join(parts[:first]), row.line, row.column,
                          row.starts_with_equals))
            start = first - 1
        else:
            start = 0
            if row.starts_with_equals and self.pending is not None:
                self._start(self.pending)
            elif not row.starts_with_equals:
                self._settle_pending()
        named = definition_name(parts[0]) if first == 1 and not row.starts_with_equals else None
        if named is not None and not self._defined(named[0]):
            # `\mathrm{LL}(p) = \log \mathrm{p}(y|p)`, then `= \log {n \choose y} + …`:
            # the head is defined by the first expression that can be read
            self.outside_head = (named, parts[0])
        chunk = " = ".join(parts[start:last + 2])
        new = start == 0 and not row.starts_with_equals
        self._unchecked(row, chunk.strip() if chunk.strip() else body, "" if last + 1 < len(parts)
                        else raw_why, reason, new=new)
        rest = parts[last + 1:]
        if rest:
            self._outside_definition(rest[0], row)
        if len(rest) > 1:                     # `\int … = a = b`: a = b is checked
            self._step(row, " = ".join(rest), raw_why, column=0)
        elif rest:                            # `\int … = a`, then `= b`: a = b is checked
            self.pending = Row(rest[0], row.line, 0, False)
        else:                                 # `= b` on the next row: not checked
            self.branch.outside = reason

    def _outside_definition(self, body: str, row: Row) -> None:
        """The head of a row whose next link is not read, defined by the first
        expression after it that can be read (and does not use the head)."""
        pending, self.outside_head = self.outside_head, None
        if pending is None or not body or self._defined(pending[0][0]) \
                or mentions(body, pending[0][0]) or _OUTSIDE.search(body) or not _readable(body):
            return
        self._define(pending[0], body, row, f"{pending[1].strip()}, through a link not read")
        self._head(pending[1], pending[0])

    def _after_outside(self, row: Row, body: str, raw_why: str) -> None:
        """`= b = c` after a row that ends in math not read: `= b` is not
        checked (for that reason), `b = c` is."""
        parts = top_parts(body)
        reason = self.branch.outside
        self._outside_definition(parts[1], row)
        self._unchecked(row, "= " + parts[1] if len(parts) > 2 else body,
                        "" if len(parts) > 2 else raw_why, reason)
        if len(parts) > 2:
            self._step(row, " = ".join(parts[1:]), raw_why, column=0)
        else:
            self.pending = Row(parts[1], row.line, 0, False)

    def _labelled(self, row: Row, parts: list[str], raw_why: str) -> None:
        """`s'(x) = \\frac{d}{dx}(…) = …`, `\\frac{\\partial L}{\\partial a} = …`: when
        the notes never define nor declare `s` or `L`, the chain's first
        expression is the name of what it computes, not a derivative; the
        chain is checked from its second expression (decided in
        `derivations`, once every definition of the notes is known)."""
        if not self._continues(parts[0]) and not self.branch.broken:
            self._new_segment(row.line)
        self._step(row, " = ".join(parts), raw_why)
        self.labels.append((self.branch.steps, len(self.branch.steps) - 1,
                            label_name(parts[0]), parts))

    def _because(self, row: Row, remark: str) -> None:
        """`\\because \\ln(1) &= 0` between the rows of a chain: the reason for the next
        step, not a step of the chain.  Reported as not checked (a derivation of its own,
        so the chain goes on past it) and kept as the next step's why."""
        saved, pending = self.segments.pop(), self.pending
        self.pending = None
        self.segments.append(Segment("", row.line))
        self._unchecked(Row(remark, row.line, 0, False), remark, "",
                        "a reason (`\\because …`) for the next step, not a step of the chain")
        self.segments.append(saved)
        self.pending = pending
        self.why = "because " + clean_why(remark)

    def _after_update(self) -> bool:
        """The last row was an update rule: a new equation after it is a derivation of its own."""
        steps = self.branch.steps
        return bool(steps) and (steps[-1].unchecked or "").startswith("an update rule")

    def _implied_chain(self, row: Row, body: str) -> bool:
        """`\\Rightarrow f'(x) = \\frac{e^{x}}{1 + e^{x}} \\Rightarrow` after a chain that
        holds f'(x) (`\\frac{dy}{dx} = f'(x) = …`): an equation whose left side is
        an expression of the chain just read says its right side equals that
        chain, so it is checked as the chain's next step (`= \\frac{e^{x}}{1 + e^{x}}`).
        Only for a row that opens with the arrow, each equation's left side one
        already in the chain; anything else stays equation solving."""
        pieces = [p.strip() for p in _ARROW.split(body)]
        if pieces[0] or not self.arrow_parts or self.branch.broken:
            return False
        known, chained = set(self.arrow_parts), []
        for piece in (p for p in pieces if p):
            parts = top_parts(piece)
            if len(parts) < 2 or not all(parts) or _norm(parts[0]) not in known:
                return False
            chained.append("= " + " = ".join(parts[1:]))
            known |= {_norm(p) for p in parts}
        if not chained:
            return False
        self.solving = False
        for text in chained:
            self._row(Row(text, row.line, 0, True))
            if self.branch.broken:
                break
        self.arrow_parts = known
        return True

    def _continues(self, first: str) -> bool:
        branch = self.branch
        if branch is not self.seg.main and not branch.steps:
            return True                      # a case's first row: against the chain
        if branch.broken:
            return False
        return bool(first) and _norm(first) in (_norm(branch.last), _norm(self.seg.start))

    def _solving(self, parts: list[str]) -> str:
        """Why a new equation is equation solving, not an identity ("" when it is one)."""
        if self.solving and _DERIVATIVE_HEAD.match(parts[0]) \
                and not any(_ZERO.fullmatch(p) for p in parts):
            # `\frac{\partial^2 \ell}{\partial p^2} = …` after the solving: a new
            # derivative, an identity again (it closes the solving)
            self.solving = False
            return ""
        named = definition_name(parts[0]) if self.solving and len(parts) == 2 else None
        if named is not None and named[2] and named[1] and self._defined(named[0]):
            # `h(x) = \sqrt{3x^5 + 2x - 4}` while solving, h defined before: another h,
            # so h's first body is never used for the steps after it
            self._redefined(named[0], parts[1], self.line)
        if self.solving:
            return "equation solving (an equation after \"solve\", \"set … to zero\" " \
                   "or an implication)"
        sides = [p for p in parts if p]
        if len(sides) == 2:
            zero = [s for s in sides if _ZERO.fullmatch(s)]
            if zero and _free_letters(next(s for s in sides if s not in zero) if len(zero) == 1
                                      else ""):
                self.solving = True
                return "equation solving (an equation set to 0)"
            number = [s for s in sides if re.fullmatch(r"-?\d+(?:\.\d+)?", s)]
            other = [s for s in sides if s not in number]
            if len(number) == 1 and other and _free_letters(other[0]) \
                    and not _DERIVATIVE.search(other[0]) and "\\" not in other[0]:
                self.solving = True
                return "equation solving (an equation in unknowns, as in a system)"
        return ""

    def _settle_pending(self) -> None:
        if self.pending is not None:
            self.notes.append(Prose(f"goal (one expression, no step): {self.pending.text}",
                                    self.pending.line))
            self.pending = None

    def _start(self, row: Row) -> None:
        """A lone expression that the next row continues: the chain's start
        (a new derivation unless it is the chain's own last expression, or
        a case's first row)."""
        self.pending = None
        body, raw_why = split_why(row.text)
        if not self._continues(body) and not self.seg.empty():
            self._new_segment(row.line)
        why, self.why = self.why, ""         # a text-only row after it is the next step's
        self._step(row, body, raw_why)
        self.why = why
        if label_name(body) is not None and len(top_parts(body)) == 1:
            self.labels.append((self.branch.steps, len(self.branch.steps) - 1,
                                label_name(body), [body]))

    def _step(self, row: Row, body: str, raw_why: str, column: int | None = None) -> None:
        self.line = row.line
        self._see(body)
        step = Step(Math(body, row.line, column=row.column if column is None else column,
                         breaks=_breaks(row, body) if column is None else ()),
                    clean_why(raw_why) or self.why)
        self.why = ""
        branch = self.branch
        if not self.seg.start and branch is self.seg.main and not branch.steps:
            self.seg.start = top_parts(body)[0] or top_parts(body)[-1]
        branch.steps.append(step)
        branch.last = top_parts(body)[-1]
        branch.broken = False
        branch.outside = ""

    def _unchecked(self, row: Row, body: str, raw_why: str, reason: str,
                   new: bool = False) -> None:
        if new and not self.branch.broken and not self._continues(top_parts(body)[0]):
            self._new_segment(row.line)
        self._see(body)
        self.branch.steps.append(Step(Math(body, row.line, column=row.column,
                                           breaks=_breaks(row, body)),
                                      clean_why(raw_why), unchecked=reason))
        self.branch.broken = True
        self.branch.outside = ""

    # -- definitions
    def _main_definition(self, parts: list[str], row: Row, raw_why: str) -> bool:
        """`\\text{Loss} = …` (or `:=`) naming something not yet defined,
        not used in its own body (and, for a single letter, not used
        before).  It starts a derivation of its own: the definition's
        continuation rows (`= …`) are checked against its body."""
        named = definition_name(parts[0])
        applied = applied_head(parts[0]) if named is None and len(parts) == 2 else None
        if applied is not None and parts[1]:
            # `$$f(x_i) = \frac{1}{\sigma\sqrt{2\pi}} e^{…}$$`: f applied to one subscripted
            # letter its body uses defines f (as in the prose), never a claim about an unknown f
            self._applied_definition(parts[0], parts[1], row.line, "in a display")
            name = definition_name(f"{applied.function}(t)")
            if name is not None and self._defined(name[0]):
                self._new_segment(row.line, f"definition of {name[0]}")
                return True
        if named is None or not parts[1] or self._defined(named[0]) \
                or any(mentions(p, named[0]) for p in parts[1:]) or self._matrix_body(parts[1]):
            return False
        single = not named[1] and not named[2] and re.fullmatch(P.LETTER, parts[0].strip())
        if single and named[0] in self.used:
            return False
        if not named[0].isascii() and self._mentioned(named[0]):
            return False                 # `\hat y` used before: a claim, as for a letter
        self._new_segment(row.line, f"definition of {named[0]}")
        used = set(self.used)           # before this row: its own body is no earlier use
        self._define(named, parts[1], row, "")
        self._head(parts[0], named)
        self._aliases(parts, row, used)
        self._why_definition(raw_why, row)
        self._step(row, " = ".join(parts[1:]), "", column=0)
        return True

    def _aliases(self, parts: list[str], row: Row, used: set[str]) -> None:
        """`y = softplus(x) = f(x) = \\log(1 + e^{x})`, `y = f(x) = \\tanh x`,
        `y = g(x) = \\ln(1 + x^2)`: a function head in the middle of a definition's
        chain (right after the defined name: a letter's, `f(x)`), of a name neither
        defined nor used before (`used`: the names seen before the row), nor a
        known function (softplus keeps its meaning), is another name for the
        chain's last expression (f(x) = log(1 + eˣ)), not an unknown function.
        The chain is still checked link by link."""
        body = parts[-1]
        for middle in parts[1:-1]:
            named = definition_name(middle)
            if named is None or not named[2] or not named[1] or self._defined(named[0]) \
                    or named[0].lower() in KNOWN_FUNCTIONS \
                    or named[0] in used or self._mentioned(named[0]) \
                    or middle is parts[1] and not re.fullmatch(r"[A-Za-z]", named[0]) \
                    or any(mentions(p, named[0]) for p in parts if p is not middle) \
                    or not _readable(body):
                continue
            self._define(named, body, Row(f"{middle} = {body}", row.line, 0, False),
                         "in a display, another name in a definition's chain")
            self._head(middle, named)

    def _subscripted_head(self, name: str) -> None:
        """`f_N(x) = …`: a function named f_N, written `\\operatorname{f_N}` for the
        checker wherever it is applied after this."""
        base, sub = name.split("_", 1)
        letter = ("\\" + base) if len(base) > 1 else base
        pattern = re.compile(r"(?<![\\A-Za-z])" + re.escape(letter) + r"\s*" + subscript_pattern(sub)
                             + r"(?=\s*(?:\\left\s*)?\()")
        if all(p.pattern != pattern.pattern for p, _ in self.heads):
            self.heads.append((pattern, f"\\operatorname{{{name}}}"))

    def _head(self, head: str, named) -> None:
        """`J(w_1, w_2, b) = …` names the loss of those variables: written
        again with the same arguments, `J(w_1, w_2, b)` is `J`."""
        head = re.sub(r"\\[,;:! ]|\\q?quad(?![A-Za-z])", " ", head).strip()
        self.display_heads += (head,)   # `J(…) &= …` at the align's end restates its chain
        if named[2] and "_" in named[0]:
            return                      # `f_N(x) = …`: _define wrote its head (_subscripted_head)
        if named[1] or named[2] or "(" not in head:
            return
        bare = head[:head.index("(")].strip()
        bare = re.sub(r"\\left\s*$", "", bare).strip()
        self.display_heads += (bare,)
        if named[0] in CHAIN.get():
            self.notes.append(Prose(f"`{head}` read as the value `{bare}` (a link of a chain "
                                    "of inner functions)", self.line))
        pattern = r"\s*".join(re.escape(c) for c in re.sub(r"\s+", "", head.strip()))
        self.heads.append((re.compile(pattern + r"(?![A-Za-z])"), bare))

    def _named_square(self, parts: list[str], row: Row, raw_why: str) -> bool:
        """`\\hat{\\sigma}^2 = \\frac{1}{n} \\sum_i (y_i - \\bar{y})^2`: the square of a
        name that is neither defined nor used before, and not in the body,
        can equal no expression free of it: the row says what the name is.
        That link is not checked (with the reason); rows `= …` after it are
        checked against the body."""
        square = re.fullmatch(r"\s*(.+?)\s*\^\s*(?:2|\{\s*2\s*\})\s*(_\s*(?:\{[^{}]*\}|\w))?\s*",
                              parts[0])            # `\sigma_j^2`, `\sigma^2_j` too
        named = definition_name(square.group(1) + (square.group(2) or "")) if square else None
        if named is None or named[2] or not parts[1] or self._defined(named[0]) \
                or any(mentions(p, named[0]) for p in parts[1:]) or self._mentioned(named[0]) \
                or (named[0].isascii() and named[0] in self.used):
            return False
        self._new_segment(row.line, f"{parts[0].strip()}")
        self._stated(parts, row, raw_why, "used before, so this row states what it is (the square "
                     "of a name is not defined: define the name itself to use it)")
        return True

    def _named_log(self, parts: list[str], row: Row, raw_why: str) -> bool:
        """`\\ln (L) = n \\bar{x} \\ln(\\theta) + …` (the log-likelihood stated, L never
        defined): the log of a letter that is neither defined nor used in a checked
        step before, and not in the body, says what the letter is, its exponential:
        L is e^{(body)}.  That link is not checked (with the reason); rows `= …`
        after it are checked against the body, and later steps read L (and
        `\\frac{d \\ln L}{d\\theta}`) with that value."""
        match = _LOG_OF_LETTER.fullmatch(parts[0])
        if match is None or not parts[1] or self.solving:
            return False
        letter = match.group(1) or match.group(2)
        named = definition_name(letter)
        if named is None or named[1] or named[2] or self._defined(named[0]) \
                or named[0] in self.objects or named[0] in self.assumptions \
                or any(mentions(p, named[0]) for p in parts[1:]) or not _free_letters(parts[1]) \
                or any(mentions(s.math.text, named[0]) for seg in self.segments
                       for b in seg.branches() for s in b.steps if not s.unchecked):
            return False
        self._new_segment(row.line, parts[0].strip())
        self._define(named, f"e^{{{parts[1].strip()}}}", row,
                     "the exponential of its log, stated in a display")
        self._stated(parts, row, raw_why, "declared, so this row states what it is (its log: "
                     f"{letter.strip()} is read as the exponential of the right side)")
        return True

    def _named_letter(self, parts: list[str], row: Row, raw_why: str) -> bool:
        """`f = \\left(\\theta_0+\\theta_1x\\right)` after "Where,", `f` used in a step
        before: a letter in use is not defined by a later row (a definition comes
        before the letter's first use or from the prose), and as a claim about
        a free `f` it could never hold (no expression free of `f` equals it).
        The row says what `f` is: that link is not checked (with the reason);
        rows `= …` after it are checked against the body."""
        named = definition_name(parts[0])
        if named is None or named[1] or named[2] or len(parts) != 2 or not parts[1] \
                or self.solving or not re.fullmatch(r"\s*" + P.LETTER + r"\s*", parts[0]) \
                or self._defined(named[0]) or named[0] not in self.used \
                or named[0] in self.objects or named[0] in self.assumptions \
                or mentions(parts[1], named[0]) or not _free_letters(parts[1]) \
                or self._continues(parts[0]):
            return False
        self._new_segment(row.line, parts[0].strip())
        self._stated(parts, row, raw_why, "declared, and it is used before this row, so the row "
                     "states what it is or solves for it (a letter in use is not defined by a "
                     "later row: define it in the prose or before its first use)")
        return True

    def _named_statement(self, parts: list[str], row: Row, raw_why: str) -> bool:
        """`\\mathcal{L}_{\\text{NLL}} = - \\sum_i …`, `D_{kl} = …`: a name the reader
        cannot define (a styled letter, a text subscript), never defined nor
        declared and not in the body, can equal no expression free of it: the
        row says what the name is. That link is not checked (with the reason);
        rows `= …` after it are checked against the body."""
        lone = _LONE_NAME.fullmatch(parts[0])
        if lone is None or definition_name(parts[0]) is not None or not parts[1] or self.solving \
                or any(_norm(parts[0]) in _norm(p) for p in parts[1:]) \
                or any(_norm(parts[0]) == _norm(d.body.text) for d in self.definitions):
            return False
        if not self._continues(parts[0]) and not self.branch.broken:
            self._new_segment(row.line)
        self._stated(parts, row, raw_why, "declared, so this row states what it is (a styled name "
                     "is not defined here: name it with a letter or `\\text{…}` to use it in a step)")
        return True

    def _stated(self, parts: list[str], row: Row, raw_why: str, reason: str) -> None:
        """`name = body = …` where the name is neither defined nor `reason`:
        the first link is not checked, the rows after it are checked against
        the body."""
        self._unchecked(row, f"{parts[0]} = {parts[1]}", "" if len(parts) > 2 else raw_why,
                        f"`{parts[0].strip()}` is neither defined nor {reason}")
        self._step(row, " = ".join(parts[1:]), raw_why if len(parts) > 2 else "", column=0)

    def _why_definition(self, raw_why: str, row: Row) -> None:
        """`\\quad | \\quad p_i = \\frac{…}{…} \\quad \\text{softmax}`; a remark
        such as `x = 0 \\quad \\text{sanity check}` defines nothing."""
        self._words_give(raw_why, row.line - 0.5)
        segments = [s.strip() for s in _QUAD.split(raw_why) if s.strip()]
        if not segments:
            return
        parts = top_parts(segments[0])
        named = definition_name(parts[0])
        label = clean_why(" ".join(segments[1:]))
        if len(parts) != 2 or named is None or not parts[1] or self._defined(named[0]) \
                or named[0] in self.used and not named[1] or mentions(parts[1], named[0]) \
                or not _free_letters(parts[1]) \
                or re.search(r"check|test|e\.g\.|example|verif|sanity|at ", label, re.I):
            if len(parts) == 2 and parts[1]:
                self._unread(parts, row.line - 0.5, segments[0])
            return
        self._define(named, parts[1], row, label)

    def _mentioned(self, name: str) -> bool:
        """Does an earlier step use the name? (A definition's body is no use: a
        definition may come after the name's first use.)"""
        return any(mentions(s.math.text, name) for seg in self.segments
                   for b in seg.branches() for n, s in enumerate(b.steps)
                   if not (n == 0 and b is seg.main and seg.title.startswith("definition of ")))

    def _defined(self, name: str) -> bool:
        return any(name == d.name for d in self.definitions)

    def _redefined(self, name: str, body: str, line: int) -> None:
        """A second definition in the prose with another body: a name keeps one
        meaning in a file, so the steps after it that use the name are not
        checked (never read with the first body)."""
        first = next(d for d in self.definitions if d.name == name)
        if re.sub(r"\s+", "", first.body.text) == re.sub(r"\s+", "", body):
            return
        self.shadows.append(Shadow(name, line, False, (
            f"{name} is defined again at line {line} (first at line {first.line}): a name "
            f"keeps one meaning in a file, so steps after line {line} that use {name} are not "
            f"checked (give the second a new name, or put it in a file of its own)")))

    def _gaussian(self, text: str, line: int) -> None:
        """`\\sigma` beside `\\sqrt{2\\pi}` (never applied as `\\sigma(x)`): the
        standard deviation of a Gaussian density, guessed positive."""
        if "sigma" not in self.assumptions and _GAUSSIAN.search(text) \
                and re.search(r"\\sigma(?![A-Za-z])(?!\s*(?:\\left\s*)?\()", text) \
                and not re.search(r"\\sigma\s*(?:\\left\s*)?\(", text):
            self.assumptions["sigma"] = ("positive", line)
            self.gaussian = line

    def _see(self, text: str) -> None:
        self._gaussian(text, self.line)
        self.used.update(next(g for g in m.groups() if g) for m in _TOKEN.finditer(text))

    def _matrix_body(self, body: str) -> bool:
        """A transpose (`\\mathbf{w}^\\top \\mathbf{x}_i`) with no letter the prose
        declares a vector or matrix: a body the checker cannot read, so no
        definition (the row stays a step and says why)."""
        return not self.objects and _TRANSPOSE.search(body) is not None

    def _define(self, named, body: str, row: Row, label: str) -> None:
        body = re.sub(r"^(?:\s|\\[,;:! ]|\\q?quad(?![A-Za-z]))+|(?:\s|\\[,;:! ]|\\q?quad(?![A-Za-z]))+$",
                      "", body)               # `f(x) \;\;=\;\; …`: spacing is no part of the body
        self.definitions.append(Definition(named[0], named[1], Math(body, row.line), row.line,
                                           named[2]))
        if named[2] and "_" in named[0]:
            self._subscripted_head(named[0])   # in the prose too: `Let $f_N(x) = …$`
        self._see(body)
        self.definition_notes.append(f"line {row.line}" + (f": {label}" if label else ""))

    def _unread_shadows(self) -> None:
        """A name the notes give a value where no definition is read, and never
        define: steps after it that use the name are not checked (read as a free
        constant, `\\frac{d}{dx}(x u) = u` would be proved with u = x² in the words)."""
        for name, line, text in self.unread:
            if self._defined(name) or name in self.objects \
                    or any(s.name == name and s.line <= line for s in self.shadows):
                continue
            self.shadows.append(Shadow(name, line, False, (
                f"line {int(line + 0.5)} gives {name} a value (`{text}`) that is not read as a "
                f"definition, so steps after it that use {name} are not checked (define it on "
                f"a line of its own: \"Let ${latex_name(name)} = …$.\")")))
        self.unread = []

    def _later_sections(self) -> None:
        """A definition made under a later heading than a step that uses its
        name (`u' = 6x` in section 1, "Inner: $u = x^2 + 1$" in section 2) does
        not reach back into the earlier sections: each section is read on its
        own, and section 1's u may be another function. The steps before that
        heading that use the name are not checked, with the reason (read with
        the later meaning, a true `u' = 6x` failed and a false one could pass)."""
        steps = [s for seg in self.segments for b in seg.branches() for s in b.steps]
        for definition in self.definitions:
            heading = max((h for h in self.headings if h < definition.line), default=0)
            if not heading or any(d.name == definition.name and d.line < heading
                                  for d in self.definitions):
                continue
            if not any(s.math.line < heading and mentions(s.math.text, definition.name)
                       for s in steps):
                continue
            name = definition.name
            if self._another_function(name, heading, definition.line):
                continue
            self.shadows.append(Shadow(name, 0, False, (
                f"{name} is defined only at line {definition.line}, under a later heading "
                f"(line {heading}): a definition does not reach back into an earlier section, "
                f"so steps before line {heading} that use {name} are not checked (define "
                f"{name} in this section too)"), until=heading))

    def _another_function(self, name: str, heading: int, line: int) -> bool:
        """`f` written before the heading, where a later section defines the
        function `f(u) = \\sin(u)`: the earlier `f` is an abstract function of its
        own (the general chain rule `\\frac{d}{dx} f(g(x)) = f'(g(x)) g'(x)` above an
        example). Its rows (and the definitions made before the heading) read it
        as a letter of the abstract functions used nowhere in the notes, and the
        import says so; False where the name is no such letter or none is free."""
        if name not in _ABSTRACT or not any(d.name == name and d.function
                                            for d in self.definitions):
            return False
        everything = [s.math.text for seg in self.segments for b in seg.branches() for s in b.steps]
        everything += [d.body.text for d in self.definitions] + [d.name for d in self.definitions]
        free = next((c for c in (name.swapcase(), *_ABSTRACT) if c != name and c in _ABSTRACT
                     and not any(mentions(t, c) for t in everything)), None)   # h: never H
        if free is None:
            return False
        letter = re.compile(r"(?<![A-Za-z\\])" + name + r"(?![A-Za-z])")
        for seg in self.segments:
            for branch in seg.branches():
                branch.steps[:] = [dataclasses.replace(step, math=dataclasses.replace(
                    step.math, text=letter.sub(free, step.math.text)))
                    if step.math.line < heading else step for step in branch.steps]
        self.definitions = [dataclasses.replace(d, body=dataclasses.replace(
            d.body, text=letter.sub(free, d.body.text))) if d.line < heading else d
            for d in self.definitions]
        self.notes.append(Prose(f"`{name}` read as `{free}` before line {heading}: `{name}` is "
                                f"defined only at line {line}, under a later heading, and a "
                                f"definition does not reach back into an earlier section",
                                heading))
        return True

    def _shadowed(self, steps: list[Step]) -> list[Step]:
        """The steps that use a name whose meaning the prose changed, and the
        `= …` rows that continue them, marked not checked with the reason."""
        out, reason = [], ""
        for step in steps:
            if step.unchecked:
                out.append(step)
                reason = ""
                continue
            continues = step.math.text.lstrip().startswith("=")
            reason = reason if continues else ""
            for shadow in self.shadows:
                if step.math.line > shadow.line and mentions(step.math.text, shadow.name) \
                        and not (shadow.until and step.math.line >= shadow.until):
                    reason = shadow.reason
                    break
            out.append(dataclasses.replace(step, unchecked=reason, unsure=True) if reason
                       else step)
        return out

    # -- the result
    def _opening_something(self, branches: list[Branch]) -> list[Branch]:
        """A case with no step in it ("For $x > 0$:" with no display after it)
        is no case: it is named among the lines not checked, never written as a
        case without `steps:` (which a derivation file cannot hold)."""
        kept = []
        for branch in branches:
            branch.inner = self._opening_something(branch.inner)
            if branch.steps or branch.inner:
                kept.append(branch)
                continue
            self.notes.append(Prose(f"a condition with no step after it, read as no case: "
                                    f"{P.clean(branch.source).strip()}", branch.when.line))
        return kept

    def _under_bounds(self) -> None:
        """"Let $0 < p < 1$." (a range with a bound on each side, `_LET_LEAD`)
        is a case of every derivation after it in its section (up to the next
        heading, or a line that makes the letter general again) that uses the
        letter: the chain becomes that case (its first expression the start,
        `_split_start`), or its cases each hold under the range too. A chain
        with steps before its cases keeps them unconditioned (they may fail;
        nothing false is proved)."""
        for when, letter, source in self.bounded:
            ends = [h for h in self.headings if h > when.line]
            ends += [at for at, names in self.widened
                     if at > when.line + 0.5 and (names is None or letter in names)]
            end = min(ends, default=float("inf"))
            for seg in self.segments:
                lines = [s.math.line for b in seg.branches() for s in b.steps]
                if not lines or not when.line < min(lines) < end \
                        or not any(mentions(s.math.text, letter)
                                   for b in seg.branches() for s in b.steps):
                    continue
                if not seg.cases and not any(s.unchecked for s in seg.main.steps):
                    seg.cases = [Branch(when, source, steps=seg.main.steps, last=seg.main.last)]
                    seg.main = Branch(None)
                    seg.conditioned = True
                    continue
                for case in seg.cases:
                    case.also = (*case.also, when)     # the innermost condition: holds the steps

    def derivations(self) -> list[tuple[str, int, tuple[Step, ...], tuple[Case, ...], tuple[str, ...]]]:
        """(title, line, steps, cases, case sources) of each derivation with
        something to check, in the order of the notes."""
        self._unread_shadows()
        self._later_sections()
        for steps, index, letter, parts in reversed(self.labels):
            if self._defined(letter) or letter in self.objects:
                continue
            step = steps[index]
            now = top_parts(step.math.text)     # as rewritten since (`(1+x)'` is d/dx(1+x))
            parts = now if len(now) == len(parts) and now[0] == parts[0].strip() else parts
            why = (f"`{letter}` is neither defined nor declared, so `{parts[0].strip()}` only "
                   "names what the chain computes")
            if len(parts) > 1:
                steps[index:index + 1] = [
                    Step(Math(f"{parts[0]} = {parts[1]}", step.math.line, column=step.math.column),
                         "", unchecked=why),
                    Step(Math(" = ".join(parts[1:]), step.math.line, column=0), step.why)]
                continue
            after = steps[index + 1] if index + 1 < len(steps) else None
            if after is None or after.unchecked or not after.math.text.lstrip().startswith("="):
                continue                     # a lone row, then `= …` rows
            steps[index] = Step(step.math, step.why, unchecked=why)
            steps[index + 1] = Step(Math(after.math.text.lstrip()[1:].strip(), after.math.line,
                                         column=0), after.why)
        self.labels = []
        self._under_bounds()
        for seg in self.segments:
            _split_start(seg)
        out = []
        for seg in self.segments:
            if not seg.checked() and not _has_unchecked(seg) \
                    and not seg.title.startswith("definition of "):
                _claims_unchecked(seg)
            if seg.empty() or (not seg.checked() and not _has_unchecked(seg)):
                for branch in seg.branches():
                    for step in branch.steps:
                        if seg.title.startswith("definition of "):
                            continue
                        self.notes.append(Prose(f"nothing to compare it with: {step.math.text}",
                                                step.math.line))
                continue
            for branch in seg.branches():
                branch.steps = self._shadowed(branch.steps)
            seg.cases = self._opening_something(seg.cases)
            cases = tuple(_case(b) for b in seg.cases)
            out.append((seg.title or seg.start, seg.line, tuple(seg.main.steps), cases,
                        tuple(b.source for b in seg.cases)))
        return out


# function letters read as abstract functions when not defined (docs/import.md)
_ABSTRACT = ("f", "g", "h", "F", "G")
# "Let $0 < p < 1$.", "Suppose that $-1 < x < 1$": a range said of the section
_LET_LEAD = re.compile(r"(?:^|[.!?;:]\s+|\b(?:now|throughout|here),?\s+)(?:let|suppose|assume)(?:\s+that)?\s*$",
                       re.IGNORECASE)
# `\text{ Let } u = x^2 + 1; v = x + 1`: a row that gives names values, not a step
_LET_ROW = re.compile(r"\s*\\(?:text|mathrm|textrm)\s*\{\s*(?:let|now let|define|denote)\s*\}"
                      r"(?:\s|\\[,;:! ]|~)*([^=]+=.+?)[\s.]*", re.IGNORECASE)
# `\text{with } z = 3x:`: words that lead in to the next row, with the math they name
_WORDED_ROW = re.compile(r"\s*\\text\s*\{\s*(?:with|let|where|set|put|define|denote|take|now let)\b"
                         r"[^{}]*\}[^=]*=[^=]*:\s*")
# "let u = x^2", "with z = 3x" in words (a why, `\\intertext`): a name given a value
_WORDS_GIVE = re.compile(r"\b(?:let|with|where|set|put|define|denote|take)\s+"
                         r"((?:\\(?:" + "|".join(P.GREEK) + r")(?![A-Za-z])|[A-Za-z]))\s*=\s*([^=.;:$]+)",
                         re.IGNORECASE)


# `d/dx (e^(−x)·x) = …`, `∂/∂w L = …`: an equation that opens with a derivative operator
_PLAIN_OPERATOR = re.compile(r"\s*(?:d|∂)\s*/\s*(?:d|∂)\s*\w+[^=]*=(?!=)\s*\S")


class Shadow(NamedTuple):
    """From `line` (to `until`, for a point value: the next heading) the
    steps that use `name` are not checked, for `reason`."""
    name: str
    line: int
    point: bool
    reason: str
    until: int = 0


# "Let $\varphi = \frac{1 + \sqrt{5}}{2}$" names a constant in closed form: a definition
# (of a letter not used before it); "Let $n = -1$" gives a letter in use a value
_CLOSED_FORM = re.compile(r"\\(?:sqrt|d?frac|pi|ln|log|exp|sin|cos|tan|arctan)(?![A-Za-z])")


def _another_object(before: Declared | None, again: Declared) -> bool:
    """A letter declared again with its size, as another shape, kind or
    property (`Let $A \\in \\mathbb{R}^{n \\times n}$ be symmetric`, then `Now let
    $A \\in \\mathbb{R}^{n \\times m}$`): from there on it is another object."""
    if before is None or not before.shape or not again.shape:
        return False
    return (before.kind, before.shape, set(before.properties)) \
        != (again.kind, again.shape, set(again.properties))


def _given_before_chain(branch: Branch, pending: bool) -> bool:
    """A case opened by "For …:" that holds only the chain's first expression
    (or nothing, the expression waiting): the condition of the derivation,
    whose own cases follow."""
    if not re.match(r"\s*for\b", P.clean(branch.source), re.IGNORECASE) or branch.trailing:
        return False
    if not branch.steps:
        return pending
    return len(branch.steps) == 1 and not pending \
        and len([p for p in top_parts(branch.steps[0].math.text) if p]) == 1 \
        and not branch.steps[0].math.text.lstrip().startswith("=")


def _split_start(seg: Segment) -> None:
    """A derivation under a condition from the prose (one case, no chain
    before it): its first expression is the chain, the rest is the case."""
    if not seg.conditioned or seg.main.steps or len(seg.cases) != 1 or not seg.cases[0].steps:
        return
    case = seg.cases[0]
    first = case.steps[0]
    parts = top_parts(first.math.text)
    if first.unchecked or len(parts) < 1 or not parts[0]:
        return
    seg.main.steps.append(Step(Math(parts[0], first.math.line, column=first.math.column), ""))
    rest = [Step(Math("= " + " = ".join(parts[1:]), first.math.line, column=0), first.why)] \
        if len(parts) > 1 else []
    case.steps[:1] = rest


def _meet(conditions: list[str]) -> list[str]:
    """`y \\le 0` and `y \\ge 0` together are `y = 0`."""
    if len(conditions) != 2:
        return conditions
    split = [re.fullmatch(r"(.+?)\s*(\\le|\\ge)\s*(.+)", c) for c in conditions]
    if all(split) and {m.group(2) for m in split} == {"\\le", "\\ge"} \
            and len({(m.group(1).strip(), m.group(3).strip()) for m in split}) == 1:
        return [f"{split[0].group(1).strip()} = {split[0].group(3).strip()}"]
    return conditions


def _readable(text: str) -> bool:
    """Can the row be read as math? (One that cannot is a step: its error is reported.)"""
    from derive_ce.read.latex.parser import split_chain
    try:
        split_chain(text)
    except InputError:
        return False
    return True


def _claims_unchecked(seg: Segment) -> None:
    """A row that begins with `=` claims an equality; where nothing came
    before it to compare it with, it is reported as not checked (the file
    then cannot be said to hold), never dropped in silence."""
    for branch in seg.branches():
        branch.steps = [dataclasses.replace(
            step, unchecked="nothing before it to compare it with (the row begins with `=`)",
            unsure=True) if step.math.text.lstrip().startswith("=") and not step.unchecked
            else step for step in branch.steps]


def _has_unchecked(seg: Segment) -> bool:
    return any(s.unchecked for b in seg.branches() for s in b.steps)


def _case(branch: Branch) -> Case:
    """A branch; "Otherwise" after several cases nests one negation in the next."""
    inner = Case(branch.also[-1] if branch.also else branch.when, tuple(branch.steps),
                 tuple(_case(b) for b in branch.inner), None, branch.when.line)
    if not branch.also:
        return inner
    for when in [branch.when, *branch.also[:-1]][::-1]:
        inner = Case(when, (), (inner,), None, branch.when.line)
    return inner


def _breaks(row: Row, body: str) -> tuple:
    """The row's line breaks, where body is the row's text as written (a prefix
    of it: the why cut off); none where the text was rewritten."""
    return tuple(b for b in row.breaks if b[0] < len(body)) if row.text.startswith(body) else ()


def _display_ahead(blocks: list, number: int) -> bool:
    """Does a display come after blocks[number] before the next heading?  A
    lead-in ("if $x > 1$", no full stop) with none runs on into nothing: it is
    the display's just before, when it follows that one at once."""
    for block in blocks[number + 1:]:
        if not isinstance(block, Prose):
            return True
        if P.HEADING.match(block.text):
            return False
    return False
