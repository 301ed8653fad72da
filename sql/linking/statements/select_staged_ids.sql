-- The ids of this batch's quotes (grouped again when they have a source, dropped when not).
SELECT quote_id FROM staged_quotes;
