"""One gate journey two ways: through prodready's actors and page objects, and in raw Selenium.

The journey (the measured floor in ENVIRONMENT.md): log in → manual entry form with five fields →
Grant → observation → the entry visible in the logbook. Same app, same browser, same waits'
polling, interleaved runs; the ratio says what the framework's structure costs.
"""
from __future__ import annotations

import statistics
import time
from typing import Callable

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from pages.base import POLL_SECONDS, is_stale
from pages.logbook import LogbookPage
from pages.manual_entry import ManualEntryPage, ObservationDialog
from prodready.actors import Cast
from prodready.gate_access import entry_for

VISITOR = {"name": "Bench Visitor", "phone": "+260971234567", "nrc": "123456/10/1", "vehicle": "ABZ 1234",
           "reason": "client"}


def through_framework(cast: Cast) -> None:
    """The journey as the suite's steps perform it."""
    guard = cast.actor("guard")
    guard.log_in_through_form()
    guard.open(ManualEntryPage).fill_visitor(VISITOR)
    guard.on(ManualEntryPage).grant()
    guard.on(ObservationDialog).write("bench note")
    guard.on(ObservationDialog).save_and_go_to_logbook()
    entry = entry_for(guard.on(LogbookPage).entries(), VISITOR["name"], kind="Manual Entry")
    assert "bench note" in entry.observations


def raw_selenium(driver, base_url: str, email: str, password: str) -> None:
    """The same journey written straight against Selenium, as a quick script would be."""
    wait = WebDriverWait(driver, 10, poll_frequency=POLL_SECONDS)

    def submit(selector: str) -> None:
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, selector).click()
        wait.until(lambda _d: is_stale(old))

    driver.get(base_url + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    submit('[data-testid="login_btn"]')
    driver.get(base_url + "/request")
    driver.find_element(By.ID, "closeBtn").click()  # the install banner covers the bottom buttons
    for field, testid in (("name", "entry_user_name"), ("phone", "entry_user_phone"), ("nrc", "entry_user_nrc"),
                          ("vehicle", "entry_user_vehicle")):
        driver.find_element(By.CSS_SELECTOR, f'[data-testid="{testid}"]').send_keys(VISITOR[field])
    Select(driver.find_element(By.ID, "reason")).select_by_value("client")
    submit('[data-testid="entry_user_grant"]')
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, '[data-testid="entry-dialog-field"]'))).send_keys("bench note")
    submit('[data-testid="save_and_view_logbook"]')
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, '[data-testid="log_entries"]'), VISITOR["name"]))


def timed(action: Callable[[], None], reset: Callable[[], None]) -> float:
    """Seconds for one journey, from a clean community."""
    reset()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def compare(cast_factory: Callable[[], Cast], api, base_url: str, creds, rounds: int) -> dict:
    """Interleave both ways `rounds` times; medians and the ratio framework / raw."""
    framework, raw = [], []
    for _ in range(rounds):
        cast = cast_factory()
        framework.append(timed(lambda: through_framework(cast), api.reset))
        cast.pool.release_all()
        session = cast.pool.acquire("desktop")
        raw.append(timed(lambda: raw_selenium(session.driver, base_url, creds.email, creds.password), api.reset))
        cast.pool.release_all()
    result = {"framework_median_s": statistics.median(framework), "raw_median_s": statistics.median(raw)}
    result["ratio"] = result["framework_median_s"] / result["raw_median_s"]
    return result
