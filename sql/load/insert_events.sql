-- Insert the staged events, their actors, casualty parts and mentions, and the places they name.
INSERT INTO events BY NAME SELECT * FROM staged_events;
INSERT INTO event_actors BY NAME SELECT * FROM staged_event_actors;
INSERT INTO event_casualties BY NAME SELECT * FROM staged_event_casualties;
INSERT INTO event_mentions BY NAME SELECT * FROM staged_event_mentions;
INSERT INTO places BY NAME
SELECT DISTINCT geonameid, name, country_iso3, admin1, latitude, longitude
FROM staged_event_places
WHERE geonameid NOT IN (SELECT geonameid FROM places);
