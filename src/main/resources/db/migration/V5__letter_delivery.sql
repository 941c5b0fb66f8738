-- Letters are an outbox: written with the decision, handed to e-Boks after the commit, and handed
-- over again until e-Boks has taken them. delivered_at is null while a letter waits.
ALTER TABLE flex_letters ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE flex_letters ADD COLUMN delivery_attempts INTEGER DEFAULT 0 NOT NULL;
UPDATE flex_letters SET delivered_at = sent_at;
CREATE INDEX flex_letters_delivery ON flex_letters (delivered_at, letter_id);
