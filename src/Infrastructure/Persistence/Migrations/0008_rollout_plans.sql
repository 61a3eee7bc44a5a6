-- Progressive delivery: one row per rollout plan. A plan's percentages are set through rollout_overrides (and
-- audited in rollout_audit) in the same transaction as the change of its row.
CREATE TABLE rollout_plans (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint        text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('active', 'completed', 'rolled_back', 'cancelled')),
    settings        jsonb       NOT NULL,
    current_step    integer     NOT NULL CHECK (current_step >= 0),
    step_started_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    ended_at        timestamptz,
    end_reason      text,
    last_evaluation jsonb
);

-- At most one active plan per endpoint, whatever the number of instances starting one at the same time.
CREATE UNIQUE INDEX rollout_plans_one_active ON rollout_plans (endpoint) WHERE state = 'active';

CREATE INDEX rollout_plans_endpoint_id ON rollout_plans (endpoint, id DESC);
