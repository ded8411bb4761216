@checklist.timesheet
Feature: Time Sheet
  Custodians record the shifts of the community's workers: they start a worker's shift on the
  worker's profile and end it when the worker leaves; the Time Card shows each worker's latest
  shift, and a worker's time sheet their shifts of one pay period, from the 27th to the 26th, in
  community time (Africa/Lusaka). The production page's "Time Sheet Check in/out Test" waits 20
  seconds; here the wait is the target's setting (20 seconds on staging, 2 on the reference app).

  # Script 2: "Login as a custodian. Find the guard 'mama Guard'. Start timer, wait 20 sec, then Stop Timer. Verify the entry is present in the Timesheet log."
  @checklist.timesheet.start_shift @checklist.timesheet.end_shift
  Scenario: The custodian times a shift of mama Guard and finds it in the Timesheet log
    Given the guard "mama Guard" is not on shift
    And the custodian is logged in, in an incognito window
    When the custodian finds the guard "mama Guard"
    And the custodian starts the timer
    And the custodian waits the target's shift time, watching the shift in progress
    And the custodian stops the timer
    Then the Time Card shows today's shift of "mama Guard", as long as the wait
    And the Timesheet log of "mama Guard" lists that shift with its start and stop times

  @checklist.timesheet.start_shift @checklist.timesheet.end_shift @checklist.timesheet.all_shifts
  Scenario: A shift in progress cannot be started again, and the Time Card shows the worker's latest shift
    Given a new guard "Bupe Phiri" of the community
    And the custodian is logged in
    When the custodian opens the profile of "Bupe Phiri"
    And the custodian starts the timer
    Then the profile shows "Shift in Progress", and the shift cannot be started again
    When the custodian stops the timer
    Then the profile offers "Start Shift" again
    When the custodian starts the timer
    And the custodian opens the Time Card
    Then the Time Card shows "Bupe Phiri" once, with "In-Progress"
    When the custodian opens the More details of "Bupe Phiri"
    Then the time sheet of "Bupe Phiri" lists today's 2 shifts, the newest with "Shift in Progress" as its stop time and total

  @checklist.timesheet.end_shift
  Scenario: Ending a shift that is not in progress is refused, and nothing is recorded
    Given a new guard "Chanda Mulenga" of the community
    And the custodian is logged in
    When the custodian opens the profile of "Chanda Mulenga"
    And the custodian stops the timer without starting it
    Then the custodian is shown "You can't end shift that is not in progress"
    And no shift has been recorded for "Chanda Mulenga"
    When the custodian's End Shift for "Chanda Mulenga" reaches the platform all the same
    Then no shift has been recorded for "Chanda Mulenga"

  # The worker had a shift, ended: End Shift, pressed or sent all the same, must not touch it.
  @checklist.timesheet.end_shift
  Scenario: Ending a shift for a worker whose shift has already ended is refused, and their last shift stays as it was
    Given a new guard "Mutinta Zulu" of the community, whose shift the custodian started and ended earlier
    And the custodian is logged in
    When the custodian opens the profile of "Mutinta Zulu"
    And the custodian stops the timer without starting it
    Then the custodian is shown "You can't end shift that is not in progress"
    When the custodian's End Shift for "Mutinta Zulu" reaches the platform all the same
    Then the last shift of "Mutinta Zulu" is still the one that ended earlier, and their only one

  # What the custodian records reaches the worker: the guard's own time sheet, and the profile opened afresh.
  @checklist.timesheet.start_shift @checklist.timesheet.end_shift
  Scenario: After the custodian ends the guard's shift, the guard finds it in their own time sheet
    Given the guard "A Guard" is not on shift
    And the guard is logged in
    And the custodian is logged in
    When the custodian finds the guard "A Guard"
    And the custodian starts the timer
    And the custodian waits the target's shift time, watching the shift in progress
    And the custodian stops the timer
    And the custodian opens the profile of "A Guard"
    Then the profile offers "Start Shift" again
    When the guard opens the "Time Card" card of the guard home
    Then the guard finds that shift in their own time sheet, with its start and stop times

  # The profile of a deactivated worker offers no shift buttons; Start Shift sent all the same must record nothing.
  # The platform records it (docs/platform-defects.md): this scenario is red there on purpose.
  @checklist.timesheet.start_shift @defect.timesheet.deactivated_worker_shift_started
  Scenario: A deactivated guard's shift is not started, even when Start Shift is sent directly
    Given a guard "Kalaba Mwansa" of the community whose account is deactivated
    And the custodian is logged in
    When the custodian opens the profile of "Kalaba Mwansa"
    Then the profile offers no shift buttons
    When the custodian's Start Shift for "Kalaba Mwansa" reaches the platform all the same
    Then no shift has been recorded for "Kalaba Mwansa"

  # The platform records a second shift here (docs/platform-defects.md): this scenario is red there on purpose.
  @checklist.timesheet.start_shift @defect.timesheet.second_shift_started
  Scenario: A shift already started from another device is not started twice
    Given a new guard "Mwila Banda" of the community
    And the custodian is logged in
    And the custodian is looking at the profile of "Mwila Banda"
    And the shift of "Mwila Banda" has just been started from another device
    When the custodian presses "Start Shift" on the page still offering it
    Then the profile shows "Shift in Progress", and the shift cannot be started again
    And only one shift of "Mwila Banda" is recorded, still in progress

  # Read-only: looks at the buttons without pressing them, so it also runs on production.
  @checklist.timesheet.start_shift @checklist.timesheet.end_shift @read_only
  Scenario: The custodian finds the shift buttons on mama Guard's profile
    Given the custodian is logged in
    When the custodian finds the guard "mama Guard"
    Then the profile offers "Start Shift" and "End Shift", or "Shift in Progress" while a shift runs

  @checklist.timesheet.all_shifts @read_only
  Scenario: The custodian opens the Time Card from their Dashboard
    Given the custodian is logged in
    When the custodian opens the "Time Card" card of their Dashboard
    Then the Time Card shows each worker with the date of their last shift, the hours worked and "More details"

  @checklist.timesheet.all_shifts @read_only @defect.timesheet.own_sheet_unnamed
  Scenario: A guard opens their own time sheet from the guard home
    Given the guard is logged in
    When the guard opens the "Time Card" card of the guard home
    Then the guard sees their own time sheet for the current pay period
    And the time sheet has the columns "Day, Date, Start Time, Stop Time, Total Hours"

  # The pay period runs from the 27th to the 26th of the community's calendar: a shift of the 26th belongs
  # to the period that ends that day, a shift across midnight to the day it started, and a shift starting
  # at 00:30 on the 27th (still the 26th in UTC) to the period that starts that day; a shift ending at
  # 00:15 stops at "00:15".
  @checklist.timesheet.all_shifts @needs_clock @defect.timesheet.pay_period_a_day_early
  Scenario: The Time Card shows each worker's latest shift, and a worker's time sheet one pay period
    Given it is 10:00 on 27 November 2026 in the community
    And these shifts were worked:
      | worker     | date             | start | end   |
      | mama Guard | 26 October 2026  | 06:00 | 18:00 |
      | mama Guard | 27 October 2026  | 00:30 | 01:30 |
      | mama Guard | 27 October 2026  | 06:00 | 07:00 |
      | mama Guard | 18 November 2026 | 22:00 | 06:30 |
      | mama Guard | 19 November 2026 | 23:30 | 00:15 |
      | A Guard    | 25 November 2026 | 22:00 | 06:00 |
      | mama Guard | 26 November 2026 | 14:00 | 16:30 |
      | mama Guard | 27 November 2026 | 06:00 | 08:00 |
    And the custodian is logged in
    When the custodian opens the Time Card
    Then the Time Card shows:
      | worker     | last shift worked | hours worked |
      | mama Guard | 2026-11-27        | 2 hrs        |
      | A Guard    | 2026-11-25        | 8 hrs        |
    When the custodian opens the More details of "mama Guard"
    Then the time sheet lists:
      | day    | date       | start time | stop time | total hours |
      | Friday | 2026-11-27 | 06:00      | 08:00     | 2 hrs       |
    When the custodian goes to the previous pay period
    Then the time sheet says "Worked 4 days for a total of 13.75 hrs between 2026-10-27 - 2026-11-26"
    And the time sheet lists, in this order:
      | day       | date       | start time | stop time | total hours |
      | Thursday  | 2026-11-26 | 14:00      | 16:30     | 2.5 hrs     |
      | Thursday  | 2026-11-19 | 23:30      | 00:15     | 45 minutes  |
      | Wednesday | 2026-11-18 | 22:00      | 06:30     | 8.5 hrs     |
      | Tuesday   | 2026-10-27 | 06:00      | 07:00     | 1 hr        |
      | Tuesday   | 2026-10-27 | 00:30      | 01:30     | 1 hr        |

  # The pay period of a day, written out from the rule "from the 27th of the previous month to the 26th" of the
  # community's calendar (Africa/Lusaka): the 27th begins there at midnight, still 22:00 on the 26th in UTC.
  @checklist.timesheet.all_shifts @needs_clock
  Scenario Outline: On <day> at <time>, a worker's time sheet covers <first> to <last>
    Given it is <time> on <day> in the community
    And a new guard "<worker>" of the community
    And the custodian is logged in
    When the custodian opens the time sheet of "<worker>"
    Then the time sheet says "Worked 0 days for a total of 0 hrs between <first> - <last>"

    Examples: the period's last day and its first, around the community's midnight
      | worker         | day              | time  | first      | last       |
      | Period Twelve  | 26 November 2026 | 23:59 | 2026-10-27 | 2026-11-26 |
      | Period Thirty  | 27 November 2026 | 00:00 | 2026-11-27 | 2026-12-26 |
      | Period Two     | 27 November 2026 | 01:59 | 2026-11-27 | 2026-12-26 |

    Examples: across the year's end, and a short month
      | worker         | day              | time  | first      | last       |
      | Period Yule    | 26 December 2026 | 12:00 | 2026-11-27 | 2026-12-26 |
      | Period Newyear | 27 December 2026 | 00:30 | 2026-12-27 | 2027-01-26 |
      | Period January | 26 January 2027  | 23:59 | 2026-12-27 | 2027-01-26 |
      | Period March   | 1 March 2027     | 08:00 | 2027-02-27 | 2027-03-26 |

  # "Days" worked are the shifts of at least an hour (the page's rule), not the days with a shift nor the days with
  # an hour's shift: here 5 shifts of an hour or more on 4 days, 7 shifts on 6 days. Lengths are worded as the page
  # words them: under an hour in minutes, from an hour in hours to two decimals; the total adds the worded lengths
  # (three shifts of 61 minutes are 3.06 hours there, 3.05 by the clock).
  @checklist.timesheet.all_shifts @needs_clock
  Scenario: A worker's time sheet counts the shifts of at least an hour as days worked, and words each length
    Given it is 10:00 on 20 November 2026 in the community
    And a new guard "Hour Counter" of the community
    And these shifts were worked:
      | worker       | date             | start | end   |
      | Hour Counter | 12 November 2026 | 06:00 | 07:00 |
      | Hour Counter | 12 November 2026 | 12:30 | 15:00 |
      | Hour Counter | 13 November 2026 | 06:00 | 06:59 |
      | Hour Counter | 14 November 2026 | 13:00 | 14:01 |
      | Hour Counter | 15 November 2026 | 23:30 | 00:31 |
      | Hour Counter | 16 November 2026 | 07:00 | 08:01 |
      | Hour Counter | 17 November 2026 | 18:00 | 18:45 |
    And the custodian is logged in
    When the custodian opens the time sheet of "Hour Counter"
    Then the time sheet says "Worked 5 days for a total of 8.29 hrs between 2026-10-27 - 2026-11-26"
    And the time sheet lists, in this order:
      | day       | date       | start time | stop time | total hours |
      | Tuesday   | 2026-11-17 | 18:00      | 18:45     | 45 minutes  |
      | Monday    | 2026-11-16 | 07:00      | 08:01     | 1.02 hrs    |
      | Sunday    | 2026-11-15 | 23:30      | 00:31     | 1.02 hrs    |
      | Saturday  | 2026-11-14 | 13:00      | 14:01     | 1.02 hrs    |
      | Friday    | 2026-11-13 | 06:00      | 06:59     | 59 minutes  |
      | Thursday  | 2026-11-12 | 12:30      | 15:00     | 2.5 hrs     |
      | Thursday  | 2026-11-12 | 06:00      | 07:00     | 1 hr        |
