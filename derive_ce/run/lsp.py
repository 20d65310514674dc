"""`derive-ce lsp`: a Language Server over stdio (pygls), a thin layer over run/.

On open, change (debounced) and save of a derivation YAML file (under a
`derivations/` folder, or named `*.derive.yaml`) or of Markdown / LaTeX
notes, the buffer is checked as `derive-ce check` would check the file, and
the records become diagnostics: ✗ and input errors as errors, `unknown` as
warnings, `numeric` as hints, each at its line and column with the verdict,
the slip and the counterexample in its message.  Hover on a step shows how
it was read and its verdict; code actions apply the fixes that messages
suggest (declare a symbol under `symbols:`, quote a step YAML cannot read).

One warm workers.Pool serves the session and verdicts go through
run/cache.py, as for `derive-ce server`: after an edit only the comparisons
whose texts changed are decided again.  Checks run one at a time on one
thread; a check whose buffer changed meanwhile is not published.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from derive_ce import __version__
from derive_ce.results import FileReport, Record

DEBOUNCE = 0.3          # seconds of quiet typing before a changed buffer is checked
NOTES = (".md", ".markdown", ".tex", ".ltx")
YAML = (".yaml", ".yml")
SEVERITY = {"failed": types.DiagnosticSeverity.Error, "error": types.DiagnosticSeverity.Error,
            "unknown": types.DiagnosticSeverity.Warning,
            "numeric": types.DiagnosticSeverity.Hint}
MARKS = {"proved": "✓", "numeric": "≈", "failed": "✗", "unknown": "?", "error": "!"}
_DECLARE = re.compile(r"declare (?:it )?\(?`([^`:\s]+): ([^`]+)`")
_QUOTED = "must be quoted"
_SPECIAL = "|>{[*&!%@`"


@dataclass(frozen=True)
class Settings:
    budget: float | None = None         # None: the configuration's, else 10 s
    jobs: int = 1
    cache: bool = True
    cache_dir: Path | None = None       # None: the configuration's, else .derive_ce_cache


def is_derivation(path: Path) -> bool:
    """What the server checks: derivation YAML and notes (the pre-commit hooks' files)."""
    name = path.name.lower()
    if path.suffix.lower() in NOTES:
        return True
    return name.endswith(YAML) and ("derivations" in path.parts[:-1]
                                    or name.endswith((".derive.yaml", ".derive.yml")))


class DeriveServer(LanguageServer):
    def __init__(self, settings: Settings):
        super().__init__("derive-ce", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = settings
        self.pool = None
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="derive-ce-check")
        self.pending: dict[str, asyncio.Task] = {}
        self.reports: dict[str, FileReport] = {}
        self.roots: list[Path] = []
        self.closed = False

    # -- checking ------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """Check the document after `delay` seconds of quiet (a newer edit restarts it)."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        path = _path(uri)
        if path is None or not is_derivation(path):
            return
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        report = await loop.run_in_executor(self.executor, self.check_text, path, text)
        if self.workspace.get_text_document(uri).version != version \
                or unquote(uri) not in self.workspace.text_documents:
            return                      # edited meanwhile (the newer check publishes), or closed
        self.reports[uri] = report
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=diagnostics(report, text)))
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]

    def check_text(self, path: Path, text: str) -> FileReport:
        """One buffer through run/checker.py on the warm pool (on the check thread)."""
        from derive_ce.run.checker import Options, check
        try:
            options = Options(self._budget(path), self.settings.jobs, self._cache_dir(path))
            [report] = check([path], options, self.warm_pool(), texts={path: text.encode()})
        except Exception as exc:  # noqa: BLE001 - the editor gets a message, never a crash
            report = FileReport(str(path), error=f"internal error: {type(exc).__name__}: {exc}")
        return report

    def warm_pool(self):
        """The workers, forked (SymPy loading in them) before any thread starts:
        a process forked while another thread imports could hang on its lock."""
        if self.pool is None:
            from derive_ce.run.workers import Pool
            self.pool = Pool(self.settings.jobs)
            self.pool.start(self.settings.jobs)
        return self.pool

    def _config(self, path: Path):
        from derive_ce.run.config import ConfigError, discover
        try:
            return discover(path.parent)
        except ConfigError:
            return None

    def _budget(self, path: Path) -> float:
        if self.settings.budget is not None:
            return self.settings.budget
        config = self._config(path)
        configured = config.get("timeout") if config is not None else None
        return float(configured) if configured else 10.0

    def _cache_dir(self, path: Path) -> Path | None:
        """--cache-dir, else the configuration's, else .derive_ce_cache beside its
        pyproject.toml or in the workspace folder that holds the file."""
        if not self.settings.cache:
            return None
        if self.settings.cache_dir is not None:
            return self.settings.cache_dir
        config = self._config(path)
        if config is not None and config.get("cache-dir") is not None:
            return config.get("cache-dir")
        if config is not None and config.source is not None:
            return config.source.parent / ".derive_ce_cache"
        root = next((r for r in self.roots if path.is_relative_to(r)), path.parent)
        return root / ".derive_ce_cache"

    def close(self) -> None:
        """Stop the workers (on the check thread, after a running check)."""
        for task in self.pending.values():
            task.cancel()
        self.pending.clear()
        if self.pool is not None and not self.closed:
            self.executor.submit(self._close_pool).result()
        self.closed = True
        self.executor.shutdown(wait=False)

    def _close_pool(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None


# -- records -> diagnostics ---------------------------------------------------

def diagnostics(report: FileReport, text: str) -> list[types.Diagnostic]:
    lines = text.split("\n")
    if report.error is not None:
        line, column = _error_place(report.error)
        return [_diagnostic(lines, line, column, "", "error", _error_message(report.error))]
    found = []
    for record in report.records:
        status = record.status
        if status not in SEVERITY or (record.kind == "start" and status != "error"):
            continue
        found.append(_diagnostic(lines, record.line, _column(record), record.expr, status,
                                 message(record)))
    return found


def message(record: Record) -> str:
    """The verdict and the message with its counterexample, then the slip in
    words when the record names its kind ("… a sign slipped"), as the
    concise format says it."""
    from derive_ce.report.layout import failure     # "previous step = …, this step = …"
    said = re.sub(r"^line \d+: ", "", failure(record, False)) if record.message else ""
    text = f"{record.status}: {said}" if said else record.status
    slip = getattr(record, "slip", None)
    if isinstance(slip, dict) and slip.get("kind") and slip.get("said"):
        text += f" ({slip['said']})"
    return text


def _diagnostic(lines: list[str], line: int | None, column: int | None, expr: str,
                status: str, text: str) -> types.Diagnostic:
    number = max(0, min((line or 1) - 1, len(lines) - 1))
    source = lines[number] if lines else ""
    start = None
    if column:
        start = min(column - 1, len(source))
    elif expr and expr in source:
        start = source.index(expr)
    if start is None:
        start = len(source) - len(source.lstrip())
    end = start + len(expr) if expr and source[start:start + len(expr)] == expr else len(source)
    if end <= start:
        end = len(source)
    return types.Diagnostic(
        range=types.Range(types.Position(number, start), types.Position(number, end)),
        message=text, severity=SEVERITY[status], source="derive-ce", code=status)


def _column(record: Record) -> int | None:
    """An unreadable step's column, when its message names it."""
    if record.status != "error":
        return None
    match = re.search(r"\(column (\d+)\)", record.message)
    return int(match.group(1)) if match else None


def _error_place(error: str) -> tuple[int | None, int | None]:
    line = re.match(r"line (\d+): ", error)
    column = re.search(r"\bcolumn (\d+)", error)
    return (int(line.group(1)) if line else None, int(column.group(1)) if column else None)


def _error_message(error: str) -> str:
    return "error: " + re.sub(r"^line \d+: ", "", error)


# -- hover --------------------------------------------------------------------

def hover(report: FileReport | None, line: int) -> str | None:
    """Markdown for the records on this (1-based) line: as read, and the verdict."""
    if report is None:
        return None
    if report.error is not None:
        return None
    parts = []
    for record in (r for r in report.records if r.line == line):
        status = "start" if record.kind == "start" and record.status != "error" else record.status
        head = f"**{MARKS.get(status, '·')} {status}**" if status != "start" else \
            "**· the expression the chain starts from**"
        shown = record.shown or record.expr
        block = [f"{head}" + (f" — {record.kind}" if record.kind == "result" else ""),
                 "", "read as:", "```", shown, "```"]
        if record.why:
            block.append(f"why: {record.shown_why or record.why}")
        if record.against is not None and record.kind != "start":
            block.append(f"compared with line {record.against}")
        if record.message and (record.kind != "start" or record.status == "error"):
            block += ["", message(record)]
        if record.reading:
            block += ["", "SymPy's reading:", "```", record.reading.rstrip(), "```"]
        parts.append("\n".join(block))
    return "\n\n---\n\n".join(parts) or None


# -- code actions -------------------------------------------------------------

def fixes(uri: str, text: str, found: list[types.Diagnostic]) -> list[types.CodeAction]:
    """The fixes the diagnostics' messages suggest, as workspace edits."""
    lines = text.split("\n")
    actions = []
    yaml = (_path(uri) or Path(uri)).suffix.lower() in YAML
    seen = set()
    for diagnostic in found:
        if diagnostic.source != "derive-ce" or not yaml:
            continue
        for name, spec in _DECLARE.findall(diagnostic.message):
            edit = declare(lines, name, spec.strip())
            if edit is not None and (name, spec) not in seen:
                seen.add((name, spec))
                actions.append(_action(f"Declare `{name}: {spec}` under symbols:", uri, edit,
                                       diagnostic))
        if _QUOTED in diagnostic.message:
            edit = quote(lines, diagnostic.range.start.line)
            if edit is not None:
                actions.append(_action("Quote the step", uri, edit, diagnostic))
    return actions


def _action(title: str, uri: str, edit: types.TextEdit,
            diagnostic: types.Diagnostic) -> types.CodeAction:
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic], is_preferred=True,
                            edit=types.WorkspaceEdit(changes={uri: [edit]}))


def declare(lines: list[str], name: str, spec: str) -> types.TextEdit | None:
    """`name: spec` under the top-level `symbols:` (replacing `name`'s own
    line there), or a new `symbols:` block before the steps."""
    entry = f"{name}: {spec}"
    for number, line in enumerate(lines):
        if re.match(r"symbols\s*:\s*(#.*)?$", line):
            return _under_symbols(lines, number, name, entry)
        if re.match(r"symbols\s*:", line):
            return None                         # a flow mapping: left to the writer
    for number, line in enumerate(lines):
        if re.match(r"(definitions|steps|derivations|cases)\s*:", line):
            return _insert(number, f"symbols:\n  {entry}\n")
    return None


def _under_symbols(lines: list[str], number: int, name: str,
                   entry: str) -> types.TextEdit | None:
    indent = None
    below = number + 1
    while below < len(lines) and (not lines[below].strip() or lines[below][:1] in " \t"):
        child = re.match(r"([ \t]+)([^:#\s][^:#]*?)\s*:", lines[below])
        if child:
            indent = indent or child.group(1)
            names = [n.strip() for n in child.group(2).split(",")]
            if name in names:
                if len(names) > 1:
                    return None                 # `i, j: ...`: not split here
                return types.TextEdit(
                    range=types.Range(types.Position(below, 0),
                                      types.Position(below, len(lines[below]))),
                    new_text=f"{child.group(1)}{entry}")
        below += 1
    return _insert(number + 1, f"{indent or '  '}{entry}\n")


def _insert(line: int, text: str) -> types.TextEdit:
    return types.TextEdit(range=types.Range(types.Position(line, 0), types.Position(line, 0)),
                          new_text=text)


def quote(lines: list[str], line: int) -> types.TextEdit | None:
    """Single-quote the value on this line (or the two before) that starts
    with a character YAML reads as syntax."""
    for number in (line, line - 1, line - 2):
        if not 0 <= number < len(lines):
            continue
        match = re.match(r"^(\s*(?:-\s+)*(?:[A-Za-z_]+\s*:\s+)?)(\S.*?)\s*$", lines[number])
        if match and match.group(2)[0] in _SPECIAL:
            value = match.group(2).replace("'", "''")
            return types.TextEdit(
                range=types.Range(types.Position(number, 0),
                                  types.Position(number, len(lines[number]))),
                new_text=f"{match.group(1)}'{value}'")
    return None


# -- the server ----------------------------------------------------------------

def _path(uri: str) -> Path | None:
    try:
        path = to_fs_path(uri)
    except Exception:  # noqa: BLE001 - an untitled buffer or another scheme
        return None
    return Path(path) if path and uri.startswith("file:") else None


def build(settings: Settings) -> DeriveServer:
    server = DeriveServer(settings)

    @server.feature(types.INITIALIZED)
    def initialized(ls: DeriveServer, params: types.InitializedParams) -> None:
        folders = ls.workspace.folders.values() if ls.workspace.folders else ()
        ls.roots = [Path(p) for p in (_path(f.uri) for f in folders) if p is not None]
        if ls.workspace.root_path:
            ls.roots.append(Path(ls.workspace.root_path))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: DeriveServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: DeriveServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: DeriveServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: DeriveServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.reports.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri,
                                                                            diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: DeriveServer, params: types.HoverParams) -> types.Hover | None:
        shown = hover(ls.reports.get(params.text_document.uri), params.position.line + 1)
        if shown is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value=shown))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: DeriveServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        text = ls.workspace.get_text_document(uri).source
        return fixes(uri, text, list(params.context.diagnostics)) or None

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: DeriveServer, params) -> None:
        ls.close()

    return server


def serve(settings: Settings) -> None:
    server = build(settings)
    server.warm_pool()      # fork the workers now, while this is the only thread
    try:
        server.start_io()
    finally:
        server.close()

