-- Drop the summaries of the statements that were regrouped (old names and new).
DELETE FROM statements WHERE statement_id IN (SELECT group_id FROM staged_group_ids);
