"""The only code that opens DuckDB: connect, migrate, load, query and export."""
