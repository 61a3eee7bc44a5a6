-- Who created and who last changed a camera (the principal's owner: API key owner or token subject).
-- NULL for cameras written before access control existed.
ALTER TABLE cameras ADD COLUMN created_by text NULL, ADD COLUMN updated_by text NULL;
