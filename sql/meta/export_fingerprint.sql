-- The fingerprint of one export: its row count and an order-free digest of every row, read from
-- the relation of an sql/export query (named export_rows). Exports are stale when a table's
-- fingerprint differs from the one written beside them.
SELECT count(*) AS n_rows, bit_xor(hash(export_rows)) AS digest FROM export_rows;
