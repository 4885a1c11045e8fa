"""The README documents every command and option, and its quick start names the test command CI runs."""

from __future__ import annotations

import pytest
import typer.main

from factx.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_documented(name):
    assert f"factx {name}" in README


@pytest.mark.parametrize(
    "option",
    sorted({opt for command in COMMANDS.values() for param in command.params for opt in param.opts
            if opt.startswith("--")}),
)
def test_every_option_is_documented(option):
    assert option in README


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in README and "python -m pytest -q" in ci
