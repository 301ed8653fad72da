-- Lock down a read-only connection before `wirehouse sql` parses a statement on it: no file,
-- network or extension outside the warehouse, no Python variable read as a table, no setting
-- changed afterwards.
SET enable_external_access = false;
SET python_enable_replacements = false;
SET lock_configuration = true;
