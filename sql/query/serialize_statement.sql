-- The parse tree of one SELECT statement as JSON (error true when it is no SELECT): `wirehouse
-- sql` reads the function names in it. Parameter: the statement's text.
SELECT json_serialize_sql($1::VARCHAR);
