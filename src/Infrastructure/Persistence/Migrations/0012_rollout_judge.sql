-- The rollout judge: plans can be paused (by an operator or an inconclusive window) and aborted; the count of
-- failing evaluations in a row lives with the plan so every instance judges alike; verdicts, operator verbs and
-- webhook deliveries are kept (bounded) for the plan's report.
ALTER TABLE rollout_plans DROP CONSTRAINT rollout_plans_state_check;
ALTER TABLE rollout_plans ADD CONSTRAINT rollout_plans_state_check
    CHECK (state IN ('active', 'paused', 'completed', 'rolled_back', 'cancelled', 'aborted'));

ALTER TABLE rollout_plans
    ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    ADD COLUMN paused_reason        text,
    ADD COLUMN webhook_url          text,
    ADD COLUMN webhook_secret       text;

-- A paused plan still owns its endpoint: one open (active or paused) plan per endpoint.
DROP INDEX rollout_plans_one_active;
CREATE UNIQUE INDEX rollout_plans_one_active ON rollout_plans (endpoint) WHERE state IN ('active', 'paused');

CREATE TABLE rollout_plan_verdicts (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id      bigint      NOT NULL REFERENCES rollout_plans (id) ON DELETE CASCADE,
    evaluation   jsonb       NOT NULL
);
CREATE INDEX rollout_plan_verdicts_plan_id ON rollout_plan_verdicts (plan_id, id DESC);

CREATE TABLE rollout_plan_audit (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id      bigint      NOT NULL REFERENCES rollout_plans (id) ON DELETE CASCADE,
    changed_at   timestamptz NOT NULL,
    changed_by   text        NOT NULL,
    verb         text        NOT NULL,
    old_value    jsonb       NOT NULL,
    new_value    jsonb       NOT NULL,
    reason       text
);
CREATE INDEX rollout_plan_audit_plan_id ON rollout_plan_audit (plan_id, id DESC);

CREATE TABLE rollout_plan_webhook_deliveries (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id      bigint      NOT NULL REFERENCES rollout_plans (id) ON DELETE CASCADE,
    event_id     uuid        NOT NULL,
    event        text        NOT NULL,
    url          text        NOT NULL,
    attempted_at timestamptz NOT NULL,
    attempts     integer     NOT NULL,
    delivered    boolean     NOT NULL,
    status_code  integer,
    error        text
);
CREATE INDEX rollout_plan_webhook_deliveries_plan_id ON rollout_plan_webhook_deliveries (plan_id, id DESC);
