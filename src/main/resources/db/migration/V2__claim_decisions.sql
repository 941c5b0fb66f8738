-- What the claim process records beyond V1: the date from which a new claim can be made after a
-- QUAL_PRE_EXISTING rejection, and the assessor's note (kept here, never in process variables).
ALTER TABLE flex_claims ADD COLUMN new_claim_possible_from DATE;
ALTER TABLE flex_claims ADD COLUMN assessment_note TEXT;
