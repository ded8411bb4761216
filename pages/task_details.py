"""Tasks (modules/Tasks): the task form (TaskForm.jsx) and a task's details (TaskDetail.jsx).

Where the platform gives no test id: the assignee options by the Autocomplete's ARIA roles; the
form's dialog by its ARIA role (MUI's Dialog paper).
"""

from __future__ import annotations

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, testid


def _option(name: str) -> Locator:
    """A person offered by the task form's assignee search."""
    return Locator(
        By.XPATH,
        f'//*[@role="dialog"]//li[@role="option"][.//*[normalize-space()="{name}"]]',
        f'the person "{name}" among the people offered',
    )


def pick_option(page: BasePage, option: Locator) -> None:
    """Click an option of the assignee search once it stays put (the list is redrawn as answers arrive:
    BasePage.click finds and clicks in one attempt, again while the list replaces it)."""
    page.click(option)


class TaskForm(BasePage):
    """TaskForm.jsx in its full-screen dialog ("Create a task")."""

    MARKER = testid("task-body", "the Task Name field")
    HEADING = css('[role="dialog"] [data-testid="page_title"]', "the form's title")
    NAME = testid("task-body", "the Task Name field")
    DESCRIPTION = testid("task-description", "the Description field")
    ASSIGNEE = css('[role="dialog"] [data-testid="auto-complete-input"] input[role="combobox"]', "the assignee search")
    TASK_TYPE = testid("task-type", "the Task Type select")
    DUE = testid("date-picker", "the Due Date field")
    SUBMIT = testid("task-submit-button", "the Create Task button")
    CANCEL = testid("task-cancel-button", "the Cancel button")

    def heading(self) -> str:
        """The form's title."""
        return self.text_of(self.HEADING)

    def field_labels(self) -> list[str]:
        """The labels of the form's fields, as written (without the required mark)."""
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll('[role=dialog] label.MuiInputLabel-root'))"
            ".map(l => (l.firstChild ? l.firstChild.textContent : '').trim());"
        )

    def task_type(self) -> str:
        """The Task Type shown."""
        return self.wait_present(self.TASK_TYPE).find_element(By.CSS_SELECTOR, '[role="button"]').text.strip()

    def offers_assignee(self, name: str) -> bool:
        """Type the name into the assignee search: whether it offers that person."""
        self.type_into(self.ASSIGNEE, name)
        try:
            self.wait_for(_option(name))
        except LookupError:
            return False
        return True

    def pick_assignee(self, name: str) -> None:
        """Search for a person by name and pick them (they become a chip)."""
        self.type_into(self.ASSIGNEE, name)
        pick_option(self, _option(name))
        self.wait_for(
            Locator(
                By.XPATH,
                f'//*[@role="dialog"]//*[contains(@class, "MuiAutocomplete-tag")]'
                f'/*[contains(@class, "MuiChip-label")][normalize-space()="{name}"]',
                f'the chip of "{name}"',
            )
        )

    def fill(
        self, name: str, description: str = "", assignees: tuple[str, ...] = (), due: str | None = None
    ) -> TaskForm:
        """Fill in the form (due: YYYY-MM-DD, or None to leave it empty)."""
        self.type_into(self.NAME, name)
        self.type_into(self.DESCRIPTION, description)
        for person in assignees:
            self.pick_assignee(person)
        if due:
            self.set_value(self.DUE, due)
        return self

    def create(self) -> None:
        """Create Task: the form closes once the task is made (the list is next: `on(TasksPage)`)."""
        self.click_and_load(self.SUBMIT)
        self.wait_gone(self.NAME)

    def create_expecting_refusal(self) -> TaskForm:
        """Create Task when the form will not go (the page stays)."""
        self.click(self.SUBMIT)
        return self

    def name_asks_to_be_filled_in(self) -> bool:
        """Whether the browser holds the form back because Task Name is empty (its `required`)."""
        return bool(self.driver.execute_script("return arguments[0].validity.valueMissing;", self._field(self.NAME)))

    def cancel(self) -> None:
        """Cancel: the form closes, the list stays (`on(TasksPage)`)."""
        self.click(self.CANCEL)
        self.wait_gone(self.NAME)


class TaskDetails(BasePage):
    """TaskDetail.jsx: a task's details (in the split screen of the list, or on /tasks/:taskId)."""

    MARKER = testid("task-info-section", "the task's details")
    TITLE = css('[data-testid="task-info-section"] [data-testid="task-title"]', "the task's name")
    ASSIGNEES = css('[data-testid="user-chip"] [data-testid="user_chip"] .MuiChip-label', "the assignees")
    ADD_ASSIGNEE = testid("add-assignee", "the Add Assignee chip")
    ASSIGNEE_SEARCH = css(
        '[data-testid="add-assignee"] [data-testid="auto-complete-input"] input', "the assignee search"
    )
    COMMENT_BOX = testid("body_input", "the comment box")
    COMMENT = testid("comment_btn", "the Comment button")
    COMMENTS = testid("comment-body", "the comments")
    CLOSE = testid("close-drawer-button", "the button that closes the details")
    PANEL = testid("drawer-paper", "the split screen's panel")

    def title(self) -> str:
        """The task's name."""
        return self.text_of(self.TITLE)

    def assignees(self) -> list[str]:
        """Who the task is assigned to."""
        return self.texts_of(self.ASSIGNEES)

    def offers(self, label: str) -> bool:
        """Whether the details offer an action by its label ("Add Assignee")."""
        return self.is_shown(self.ADD_ASSIGNEE) and label in self.text_of(self.ADD_ASSIGNEE)

    def assign(self, name: str) -> TaskDetails:
        """Add Assignee › pick the person: assigns them (or takes the task away if they had it)."""
        self.click(css('[data-testid="add-assignee"] [role="button"]', "the Add Assignee chip"))
        self.type_into(self.ASSIGNEE_SEARCH, name)
        pick_option(
            self,
            Locator(
                By.XPATH,
                f'//*[@data-testid="add-assignee"]//li[@role="option"][.//*[normalize-space()="{name}"]]',
                f'the person "{name}" among the people offered',
            ),
        )
        self.wait_settled()
        return self.wait_loaded()

    def comment(self, text: str) -> TaskDetails:
        """Type a comment and press Comment."""
        self.type_into(self.COMMENT_BOX, text)
        self.click_and_load(self.COMMENT)
        return self.wait_loaded()

    def comments(self) -> list[str]:
        """The comments shown, oldest first."""
        return self.texts_of(self.COMMENTS)

    def close(self) -> None:
        """Close the split screen: the list alone (`on(TasksPage)`)."""
        self.click_and_load(self.CLOSE)
        self.wait_gone(self.MARKER)
