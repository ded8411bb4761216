@checklist.payments
Feature: Payments
  An admin records what a client pays against their payment plan, hands over a receipt, and
  reverts a payment made in error. A plan's balance starts at the monthly installment times the
  number of months; what is paid beyond it goes to the client's general plan. The payments
  dashboard lists every transaction of the community with the total of accepted payments.
  The first scenario follows the production page's "Payment Test" (script 3) step for step.

  # Script 3: "Payment Test"
  @checklist.payments.submit_payment
  Scenario: Payment test: pay, check the receipt, revert
    Given "Mary Client" has a "basic" payment plan of K500.00 a month for 12 months
    And the admin is logged in
    When the admin finds the client "Mary Client" and opens the client's plans
    Then the total balance is K6,000.00
    When the admin takes note of the current balance
    And the admin makes a cash payment of K2,000.00 and prints the receipt
    Then the receipt shows:
      | receipt number          | SI1000        |
      | client                  | Mary Client   |
      | cashier                 | An Admin User |
      | amount paid             | K2,000.00     |
      | expected monthly amount | K500.00       |
      | balance remaining       | K4,000.00     |
    When the admin closes the receipt
    Then the total balance has dropped by K2,000.00
    When the admin reverts the payment
    Then the plans page confirms "Transaction reverted"
    And the payment is shown as "Cancelled"
    And the total balance is back to the balance noted before the payment

  @checklist.payments.submit_payment
  Scenario Outline: A <type> payment asks for what it needs and lowers the balance
    Given "Mary Client" has a "standard" payment plan of K500.00 a month for 12 months
    And the admin is logged in
    When the admin opens the plans of "Mary Client"
    And the admin records a <type> payment of K1,000.00
    Then the pay dialog asked for <fields>
    And the client's transactions show a "<payment info>" payment of K1,000.00 as "Accepted"
    And the total balance is K5,000.00

    Examples:
      | type          | fields                                                       | payment info          |
      | cash          | Payment Type, Transaction Number, Amount (K)                 | Cash                  |
      | mobile money  | Payment Type, Transaction Number, Amount (K)                 | Mobile Money          |
      | bank transfer | Payment Type, Transaction Number, Amount (K)                 | Bank Transfer/EFT     |
      | cheque        | Payment Type, Bank Name, Cheque Number, Transaction Number, Amount (K) | Cheque/Cashier Cheque |

  @checklist.payments.submit_payment
  Scenario: An overpayment completes the plan and the rest goes to the client's general plan
    Given "Mary Client" has a "premium" payment plan of K500.00 a month for 12 months
    And the admin is logged in
    When the admin opens the plans of "Mary Client"
    And the admin records a cash payment of K7,500.00
    Then the total balance is K0.00
    And the "Premium" plan is "Completed" with a balance of K0.00
    And the general plan holds K1,500.00

  @checklist.payments.submit_payment
  Scenario Outline: A payment with <problem> is refused and nothing is recorded
    Given "Mary Client" has a "basic" payment plan of K500.00 a month for 12 months
    And "Mary Client" has already paid K500.00 in cash with transaction number "TXN-0001"
    And the admin is logged in
    When the admin opens the pay dialog for "Mary Client"
    And the admin tries to pay by <type> with transaction number "<number>" and amount "<amount>"
    Then the pay dialog says "<message>"
    And "Mary Client" still has only the earlier payment and a total balance of K5,500.00

    Examples:
      | problem                         | type   | number   | amount | message                                        |
      | a zero amount                   | cash   | TXN-0002 | 0      | Amount must be greater than 0                  |
      | a negative amount               | cash   | TXN-0002 | -50    | Amount must be greater than 0                  |
      | an amount that is not a number  | cash   | TXN-0002 | abc    | Amount must be a number                        |
      | a transaction number used before | cash  | TXN-0001 | 100    | This transaction number has already been used  |
      | no transaction number           | cash   |          | 100    | Transaction Number is required                 |
      | a cheque without bank details   | cheque | TXN-0002 | 100    | Bank Name is required; Cheque Number is required |

  @checklist.payments.submit_payment
  Scenario: A client sees their plan, balance and receipts, and cannot change them
    Given "Mary Client" has a "basic" payment plan of K500.00 a month for 12 months
    And "Mary Client" has already paid K500.00 in cash with transaction number "TXN-0001"
    And the client is logged in
    When the client opens My Payments from the left menu
    Then the total balance is K5,500.00
    And the client is offered no way to pay or to revert a payment
    And the receipt SI1000 shows K500.00 paid by "Mary Client"

  @checklist.payments.dashboard @read_only
  Scenario: The payments dashboard shows each transaction's details and the accepted total
    Given the admin is logged in
    When the admin opens the payments dashboard from the left menu
    Then the dashboard has the columns "Client Name, Payment Date, Payment Info, Receipt Number, Amount, Status"
    And the dashboard's total and count add up the accepted payments it lists

  @checklist.payments.dashboard
  Scenario: The dashboard lists every client's payments and totals the accepted ones
    Given these payments have been recorded:
      | client      | type         | amount    | paid       | status   |
      | Mary Client | cash         | K2,000.00 | 3 days ago | accepted |
      | Mary Client | mobile money | K1,000.00 | today      | accepted |
      | John Banda  | cheque       | K500.00   | yesterday  | accepted |
      | John Banda  | cash         | K250.00   | today      | reverted |
    And the admin is logged in
    When the admin opens the payments dashboard from the left menu
    Then the dashboard lists 4 transactions
    And the total of accepted payments is K3,500.00 from 3 transactions
    And the dashboard shows the K250.00 payment of "John Banda" as "Cancelled"

  @checklist.payments.dashboard
  Scenario Outline: The dashboard filters the payments by <filter>
    Given these payments have been recorded:
      | client      | type         | amount    | paid       | status   |
      | Mary Client | cash         | K2,000.00 | 3 days ago | accepted |
      | Mary Client | mobile money | K1,000.00 | today      | accepted |
      | John Banda  | cheque       | K500.00   | yesterday  | accepted |
      | John Banda  | cash         | K250.00   | today      | reverted |
    And the admin is logged in
    When the admin opens the payments dashboard from the left menu
    And the admin filters the payments by <filter> "<value>"
    Then the dashboard lists only the payments of <amounts>
    And the total of accepted payments is <total> from <count> transactions

    Examples:
      | filter     | value              | amounts                     | total     | count |
      | type       | Mobile Money       | K1,000.00                   | K1,000.00 | 1     |
      | status     | Cancelled          | K250.00                     | K0.00     | 0     |
      | date range | yesterday to today | K1,000.00, K250.00, K500.00 | K1,500.00 | 2     |

  @checklist.payments.dashboard @read_only
  Scenario: A client cannot open the payments dashboard
    Given the client is logged in
    When the client types the address of the payments dashboard
    Then the client sees "Oops. Looks like we can't find your page."

  # Read-only: opens the payment form of a client without paying, so it also runs on production.
  @checklist.payments.submit_payment @read_only
  Scenario: The admin can open the payment form of a client
    Given the admin is logged in
    When the admin finds the client and opens the client's plans
    And the admin opens the payment form
    Then the payment form offers the payment types "Cash, Cheque/Cashier Cheque, Mobile Money, Bank Transfer/Cash Deposit, Bank Transfer/EFT"
    And it asks for "Payment Type, Transaction Number, Amount (K)"
