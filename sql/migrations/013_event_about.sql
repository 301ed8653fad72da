-- 013_event_about: an arrest is its own event, about the incident it is for.
-- "Police arrested nine suspects after Wednesday's shooting, in which 21 people died" gives two
-- events of one article: the shooting (21 killed) and the arrest (no toll), whose about_event_id
-- is the shooting's event_id. NULL for every other event, and for an arrest whose incident the
-- article does not tell as an event of its own.
ALTER TABLE events ADD COLUMN about_event_id VARCHAR;
