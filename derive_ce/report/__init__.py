"""Reporters: one module per output format, each `render(reports, strict, out)`."""

FORMATS = ("text", "json", "github")


def reporter(name: str):
    if name == "json":
        from derive_ce.report import json_report as module
    elif name == "github":
        from derive_ce.report import github as module
    else:
        from derive_ce.report import text as module
    return module.render
