-- One hand-over at a time per letter and payment (ADR 0008): a hand-over claims the row until the
-- time below before it sends, so the hand-over after a commit and a retry round, on one node or
-- two, never send the same item side by side. Null while nobody holds the item.
ALTER TABLE flex_letters ADD COLUMN delivery_claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE flex_payments ADD COLUMN hand_over_claimed_until TIMESTAMP WITH TIME ZONE;
