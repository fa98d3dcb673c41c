"""`make browser` (curriculum_tools.tools.browser --install): which browser it settles on and
when it calls apt-get, with the machine faked (no package is installed by these tests)."""

from __future__ import annotations

import pytest

from curriculum_tools.tools import browser


@pytest.fixture
def machine(monkeypatch, tmp_path):
    """A fake machine: files that exist, whether we are root, and the apt-get calls made."""
    state = {"files": set(), "root": True, "apt": [], "installs": {}}

    def exists(path):
        return path in state["files"]

    def call(cmd, **_):
        if "install" in cmd and "-y" in cmd:
            package = cmd[-1]
            state["apt"].append((cmd[0] == "sudo", package))
            state["files"].update(state["installs"].get(package, ()))
            return 0 if package in state["installs"] else 100
        if "playwright" in cmd:
            return 1
        return 0

    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setattr(browser.os.path, "exists", exists)
    monkeypatch.setattr(browser.os, "geteuid", lambda: 0 if state["root"] else 1000)
    monkeypatch.setattr(browser.subprocess, "call", call)
    monkeypatch.setattr(browser.shutil, "which", lambda name: "/usr/bin/apt-get" if name == "apt-get" else None)
    monkeypatch.setattr(browser, "playwright_chromium", lambda: None)
    return state


def test_the_headless_shell_is_used_as_it_is(machine, capsys):
    machine["files"] = {browser.DEBIAN_HEADLESS_SHELL, browser.DEBIAN_CHROMIUM}
    assert browser.install() == 0
    assert machine["apt"] == []
    assert f"using {browser.DEBIAN_HEADLESS_SHELL}" in capsys.readouterr().out


def test_beside_a_full_browser_root_adds_the_shell(machine, capsys):
    machine["files"] = {browser.DEBIAN_CHROMIUM}
    machine["installs"] = {"chromium-headless-shell": {browser.DEBIAN_HEADLESS_SHELL}}
    assert browser.install() == 0
    assert machine["apt"] == [(False, "chromium-headless-shell")]
    assert browser.find_chromium()[0] == browser.DEBIAN_HEADLESS_SHELL


def test_beside_a_full_browser_a_user_is_never_asked_for_a_password(machine, capsys):
    machine["files"] = {browser.DEBIAN_CHROMIUM}
    machine["root"] = False
    assert browser.install() == 0
    assert machine["apt"] == []
    assert f"using {browser.DEBIAN_CHROMIUM}" in capsys.readouterr().out


def test_when_the_shell_cannot_be_installed_the_full_browser_stays(machine, capsys):
    machine["files"] = {browser.DEBIAN_CHROMIUM}
    assert browser.install() == 0
    assert machine["apt"] == [(False, "chromium-headless-shell")]
    assert f"using {browser.DEBIAN_CHROMIUM}" in capsys.readouterr().out


def test_chromium_path_is_taken_as_given(machine, monkeypatch, capsys):
    machine["files"] = {"/opt/my-chrome", browser.DEBIAN_CHROMIUM}
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/my-chrome")
    assert browser.install() == 0
    assert machine["apt"] == []
    assert "CHROMIUM_PATH=/opt/my-chrome" in capsys.readouterr().out


def test_no_browser_at_all_installs_the_shell_and_else_the_full_browser(machine, capsys):
    machine["installs"] = {"chromium": {browser.DEBIAN_CHROMIUM}}
    assert browser.install() == 0
    assert machine["apt"] == [(False, "chromium-headless-shell"), (False, "chromium")]
    assert f"using {browser.DEBIAN_CHROMIUM}" in capsys.readouterr().out


def test_nothing_installable_fails_in_one_line(machine, capsys):
    assert browser.install() == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "CHROMIUM_PATH" in err
