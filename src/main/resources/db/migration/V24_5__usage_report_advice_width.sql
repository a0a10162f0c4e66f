-- every tip the advice table can give at once (the tips' codes joined by commas) fits; 40 characters held three
ALTER TABLE usage_report ALTER COLUMN advice SET DATA TYPE VARCHAR(200);
