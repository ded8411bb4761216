"""The guard's manual-entry journey through prodready's actors and page objects, and in raw Selenium.

Journey: log in on the login screen (username, password, Continue) → Manual Entry → the five
required fields (name, phone, NRC, vehicle plate, reason) → Grant → an observation → "Save &
Manually Record Next Entry" → the entry and its observation in the logbook (/logbook).
Each journey calls `mark(phase)` at its phase boundaries (a no-op when nobody listens).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from pages.base import POLL_SECONDS
from pages.locators import is_stale
from pages.logbook import LogbookPage
from pages.manual_entry import ManualEntryPage, ObservationDialog
from prodready.browser.actors import Cast
from prodready.scenario.gate_access import find_entry

Mark = Callable[[str], None]
PHASES = ("login", "open form", "fill", "grant", "note", "save", "logbook")
NOTE = "Arrived by taxi, bench note"
# The form's required fields, in the order the brief names them (keys are ManualEntryPage.FIELDS').
VISITOR = {
    "name": "Bench Visitor",
    "phone number": "+260971234567",
    "nrc": "123456/10/1",
    "vehicle plate": "ABZ1234",
    "reason": "client",
}
# The same fields by the data-testid the page object's locators use (pages/manual_entry.py).
FIELD_TESTIDS = {
    "name": "entry_user_name",
    "phone number": "entry_user_phone",
    "nrc": "entry_user_nrc",
    "vehicle plate": "entry_user_vehicle",
}


def no_mark(_phase: str) -> None:
    """A phase boundary nobody records."""


def through_framework(cast: Cast, mark: Mark = no_mark) -> None:
    """The journey as the suite's steps perform it (steps/application_steps.py, gate_manual_entry_steps.py)."""
    guard = cast.actor("guard")
    mark("login")
    guard.log_in_through_form()
    mark("open form")
    guard.open(ManualEntryPage)
    mark("fill")
    guard.on(ManualEntryPage).fill(VISITOR)
    mark("grant")
    guard.on(ManualEntryPage).press_grant()
    mark("note")
    guard.on(ObservationDialog).add_note(NOTE)
    mark("save")
    guard.on(ObservationDialog).save_and_record_next()
    mark("logbook")
    entries = guard.open(LogbookPage).entries()
    find_entry(entries, VISITOR["name"], guard=guard.name, chip=LogbookPage.OBSERVATION, note=NOTE)
    mark("end")


def raw_selenium(
    driver: Any, base_url: str, username: str, password: str, guard_name: str, mark: Mark = no_mark
) -> None:
    """The same journey written straight against Selenium: same locators, same things waited for."""
    wait = WebDriverWait(driver, 10, poll_frequency=POLL_SECONDS)

    def visible(selector: str) -> WebElement:
        return wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, selector)))

    def testid(value: str) -> WebElement:
        return driver.find_element(By.CSS_SELECTOR, f'[data-testid="{value}"]')

    mark("login")
    driver.get(base_url + "/login")
    visible('[data-testid="login-btn"]')
    driver.find_element(By.CSS_SELECTOR, '[data-testid="username-field"] input').send_keys(username)
    testid("password_input").send_keys(password)
    testid("login-btn").click()
    wait.until(lambda d: "/login" not in d.current_url)
    visible('[data-testid="page_title"]')
    mark("open form")
    driver.get(base_url + "/request")
    visible('[data-testid="entry_user_name"]')
    mark("fill")
    for field, test_id in FIELD_TESTIDS.items():
        testid(test_id).send_keys(VISITOR[field])
    driver.find_element(By.ID, "reason").click()
    visible(f'ul[role="listbox"] li[role="option"][data-value="{VISITOR["reason"]}"]').click()
    mark("grant")
    testid("entry_user_grant").click()
    note = visible('[data-testid="entry-dialog-field"]')
    mark("note")
    note.send_keys(NOTE)
    mark("save")
    old = driver.find_element(By.TAG_NAME, "html")
    testid("save_and_record_other").click()
    wait.until(lambda _d: is_stale(old))
    mark("logbook")
    driver.get(base_url + "/logbook")
    visible('[data-testid="access_search"]')
    cards = [card.text for card in driver.find_elements(By.CSS_SELECTOR, ".MuiCard-root")]
    if not any(VISITOR["name"] in text and NOTE in text and guard_name in text for text in cards):
        raise AssertionError(f"raw Selenium: no logbook card of {VISITOR['name']} with the note; cards: {cards}")
    mark("end")


def clean_raw(driver: Any) -> None:
    """Between journeys, what Session.clean does: storage, cookies, a blank page."""
    driver.execute_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
    driver.delete_all_cookies()
    driver.get("about:blank")
