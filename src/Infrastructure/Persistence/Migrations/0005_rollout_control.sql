-- Rollout control plane: parity diffs kept for the operator's report (the latest few per endpoint).
CREATE TABLE rollout_parity_diffs (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint     text        NOT NULL,
    observed_at  timestamptz NOT NULL,
    path         text        NOT NULL,
    domain_value jsonb,
    legacy_value jsonb
);

CREATE INDEX rollout_parity_diffs_endpoint_id ON rollout_parity_diffs (endpoint, id DESC);

CREATE INDEX rollout_audit_changed ON rollout_audit (id DESC);
