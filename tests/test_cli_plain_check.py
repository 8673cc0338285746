"""`hsengine check TEXT...` with no option skips typer's parsing (cli.app._plain_check): it must
print, exit and fail exactly as the same command parsed by typer does (`check -- TEXT...` is the
same command line, and `--` sends it through typer)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hsengine.cli.app import _plain_check

ROOT = Path(__file__).resolve().parent.parent
HATE = "Все эти китайцы — вонючие тараканы."
CLEAN = "Дунгане отметили праздник в Алматы."


def test_only_plain_command_lines_skip_typer(monkeypatch):
    monkeypatch.delenv("HSENGINE_UI_LANG", raising=False)
    monkeypatch.delenv("_HSENGINE_COMPLETE", raising=False)
    assert _plain_check(["check", HATE, CLEAN]) == [HATE, CLEAN]
    for args in (["check"], ["check", "--quiet", HATE], ["check", HATE, "-q"], ["check", "--", HATE],
                 ["check", "-"], ["check", ""], ["explain", HATE], ["--version"], []):
        assert _plain_check(args) is None, args
    monkeypatch.setenv("HSENGINE_UI_LANG", "xx")  # typer reports the bad value
    assert _plain_check(["check", HATE]) is None
    monkeypatch.setenv("HSENGINE_UI_LANG", "ru")
    assert _plain_check(["check", HATE]) == [HATE]
    monkeypatch.setenv("_HSENGINE_COMPLETE", "bash_complete")
    assert _plain_check(["check", HATE]) is None


def _run(args: list[str], ui: str | None, cwd: Path) -> tuple[int, str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("HSENGINE_UI_LANG", None)
    if ui is not None:
        env["HSENGINE_UI_LANG"] = ui
    r = subprocess.run([sys.executable, "-m", "hsengine", *args], capture_output=True, text=True, env=env,
                       cwd=cwd, timeout=120)
    return r.returncode, r.stdout, r.stderr


@pytest.mark.slow  # hsengine processes
@pytest.mark.parametrize("texts, ui", [([HATE], None), ([CLEAN, HATE], "ru"), (["missing.csv"], "kk"),
                                       (["setup.cfg"], None)])
def test_plain_check_is_the_typer_command(tmp_path, texts, ui):
    (tmp_path / "setup.cfg").write_text("[a]\nb = 1\n", encoding="utf-8")  # a file given as TEXT
    plain = _run(["check", *texts], ui, tmp_path)
    parsed = _run(["check", "--", *texts], ui, tmp_path)
    assert plain == parsed
    assert plain[0] in (0, 1, 2)
