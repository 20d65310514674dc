"""derive-ce: check hand derivations step by step with SymPy."""

__version__ = "0.1.0"
__all__ = ["check_paths", "__version__"]


def __getattr__(name: str):
    # Lazy, so that `import derive_ce` (and `derive-ce -V`) stays light.
    if name == "check_paths":
        from derive_ce.api import check_paths
        return check_paths
    raise AttributeError(f"module 'derive_ce' has no attribute {name!r}")


def load_ipython_extension(ipython) -> None:
    """`%load_ext derive_ce`: the `%%derive` cell magic (derive_ce/run/magic.py)."""
    from derive_ce.run.magic import load
    load(ipython)
