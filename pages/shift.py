"""The shift buttons on a worker's profile: Start Shift, End Shift and the shift in progress."""
from __future__ import annotations

import re

from .base import BasePage, css, testid
from .components import InstallBanner, Toast


def clock_seconds(text: str) -> int | None:
    """Seconds shown by the live timer ("0:00:07"), or None while it shows nothing readable."""
    match = re.fullmatch(r"(\d+):(\d{2}):(\d{2})", text.strip())
    return None if match is None else int(match[1]) * 3600 + int(match[2]) * 60 + int(match[3])


class ShiftButtons(BasePage):
    """The profile's shift section, shown to custodians on an active worker's profile."""

    MARKER = testid("shift_section", "the shift buttons of the profile")
    START = css(".start-shift-btn", "the Start Shift button")
    END = css(".end-shift-btn", "the End Shift button")
    STATUS = testid("shift_status", "the shift status")
    ELAPSED = testid("shift_elapsed", "the timer of the shift in progress")

    def start_shift(self) -> "ShiftButtons":
        """Press Start Shift; the profile again, showing the shift in progress."""
        self.goes_to(InstallBanner).dismiss()  # as the platform's spec does before the buttons near the bottom
        self.click_and_load(self.START)
        self.wait_for(self.ELAPSED)
        return self.wait_loaded()

    def end_shift(self) -> "ShiftButtons":
        """Press End Shift on a running shift; the profile again (the time sheet tells whether it was recorded)."""
        self.goes_to(InstallBanner).dismiss()
        self.click_and_load(self.END)
        return self.wait_loaded()

    def end_shift_expecting_message(self) -> str:
        """Press End Shift when it should be refused; the message the platform shows."""
        self.goes_to(InstallBanner).dismiss()
        self.click_and_load(self.END)
        self.wait_loaded()
        messages = self.goes_to(Toast).messages()
        if not messages:
            raise AssertionError("End Shift showed no message")
        return messages[-1]

    def wait_until_shift_has_run(self, seconds: float) -> int:
        """Watch the live timer until it shows at least `seconds`; the seconds it shows then."""
        self.wait_for(self.ELAPSED)
        self.goes_to(InstallBanner).dismiss()  # now, so that End Shift can be pressed the moment the wait is over

        def reached(_driver) -> int | None:
            shown = clock_seconds(self.find(self.ELAPSED).text)
            return shown if shown is not None and shown >= seconds else None

        return self.wait_until(reached, f"the shift in progress never reached {seconds:g} seconds",
                               timeout=seconds + self.timeout)

    def start_label(self) -> str:
        """What the start button says ("Start Shift", or "Shift in Progress" while one runs)."""
        return self.wait_for(self.START).get_attribute("aria-label") or self.text_of(self.START)

    def can_start(self) -> bool:
        """Whether Start Shift may be pressed now."""
        return self.wait_for(self.START).is_enabled()

    def in_progress(self) -> bool:
        """Whether the profile shows a shift in progress."""
        return self.is_shown(self.ELAPSED)
