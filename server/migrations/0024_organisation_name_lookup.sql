-- Creating an organisation checks that the name is new (ignoring case). It read every organisation of
-- the municipality for that; after a day of benchmark runs that was 116,000 rows per request. The
-- check now asks for the name, through this index.
CREATE INDEX organisation_name ON organisation (municipality_id, lower(name));
