"""`derive-ce lsp` driven by a real LSP client over stdio (pytest-lsp):
initialize, didOpen a derivation with a slip, and the diagnostic arrives on
the slipped line; hover, code actions, re-checks after edits."""

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from derive_ce.run import lsp

ROOT = Path(__file__).resolve().parent.parent
SLIP_YAML = """title: A slipped power
steps:
  - \\frac{d}{dx} x^3
  - = 3x^2
  - = 3x^3
"""
SLIP_NOTES = """# A slipped sign

$$
\\frac{d}{dx} e^{-x^2}
= 2x e^{-x^2}
$$
"""
WAIT = 120.0


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "derive_ce", "lsp", "--no-cache", "--timeout", "20"]))
async def client(lsp_client: LanguageClient, tmp_path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, path: Path, text: str, language: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1,
                                             text=text)))
    await _diagnosed(client, uri, 1)
    return uri


async def _diagnosed(client: LanguageClient, uri: str, version: int):
    """Wait until the diagnostics of this version of the document arrive."""
    async def arrived():
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and params.version == version:
                return params.diagnostics
    return await asyncio.wait_for(arrived(), WAIT)


@pytest.mark.asyncio
async def test_a_slip_in_yaml_is_a_diagnostic_on_its_line(client: LanguageClient, tmp_path):
    uri = await _open(client, tmp_path / "derivations" / "power.yaml", SLIP_YAML, "yaml")
    [found] = client.diagnostics[uri]
    assert found.range.start.line == 4
    assert (found.range.start.character, found.range.end.character) == (6, 10)   # 3x^3
    assert found.severity == types.DiagnosticSeverity.Error and found.source == "derive-ce"
    assert found.message.startswith("failed: not equal at x = ")
    assert "previous step = " in found.message        # the counterexample

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(4, 6)))
    assert "✗ failed" in hover.contents.value and "3x³" in hover.contents.value
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(3, 6)))
    assert "✓ proved" in hover.contents.value and "3x²" in hover.contents.value

    # an edit mends the slip: the diagnostics of version 2 are empty
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(
            text=SLIP_YAML.replace("= 3x^3", "= 3 x x"))]))
    assert list(await _diagnosed(client, uri, 2)) == []


@pytest.mark.asyncio
async def test_a_slip_in_markdown_notes_is_a_diagnostic_on_its_line(client: LanguageClient,
                                                                   tmp_path):
    uri = await _open(client, tmp_path / "notes.md", SLIP_NOTES, "markdown")
    failed = [d for d in client.diagnostics[uri] if d.code == "failed"]
    assert [d.range.start.line for d in failed] == [4]
    assert failed[0].range.start.character == 2 and "not equal at x" in failed[0].message


@pytest.mark.asyncio
async def test_other_yaml_is_left_alone(client: LanguageClient, tmp_path):
    path = tmp_path / "ci.yaml"
    path.write_text("steps:\n  - x\n  - = 2x\n")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="yaml", version=1,
                                             text=path.read_text())))
    notes = await _open(client, tmp_path / "after.md", SLIP_NOTES, "markdown")
    assert path.as_uri() not in client.diagnostics and notes in client.diagnostics


@pytest.mark.asyncio
async def test_the_quick_fixes_declare_a_symbol_and_quote_a_step(client: LanguageClient,
                                                                 tmp_path):
    text = "steps:\n  - f(x + 1)\n  - = f(1 + x)\n"
    uri = await _open(client, tmp_path / "fix.derive.yaml", text, "yaml")
    found, second = client.diagnostics[uri]
    assert found.code == "error" and found.range.start.line == 1
    assert found.message.startswith("error: is `f` a function here?")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=found.range,
        context=types.CodeActionContext(diagnostics=[found])))
    [action] = actions
    assert action.title == "Declare `f: function` under symbols:"
    [edit] = action.edit.changes[uri]
    assert (edit.range.start.line, edit.new_text) == (0, "symbols:\n  f: function\n")

    text = "steps:\n  - |x|\n  - = |-x|\n"
    uri = await _open(client, tmp_path / "derivations" / "abs.yaml", text, "yaml")
    [found] = client.diagnostics[uri]
    assert "must be quoted" in found.message
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=found.range,
        context=types.CodeActionContext(diagnostics=[found])))
    [edit] = actions[0].edit.changes[uri]
    assert edit.new_text in ("  - '|x|'", "  - '= |-x|'")


# -- the pieces, without a client ------------------------------------------------

def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_declare_goes_under_symbols_and_replaces_the_names_own_line():
    text = "title: t\nsymbols:\n  a: {positive: true}\n  x: scalar\nsteps:\n  - x_i\n"
    edit = lsp.declare(_lines(text), "x", "vector")
    assert (edit.range.start.line, edit.new_text) == (3, "  x: vector")
    edit = lsp.declare(_lines(text), "i", "{kind: index, range: [1, n]}")
    assert (edit.range.start.line, edit.new_text) == (2, "  i: {kind: index, range: [1, n]}\n")
    assert lsp.declare(_lines("symbols: {a: scalar}\nsteps: [x]\n"), "b", "vector") is None
    assert lsp.declare(_lines("symbols:\n  a, b: {positive: true}\nsteps: [x]\n"),
                       "a", "vector") is None


def test_quote_doubles_single_quotes():
    edit = lsp.quote(["steps:", "  - |x|' = 1"], 1)
    assert edit.new_text == "  - '|x|'' = 1'"
    assert lsp.quote(["steps:", "  - x + 1"], 1) is None


def test_which_files_the_server_checks():
    yes = ["derivations/ce.yaml", "a/derivations/b/c.yml", "x.derive.yaml", "n.md", "n.tex"]
    no = [".github/workflows/ci.yaml", "pyproject.toml", "ce.yaml", "notes.txt"]
    assert all(lsp.is_derivation(Path(p)) for p in yes)
    assert not any(lsp.is_derivation(Path(p)) for p in no)


def test_without_pygls_the_command_says_how_to_install_it(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "derive_ce.run.lsp", None)
    result = run("lsp")
    assert result.code == 2 and "pip install 'derive-ce[lsp]'" in result.err


def test_a_recheck_after_an_edit_decides_only_the_changed_comparisons(tmp_path):
    """The warm pool and the per-comparison cache: editing one step of the
    cross-entropy derivation sends the engine only the comparisons it touches."""
    server = lsp.DeriveServer(lsp.Settings(budget=20.0, cache_dir=tmp_path / "cache"))
    sent = []
    pool = server.warm_pool()
    run = pool.run
    pool.run = lambda tasks, *a, **k: sent.append([t.kind for t in tasks]) or run(tasks, *a, **k)
    try:
        path = tmp_path / "derivations" / "ce.yaml"
        text = (ROOT / "derivations" / "ce.yaml").read_text()
        first = server.check_text(path, text)
        assert first.ok(strict=False) and sum(map(len, sent)) > 20
        sent.clear()
        edited = text.replace("= p_i - 1", "= p_i - 2", 1)
        assert edited != text
        second = server.check_text(path, edited)
        failed = [r for r in second.records if r.status == "failed"]
        assert len(failed) >= 1
        compares = [k for batch in sent for k in batch if k == "compare"]
        assert 1 <= len(compares) <= 3, sent        # the edited step and what follows it
    finally:
        server.close()
