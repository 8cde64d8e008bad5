-- No change. The number 0013 was skipped when the migrations were first written; this file closes the
-- gap so the sequence reads 0001, 0002, … without holes (a test keeps it so). It does nothing on a
-- database that already ran 0014 and later.
SELECT 1;
