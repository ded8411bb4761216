"""Tasks (modules/Tasks): the task form (TaskForm.jsx) and a task's details (TaskDetail.jsx).

Where the platform gives no test id: the assignee options by the Autocomplete's ARIA roles; the
form's dialog and its heading by their ARIA role and MUI class (MUI's Dialog paper, an h4); the due
date is MUI lab's picker (widgets: choose_in_picker).
"""

from __future__ import annotations

from datetime import date

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, testid


def _option(name: str, within: str = '//*[@role="dialog"]') -> Locator:
    """A person offered by an assignee search (the task form's, or the details' Add Assignee)."""
    return Locator(
        By.XPATH,
        f'{within}//li[@role="option"][.//*[normalize-space()="{name}"]]',
        f'the person "{name}" among the people offered',
    )


def search_people(page: BasePage, field: Locator, name: str) -> None:
    """Type a name into an assignee search key by key: the platform asks for the people on a key
    press (the Autocomplete's onKeyDown), not on the field's value alone."""
    page.click(field)
    ActionChains(page.driver).send_keys(name).perform()


class TaskForm(BasePage):
    """TaskForm.jsx in its full-screen dialog ("Create a task")."""

    MARKER = css('[role="dialog"] [data-testid="task-body"]', "the Task Name field")
    HEADING = css('[role="dialog"] h4.MuiTypography-h4', "the form's title")
    NAME = MARKER  # task-body is also each sub-task's row in a task's details
    DESCRIPTION = testid("task-description", "the Description field")
    ASSIGNEE = css('[role="dialog"] [data-testid="auto-complete-input"] input', "the assignee search")
    TASK_TYPE = testid("task-type", "the Task Type select")
    DUE = css('[role="dialog"] [data-testid="date-picker"] input', "the Due Date field")
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

    def task_types(self) -> list[str]:
        """The Task Type's options, in order."""
        return self.options_of(self.TASK_TYPE)

    def offers_assignee(self, name: str) -> bool:
        """Type the name into the assignee search: whether it offers that person."""
        search_people(self, self.ASSIGNEE, name)
        try:
            self.wait_for(_option(name))
        except LookupError:
            return False
        return True

    def pick_assignee(self, name: str) -> None:
        """Search for a person by name and pick them (they become a chip)."""
        search_people(self, self.ASSIGNEE, name)
        self.click(_option(name))
        self.wait_for(
            Locator(
                By.XPATH,
                f'//*[@role="dialog"]//*[contains(@class, "MuiAutocomplete-tag")]'
                f'/*[contains(@class, "MuiChip-label")][normalize-space()="{name}"]',
                f'the chip of "{name}"',
            )
        )

    def fill(
        self, name: str, description: str = "", assignees: tuple[str, ...] = (), due: date | None = None
    ) -> TaskForm:
        """Fill in the form (due: a day, or None to leave the form's own, today)."""
        self.type_into(self.NAME, name)
        self.type_into(self.DESCRIPTION, description)
        for person in assignees:
            self.pick_assignee(person)
        if due:
            self.choose_in_picker(self.DUE, due.isoformat())
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
    ADD_ASSIGNEE = css('[data-testid="add-assignee"] .MuiChip-root', "the Add Assignee chip")
    ASSIGNEE_SEARCH = css('[data-testid="add-assignee"] .MuiAutocomplete-root input', "the assignee search")
    SUB_TASKS = css('[data-testid="task-subtasks-section"] [data-testid="task_body"]', "the sub-tasks")
    NO_SUB_TASKS = testid("no_subtasks", "the no-sub-tasks message")
    COMMENT_BOX = testid("body_input", "the comment box")
    COMMENT = testid("comment_btn", "the Comment button")
    COMMENTS = css('[data-testid="comment-body"] > span:last-child', "the comments")  # after the date and author
    COMMENTS_SECTION = testid("comments", "the comments' section")
    # TaskComment.jsx says "Data not available" (in a <div><p>) until the comments have loaded.
    COMMENTS_LOADING = css('[data-testid="comments"] > div > p', "the comments' loading message")
    CLOSE = testid("close-drawer-button", "the button that closes the details")
    PANEL = testid("drawer-paper", "the split screen's panel")

    @staticmethod
    def removal_of(name: str) -> Locator:
        """The delete icon of a person's assignee chip: it takes the task away from them."""
        return Locator(
            By.XPATH,
            f'//*[@data-testid="user_chip"][.//*[normalize-space()="{name}"]]'
            '//*[contains(@class, "MuiChip-deleteIcon")]',
            f"the removal of {name} from the task",
        )

    def title(self) -> str:
        """The task's name."""
        return self.text_of(self.TITLE)

    def assignees(self) -> list[str]:
        """Who the task is assigned to."""
        return self.texts_of(self.ASSIGNEES)

    def sub_tasks(self) -> list[str]:
        """The names of the task's sub-tasks (once loaded: they come after the task)."""

        def loaded(_d: object) -> list[list[str]] | None:
            names = self.texts_of(self.SUB_TASKS, visible=True)
            return [names] if names or self.is_shown(self.NO_SUB_TASKS) else None

        return self.wait_until(loaded, "the sub-tasks did not load")[0]

    def assign(self, name: str) -> TaskDetails:
        """Add Assignee › pick the person: assigns them (or takes the task away if they had it); returns
        once the assignees shown have changed."""
        before = self.assignees()
        if self.is_shown(self.ASSIGNEE_SEARCH):  # still open from an earlier pick: close it, for an empty search
            self.click(self.ADD_ASSIGNEE)
            self.wait_gone(self.ASSIGNEE_SEARCH)
        self.click(self.ADD_ASSIGNEE)
        search_people(self, self.ASSIGNEE_SEARCH, name)
        self.click(_option(name, within='//*[@data-testid="add-assignee"]'))
        self.wait_until(
            lambda _d: self.is_shown(self.MARKER) and self.assignees() != before,
            f"the assignees shown did not change from {before}",
        )
        return self

    def comment(self, text: str) -> TaskDetails:
        """Type a comment and press Comment; returns once the comment is shown."""
        self.type_into(self.COMMENT_BOX, text)
        self.click_and_load(self.COMMENT)
        self.wait_until(lambda _d: text in self.texts_of(self.COMMENTS), f'the comment "{text}" was not shown')
        return self

    def comments(self) -> list[str]:
        """The comments shown, oldest first (once loaded: "Data not available" stands in for them before)."""
        self.wait_for(self.COMMENTS_SECTION)
        self.wait_gone(self.COMMENTS_LOADING)
        return self.texts_of(self.COMMENTS)

    def close(self) -> None:
        """Close the split screen: the list alone (`on(TasksPage)`)."""
        self.click_and_load(self.CLOSE)
        self.wait_gone(self.MARKER)
