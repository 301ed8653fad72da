-- Record the checksum of a migration whose comments were revised after it was applied.
-- Parameters: version, checksum.
UPDATE schema_migrations SET checksum = $2 WHERE version = $1;
