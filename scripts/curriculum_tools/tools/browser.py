"""Find a Chromium for the browser tests, or install one.

Playwright's own browser is used where it is installed (a laptop with internet); otherwise
Debian's `chromium-headless-shell` (the "old headless" build Playwright itself runs headless
tests with: a page costs about a third of the CPU the full browser's headless mode does, which
took a full `make test` run from 537 s to 442 s of pytest here), then Debian's full `chromium`.
`--install` installs the headless shell with apt-get when running as root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

DEBIAN_CHROMIUM = "/usr/bin/chromium"
DEBIAN_HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"  # package chromium-headless-shell

# Flags for a headless browser on a machine with no network but loopback.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:
        return None
    return path if path and os.path.exists(path) else None


def find_chromium() -> tuple[str | None, str]:
    """(executable path or None for Playwright's default, description)."""
    override = os.environ.get("CHROMIUM_PATH")
    if override and os.path.exists(override):
        return override, f"CHROMIUM_PATH={override}"
    if playwright_chromium():
        return None, "Playwright's own Chromium"
    for candidate in (
        DEBIAN_HEADLESS_SHELL,
        DEBIAN_CHROMIUM,
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.path.exists(candidate):
            return candidate, candidate
    return None, ""


def apt_install(package: str, *, ask: bool = True) -> bool:
    """Install a Debian package: as root, or with sudo when ask is true (sudo may prompt)."""
    root = os.geteuid() == 0
    if not shutil.which("apt-get") or not (root or ask):
        return False
    print(f"browser: installing Debian's {package} with apt-get", flush=True)
    sudo = [] if root else ["sudo"]
    subprocess.call(sudo + ["apt-get", "update", "-qq"], stdout=subprocess.DEVNULL)
    return subprocess.call(sudo + ["apt-get", "install", "-y", "-qq", package], stdout=subprocess.DEVNULL) == 0


def install() -> int:
    path, what = find_chromium()
    full_browser = bool(what) and path not in (None, DEBIAN_HEADLESS_SHELL) and not os.environ.get("CHROMIUM_PATH")
    if what and not full_browser:
        print(f"browser: using {what}")
        return 0
    # The headless shell costs a third of the CPU per page. Beside a full browser that works,
    # it is added only where no password is asked (root), never with a sudo prompt.
    if apt_install("chromium-headless-shell", ask=not full_browser) and os.path.exists(DEBIAN_HEADLESS_SHELL):
        print(f"browser: using {DEBIAN_HEADLESS_SHELL}")
        return 0
    if what:
        print(f"browser: using {what}")
        return 0
    print("browser: no Chromium found; trying Playwright's download", flush=True)
    if (
        subprocess.call(
            [sys.executable, "-m", "playwright", "install", "chromium"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        == 0
        and playwright_chromium()
    ):
        print("browser: installed Playwright's Chromium")
        return 0
    if apt_install("chromium") and os.path.exists(DEBIAN_CHROMIUM):
        print(f"browser: using {DEBIAN_CHROMIUM}")
        return 0
    print("browser: could not install a browser; install Chromium and set CHROMIUM_PATH", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(install() if "--install" in sys.argv else (0 if find_chromium()[1] else 1))
