"""Browser tests: Debian's chromium and chromedriver, headless, driven by selenium against uvicorn on 127.0.0.1.

Signs in, corrects a claim through its form, checks the audit trail, and saves a screenshot of each page under
docs/screenshots/ (look at them after a change to the templates or the CSS).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from serve_support import PASSWORD, Live, filled_copy, live_server

pytestmark = pytest.mark.slow

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Live]:
    from lossledger.analyse.ledger import LedgerStore
    from lossledger.analyse.series import Series

    url = filled_copy(str(tmp_path / "ledger.db"))
    with LedgerStore(url) as store:
        store.save_series([Series(
            "general-staff", "russia", "killed_or_wounded", "official claim", "test series",
            {date(2025, 5, 1): 960_000.0, date(2025, 5, 20): 980_000.0, date(2025, 6, 12): 1_000_340.0,
             date(2025, 6, 20): 1_008_000.0}, claimant="General Staff of the Armed Forces of Ukraine")])
    with live_server(db=url) as live:
        yield live


def _shot(driver, name: str) -> Path:  # type: ignore[no-untyped-def]
    """Save a screenshot of the whole page (up to 2,400 px high) as docs/screenshots/NAME.png."""
    driver.execute_script("window.scrollTo(0, 0)")
    height = driver.execute_script("return Math.max(document.body.scrollHeight, 600)")
    driver.set_window_size(1280, min(int(height) + 40, 2400))
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 900)
    return path


def test_sign_in_correct_a_claim_and_see_the_audit_trail(browser, server: Live) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    d = browser
    wait = WebDriverWait(d, 15)
    d.get(server.url + "/")
    assert "russia · killed_or_wounded" in d.page_source and "Band at" in d.page_source
    _shot(d, "overview")
    d.get(server.url + "/timeline?side=russia&category=killed_or_wounded")
    assert d.find_elements(By.CSS_SELECTOR, "svg.chart circle") and d.find_elements(By.CSS_SELECTOR, "svg .band")
    _shot(d, "timeline")
    d.get(server.url + "/claims?q=tanks")
    _shot(d, "search")
    d.find_element(By.LINK_TEXT, "10,933").click()
    claim_url = d.current_url
    mark = d.find_element(By.CSS_SELECTOR, "mark#evidence")
    assert "10,933 tanks" in mark.text
    _shot(d, "claim")
    d.find_element(By.CSS_SELECTOR, "p.lead a[href^='/claimants/']").click()
    assert "Bias ratio" in d.page_source
    _shot(d, "claimant")

    d.get(claim_url)
    d.find_element(By.LINK_TEXT, "Sign in").click()
    _shot(d, "login")
    d.find_element(By.NAME, "name").send_keys("ann")
    d.find_element(By.NAME, "password").send_keys(PASSWORD)
    d.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    wait.until(ec.url_to_be(claim_url))
    assert "ann" in d.find_element(By.CSS_SELECTOR, ".who .user").text

    form = d.find_element(By.CSS_SELECTOR, "form.correct-form")
    value = form.find_element(By.NAME, "value")
    value.clear()
    value.send_keys("10934")
    form.find_element(By.NAME, "reason").send_keys("the General Staff's report says 10,934")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "table.audit")))
    audit = d.find_element(By.CSS_SELECTOR, "table.audit").text
    assert "ann" in audit and "correct" in audit and "10933 → 10934" in audit
    assert "10,934" in d.find_element(By.CSS_SELECTOR, "h1 .figure").text
    record = d.find_element(By.CSS_SELECTOR, "table.record").text
    assert "low 10934 10933" in record and "high 10934 10933" in record  # exact: low = high = value
    assert d.find_element(By.CSS_SELECTOR, "tr.changed").text.startswith("value")
    _shot(d, "claim-corrected")

    d.get(server.url + "/audit")
    rows = d.find_elements(By.CSS_SELECTOR, "table.audit tbody tr")
    assert len(rows) == 1 and "the General Staff's report says 10,934" in rows[0].text
    _shot(d, "audit")
    d.get(server.url + "/ingest")
    _shot(d, "ingest")
    d.get(server.url + "/docs")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".swagger-ui .opblock")))
    _shot(d, "api-docs")
    # the correction is what the API serves
    d.get(server.url + "/api/claims?category=tanks")
    assert '"value":10934' in d.page_source.replace(" ", "")
