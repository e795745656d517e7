-- A legal representative's claim to an enterprise is verified before tokens say they act for it: by the legal-person
-- library (once it exists) or by a clerk at a counter who has seen the licence and the representative's identity card.
-- Claims made before this change are unverified.
ALTER TABLE identity_enterprise ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE identity_enterprise ADD COLUMN verified_by VARCHAR(100);
ALTER TABLE identity_enterprise ADD COLUMN verified_how VARCHAR(20);
ALTER TABLE identity_enterprise ADD CONSTRAINT identity_enterprise_verified_how_check
    CHECK (verified_how IN ('LEGAL_PERSON_LIBRARY', 'COUNTER'));
ALTER TABLE identity_enterprise ADD CONSTRAINT identity_enterprise_verified_check
    CHECK ((verified_at IS NULL) = (verified_how IS NULL));
