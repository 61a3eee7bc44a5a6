-- Idempotency-Key for every idempotent command (issue 11), not only ingest: the stored answer becomes the response
-- itself (JSON, as the command's handler returned it) instead of ingest's id list. Existing ingest answers are
-- converted, so a detector retrying across the upgrade still gets its first answer.
ALTER TABLE idempotency_keys ADD COLUMN response jsonb;
UPDATE idempotency_keys SET response = jsonb_build_object('Ok', true, 'Ids', to_jsonb(response_ids))
 WHERE response_ids IS NOT NULL;
ALTER TABLE idempotency_keys DROP COLUMN response_ids;
