-- Schema version 3: a checkpoint of each plan, the whole plan as one blob, so that opening a
-- big plan reads one value instead of every row. The rows stay the truth and the checkpoint is
-- only a copy: any change to a plan's rows deletes its checkpoint (the triggers below, whoever
-- writes), so a checkpoint that exists is current. `format` is the blob encoding's version (0:
-- claimed, not written yet); a build that does not know it reads the rows. `claim` is the
-- token of the connection that claimed it: while the row stands, that connection knows the
-- plan's rows are as it left them.
CREATE TABLE plan_checkpoints (
    plan_id TEXT PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
    format  INTEGER NOT NULL,
    data    BLOB NOT NULL,
    claim   BLOB
) WITHOUT ROWID;

CREATE TRIGGER plans_update_stale AFTER UPDATE ON plans BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = NEW.id;
    DELETE FROM plan_checkpoints WHERE plan_id = OLD.id AND OLD.id <> NEW.id;
END;

CREATE TRIGGER departments_insert_stale AFTER INSERT ON departments BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = NEW.plan_id;
END;
CREATE TRIGGER departments_update_stale AFTER UPDATE ON departments BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = NEW.plan_id;
    DELETE FROM plan_checkpoints WHERE plan_id = OLD.plan_id AND OLD.plan_id <> NEW.plan_id;
END;
CREATE TRIGGER departments_delete_stale AFTER DELETE ON departments BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = OLD.plan_id;
END;

CREATE TRIGGER positions_insert_stale AFTER INSERT ON positions BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = NEW.plan_id;
END;
CREATE TRIGGER positions_update_stale AFTER UPDATE ON positions BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = NEW.plan_id;
    DELETE FROM plan_checkpoints WHERE plan_id = OLD.plan_id AND OLD.plan_id <> NEW.plan_id;
END;
CREATE TRIGGER positions_delete_stale AFTER DELETE ON positions BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = OLD.plan_id;
END;

CREATE TRIGGER people_insert_stale AFTER INSERT ON people BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = NEW.plan_id;
END;
CREATE TRIGGER people_update_stale AFTER UPDATE ON people BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = NEW.plan_id;
    DELETE FROM plan_checkpoints WHERE plan_id = OLD.plan_id AND OLD.plan_id <> NEW.plan_id;
END;
CREATE TRIGGER people_delete_stale AFTER DELETE ON people BEGIN
    DELETE FROM plan_checkpoints WHERE plan_id = OLD.plan_id;
END;

-- Assignments belong to a plan through their person.
CREATE TRIGGER assignments_insert_stale AFTER INSERT ON assignments BEGIN
    DELETE FROM plan_checkpoints
    WHERE plan_id = (SELECT plan_id FROM people WHERE id = NEW.person_id);
END;
CREATE TRIGGER assignments_update_stale AFTER UPDATE ON assignments BEGIN
    DELETE FROM plan_checkpoints
    WHERE plan_id = (SELECT plan_id FROM people WHERE id = NEW.person_id);
    DELETE FROM plan_checkpoints
    WHERE OLD.person_id <> NEW.person_id
      AND plan_id = (SELECT plan_id FROM people WHERE id = OLD.person_id);
END;
CREATE TRIGGER assignments_delete_stale AFTER DELETE ON assignments BEGIN
    DELETE FROM plan_checkpoints
    WHERE plan_id = (SELECT plan_id FROM people WHERE id = OLD.person_id);
END;
