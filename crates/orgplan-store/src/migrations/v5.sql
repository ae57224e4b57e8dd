-- Schema version 5.
--
-- People gain what a roster (花名册) says about them: 工号, 手机 and 邮箱 (personal data, kept
-- here but left out of files and exports unless asked), 入职日期 (YYYY-MM-DD) and 人员类型
-- (full_time, part_time, intern, outsourced). Departments can sit within a department
-- (运营中心/客服部). A position remembers the library role it came from. A plan imported from
-- a roster keeps where it came from and how its columns were read (JSON), so next month's
-- roster imports without mapping again.
ALTER TABLE people ADD COLUMN employee_no TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN start_date TEXT;
ALTER TABLE people ADD COLUMN kind TEXT;
CREATE INDEX people_employee_no ON people(plan_id, employee_no) WHERE employee_no <> '';

ALTER TABLE departments ADD COLUMN parent_id TEXT;
ALTER TABLE positions ADD COLUMN role TEXT;
ALTER TABLE plans ADD COLUMN roster TEXT;
