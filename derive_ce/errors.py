"""The one exception for input that cannot be used, with its position."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: a message, the 1-based YAML line and, inside math, a column."""

    def __init__(self, message: str, line: int | None = None,
                 column: int | None = None, text: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.text = text

    def describe(self) -> str:
        """The message with its line, and a caret under the column."""
        where = f"line {self.line}: " if self.line else ""
        out = f"{where}{self.message}"
        if self.text is not None and self.column is not None:
            shown = self.text if len(self.text) <= 200 else self.text[:200] + "…"
            if self.column <= len(shown) + 1:
                out += f"\n    {shown}\n    {' ' * (self.column - 1)}^"
        return out
