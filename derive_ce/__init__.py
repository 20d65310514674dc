"""derive-ce: check hand derivations step by step with SymPy."""

__version__ = "0.1.0"
