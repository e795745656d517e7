-- pgbench: the same point lookup in PostgreSQL alone — one person row by a unique key, every column the API reads.
\set id random(1, :persons)
SELECT record_id, id_number_sealed, name_sealed, address_sealed, sex, birth_date, household_division, deceased, version
FROM basedata_person WHERE record_id = :id;
