@checklist.tasks
Feature: Tasks
  Admins plan the community's work as tasks, each with a due date and an assignee. The task
  dashboard counts the tasks in tiles (My Tasks, Tasks Open, Overdue Tasks, Tasks due in 10 days…)
  and lists a tile's tasks when it is clicked. Due dates are community dates: a task is overdue
  once its due date is before today in the community, until it is completed. Clients see, and
  count, only the tasks assigned to them or written by them.

  @checklist.tasks.dashboard @read_only
  Scenario: The admin opens the task dashboard and sees its tiles
    Given the admin is logged in
    When the admin opens the task dashboard
    Then the dashboard shows these tiles, each with its count:
      | tile                   |
      | My Tasks               |
      | Tasks due in 10 days   |
      | Tasks due in 30 days   |
      | Overdue Tasks          |
      | Tasks with no due date |
      | Total Calls Open       |
      | Tasks Open             |
      | Tasks Completed        |

  @checklist.tasks.dashboard
  Scenario: The tiles count the tasks by the community's date, and a tile lists its tasks
    Given it is 10:00 on 20 November 2026 in the community
    And these tasks exist:
      | task               | due              | assignee      | completed |
      | Fix the gate light | 19 November 2026 | An Admin User | no        |
      | Mow the verge      | 20 November 2026 | Mary Client   | no        |
      | Paint the wall     | 30 November 2026 | An Admin User | no        |
      | Order cement       | 1 December 2026  |               | no        |
      | Sweep the road     |                  | An Admin User | no        |
      | File the report    | 1 November 2026  | An Admin User | yes       |
    And the admin is logged in
    When the admin opens the task dashboard
    Then the tiles count:
      | tile                   | count |
      | My Tasks               | 3     |
      | Tasks due in 10 days   | 2     |
      | Tasks due in 30 days   | 3     |
      | Overdue Tasks          | 1     |
      | Tasks with no due date | 1     |
      | Tasks Open             | 5     |
      | Tasks Completed        | 1     |
    When the admin opens the "Overdue Tasks" tile
    Then only "Fix the gate light" is listed

  @checklist.tasks.dashboard
  Scenario: A client's dashboard counts only the tasks assigned to them or written by them
    Given it is 10:00 on 20 November 2026 in the community
    And these tasks exist:
      | task             | due              | assignee      | author      |
      | Sign the lease   | 22 November 2026 | Mary Client   |             |
      | Pay the deposit  | 18 November 2026 | An Admin User | Mary Client |
      | Audit the books  | 18 November 2026 | An Admin User |             |
    And the client is logged in
    When the client opens the task dashboard
    Then the tiles count:
      | tile                 | count |
      | My Tasks             | 1     |
      | Tasks Open           | 2     |
      | Overdue Tasks        | 1     |
      | Tasks due in 10 days | 1     |
    When the client opens the "Tasks Open" tile
    Then "Audit the books" is not listed

  @checklist.tasks.assign_task
  Scenario: The admin assigns a task with a due date to a client, who finds it under My Tasks
    Given it is 10:00 on 20 November 2026 in the community
    And the client is logged in
    And the admin is logged in
    When the client opens the task dashboard
    Then the "My Tasks" tile counts 0
    When the admin creates the task "Inspect the borehole" due 25 November 2026, assigned to "Mary Client"
    Then under "Tasks Open" the admin sees "Inspect the borehole", assigned to "Mary Client", due 25 November 2026
    When the client opens the task dashboard
    Then the "My Tasks" tile counts 1
    And under "My Tasks" the client sees "Inspect the borehole", assigned to "Mary Client", due 25 November 2026

  @checklist.tasks.assign_task
  Scenario: Completing an assigned task moves it to Tasks Completed
    Given it is 10:00 on 20 November 2026 in the community
    And the task "Repair the fence" due 22 November 2026 is assigned to "Mary Client"
    And the client is logged in
    When the client opens the task dashboard
    And the client opens the "My Tasks" tile
    And the client marks "Repair the fence" as complete
    Then "Repair the fence" has left the list
    And the "My Tasks" tile counts 0
    And the "Tasks Completed" tile counts 1
    And under "Tasks Completed" the client sees "Repair the fence"

  @checklist.tasks.assign_task
  Scenario: Reassigning a task moves it to the new assignee's My Tasks
    Given it is 10:00 on 20 November 2026 in the community
    And the task "Check the water meter" due 24 November 2026 is assigned to "An Admin User"
    And the admin is logged in
    And the client is logged in
    When the admin reassigns "Check the water meter" to "Mary Client"
    Then the task details show it assigned to "Mary Client"
    And "Check the water meter" is not under the admin's "My Tasks"
    And under "My Tasks" the client sees "Check the water meter"

  @checklist.tasks.assign_task
  Scenario: A task needs a name
    Given the admin is logged in
    When the admin creates a task without a name, assigned to "Mary Client"
    Then the task form says "Task Name is Required"
    And no task has been created

  # Read-only: opens the form without creating a task, so it also runs on production.
  @checklist.tasks.assign_task @read_only
  Scenario: The admin's new task form lets them pick the client as the assignee
    Given the admin is logged in
    When the admin opens the task dashboard
    And the admin starts a new task
    Then the client can be picked as the assignee
