-- Expired Idempotency-Key answers are pruned by age (IdempotencyKeyPruner); this keeps that a range scan.
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
