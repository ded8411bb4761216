-- Payments: plots (land parcels), payment plans, transactions and their plan payments.
-- Money is integer ngwee (K1.00 = 100); instants are UTC ISO-8601 text; dates are community dates.

-- A plot (PropertyCreate). Parcel numbers are unique in the community, as on the platform.
CREATE TABLE land_parcels (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  parcel_number TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(parcel_number) BETWEEN 1 AND 100),
  parcel_type TEXT,
  address1 TEXT,
  city TEXT,
  country TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL
);

-- Who owns a plot (PropertyCreate's ownershipFields): the plots a plan can be made for.
CREATE TABLE land_parcel_owners (
  land_parcel_id INTEGER NOT NULL REFERENCES land_parcels(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (land_parcel_id, user_id)
);

-- A payment plan. Pending balance starts at installment x duration. Each client also gets at most
-- one "general" plan (no plot), created on demand, that holds what was paid beyond their plans.
CREATE TABLE payment_plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  land_parcel_id INTEGER REFERENCES land_parcels(id),
  plan_type TEXT NOT NULL CHECK (plan_type IN ('lease', 'starter', 'basic', 'standard', 'premium', 'general')),
  status TEXT NOT NULL CHECK (status IN ('active', 'cancelled', 'deleted', 'completed', 'general')),
  start_date TEXT NOT NULL,
  installment_ngwee INTEGER NOT NULL DEFAULT 0 CHECK (installment_ngwee >= 0),
  duration INTEGER NOT NULL DEFAULT 0 CHECK (duration >= 0),
  pending_ngwee INTEGER NOT NULL DEFAULT 0 CHECK (pending_ngwee >= 0),
  frequency TEXT NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly')),
  payment_day INTEGER NOT NULL DEFAULT 1 CHECK (payment_day BETWEEN 1 AND 28),
  renewable INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX payment_plans_one_general ON payment_plans (user_id) WHERE plan_type = 'general';

CREATE TABLE payment_plan_co_owners (
  plan_id INTEGER NOT NULL REFERENCES payment_plans(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (plan_id, user_id)
);

-- One payment as a cashier (the depositor) recorded it; created_at is when it was paid.
CREATE TABLE transactions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  source TEXT NOT NULL CHECK (source IN ('cash', 'cheque/cashier_cheque', 'mobile_money',
                                         'bank_transfer/cash_deposit', 'bank_transfer/eft', 'pos')),
  transaction_number TEXT UNIQUE COLLATE NOCASE CHECK (length(transaction_number) <= 35),
  amount_ngwee INTEGER NOT NULL CHECK (amount_ngwee > 0),
  bank_name TEXT,
  cheque_number TEXT,
  status TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'cancelled')),
  depositor_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  reverted_at TEXT,
  reverted_by INTEGER REFERENCES users(id)
);
CREATE INDEX transactions_by_user ON transactions (user_id, created_at);

-- The part of a transaction that went to one plan. Receipt numbers: "SI" + a sequence from 1000
-- (automatic), or "MI" + what the cashier typed for a manual (past) payment.
CREATE TABLE plan_payments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  transaction_id INTEGER NOT NULL REFERENCES transactions(id),
  plan_id INTEGER NOT NULL REFERENCES payment_plans(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  amount_ngwee INTEGER NOT NULL CHECK (amount_ngwee > 0),
  status TEXT NOT NULL DEFAULT 'paid' CHECK (status IN ('paid', 'cancelled')),
  receipt_seq INTEGER UNIQUE,
  receipt_number TEXT NOT NULL,
  balance_after_ngwee INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_payments_by_date ON plan_payments (created_at);
CREATE INDEX plan_payments_by_transaction ON plan_payments (transaction_id);
