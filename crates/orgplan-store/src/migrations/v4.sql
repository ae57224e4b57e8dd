-- Schema version 4.
--
-- Checkpoints move to a rowid table. In the WITHOUT ROWID table of version 3 a checkpoint's
-- blob was part of the b-tree key, so every lookup that passed a big plan's checkpoint read the
-- whole blob: the triggers below run one lookup per row written, and importing or copying a
-- plan next to a big plan's checkpoint took seconds to minutes. Here the blob sits at the end
-- of a row found through a small index. Version 3's checkpoints are dropped: they are copies,
-- and the next open writes them again.
--
-- Each plan gets a revision that every committed edit raises: a client that last saw an older
-- revision learns the plan changed elsewhere. Each journal entry names who made it (the
-- client's id and what kind of client it was), so undo can say whose edit it undoes.
DROP TRIGGER plans_update_stale;
DROP TRIGGER departments_insert_stale;
DROP TRIGGER departments_update_stale;
DROP TRIGGER departments_delete_stale;
DROP TRIGGER positions_insert_stale;
DROP TRIGGER positions_update_stale;
DROP TRIGGER positions_delete_stale;
DROP TRIGGER people_insert_stale;
DROP TRIGGER people_update_stale;
DROP TRIGGER people_delete_stale;
DROP TRIGGER assignments_insert_stale;
DROP TRIGGER assignments_update_stale;
DROP TRIGGER assignments_delete_stale;
DROP TABLE plan_checkpoints;

CREATE TABLE checkpoints (
    plan_id TEXT NOT NULL UNIQUE REFERENCES plans(id) ON DELETE CASCADE,
    format  INTEGER NOT NULL,
    claim   BLOB,
    data    BLOB NOT NULL
);

CREATE TRIGGER plans_update_stale AFTER UPDATE ON plans BEGIN
    DELETE FROM checkpoints WHERE plan_id = NEW.id;
    DELETE FROM checkpoints WHERE plan_id = OLD.id AND OLD.id <> NEW.id;
END;

CREATE TRIGGER departments_insert_stale AFTER INSERT ON departments BEGIN
    DELETE FROM checkpoints WHERE plan_id = NEW.plan_id;
END;
CREATE TRIGGER departments_update_stale AFTER UPDATE ON departments BEGIN
    DELETE FROM checkpoints WHERE plan_id = NEW.plan_id;
    DELETE FROM checkpoints WHERE plan_id = OLD.plan_id AND OLD.plan_id <> NEW.plan_id;
END;
CREATE TRIGGER departments_delete_stale AFTER DELETE ON departments BEGIN
    DELETE FROM checkpoints WHERE plan_id = OLD.plan_id;
END;

CREATE TRIGGER positions_insert_stale AFTER INSERT ON positions BEGIN
    DELETE FROM checkpoints WHERE plan_id = NEW.plan_id;
END;
CREATE TRIGGER positions_update_stale AFTER UPDATE ON positions BEGIN
    DELETE FROM checkpoints WHERE plan_id = NEW.plan_id;
    DELETE FROM checkpoints WHERE plan_id = OLD.plan_id AND OLD.plan_id <> NEW.plan_id;
END;
CREATE TRIGGER positions_delete_stale AFTER DELETE ON positions BEGIN
    DELETE FROM checkpoints WHERE plan_id = OLD.plan_id;
END;

CREATE TRIGGER people_insert_stale AFTER INSERT ON people BEGIN
    DELETE FROM checkpoints WHERE plan_id = NEW.plan_id;
END;
CREATE TRIGGER people_update_stale AFTER UPDATE ON people BEGIN
    DELETE FROM checkpoints WHERE plan_id = NEW.plan_id;
    DELETE FROM checkpoints WHERE plan_id = OLD.plan_id AND OLD.plan_id <> NEW.plan_id;
END;
CREATE TRIGGER people_delete_stale AFTER DELETE ON people BEGIN
    DELETE FROM checkpoints WHERE plan_id = OLD.plan_id;
END;

-- Assignments belong to a plan through their person.
CREATE TRIGGER assignments_insert_stale AFTER INSERT ON assignments BEGIN
    DELETE FROM checkpoints
    WHERE plan_id = (SELECT plan_id FROM people WHERE id = NEW.person_id);
END;
CREATE TRIGGER assignments_update_stale AFTER UPDATE ON assignments BEGIN
    DELETE FROM checkpoints
    WHERE plan_id = (SELECT plan_id FROM people WHERE id = NEW.person_id);
    DELETE FROM checkpoints
    WHERE OLD.person_id <> NEW.person_id
      AND plan_id = (SELECT plan_id FROM people WHERE id = OLD.person_id);
END;
CREATE TRIGGER assignments_delete_stale AFTER DELETE ON assignments BEGIN
    DELETE FROM checkpoints
    WHERE plan_id = (SELECT plan_id FROM people WHERE id = OLD.person_id);
END;

ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE journal ADD COLUMN client TEXT;
ALTER TABLE journal ADD COLUMN source TEXT;
