@checklist.timesheet
Feature: Time Sheet
  Custodians record the shifts of the community's workers: they start a worker's shift on the
  worker's profile, end it when the worker leaves, and check everyone's shifts on the Time Card.
  A worker's time sheet covers a pay period from the 27th to the 26th, in community time.
  These scenarios follow the production page's "Time Sheet Check in/out Test" (script 2).
  The wait is the target's setting: 20 seconds on staging, 2 on the reference app.

  # Script 2: "Start timer, wait 20 sec, then Stop Timer. Verify the entry is present in the Timesheet log."
  @checklist.timesheet.start_shift @checklist.timesheet.end_shift
  Scenario: The custodian times a shift of mama Guard and finds it in the Timesheet log
    Given the custodian is logged in, in an incognito window
    When the custodian finds the guard "mama Guard"
    And the custodian starts the timer
    And the custodian waits the configured shift time, watching the shift in progress
    And the custodian stops the timer
    Then the Time Card shows today's shift of "mama Guard", as long as the wait to the second
    And the Timesheet log of "mama Guard" lists that shift with its start and stop times

  @checklist.timesheet.start_shift
  Scenario: A started shift is in progress and a second one cannot be started
    Given the custodian is logged in
    When the custodian finds the guard "mama Guard"
    And the custodian starts the timer
    Then the profile shows "Shift in Progress" and the shift cannot be started again
    When the custodian opens the Time Card from the left menu
    Then the Time Card shows "mama Guard" with "In-Progress"

  @checklist.timesheet.end_shift
  Scenario: Ending a shift that is not running shows the platform's message
    Given the custodian is logged in
    When the custodian finds the guard "mama Guard"
    And the custodian stops the timer without starting it
    Then the custodian is told "You can't end shift that is not in progress"
    And no shift has been recorded for "mama Guard"

  @checklist.timesheet.all_shifts
  Scenario: The Time Card shows every worker's latest shift, and a worker's details their pay period
    Given it is 16:00 on 20 November 2026 in the community
    And these shifts were worked:
      | worker     | date             | start | end   |
      | mama Guard | 26 October 2026  | 06:00 | 18:00 |
      | mama Guard | 18 November 2026 | 22:00 | 06:30 |
      | mama Guard | 19 November 2026 | 23:30 | 00:15 |
      | mama Guard | 20 November 2026 | 06:00 | 07:00 |
      | A Guard    | 19 November 2026 | 06:00 | 14:00 |
    And the custodian is logged in
    When the custodian opens the Time Card from the left menu
    Then the Time Card shows:
      | worker     | last shift worked | hours worked |
      | mama Guard | 2026-11-20        | 1 hr         |
      | A Guard    | 2026-11-19        | 8 hrs        |
    When the custodian opens the More Details of "mama Guard"
    Then the time sheet of "mama Guard" says "Worked 2 days for a total of 10.25 hrs between 2026-10-27 - 2026-11-26"
    And the time sheet lists:
      | day       | date       | start | stop  | total hours |
      | Friday    | 2026-11-20 | 06:00 | 07:00 | 1 hr        |
      | Thursday  | 2026-11-19 | 23:30 | 00:15 | 45 minutes  |
      | Wednesday | 2026-11-18 | 22:00 | 06:30 | 8.5 hrs     |

  @checklist.timesheet.all_shifts @read_only
  Scenario: The custodian opens the Time Card
    Given the custodian is logged in
    When the custodian opens the Time Card from the left menu
    Then the Time Card shows each worker with a date of their last shift and the hours worked

  @checklist.timesheet.all_shifts @read_only
  Scenario: A guard opens their own time sheet from the Time Card card
    Given the guard is logged in
    When the guard clicks on the "Time Card" card on the guard's home page
    Then the guard sees their own time sheet

  # Read-only: looks at the buttons without pressing them, so it also runs on production.
  @checklist.timesheet.start_shift @checklist.timesheet.end_shift @read_only
  Scenario: The custodian finds the shift buttons on the worker's profile
    Given the custodian is logged in
    When the custodian finds the worker
    Then the worker's profile offers to start or end the shift
