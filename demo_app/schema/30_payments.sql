-- Payments: plans, transactions (what a client paid), and how each transaction was allocated.
-- Money is integer ngwee (K1.00 = 100); instants are UTC ISO-8601 text.

-- A client's payment plan. Pending balance starts at installment x duration. Each client also
-- gets at most one "general" plan, created on demand, that holds what was paid beyond their plans.
CREATE TABLE payment_plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  plan_type TEXT NOT NULL CHECK (plan_type IN ('starter', 'basic', 'standard', 'premium', 'general')),
  installment_ngwee INTEGER NOT NULL DEFAULT 0 CHECK (installment_ngwee >= 0),
  duration INTEGER NOT NULL DEFAULT 0 CHECK (duration >= 0),
  pending_ngwee INTEGER NOT NULL DEFAULT 0 CHECK (pending_ngwee >= 0),
  status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'cancelled', 'general')),
  plot_number TEXT,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX payment_plans_one_general ON payment_plans (user_id) WHERE plan_type = 'general';

-- One payment as recorded by a cashier. Receipt numbers: "SI" + a sequence from 1000.
-- expected_monthly_ngwee and balance_after_ngwee are the receipt's figures at the time of payment.
CREATE TABLE transactions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  source TEXT NOT NULL CHECK (source IN ('cash', 'cheque/cashier_cheque', 'mobile_money',
                                         'bank_transfer/cash_deposit', 'bank_transfer/eft', 'pos')),
  transaction_number TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(transaction_number) BETWEEN 1 AND 35),
  amount_ngwee INTEGER NOT NULL CHECK (amount_ngwee > 0),
  bank_name TEXT,
  cheque_number TEXT,
  status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'cancelled')),
  receipt_seq INTEGER NOT NULL UNIQUE CHECK (receipt_seq >= 1000),
  receipt_number TEXT NOT NULL UNIQUE,
  depositor_id INTEGER NOT NULL REFERENCES users(id),
  expected_monthly_ngwee INTEGER NOT NULL DEFAULT 0,
  balance_after_ngwee INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  reverted_at TEXT,
  reverted_by INTEGER REFERENCES users(id)
);
CREATE INDEX transactions_by_date ON transactions (created_at);

-- The part of a transaction that went to one plan (the excess goes to the general plan).
CREATE TABLE plan_payments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  transaction_id INTEGER NOT NULL REFERENCES transactions(id),
  plan_id INTEGER NOT NULL REFERENCES payment_plans(id),
  amount_ngwee INTEGER NOT NULL CHECK (amount_ngwee > 0),
  status TEXT NOT NULL DEFAULT 'paid' CHECK (status IN ('paid', 'cancelled')),
  created_at TEXT NOT NULL
);
