-- Uploaded files live in the database, so every server behind a load
-- balancer reads every file (before, each instance kept them in its own
-- data directory). A file's bytes are cut into chunks of `chunk_bytes`
-- (256 KiB when written today): a 50 MB video is not one row, and a range
-- request reads only the chunks it covers. Chunk `seq` starts at byte
-- `seq * chunk_bytes`; every chunk but the last is full.
CREATE TABLE file_chunks (
    file_id TEXT NOT NULL REFERENCES candidate_files (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (file_id, seq)
);
-- Resumes and videos are already compressed: store them out of line
-- without trying to compress them again.
ALTER TABLE file_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- Where a file's bytes are: 'database' (file_chunks), or 'disk' for a row
-- written before this migration, whose bytes are still at
-- data_dir/uploads/<stored_name> until the server moves them in at start.
ALTER TABLE candidate_files ADD COLUMN content_in TEXT NOT NULL DEFAULT 'disk';
ALTER TABLE candidate_files ADD COLUMN chunk_bytes BIGINT NOT NULL DEFAULT 0;
-- A video's length when the server could read it (WebM), in milliseconds.
ALTER TABLE candidate_files ADD COLUMN duration_ms BIGINT;
