"""Tasks (modules/Tasks): the task list with its quick filters (the Task Dashboard); the task form
and a task's details are in task_details.py.

Where the platform gives no test id: the quick filter's menu is found by its MenuList id
(`split-button-menu`, a Popper of `li[role=menuitem]`), the assignee options by the Autocomplete's ARIA
roles, the detail panel by `drawer-paper` (the platform has two `drawer` ids on this page: the menu's
hamburger and the split screen). Each task of the list keeps its own menu mounted (shared/MenuList:
`menu_list`, all with the id `long-menu`, whatever the kebab's `aria-controls` says): the one open is
the visible one.
"""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By

from .base import BasePage, Locator, css, element_id, testid, ui
from .components import PageFrame
from .task_details import TaskDetails, TaskForm

ROW = '[data-testid="todo-list-container"] [data-testid="card"]'
# Whether an element and everything around it have finished appearing (no fading, no growing).
STILL = """
for (let el = arguments[0]; el && el !== document.body; el = el.parentElement) {
  const s = getComputedStyle(el);
  if (s.opacity !== '1' || (s.transform !== 'none' && el.matches('.MuiPaper-root, .MuiPopover-paper'))) return false;
}
return true;
"""


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
    LIST = testid("todo-list-container", "the tasks (once loaded)")
    OPEN_MENU = css('[data-testid="menu_list"]:not([aria-hidden="true"]) .MuiMenu-paper', "the open menu of a task")
    SEARCH = testid("search", "the Search button")
    ADD_NEW = testid("create_task_btn", "the Add New button")
    QUICK_FILTER = css('[data-testid="task-quick-search"] button', "the quick filter button")
    FILTERS = element_id("split-button-menu", "the quick filters")
    FILTER_ITEMS = css('#split-button-menu li[role="menuitem"]', "the quick filters")
    NO_TASKS = testid("centered_content", "the empty list's message")
    DUE_PREFIX = ui("Due")  # task:sub_task.due "Due " before the date

    def title(self) -> str:
        """The page title."""
        return PageFrame(self.driver, self.base_url, self.timeout).title()

    def actions(self) -> list[str]:
        """The labels of the buttons of the right panel, as written."""
        return [self.label_of(button) for button in (self.SEARCH, self.ADD_NEW) if self.is_shown(button)]

    def quick_filters(self) -> list[str]:
        """The quick filter's menu items, in order (opens and closes the menu)."""
        self.click(self.QUICK_FILTER)
        self._wait_still(self.FILTERS)
        labels = self.texts_of(self.FILTER_ITEMS, written=True)
        self.click(self.QUICK_FILTER)
        self.wait_gone(self.FILTERS)
        return labels

    def filter_by(self, label: str) -> TasksPage:
        """Pick a quick filter: the list of that filter (/tasks?filter=<key>)."""
        self.click(self.QUICK_FILTER)
        self._wait_still(self.FILTERS)
        self.click_and_load(
            Locator(
                By.XPATH,
                f'//*[@id="split-button-menu"]//li[@role="menuitem"][normalize-space()="{label}"]',
                f'the quick filter "{label}"',
            )
        )
        return self.wait_loaded()

    def listed(self) -> list[TaskRow]:
        """The tasks listed, top to bottom (once loaded: a spinner stands in for them while they load)."""
        self.wait_for(self.LIST)
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
        self.wait_for(self.LIST)
        card = self.wait_for(_card(title))
        self.click_and_load(card.find_element(By.CSS_SELECTOR, '[data-testid="task_completion_toggle_button"]'))
        return self.wait_loaded()

    def _menu_item(self, title: str, item: str) -> None:
        """Open the task's menu (task-item-menu) and choose an item."""
        self.wait_for(self.LIST)
        card = self.wait_for(_card(title))
        self.click(card.find_element(By.CSS_SELECTOR, '[data-testid="task-item-menu"]'))
        self._wait_still(self.OPEN_MENU)
        self.click(
            Locator(
                By.XPATH,
                f'//*[@data-testid="menu_list"]//li[@data-testid="menu_item"][normalize-space()="{item}"]',
                f'"{item}" in the menu of "{title}"',
            )
        )

    def _wait_still(self, locator: Locator) -> None:
        """Wait until a menu that grows open (MUI's Grow: opacity and scale) has finished opening: a
        click in the middle of the animation lands where its item is not yet."""
        self.wait_until(lambda d: d.execute_script(STILL, self.wait_for(locator)), f"{locator} did not finish opening")

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
        """The names of the task's sub-tasks, as its details list them (Open Task Details)."""
        return self.open_details(title).sub_tasks()

    def start_new_task(self) -> TaskForm:
        """Add New: the task form."""
        self.click(self.ADD_NEW)
        return self.goes_to(TaskForm)
