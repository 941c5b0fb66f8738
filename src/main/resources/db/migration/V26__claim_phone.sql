-- The insured's phone for the health team's calls (the trauma callback, the examination's booking),
-- given when the claim is reported; optional, as claims reported before it have none. Personal data:
-- shown in the task's form only (a task-local view variable, never in history), never answered by
-- the claims API or logged.
ALTER TABLE flex_claims ADD COLUMN phone VARCHAR(30);
