-- Drop the summaries of the incidents that were regrouped (old names and new).
DELETE FROM incidents WHERE incident_id IN (SELECT group_id FROM staged_group_ids);
