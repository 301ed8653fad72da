-- Export of places, in a stable order (geonameid).
SELECT * FROM places ORDER BY geonameid;
