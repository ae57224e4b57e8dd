-- Schema version 2: the plan's goals (the top of the KPI cascade; KPI points link to them
-- inside the positions' kpis JSON), the client's logo for present mode, the plan a scenario
-- was made from, and each seat's lineage (how compare matches positions across plans).
ALTER TABLE plans ADD COLUMN goals TEXT NOT NULL DEFAULT '[]';
ALTER TABLE plans ADD COLUMN logo TEXT;
ALTER TABLE plans ADD COLUMN scenario_of TEXT;
ALTER TABLE positions ADD COLUMN lineage TEXT;
