"""The platform's MUI widgets as services of every page: choosing in a Select, reading its options."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By

from .locators import Locator, css, ui

LISTBOX = css('ul[role="listbox"]', "the open list of options")
# Whether what a CSS selector finds has stopped moving: MUI brings menus, popovers and drawers in with a CSS
# transition of their Paper (grow, slide), and an item clicked mid-transition is hit where it was, i.e. in its
# neighbour's place by the time the click lands.
STILL = """
const el = document.querySelector(arguments[0]);
const paper = el && (el.closest('.MuiPaper-root') || el);
return !!paper && paper.getAnimations().length === 0;
"""
# From whatever locates a Select (its FormControl root, hidden native input or visible box): the box.
SELECT_BOX = """
const a = arguments[0];
if (a.matches('[aria-haspopup="listbox"]')) return a;
return (a.closest('.MuiInputBase-root') || a).querySelector('[aria-haspopup="listbox"]')
    || a.querySelector('[aria-haspopup="listbox"]');
"""


# MUI lab's mobile pickers (components/DatePickerDialog.jsx): a read-only field opening a dialog whose
# toolbar's pen button switches to a text field; "pick time" shows the clock with its AM / PM buttons.
PICKER = '//*[@role="dialog"][.//*[contains(@class, "PrivatePickersToolbar-root")]]'  # the open one: the visible one


class MuiWidgets:
    """Mixed into BasePage: a MUI Select is a div[role=button] opening a portal listbox of options."""

    def _select_box(self: Any, select: Locator) -> Any:
        box = self.driver.execute_script(SELECT_BOX, self.wait_present(select))
        if box is None:
            raise LookupError(f"{select} is not a select box; the screen shows {self.screen()}")
        return box

    def _open_select(self: Any, select: Locator) -> None:
        """Open a Select's list with its box in mid-screen, where the popover has room below it."""
        box = self._select_box(select)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
        self.click(box)

    def wait_still(self: Any, selector: str, what: str) -> None:
        """Wait until the menu, popover or drawer holding what `selector` finds has finished coming in."""
        self.wait_until(lambda d: d.execute_script(STILL, selector), f"{what} did not stop moving")

    def pick(self: Any, select: Locator, value: str | None = None, text: str | None = None) -> None:
        """Choose an option of a MUI Select: open its box, click the option in the portal listbox."""
        self._open_select(select)
        self.wait_still('ul[role="listbox"]', f"the options of {select}")
        if value is not None:
            option = css(
                f'ul[role="listbox"] li[role="option"][data-value="{value}"]', f"the option {value!r} of {select}"
            )
        else:
            option = Locator(
                By.XPATH,
                f'//ul[@role="listbox"]//li[@role="option"][normalize-space()="{text}"]',
                f"the option {text!r} of {select}",
            )
        self.click(option)
        self.wait_gone(LISTBOX)

    def options_of(self: Any, select: Locator) -> list[str]:
        """The texts of a MUI Select's options (opens and closes its list)."""
        self._open_select(select)
        listbox = self.wait_for(css('ul[role="listbox"]', f"the options of {select}"))
        texts = self.driver.execute_script(
            "const box = arguments[0];"
            "const texts = Array.from(box.querySelectorAll('li[role=\"option\"]')).map(li => li.innerText.trim());"
            "const p = box.closest('.MuiPopover-root, .MuiModal-root');"
            "const b = p && p.querySelector('.MuiBackdrop-root'); if (b) b.click(); return texts;",
            listbox,
        )
        self.wait_gone(LISTBOX)
        return list(texts)

    def choose_in_picker(self: Any, field: Any, typed: str, pm: bool | None = None) -> None:
        """Set a MUI lab picker (field: its Locator or input element): open it, switch its dialog to the
        text view, type the value in the picker's own format; `pm` then picks AM or PM on its clock (a
        date-with-time field takes its hours 01-12 and no AM/PM in the text view); Ok."""
        self.click(field)
        self.click(Locator(By.XPATH, f'{PICKER}//button[contains(@aria-label, "go to text input view")]', "the pen"))
        self.type_into(Locator(By.XPATH, f"{PICKER}//input", "the picker's text field"), typed)
        if pm is not None:
            self.click(Locator(By.XPATH, f'{PICKER}//button[contains(@aria-label, "view is open")]', "the pen"))
            tab = Locator(By.XPATH, f'{PICKER}//button[@aria-label="pick time"]', "the picker's time tab")
            if self.is_shown(tab):
                self.click(tab)
            half = "PM" if pm else "AM"
            self.click(Locator(By.XPATH, f'{PICKER}//button[normalize-space()="{half}"]', f"the clock's {half}"))
        self.click(Locator(By.XPATH, f'{PICKER}//button[normalize-space()="{ui("Ok")}"]', "the picker's Ok"))
        self.wait_gone(Locator(By.XPATH, PICKER, "the picker"))
