-- The applied migrations and their checksums.
SELECT version, checksum FROM schema_migrations ORDER BY version;
