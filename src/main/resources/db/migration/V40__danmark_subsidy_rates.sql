-- PAY_DANMARK_OFFSET: the subsidy Sygeforsikringen "danmark" pays a member per treatment, by cover,
-- deducted for a member (flex_policies.danmark_member) when an invoice line does not state it.
-- A cover without a row gets no deduction. Change a figure by inserting a row with its valid_from.
-- PLAUSIBLE FIGURES, NOT THE OFFICIAL ONES: placeholders until finance loads "danmark"'s own
-- subsidy schedule (it differs by membership group; these are for the most common group).
INSERT INTO flex_rates (kind, cover, valid_from, amount, note) VALUES
  ('DANMARK_SUBSIDY', 'PHYSIO',       DATE '2024-01-01',  80.00, 'plausible figure, not official'),
  ('DANMARK_SUBSIDY', 'PHYSIO',       DATE '2026-01-01',  85.00, 'plausible 2026 figure, not official'),
  ('DANMARK_SUBSIDY', 'CHIRO',        DATE '2024-01-01',  60.00, 'plausible figure, not official'),
  ('DANMARK_SUBSIDY', 'CHIRO',        DATE '2026-01-01',  65.00, 'plausible 2026 figure, not official'),
  ('DANMARK_SUBSIDY', 'OSTEO',        DATE '2024-01-01', 100.00, 'plausible figure, not official'),
  ('DANMARK_SUBSIDY', 'OSTEO',        DATE '2026-01-01', 105.00, 'plausible 2026 figure, not official'),
  ('DANMARK_SUBSIDY', 'PSYCHOLOGIST', DATE '2024-01-01', 300.00, 'plausible figure, not official'),
  ('DANMARK_SUBSIDY', 'PSYCHOLOGIST', DATE '2026-01-01', 315.00, 'plausible 2026 figure, not official');

-- A line that does not state its "danmark" subsidy keeps it unstated (NULL) until settlement,
-- which records the subsidy deducted.
ALTER TABLE flex_invoice_lines ALTER COLUMN danmark_subsidy DROP NOT NULL;
