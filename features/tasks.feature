@checklist.tasks
Feature: Tasks
  Admins and custodians plan the community's work as tasks: each has a name, a type, an optional
  due date and one or more assignees. The Task Dashboard is the platform's task list with its quick
  filters (My Tasks, Overdue Tasks, Tasks Completed…); it opens on My Tasks. Due dates are community
  dates: a task is overdue once its due date is before today in the community, until it is completed.
  Admins and custodians are listed every task; other staff (the security guard) only the tasks
  assigned to them or written by them. Clients have no task list. Assigning someone who already has
  a task takes it away from them.

  The tasks a scenario makes carry the run's id in their names; other tasks of the community may be
  listed too, so the scenarios say which of their own tasks are listed, never how many tasks there are.

  @checklist.tasks.dashboard @read_only
  Scenario: The admin opens the Task Dashboard from the menu and finds its quick filters
    Given the admin is logged in
    When the admin goes to "Community" › "Tasks" › "Tasks" from the menu
    Then the admin sees the "Task" page with the buttons "Search, Add New"
    And the quick filter offers "My Tasks, Tasks due in 10 days, Tasks due in 30 days, Overdue Tasks, Tasks with no due date, Total Calls Open, Processes, Tasks Open, Tasks Completed"

  # The platform lists a task due today as overdue, and not among the tasks due soon (docs/platform-defects.md).
  @checklist.tasks.dashboard @defect.tasks.due_today_overdue
  Scenario: The quick filters sort the tasks by the community's date
    Given the admin has made these tasks:
      | task               | due        | assigned to   | type  | done |
      | Fix the gate light | yesterday  | the admin     | To-Do | no   |
      | Mow the verge      | today      | the custodian | To-Do | no   |
      | Paint the wall     | in 5 days  | the admin     | To-Do | no   |
      | Order cement       | in 20 days | the custodian | Call  | no   |
      | Sweep the road     |            | the admin     | To-Do | no   |
      | File the report    | yesterday  | the admin     | To-Do | yes  |
    And the admin is logged in
    When the admin opens the Task Dashboard
    Then the quick filters list these of the tasks:
      | filter                 | listed                                                                           | not listed                                                         |
      | My Tasks               | Fix the gate light, Paint the wall, Sweep the road                               | Mow the verge, Order cement, File the report                       |
      | Tasks due in 10 days   | Mow the verge, Paint the wall                                                    | Fix the gate light, Order cement, Sweep the road, File the report  |
      | Tasks due in 30 days   | Mow the verge, Paint the wall, Order cement                                      | Fix the gate light, Sweep the road, File the report                |
      | Overdue Tasks          | Fix the gate light                                                               | Mow the verge, Paint the wall, Sweep the road, File the report     |
      | Tasks with no due date | Sweep the road                                                                   | Fix the gate light, Mow the verge, Paint the wall                  |
      | Total Calls Open       | Order cement                                                                     | Fix the gate light, Paint the wall                                 |
      | Tasks Open             | Fix the gate light, Mow the verge, Paint the wall, Order cement, Sweep the road | File the report                                                    |
      | Tasks Completed        | File the report                                                                  | Fix the gate light, Mow the verge                                  |

  # Each window sat on: its last day listed, the day after not; its first day (today) listed, the day before not;
  # a task is overdue from the day after its due day, not on it. Dates are the community's, relative to its today.
  # The platform counts a task due today as overdue and not due soon (docs/platform-defects.md).
  @checklist.tasks.dashboard
  Scenario Outline: "<filter>" lists the tasks due <inside> and <on the edge>, and not the one due <outside>
    Given the admin has made these tasks:
      | task                   | due           | assigned to |
      | Pump due <inside>      | <inside>      | the admin   |
      | Pump due <on the edge> | <on the edge> | the admin   |
      | Pump due <outside>     | <outside>     | the admin   |
    And the admin is logged in
    When the admin opens the Task Dashboard
    Then the quick filters list these of the tasks:
      | filter   | listed                                    | not listed         |
      | <filter> | Pump due <inside>, Pump due <on the edge> | Pump due <outside> |

    # After 22:00 in Lusaka the platform's lists reach into the next day (docs/platform-defects.md).
    @defect.tasks.due_window_late_evening
    Examples: the last day of a window
      | filter               | inside     | on the edge | outside    |
      | Tasks due in 10 days | in 9 days  | in 10 days  | in 11 days |
      | Tasks due in 30 days | in 29 days | in 30 days  | in 31 days |

    @defect.tasks.due_today_overdue
    Examples: the first day of a window, and the last day a task is not yet overdue
      | filter               | inside     | on the edge | outside   |
      | Tasks due in 10 days | tomorrow   | today       | yesterday |
      | Overdue Tasks        | 2 days ago | yesterday   | today     |

  # Between 00:00 and 02:00 in Lusaka it is still the day before in UTC: the lists go by the community's day.
  @checklist.tasks.dashboard @needs_clock
  Scenario: At 01:00 in the community, still yesterday in UTC, the quick filters go by the community's date
    Given it is 01:00 in the community
    And the admin has made these tasks:
      | task              | due        | assigned to |
      | Drain the pond    | yesterday  | the admin   |
      | Prune the hedge   | today      | the admin   |
      | Clean the gutters | in 10 days | the admin   |
      | Test the lights   | in 11 days | the admin   |
    And the admin is logged in
    When the admin opens the Task Dashboard
    Then the quick filters list these of the tasks:
      | filter               | listed                             | not listed                       |
      | Overdue Tasks        | Drain the pond                     | Prune the hedge                  |
      | Tasks due in 10 days | Prune the hedge, Clean the gutters | Drain the pond, Test the lights  |

  # A client of the platform may send a due date as a moment in any offset (the task form's date picker sends its
  # own midnight in UTC): the task is due on the community's day of that moment. 22:00 UTC is the community's midnight.
  @checklist.tasks.dashboard
  Scenario Outline: A due date sent as <sent> is due <due> in the community
    Given the admin has made the task "Check the pump" for themselves, its due date sent as <sent>
    And the admin is logged in
    Then under "Tasks Open" the admin sees "Check the pump" due <due>, "Not Started"

    Examples:
      | sent                      | due       |
      | in 3 days at 21:59 UTC    | in 3 days |
      | in 3 days at 22:00 UTC    | in 4 days |
      | in 4 days at 00:30 +03:00 | in 3 days |
      | in 4 days at 00:00 +02:00 | in 4 days |

  @checklist.tasks.dashboard
  Scenario: Completing a task moves it from the open tasks to Tasks Completed, for its other assignee too
    Given the admin has made these tasks:
      | task             | due       | assigned to                 |
      | Repair the fence | in 2 days | the admin and the custodian |
    And the admin is logged in
    And the custodian is logged in
    When the admin opens the Task Dashboard
    And the admin filters the tasks by "Tasks Open"
    And the admin marks "Repair the fence" as complete
    Then the admin is told "Task has been successfully marked as Complete"
    And "Repair the fence" is not listed
    When the admin filters the tasks by "Tasks Completed"
    Then "Repair the fence" is listed as "Complete"
    And under "My Tasks" the custodian does not see "Repair the fence"
    And under "Tasks Completed" the custodian sees "Repair the fence" due in 2 days, "Complete"

  @checklist.tasks.dashboard
  Scenario: The security guard is listed the tasks assigned to them, and not the others
    Given the admin has made these tasks:
      | task            | due       | assigned to |
      | Lock the store  | in 2 days | the guard   |
      | Audit the books | in 2 days | the admin   |
    And the guard is logged in
    When the guard opens the Task Dashboard
    And the guard filters the tasks by "Tasks Open"
    Then "Lock the store" is listed
    And "Audit the books" is not listed

  @checklist.tasks.dashboard
  Scenario: A sub-task is added under its task and shown with it
    Given the admin has made these tasks:
      | task           | due       | assigned to |
      | Build the shed | in 9 days | the admin   |
    And the admin is logged in
    When the admin opens the Task Dashboard
    And the admin adds the sub-task "Buy the timber" to "Build the shed"
    Then the admin is told "Task Successfully Created"
    And "Build the shed" shows its sub-task "Buy the timber"

  # Read-only: opens the form and searches for an assignee, creates nothing; it also runs on production.
  @checklist.tasks.assign_task @read_only
  Scenario: The admin's task form offers the custodian as an assignee
    Given the admin is logged in
    When the admin opens the Task Dashboard
    And the admin starts a new task
    Then the form "Create a task" asks for "Task Name, Description (Optional), Search Assignee, Type user name here, Task Type, Due Date (Optional), Order Number"
    And the task types offered are "Call, Message, Email, To-Do, Form, Emergency SOS, Process Template, Task List"
    And searching for the custodian among the assignees offers them
    When the admin cancels the new task
    Then the admin sees the "Task" page with the buttons "Search, Add New"

  @checklist.tasks.assign_task
  Scenario: The admin assigns a new task to the custodian and to themselves, and both find it under My Tasks
    Given the admin is logged in
    And the custodian is logged in
    When the admin opens the Task Dashboard
    And the admin creates the task "Inspect the borehole" due in 5 days, assigned to the custodian and the admin
    Then the admin is told "Task Successfully Created"
    And under "My Tasks" the admin sees "Inspect the borehole" due in 5 days, "Not Started"
    When the custodian opens the Task Dashboard
    Then under "My Tasks" the custodian sees "Inspect the borehole" due in 5 days, "Not Started"

  @checklist.tasks.assign_task
  Scenario: Assigning the same person twice takes the task away from them
    Given the admin has made these tasks:
      | task             | due       | assigned to |
      | Check the meters | in 3 days |             |
    And the admin is logged in
    And the custodian is logged in
    When the admin opens the details of "Check the meters" from "Tasks Open"
    And the admin assigns the task to the custodian
    Then the task's details show it assigned to the custodian
    And under "My Tasks" the custodian sees "Check the meters" due in 3 days, "Not Started"
    When the admin assigns the task to the custodian again
    Then the task's details show it assigned to nobody
    And under "My Tasks" the custodian does not see "Check the meters"

  @checklist.tasks.assign_task
  Scenario: A task needs a name
    Given the admin is logged in
    When the admin opens the Task Dashboard
    And the admin tries to create a task without a name, described as "Unnamed work", assigned to the custodian
    Then the task form stays open, its "Task Name" asking to be filled in
    And no task described as "Unnamed work" has been made

  @checklist.tasks.assign_task
  Scenario: A client has no task list, and may not reassign their task all the same
    Given the admin has made these tasks:
      | task            | due       | assigned to |
      | Return the keys | in 2 days | the client  |
    And the client is logged in
    And the admin is logged in
    When the client types the address of the task list
    Then the client is not shown the task list
    When the client tries to assign "Return the keys" to the guard all the same
    Then the platform refuses, and "Return the keys" is still assigned to the client only
    When the client takes themselves off "Return the keys" all the same, sending it directly
    Then the platform refused it, every way it was sent
    And "Return the keys" is still assigned to the client only

  @checklist.tasks.assign_task
  Scenario: The assignee comments on their task and the admin reads the comment
    Given the admin has made these tasks:
      | task                | due       | assigned to   |
      | Fix the street lamp | in 4 days | the custodian |
    And the custodian is logged in
    And the admin is logged in
    When the custodian leaves the comment "Bulb ordered" on "Fix the street lamp" from "My Tasks"
    Then the task's details show the comment "Bulb ordered"
    When the admin opens the details of "Fix the street lamp" from "Tasks Open"
    Then the task's details show the comment "Bulb ordered"
    When the admin closes the task's details
    Then "Fix the street lamp" is listed

  # Written from docs/steps.md alone, in the production page's words for the roles, across two
  # areas: what the gate records becomes work for the store custodian.
  @checklist.tasks.assign_task @checklist.gate_access.manual_entry
  Scenario: The security guard records a delivery at the gate, and the administrator asks the store custodian to check it
    Given the security guard is logged in, in an incognito window
    And the administrator is logged in
    And the store custodian is logged in
    When the security guard clicks on the "Manual Entry" card on the guard's home page
    And the security guard fills in the form with the required fields of the visitor "Joseph Phiri"
    And the security guard clicks Grant
    And the security guard adds the observation "Delivered bricks for plot 12"
    And the security guard saves it and goes on to record the next entry by hand
    Then the security guard is told "Observation note successfully added"
    And the logbook shows the observation "Delivered bricks for plot 12" about "Joseph Phiri", by the security guard
    When the administrator opens the Task Dashboard
    And the administrator creates the task "Check the bricks delivered for plot 12" due tomorrow, assigned to the store custodian
    Then the administrator is told "Task Successfully Created"
    And under "My Tasks" the store custodian sees "Check the bricks delivered for plot 12" due tomorrow, "Not Started"
