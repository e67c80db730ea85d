"""Chromium from Debian (never a downloaded browser), driven by Playwright from PyPI, headless,
on a phone-sized screen. Where either is missing the tests are skipped with the reason, which
pytest prints in its summary (`-ra`). Screenshots go to tests/browser/screenshots/ (ignored by git)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get update && apt-get install -y chromium fonts-thai-tlwg")
    if shutil.which("fc-list") and "Loma" not in subprocess.run(["fc-list"], capture_output=True, text=True).stdout:
        print("\nbrowser tests: fonts-thai-tlwg is not installed; Thai may render as boxes in screenshots")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        except sync_api.Error as error:
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture
def page(browser, request):
    """A fresh phone-sized page; its screenshot is saved under the test's name when the test ends."""
    context = browser.new_context(viewport=PHONE, locale="th-TH")
    opened = context.new_page()
    yield opened
    SCREENSHOTS.mkdir(exist_ok=True)
    opened.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
