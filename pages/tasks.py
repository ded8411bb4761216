"""Tasks: the dashboard with its tiles and task list, the new task form, and a task's details."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

from .base import BasePage, css, testid, text_in


@dataclass(frozen=True)
class TaskRow:
    """One task of a list, as shown."""

    name: str
    due: str
    assignee: str
    overdue: bool
    completed: bool


class TasksPage(BasePage):
    """The task dashboard: a tile per filter with its count; below, the chosen tile's tasks."""

    PATH = "/tasks"
    MARKER = testid("todo-container", "the task dashboard")
    TILES = testid("task_tile", "the dashboard's tiles")
    LIST_TITLE = testid("task_list_title", "the title of the task list")
    ROWS = testid("task_row", "the tasks listed")
    CREATE = testid("create_task_btn", "the Create a task button")
    TOGGLE = testid("task_completion_toggle_button", "a task's completion toggle")
    DETAILS = testid("open_task_details", "a task's Open Task Details link")

    def tiles(self) -> dict[str, int]:
        """Each tile's count, by its label, in the dashboard's order."""
        return {text_in(tile, "task_tile_label"): int(text_in(tile, "task_tile_count"))
                for tile in self.find_all(self.TILES)}

    def open_tile(self, label: str) -> "TasksPage":
        """Click a tile to list its tasks."""
        for tile in self.find_all(self.TILES):
            if text_in(tile, "task_tile_label") == label:
                self.click_and_load(tile)
                return self.wait_loaded()
        raise AssertionError(f"the task dashboard has no tile {label!r} (it has {list(self.tiles())})")

    def listing(self) -> str:
        """Which tile's tasks are listed."""
        return self.text_of(self.LIST_TITLE)

    def tasks(self) -> list[TaskRow]:
        """The tasks listed now."""
        return [TaskRow(name=text_in(row, "task_body"), due=text_in(row, "task_due_date"),
                        assignee=text_in(row, "task_assignee"), overdue=bool(text_in(row, "task_overdue")),
                        completed=bool(text_in(row, "task_completed")))
                for row in self.find_all(self.ROWS)]

    def task_names(self) -> list[str]:
        """The names of the tasks listed now."""
        return [t.name for t in self.tasks()]

    def _row(self, name: str) -> WebElement:
        for row in self.find_all(self.ROWS):
            if text_in(row, "task_body") == name:
                return row
        raise AssertionError(f"{name!r} is not listed under {self.listing()!r} (listed: {self.task_names()})")

    def toggle_completion(self, name: str) -> "TasksPage":
        """Press a task's completion toggle; the same list again."""
        self.click_and_load(self._row(name).find_element(*self.TOGGLE))
        return self.wait_loaded()

    def open_details(self, name: str) -> "TaskDetailsPage":
        """Open Task Details of a listed task."""
        self.click_and_load(self._row(name).find_element(*self.DETAILS))
        return self.goes_to(TaskDetailsPage)

    def create_task(self) -> "TaskFormPage":
        """Open the new task form."""
        self.click_and_load(self.CREATE)
        return self.goes_to(TaskFormPage)


class TaskFormPage(BasePage):
    """Create a task: name, description, due date, assignee."""

    PATH = "/tasks/new"
    MARKER = testid("task_form", "the new task form")
    NAME = testid("task-body", "the Task Name field")
    DESCRIPTION = testid("task-description", "the Description field")
    DUE = testid("task-due-date", "the Due Date picker")
    ASSIGNEE = testid("task-assignee", "the Assignee picker")
    SUBMIT = testid("task-submit-button", "the Create Task button")
    ERRORS = css(".field-error", "the field errors")

    def fill(self, name: str, description: str = "", due: date | None = None,
             assignee: str | None = None) -> "TaskFormPage":
        """Fill in the task; the assignee is picked by the name shown."""
        self.type_into(self.NAME, name)
        self.type_into(self.DESCRIPTION, description)
        if due is not None:
            self.set_value(self.DUE, due.isoformat())
        if assignee is not None:
            Select(self.wait_for(self.ASSIGNEE)).select_by_visible_text(assignee)
        return self

    def assignees(self) -> list[str]:
        """Who the task can be assigned to, by name."""
        return [o.text.strip() for o in Select(self.wait_for(self.ASSIGNEE)).options if o.get_attribute("value")]

    def submit(self) -> TasksPage:
        """Create the task; the task dashboard follows."""
        self.click_and_load(self.SUBMIT)
        return self.goes_to(TasksPage)

    def submit_expecting_errors(self) -> list[str]:
        """Create a task the platform must refuse; the errors shown."""
        self.click_and_load(self.SUBMIT)
        self.wait_loaded()
        return self.texts_of(self.ERRORS)


class TaskDetailsPage(BasePage):
    """A task's details, with Reassign for admins and the task's author."""

    MARKER = testid("task-info-section", "the task's details")
    ASSIGNEE_SHOWN = css('[data-testid="task-info-section"] [data-testid="task_assignee"]', "the task's assignee")
    ASSIGNEE = css('[data-testid="reassign_form"] [data-testid="task-assignee"]', "the Reassign picker")
    REASSIGN = testid("task-reassign-button", "the Reassign button")
    BACK = testid("back_to_tasks", "the Back to Tasks link")

    def assignee(self) -> str:
        """Who the task is assigned to."""
        return self.text_of(self.ASSIGNEE_SHOWN)

    def reassign_to(self, name: str) -> "TaskDetailsPage":
        """Assign the task to someone else, picked by the name shown."""
        Select(self.wait_for(self.ASSIGNEE)).select_by_visible_text(name)
        self.click_and_load(self.REASSIGN)
        return self.wait_loaded()
