-- The size of change in the outcome monitor (issue 19). The monitor showed only the direction of ZRM
-- change per domain (improved / same / worse); policy staff could not see "+2 on financiën on average".
-- Now each case's summary row (0017) also carries, per resident and domain, the change in levels from
-- the first regular score to the latest final one (the same two scores as the direction: −4 … +4), and
-- app_outcome_change_size returns, per life domain, how many residents changed by each number of levels
-- in the chosen period (cases closed in it), with the mean. The same rule as the monitor: for policy
-- staff a count of 1–4 residents is withheld (NULL), and the server withholds a second count and the
-- mean where the withheld one could be worked out from them (outcomes.changeSize.ts).
--
-- It is per domain over the teams the role may see, not per team or wijk: a total next to its parts
-- would let a withheld part be found by subtraction. The summary is refreshed by the same triggers, and
-- app_refresh_case_outcomes below is that of 0017 with the one column added (the rebuild fills it).

CREATE TYPE outcome_zrm_delta AS (domain text, delta smallint);
ALTER TABLE case_outcome_summary ADD COLUMN zrm_deltas outcome_zrm_delta[] NOT NULL DEFAULT '{}';

-- app_refresh_case_outcomes (with the new column) and app_outcome_change_size are in
-- server/sql/functions/outcomes.sql, which rebuilds the summary when it changes.
