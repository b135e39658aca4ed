-- The reference server's schema. Plain PostgreSQL 12+ (runs on PGlite and on the PostgreSQL-
-- compatible databases of government clouds): tables, text/int/boolean/timestamptz/jsonb
-- columns, CHECK and UNIQUE constraints, partial unique indexes, sequences, ON CONFLICT.
-- No extensions, no triggers, no stored procedures.

-- Key/value settings shared by every instance: the server's secret, the test clock.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

-- Counters of the numbers printed on papers (registration numbers, seats, orders, certificates).
CREATE SEQUENCE office_counter;

-- Exam rounds. `data` is the round as answered (ExamSession without serverTime).
CREATE TABLE rounds (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  is_current boolean NOT NULL DEFAULT false,
  tickets_published boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);
-- One current round.
CREATE UNIQUE INDEX rounds_one_current ON rounds (is_current) WHERE is_current;

CREATE TABLE accounts (
  id text PRIMARY KEY,
  account text NOT NULL UNIQUE,
  account_type text NOT NULL CHECK (account_type IN ('phone', 'email')),
  password_hash text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  real_name jsonb,
  real_name_status text CHECK (real_name_status IN ('verified', 'pending', 'rejected')),
  document_number text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- A document number is verified by one account only (ACCOUNT_EXISTS for another).
CREATE UNIQUE INDEX accounts_one_verified_document ON accounts (document_number) WHERE real_name_status = 'verified';

-- Sessions: the token is never stored, only its SHA-256.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Issued captchas: used once, right or wrong.
CREATE TABLE captchas (
  id text PRIMARY KEY,
  answer text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- The verification code of a target (phone or e-mail): hashed, expiring, single use.
CREATE TABLE verification_codes (
  target text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('register', 'reset-password')),
  code_hash text,
  failed_attempts integer NOT NULL DEFAULT 0,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

-- Test only (the office API's test part): what the development sender sent.
CREATE TABLE test_outbox (
  target text PRIMARY KEY,
  channel text NOT NULL,
  code text NOT NULL,
  sent_at timestamptz NOT NULL
);

-- Staff of the office API: the key is never stored, only its SHA-256.
CREATE TABLE staff (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz
);

-- Applications. `data` is the Application as answered; status and numbers beside it for queries.
CREATE TABLE applications (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  round_id text NOT NULL REFERENCES rounds (id),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'rejected', 'approved', 'paid', 'change-requested', 'ticket-available', 'scored', 'certified')),
  data jsonb NOT NULL,
  registration_number text UNIQUE,
  system_code text,
  ticket_number text UNIQUE,
  seat integer,
  score_report jsonb,
  submitted_at timestamptz,
  updated_at timestamptz NOT NULL,
  -- One application per candidate and round.
  CONSTRAINT applications_one_per_round UNIQUE (account_id, round_id)
);
CREATE INDEX applications_status ON applications (round_id, status, submitted_at);

-- Photos: the bytes live in the photo storage (disk), keyed by id.
CREATE TABLE photos (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  storage_key text NOT NULL,
  content_type text NOT NULL,
  bytes integer NOT NULL CHECK (bytes > 0),
  width integer NOT NULL,
  height integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX photos_account ON photos (account_id);

CREATE TABLE payment_orders (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  application_id text NOT NULL REFERENCES applications (id),
  channel text NOT NULL CHECK (channel IN ('alipay', 'wechat')),
  amount_fen integer NOT NULL CHECK (amount_fen > 0),
  gateway text NOT NULL,
  qr_payload text NOT NULL,
  status text NOT NULL CHECK (status IN ('unpaid', 'paying', 'paid', 'failed', 'closed', 'expired')),
  failure_reason text,
  payment_window jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_query_at timestamptz
);
CREATE INDEX payment_orders_account ON payment_orders (account_id, created_at);
-- One open order per application and channel (creating another returns it).
CREATE UNIQUE INDEX payment_orders_one_open ON payment_orders (application_id, channel) WHERE status IN ('unpaid', 'paying');

-- Receipts: one per gateway trade number, one per order.
CREATE TABLE payment_receipts (
  trade_no text NOT NULL,
  gateway text NOT NULL,
  order_id text NOT NULL UNIQUE REFERENCES payment_orders (id),
  amount_fen integer NOT NULL,
  channel text NOT NULL,
  paid_at timestamptz NOT NULL,
  confirmed_by text NOT NULL,
  PRIMARY KEY (gateway, trade_no)
);

-- Every notification a gateway sent, verified or not.
CREATE TABLE gateway_notifications (
  id bigserial PRIMARY KEY,
  gateway text NOT NULL,
  notify_id text,
  out_trade_no text,
  trade_no text,
  signature_valid boolean NOT NULL,
  outcome text NOT NULL,
  body text NOT NULL,
  received_at timestamptz NOT NULL
);

-- Stored answers of idempotent operations, by candidate, operation and key.
CREATE TABLE idempotency_keys (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  operation text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  answer text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, operation, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

CREATE TABLE certificates (
  number text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  application_id text NOT NULL UNIQUE REFERENCES applications (id),
  data jsonb NOT NULL,
  issued_at timestamptz NOT NULL
);

-- Rate limits: requests per bucket (an address, an account) in fixed windows.
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);

-- Every state change: who, when, what, before and after.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('candidate', 'staff', 'gateway', 'system')),
  actor_id text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text,
  address text
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, at);
