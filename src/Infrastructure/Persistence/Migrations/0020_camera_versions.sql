-- Cameras get the optimistic-concurrency version violations already have, so that ETag / If-Match on a camera
-- update is checked in the same UPDATE that writes it (docs/observability.md, "HTTP behaviour"). The version comes from one
-- sequence rather than counting from 0 per row: a camera deleted and created again under the same id never
-- repeats an ETag a client may still hold.
CREATE SEQUENCE camera_versions AS bigint;
ALTER TABLE cameras ADD COLUMN version bigint NOT NULL DEFAULT nextval('camera_versions');
