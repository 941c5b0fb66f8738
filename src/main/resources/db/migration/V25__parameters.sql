-- Figures process owners change without a build (ADR 0018): each a dated row; the value in force on
-- a day is the row with the latest valid_from on or before it. A new value applies from tomorrow at
-- the earliest (POST /api/admin/parameters), so nothing that started already changes under it.
-- Seeded with the terms' figures and our own targets, valid from the terms' date (1 January 2024).
CREATE TABLE flex_parameters (
    name         VARCHAR(60)              NOT NULL,
    valid_from   DATE                     NOT NULL,
    param_value  VARCHAR(40)              NOT NULL,
    note         VARCHAR(200),
    changed_by   VARCHAR(100)             NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, valid_from)
);

INSERT INTO flex_parameters (name, valid_from, param_value, note, changed_by, changed_at) VALUES
  ('SLA_EXAM_WORKING_DAYS',                        DATE '2024-01-01', '10',         'terms §5.2 (SLA_EXAM_10WD)',            'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('SLA_EXAM_ESCALATION_WORKING_DAYS_BEFORE',      DATE '2024-01-01', '2',          'ours (SLA_EXAM_10WD)',                  'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('SLA_TRAUMA_CALLBACK',                          DATE '2024-01-01', 'PT3H',       'terms §5.8 (SLA_TRAUMA_3H)',            'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('SLA_TRAUMA_CALLBACK_ESCALATION_BEFORE',        DATE '2024-01-01', 'PT1H',       'ours: after 2 hours (SLA_TRAUMA_3H)',   'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('SLA_ASSESSMENT_WORKING_DAYS',                  DATE '2024-01-01', '1',          'terms §4.10 (SLA_ASSESS_1WD)',          'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('SLA_TRAUMA_ASSESSMENT',                        DATE '2024-01-01', 'PT1H',       'ours (SLA_TRAUMA_ASSESS_1H)',           'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('SLA_TRAUMA_ASSESSMENT_ESCALATION_BEFORE',      DATE '2024-01-01', 'PT15M',      'ours: after 45 minutes',                'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('SLA_COMPLAINT_WORKING_DAYS',                   DATE '2024-01-01', '7',          'terms §7.11 (SLA_COMPLAINT_7WD)',       'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('SLA_COMPLAINT_ESCALATION_WORKING_DAYS_BEFORE', DATE '2024-01-01', '2',          'ours (SLA_COMPLAINT_7WD)',              'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('REQUEST_CALLBACK_WORKING_DAYS',                DATE '2024-01-01', '1',          'ours (REQ_CALLBACK)',                   'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('WAIT_REMINDER_WORKING_DAYS',                   DATE '2024-01-01', '10',         'ours (ASSESS_ASK_INFO, a referral)',    'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('WAIT_CLOSURE_DAYS',                            DATE '2024-01-01', '30',         'ours (ASSESS_ASK_INFO, a referral)',    'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('PHYSIO_CHIRO_TREATMENTS_PER_YEAR',             DATE '2024-01-01', '12',         'terms §5.5 (LIMIT_PHYSIO_CHIRO_12)',    'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('OSTEO_TREATMENTS_PER_YEAR',                    DATE '2024-01-01', '5',          'terms §5.5 (LIMIT_OSTEO_5)',            'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('COURSE_MAX_WITHOUT_YEARLY_LIMIT',              DATE '2024-01-01', '20',         'ours (ASSESS_TREATMENTS_MAX)',          'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('INSURANCE_SUM',                                DATE '2024-01-01', '3000000.00', 'terms §7.2 (LIMIT_INSURANCE_SUM)',      'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('FINANCE_APPROVAL_THRESHOLD',                   DATE '2024-01-01', '10000.00',   'ours',                                  'V25__parameters.sql', CURRENT_TIMESTAMP);

-- Rates: who set each and when (empty for the rows the earlier migrations seeded); the osteopathy
-- rates of the terms join the others.
ALTER TABLE flex_rates ADD COLUMN changed_by VARCHAR(100);
ALTER TABLE flex_rates ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;

INSERT INTO flex_rates (kind, cover, valid_from, amount, note, changed_by, changed_at) VALUES
  ('OSTEO_FIRST_TREATMENT', '-', DATE '2024-01-01', 650.00, 'terms §4.7.1 (PAY_OSTEO_RATE)', 'V25__parameters.sql', CURRENT_TIMESTAMP),
  ('OSTEO_LATER_TREATMENT', '-', DATE '2024-01-01', 500.00, 'terms §4.7.1 (PAY_OSTEO_RATE)', 'V25__parameters.sql', CURRENT_TIMESTAMP);
