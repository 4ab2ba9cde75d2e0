-- A requisition starts as the draft a hiring manager saves from the JD
-- studio: the sub-role, level, operating outcome and JD text, with the
-- rubric version frozen so later edits to rubrics/ never change the kit the
-- hire is judged by.
CREATE TABLE requisitions (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    sub_role TEXT NOT NULL,
    level TEXT NOT NULL,
    outcome_json TEXT NOT NULL,
    jd_markdown TEXT NOT NULL,
    rubric_version TEXT NOT NULL REFERENCES rubric_snapshots (version),
    created_at TEXT NOT NULL
);
