-- RiskAudit schema, version 5: each committed input file names the activity-log entry of the import
-- that brought it (0 for files imported before this version), so that verify can match every
-- import's files to exactly that entry, even when several imports share a county key ("(all)").
ALTER TABLE input_file ADD COLUMN log_seq BIGINT NOT NULL DEFAULT 0;
