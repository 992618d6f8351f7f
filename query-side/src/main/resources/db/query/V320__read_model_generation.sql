-- Kept answers (AnswerCache) are keyed by what the read model has processed: the processors'
-- tokens, which advance in the same transaction as the projections' writes. Two paths change read
-- models without moving a token past anything new: a rebuild swaps its tables in under tokens that
-- can equal the old ones, and a dead-letter retry applies a parked event outside its processor. Both
-- raise this one number, so an answer computed before them is not given again.
CREATE TABLE read_model_generation (
    only_row   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    generation BIGINT NOT NULL
);
INSERT INTO read_model_generation (only_row, generation) VALUES (TRUE, 0);
