"""Tasks (modules/Tasks): the task list with its quick filters (the Task Dashboard); the task form
and a task's details are in task_details.py.

Where the platform gives no test id: the quick filter's menu is found by its MenuList id
(`split-button-menu`), the assignee options by the Autocomplete's ARIA roles, the detail panel by
`drawer-paper` (the platform has two `drawer` ids on this page: the menu's hamburger and the split screen).
"""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, element_id, testid, ui
from .components import PageFrame
from .task_details import TaskDetails, TaskForm

ROW = '[data-testid="todo-list-container"] [data-testid="card"]'


@dataclass(frozen=True)
class TaskRow:
    """One task of the list, as shown."""

    title: str
    status: str
    due: str  # "YYYY-MM-DD", or the platform's word for no due date
    sub_tasks: str
    comments: str


def _card(title: str) -> Locator:
    return Locator(
        By.XPATH,
        f'//*[@data-testid="todo-list-container"]//*[@data-testid="card"]'
        f'[.//*[@data-testid="task-title"][normalize-space()="{title}"]]',
        f'the task "{title}"',
    )


class TasksPage(BasePage):
    """TodoList.jsx: title "Task", Search and Add New, the quick filter, the tasks (newest first)."""

    PATH = "/tasks"
    MARKER = testid("todo-container", "the task list")
    SEARCH = testid("search", "the Search button")
    ADD_NEW = testid("create_task_btn", "the Add New button")
    QUICK_FILTER = css('[data-testid="task-quick-search"] button', "the quick filter button")
    FILTERS = element_id("split-button-menu", "the quick filters")
    FILTER_ITEMS = css('#split-button-menu li[role="menuitem"]', "the quick filters")
    NO_TASKS = testid("centered_content", "the empty list's message")
    DUE_PREFIX = ui("Due Date:")

    def title(self) -> str:
        """The page title."""
        return PageFrame(self.driver, self.base_url, self.timeout).title()

    def actions(self) -> list[str]:
        """The labels of the buttons of the right panel, as written."""
        return [self.label_of(button) for button in (self.SEARCH, self.ADD_NEW) if self.is_shown(button)]

    def quick_filters(self) -> list[str]:
        """The quick filter's menu items, in order (opens and closes the menu)."""
        self.click(self.QUICK_FILTER)
        self.wait_for(self.FILTERS)
        labels = self.texts_of(self.FILTER_ITEMS, written=True)
        self.click(self.QUICK_FILTER)
        self.wait_gone(self.FILTERS)
        return labels

    def filter_by(self, label: str) -> TasksPage:
        """Pick a quick filter: the list of that filter (/tasks?filter=<key>)."""
        self.click(self.QUICK_FILTER)
        self.click_and_load(
            Locator(
                By.XPATH,
                f'//*[@id="split-button-menu"]//li[normalize-space()="{label}"]//a',
                f'the quick filter "{label}"',
            )
        )
        return self.wait_loaded()

    def listed(self) -> list[TaskRow]:
        """The tasks listed, top to bottom."""
        found = self.rows(
            ROW,
            {
                "title": "task-title",
                "status": "task_status_chip",
                "due": "task_due_date",
                "subs": "task-subtasks-count",
                "comments": "task-comment",
            },
        )
        # Sub-tasks not shown read as empty: only what the person sees is listed.
        return [
            TaskRow(r["title"], r["status"], r["due"].removeprefix(self.DUE_PREFIX).strip(), r["subs"], r["comments"])
            for r in found
            if r["title"]
        ]

    def titles(self) -> list[str]:
        """The names of the tasks listed."""
        return [row.title for row in self.listed()]

    def row(self, title: str) -> TaskRow:
        """The (newest) listed task of that name."""
        for row in self.listed():
            if row.title == title:
                return row
        raise LookupError(f'"{title}" is not listed; the list shows {self.titles()}')

    def toggle_completion(self, title: str) -> TasksPage:
        """The task's completion toggle (marks it complete, or open again)."""
        card = self.wait_for(_card(title))
        self.click_and_load(card.find_element(By.CSS_SELECTOR, '[data-testid="task_completion_toggle_button"]'))
        return self.wait_loaded()

    def _menu_item(self, title: str, item: str) -> None:
        """Open the task's menu (task-item-menu) and choose an item."""
        card = self.wait_for(_card(title))
        kebab = card.find_element(By.CSS_SELECTOR, '[data-testid="task-item-menu"]')
        self.click(kebab)
        menu = kebab.get_attribute("aria-controls")
        self.click(
            self.wait_for(
                Locator(
                    By.XPATH,
                    f'//*[@id="{menu}"]//li[@data-testid="menu_item"][normalize-space()="{item}"]',
                    f'"{item}" in the menu of "{title}"',
                )
            )
        )

    def open_details(self, title: str) -> TaskDetails:
        """Menu › Open Task Details: the task's details beside the list."""
        self._menu_item(title, ui("Open Task Details"))
        return self.goes_to(TaskDetails)

    def leave_a_comment(self, title: str) -> TaskDetails:
        """Menu › Leave a comment: the task's details, at its comments."""
        self._menu_item(title, ui("Leave a comment"))
        return self.goes_to(TaskDetails)

    def add_sub_task(self, title: str) -> TaskForm:
        """Menu › Add Sub Task: the task form, for a task under this one."""
        self._menu_item(title, ui("Add Sub Task"))
        return self.goes_to(TaskForm)

    def sub_tasks_of(self, title: str) -> list[str]:
        """Show the task's sub-tasks (show_task_subtasks) and read their names."""
        card = self.wait_for(_card(title))
        self.click(card.find_element(By.CSS_SELECTOR, '[data-testid="show_task_subtasks"]'))
        group = css(f"#sub-tasks-{card.get_attribute('data-task-id')}", f'the sub-tasks of "{title}"')
        self.wait_for(group)
        return [r["title"] for r in self.rows(f'{group.value} [data-testid="card"]', {"title": "task-title"})]

    def start_new_task(self) -> TaskForm:
        """Add New: the task form."""
        self.click(self.ADD_NEW)
        return self.goes_to(TaskForm)
