-- The ids of this batch's events (grouped again when asserted, dropped from their incident when not).
SELECT event_id FROM staged_events;
