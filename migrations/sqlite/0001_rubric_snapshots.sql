-- Every rubric library version the server has loaded, stored whole, so past
-- scores stay readable against the kit they were scored with.
CREATE TABLE rubric_snapshots (
    version TEXT PRIMARY KEY,
    first_loaded_at TEXT NOT NULL,
    library_json TEXT NOT NULL
);
