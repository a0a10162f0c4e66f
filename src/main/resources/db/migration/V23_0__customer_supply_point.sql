-- Where a customer is supplied from: the feeder and the transformer area (台区). Outages are
-- registered against these, so both are indexed for the "who is affected" lookups.
ALTER TABLE customer ADD COLUMN feeder_id VARCHAR(32);
ALTER TABLE customer ADD COLUMN transformer_area VARCHAR(32);

CREATE INDEX customer_feeder_idx ON customer (feeder_id);
CREATE INDEX customer_transformer_area_idx ON customer (transformer_area);
