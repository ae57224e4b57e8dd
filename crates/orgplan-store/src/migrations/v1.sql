-- Schema version 1. Migrations are append-only: never edit a released one.
CREATE TABLE plans (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    company     TEXT NOT NULL DEFAULT '',
    target_size INTEGER NOT NULL DEFAULT 0 CHECK (target_size >= 0),
    stage       TEXT NOT NULL,
    goal_notes  TEXT NOT NULL DEFAULT '',
    template    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE departments (
    id      TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    name    TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    color   TEXT NOT NULL
);
CREATE INDEX departments_plan ON departments(plan_id, ord);

-- Lists (duties, KPIs, lines, functions) are JSON arrays: they are always read and written
-- whole, with the position.
CREATE TABLE positions (
    id             TEXT PRIMARY KEY,
    plan_id        TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id      TEXT REFERENCES positions(id) DEFERRABLE INITIALLY DEFERRED,
    ord            INTEGER NOT NULL,
    title          TEXT NOT NULL,
    title_en       TEXT NOT NULL DEFAULT '',
    department_id  TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
    headcount      INTEGER NOT NULL CHECK (headcount >= 1),
    grade          TEXT NOT NULL DEFAULT '',
    purpose        TEXT NOT NULL DEFAULT '',
    duties         TEXT NOT NULL DEFAULT '[]',
    requirements   TEXT NOT NULL DEFAULT '[]',
    kpis           TEXT NOT NULL DEFAULT '[]',
    dotted         TEXT NOT NULL DEFAULT '[]',
    collaborations TEXT NOT NULL DEFAULT '[]',
    escalations    TEXT NOT NULL DEFAULT '[]',
    functions      TEXT NOT NULL DEFAULT '[]',
    pay_min        INTEGER,
    pay_max        INTEGER,
    notes          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX positions_plan ON positions(plan_id, ord);
CREATE INDEX positions_parent ON positions(parent_id);

CREATE TABLE people (
    id      TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    name    TEXT NOT NULL
);
CREATE INDEX people_plan ON people(plan_id, ord);

CREATE TABLE assignments (
    person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    position_id TEXT NOT NULL REFERENCES positions(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    ord         INTEGER NOT NULL,
    share       INTEGER NOT NULL CHECK (share BETWEEN 1 AND 100),
    PRIMARY KEY (person_id, position_id)
);
CREATE INDEX assignments_position ON assignments(position_id);

-- The undo journal: each edit's row changes and their inverse. Entries with undone = 1 form
-- the redo stack; a new edit drops them.
CREATE TABLE journal (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    label   TEXT NOT NULL,
    forward TEXT NOT NULL,
    inverse TEXT NOT NULL,
    undone  INTEGER NOT NULL DEFAULT 0,
    at      TEXT NOT NULL,
    PRIMARY KEY (plan_id, seq)
);
