"""The shift buttons on a worker's profile (modules/TimeCard/Components/ShiftButtons.jsx).

The platform gives them no test ids: its own Cypress spec (time_sheet.js) uses the classes
`.start-shift-btn` and `.end-shift-btn`, and so do we. The message under End Shift is a bare
Typography next to the button (no id, no class of its own).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, ui


@dataclass(frozen=True)
class ShiftButtonsState:
    """What the buttons show: their labels and whether a shift may be started now."""

    start_label: str
    can_start: bool
    end_label: str


class ShiftButtons(BasePage):
    """Start Shift / End Shift, shown to a custodian on an active worker's profile."""

    MARKER = css(".end-shift-btn", "the End Shift button")
    START = css(".start-shift-btn", "the Start Shift button")
    END = css(".end-shift-btn", "the End Shift button")
    MESSAGE = Locator(
        By.XPATH,
        '//button[contains(@class, "end-shift-btn")]/following-sibling::*[contains(@class, "MuiTypography-root")]',
        "the message under End Shift",
    )
    # The reference app marks the buttons' row busy while manageShift is on its way (the platform does
    # not: there the wait ends at once, as its buttons change before the answer comes).
    BUSY = css('[aria-busy="true"] .end-shift-btn', "the shift buttons waiting for the platform")
    START_LABEL = ui("Start Shift")
    IN_PROGRESS_LABEL = ui("Shift in Progress")

    def state(self) -> ShiftButtonsState:
        """The buttons as shown now."""
        return ShiftButtonsState(self.label_of(self.START), self.find(self.START).is_enabled(), self.label_of(self.END))

    def is_offered(self) -> bool:
        """Whether the profile shown offers the shift buttons (once the profile has loaded: the platform
        decides with the person's details whether to show them at all)."""
        return self.is_shown(self.END)

    def in_progress(self) -> bool:
        """Whether the buttons show a shift in progress (start disabled, "Shift in Progress")."""
        return self.label_of(self.START) == self.IN_PROGRESS_LABEL and not self.find(self.START).is_enabled()

    def _press(self, button: Locator, *, answered: bool = True) -> None:
        """Press a button; with `answered`, return once the platform has answered the manageShift it sent.

        The platform's buttons change as soon as they are pressed, before the platform has recorded
        anything, and its GraphQL client is not seen by the page-settling watch (it keeps the fetch it
        started with): the answer is seen as the request's entry in the page's resource timing.
        """
        if answered:
            self.driver.execute_script(WATCH_ANSWERS)
        self.click(button)  # under the install banner, the click closes it first (BasePage.click)
        if answered:
            self.wait_until(lambda d: d.execute_script(ANSWERED), f"the platform did not answer {button}")
        self.wait_gone(self.BUSY)

    def start_shift(self) -> float:
        """Press Start Shift; once the shift shows in progress, the moment it did (time.monotonic())."""
        self._press(self.START)
        self.wait_until(lambda _d: self.in_progress(), "the shift did not show as in progress")
        return time.monotonic()

    def press_start_shift(self) -> None:
        """Press Start Shift, whatever follows (the platform may refuse); returns once it has answered."""
        self._press(self.START)

    def watch_shift_in_progress(self, since: float, seconds: float) -> float:
        """Watch the shift stay in progress until `seconds` have passed since `since`; the seconds passed.

        A timed wait of the production page's script ("wait 20 sec"), as a wait on the clock.
        """

        def waited_enough(_driver) -> float | None:
            if not self.in_progress():
                raise LookupError(
                    f"the shift stopped showing in progress after {time.monotonic() - since:.1f}s;"
                    f" the screen shows {self.screen()}"
                )
            passed = time.monotonic() - since
            return passed if passed >= seconds else None

        return self.wait_until(waited_enough, f"{seconds:g} seconds did not pass", timeout=seconds + self.timeout)

    def end_shift(self) -> None:
        """Press End Shift on a running shift; returns once the profile offers Start Shift again."""
        self._press(self.END)
        self.wait_until(
            lambda _d: self.find(self.START).is_enabled() and self.label_of(self.START) == self.START_LABEL,
            "Start Shift was not offered again",
        )

    def end_shift_expecting_refusal(self) -> str:
        """Press End Shift when no shift may be ended; the message shown under it (the page refuses by
        itself: nothing is sent)."""
        self._press(self.END, answered=False)
        return self.text_of(self.MESSAGE)


# Before a press: count the answers to GraphQL requests the page starts from now on (a request of the
# page's loading, answered after the press, is not the press's; a PerformanceObserver sees every
# request's entry, even past the resource timing buffer's 250).
WATCH_ANSWERS = """
const since = performance.now();
window.__prodready_answers = 0;
if (window.__prodready_answers_seen) window.__prodready_answers_seen.disconnect();
window.__prodready_answers_seen = new PerformanceObserver(list => {
  window.__prodready_answers += list.getEntries()
    .filter(e => e.startTime >= since && new URL(e.name).pathname === '/graphql').length;
});
window.__prodready_answers_seen.observe({type: 'resource'});
"""
ANSWERED = "return window.__prodready_answers > 0;"
