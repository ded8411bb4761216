@checklist.payments
Feature: Payments
  An admin records what a client pays towards their payment plans, hands over the receipt, and
  reverts a payment made in error. A plan's balance starts at its monthly amount times its number
  of months; what is paid beyond a plan's balance goes to the client's general fund. The payments
  dashboard lists every payment of the community with its receipt number and status.
  The first scenario follows the production page's "Payment Test" (script 3) step for step.

  # Script 3: "Payment Test"
  @checklist.payments.submit_payment
  Scenario: Payment test: pay towards a client's plan, check the receipt, revert the payment
    # "Login as an admin on staging-demo"
    Given a client with a payment plan
    And the admin is logged in
    # "Find a client user with a payment plan and take note of the current balance"
    When the admin finds the client and opens their plans
    And the admin takes note of the client's "Total Balance"
    # "Make a payment and note the balance"
    And the admin records a cash payment of K100.00 towards the client's plan
    Then the admin is told "Payment made successfully"
    # "Check the receipt"
    When the admin prints the receipt
    Then the receipt shows the client, the admin as cashier, K100.00 paid and its receipt number
    When the admin closes the receipt
    Then the client's "Total Balance" has dropped by what went to the plan
    # "Revert the payment and note the balance"
    When the admin reverts the payment in the client's transactions
    Then the admin is told "Transaction reverted"
    And the client's "Total Balance" is back to the balance noted before the payment

  # Read-only: opens the pay dialog on the admin's own plans and cancels, so it also runs on production.
  @checklist.payments.submit_payment @read_only
  Scenario: The admin opens the pay dialog with the platform's transaction types, and cancels
    Given the admin is logged in
    When the admin opens their own plans from their profile
    Then the plans page shows "Plans, Record New Payment, New Payment Plan, View all Transactions"
    When the admin opens the pay dialog with "Record New Payment"
    Then the "Make a Payment" dialog offers "Cash, Cheque/Cashier Cheque, Mobile Money, Bank Transfer/Cash Deposit, Bank Transfer/EFT, Point of Sale"
    And the dialog asks for "Transaction Type, Transaction Number"
    When the admin cancels the payment
    Then the "Make a Payment" dialog is closed

  @checklist.payments.submit_payment
  Scenario Outline: A <type> payment asks for what it needs, lowers the balance and is listed
    Given a client "<client>" with a "basic" plan of K500.00 a month for 12 months
    And the admin is logged in
    When the admin opens the client's plans
    And the admin records a <type> payment of K1,000.00 towards the client's plan
    Then the pay dialog asked for "<fields>"
    And the admin is told "Payment made successfully"
    And the client's "Total Balance" shows K5,000.00 owed
    And the client's transactions list a "<listed as>" payment of K1,000.00 recorded by the admin

    Examples:
      | type         | client       | fields                                                               | listed as             |
      | mobile money | Mutale Phiri | Transaction Type, Transaction Number, Amount                         | mobile_money          |
      | cheque       | Bwalya Zulu  | Transaction Type, Transaction Number, Bank Name, Cheque Number, Amount | cheque/cashier_cheque |

  @checklist.payments.submit_payment
  Scenario: Paying more than a plan owes completes it and puts the rest in the general fund
    Given a client "Chileshe Banda" with a "premium" plan of K500.00 a month for 12 months
    And the admin is logged in
    When the admin opens the client's plans
    And the admin starts a cash payment of K7,500.00 towards the client's plan
    Then the pay dialog says the additional K1,500.00 will be allocated to the general fund
    When the admin confirms the payment and prints its receipt
    Then the receipts show K6,000.00 paid towards the client's plan and K1,500.00 to the general fund
    When the admin closes the receipt
    Then the client's "Total Balance" shows K0.00 owed
    And the client's "General Funds" holds K1,500.00
    And the client's plan is completed with a balance of K0.00

  @checklist.payments.submit_payment @defect.payments.revert_turns_the_general_fund_into_a_debt
  Scenario: Reverting a payment beyond a plan's balance takes back both its shares, and nothing more
    Given a client "Chiluba Mwape" with a "premium" plan of K500.00 a month for 12 months
    And the client has already paid K7,500.00 in cash
    And the admin is logged in
    When the admin opens the client's plans
    Then the client's "General Funds" holds K1,500.00
    When the admin reverts the payment in the client's transactions
    Then the admin is told "Transaction reverted"
    And the client's "Total Balance" shows K6,000.00 owed
    And the client's "General Funds" holds K0.00
    And the client's plan is active with a balance of K6,000.00

  @checklist.payments.submit_payment @defect.payments.general_fund_receipt_names_a_plot
  Scenario: The receipt of what goes to the general fund is for the "General Plan", not for a plot
    Given a client "Chipo Mwale" with a "basic" plan of K500.00 a month for 12 months
    And the admin is logged in
    When the admin opens the client's plans
    And the admin starts a cash payment of K6,500.00 towards the client's plan
    And the admin confirms the payment and prints its receipt
    Then the receipt of the K500.00 that went to the general fund is for "General Plan"

  # The edge of a plan's balance: a ngwee short leaves the plan active, owing that ngwee; exactly what it owes
  # completes it; a ngwee over completes it and puts that ngwee in the general fund. The plan owes K5,500.00 of its
  # K6,000.00: a rule that looks at the plan's total rather than what it still owes gives other answers.
  @checklist.payments.submit_payment
  Scenario Outline: Paying <amount> on a plan that still owes K5,500.00 leaves it <status>, owing <owed>, with <fund> in the general fund
    Given a client "<client>" with a "basic" plan of K500.00 a month for 12 months
    And the client has already paid K500.00 in cash
    And the admin is logged in
    When the admin opens the client's plans
    And the admin starts a cash payment of <amount> towards the client's plan
    Then the pay dialog says <hint>
    When the admin confirms the payment
    Then the client's "Total Balance" shows <owed> owed
    And the client's "General Funds" holds <fund>
    And the client's plan is <status> with a balance of <owed>

    Examples:
      | amount    | status    | owed  | fund  | hint                                                       | client           |
      | K5,499.99 | active    | K0.01 | K0.00 | nothing will go to the general fund                        | Mwansa Tembo     |
      | K5,500.00 | completed | K0.00 | K0.00 | nothing will go to the general fund                        | Mutinta Hamoonga |
      | K5,500.01 | completed | K0.00 | K0.01 | the additional K0.01 will be allocated to the general fund | Chipo Sakala     |

  # The pay dialog refuses K0.00 before it sends anything ("Amount is required", below); the platform must refuse it
  # too when it comes directly: the dialog's own request, and the platform's transactionCreate. A ngwee more is a
  # payment like any other, recorded once for each way it is sent.
  @checklist.payments.submit_payment
  Scenario Outline: A payment of <amount> sent directly: the platform <answers> it, and the balance counts only what it took
    Given a client "<client>" with a "basic" plan of K500.00 a month for 12 months
    And the client has already paid K500.00 in cash
    And the admin is logged in
    When the admin opens the client's plans
    And the admin sends a cash payment of <amount> towards the client's plan directly, every way the platform takes one
    Then the platform <answers> it, every way it was sent
    And the client's balance changed by each payment the platform took, and by nothing else

    Examples:
      | amount | answers | client         |
      | K0.00  | refused | Mumba Chileshe |
      | K0.01  | took    | Kunda Musonda  |

  @checklist.payments.submit_payment
  Scenario: The pay dialog does not go on without a transaction type and an amount
    Given a client "Mwila Tembo" with a "basic" plan of K500.00 a month for 12 months
    And the admin is logged in
    When the admin opens the client's plans
    And the admin tries to pay "" with no transaction type
    Then the pay dialog says "TransactionType is required, Amount is required"
    When the admin tries to pay "0" in cash
    Then the pay dialog says "Amount is required"
    When the admin tries to pay "abc" in cash
    Then the pay dialog says "Amount is required"

  @checklist.payments.submit_payment
  Scenario Outline: A payment with <problem> is refused and nothing is recorded
    Given a client "<client>" with a "basic" plan of K500.00 a month for 12 months
    And the client has already paid K500.00 in cash
    And the admin is logged in
    When the admin opens the client's plans
    And the admin tries to pay "<amount>" <how>
    Then the admin is told the payment was refused
    And the client's "Total Balance" shows K5,500.00 owed
    And the client's "Total Transactions Made" holds K500.00

    Examples:
      | problem                          | client         | amount | how                                  |
      | a negative amount                | Lweendo Mbewe  | -50    | in cash                              |
      | a transaction number used before | Kabwe Musonda  | 100    | in cash with the earlier transaction number |
      | a cheque without bank details    | Nalishebo Liya | 100    | by cheque without bank details       |

  # Cypress payment.js: "No Plan Available", then a plan made from the user's profile.
  @checklist.payments.submit_payment
  Scenario: A plan made for a client's plot owes its monthly amount times its number of months
    Given a client "Natasha Mumba" with a plot and no payment plan
    And the admin is logged in
    When the admin opens the client's plans
    Then the plans page shows "No Plan Available"
    When the admin creates a "basic" plan of K500.00 a month for 12 months on the client's plot
    Then the admin is told "Successfuly created payment plan"
    And the client's plan on their plot is "basic" with a balance of K6,000.00
    And the client's "Total Balance" shows K6,000.00 owed

  @checklist.payments.submit_payment
  Scenario: No plan can be made for a client without a plot
    Given a client "Kondwani Phiri" without a plot
    And the admin is logged in
    When the admin opens the client's plans
    And the admin starts a new payment plan
    Then the plan dialog says "No plot associated to this user, please go to property management and create and assign a plot to this user"

  # The platform's menu offers a client no "My Payments" (its feature, "User Payment", is no community's, and
  # /mypayments opens an empty ?tab=Payments): a client's plans are under My Profile, "Payment Plans".
  @checklist.payments.submit_payment
  Scenario: A client sees their plan and balance, and cannot record or revert a payment
    Given the client has a "basic" plan of K500.00 a month for 12 months
    And the client has already paid K500.00 in cash
    And the client is logged in
    When the client opens their payment plans from "My Profile" in the menu
    Then the client sees their plan with a balance of K5,500.00
    And the client is offered no way to record or revert a payment

  # The client's plans offer no revert (above); the platform must refuse a revert that comes directly too: the
  # request the admin's "Revert Transaction" sends, from the client's browser, and the platform's transactionRevert.
  @checklist.payments.submit_payment
  Scenario: A client may not revert their own payment, even when they send the revert directly
    Given the client has a "basic" plan of K500.00 a month for 12 months
    And the client has already paid K500.00 in cash
    And the admin is logged in
    And the client is logged in
    When the client sends the revert of their payment directly
    Then the platform refused it, every way it was sent
    When the client opens their payment plans from "My Profile" in the menu
    Then the client sees their plan with a balance of K5,500.00
    When the admin opens the client's plans
    Then the client's plan on their plot is "basic" with a balance of K5,500.00

  @checklist.payments.submit_payment
  Scenario: A client is never shown another client's receipt
    Given another client, "Bwalya Mumba", has paid K500.00 in cash towards their plan
    And the client is logged in
    When the client follows a link to the receipt of "Bwalya Mumba"'s payment
    Then the receipt of "Bwalya Mumba" is not shown to the client
    And the platform does not give the client the payments of "Bwalya Mumba"

  @checklist.payments.dashboard @read_only
  Scenario: The payments dashboard lists the community's payments with their receipt numbers and statuses
    Given the admin is logged in
    When the admin opens the payments dashboard from the menu entry "Plans"
    Then the admin sees the "Payments" page with the tabs "Payments, Plans"
    And each payment listed shows its client, amount and type, receipt number and status, or the list says "No Payments Available"

  @checklist.payments.dashboard
  Scenario: The dashboard shows this run's payments with their receipt numbers, and reverted ones as cancelled
    Given these clients have paid towards their plans:
      | client        | type         | amount    | reverted |
      | Lubuto Sakala | cash         | K2,000.00 | no       |
      | Lubuto Sakala | mobile money | K1,000.00 | no       |
      | Mapalo Chanda | cash         | K250.00   | yes      |
    And the admin is logged in
    When the admin opens the payments dashboard
    Then the dashboard lists these payments:
      | client        | amount    | type         | status    |
      | Lubuto Sakala | K2,000.00 | Cash Deposit | Paid      |
      | Lubuto Sakala | K1,000.00 | Mobile Money | Paid      |
      | Mapalo Chanda | K250.00   | Cash Deposit | Cancelled |
    And each of these payments has its own receipt number
    When the admin opens the "Plans" tab of the dashboard
    Then the dashboard lists the plans of "Lubuto Sakala, Mapalo Chanda"
    When the admin opens the client "Mapalo Chanda" from the dashboard
    Then the client's "Total Balance" shows K6,000.00 owed

  @checklist.payments.dashboard @read_only
  Scenario: A client is not shown the payments dashboard
    Given the client is logged in
    When the client goes to the payments dashboard by its address
    Then the client is shown "Oops. Looks like we can't find your page." instead of the payments dashboard
    And the platform refuses the client the community's payments, even when asked directly
