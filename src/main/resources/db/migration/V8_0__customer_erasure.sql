-- An erased customer keeps its id (cases, ledgers and decisions still refer to it) but no personal data;
-- when and by whom it was erased stays for the audit.
ALTER TABLE customer ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN erased_by VARCHAR(64);
