-- OpenSLO RatioTimeslices SLOs were stored as timeslices without a slice target (the only way such a row
-- arose: Timeslices imports and the cockpit form always set one) and counted as good or bad minutes.
-- They are ratio-timeslices now, the mean of the minutes' ratios; what was computed the old way is
-- dropped first, as a redefinition drops it, and the analyzer rebuilds it from the facts.
DELETE FROM sli_samples WHERE slo_id IN (SELECT id FROM slos WHERE budgeting = 'timeslices' AND timeslice_target IS NULL AND indicator <> 'availability' AND origin = 'openslo');
DELETE FROM sli_bad_minutes WHERE slo_id IN (SELECT id FROM slos WHERE budgeting = 'timeslices' AND timeslice_target IS NULL AND indicator <> 'availability' AND origin = 'openslo');
DELETE FROM sli_hours WHERE slo_id IN (SELECT id FROM slos WHERE budgeting = 'timeslices' AND timeslice_target IS NULL AND indicator <> 'availability' AND origin = 'openslo');
DELETE FROM sli_days WHERE slo_id IN (SELECT id FROM slos WHERE budgeting = 'timeslices' AND timeslice_target IS NULL AND indicator <> 'availability' AND origin = 'openslo');
DELETE FROM slo_status WHERE slo_id IN (SELECT id FROM slos WHERE budgeting = 'timeslices' AND timeslice_target IS NULL AND indicator <> 'availability' AND origin = 'openslo');
DELETE FROM budget_charges WHERE slo_id IN (SELECT id FROM slos WHERE budgeting = 'timeslices' AND timeslice_target IS NULL AND indicator <> 'availability' AND origin = 'openslo');
UPDATE slos SET budgeting = 'ratio-timeslices' WHERE budgeting = 'timeslices' AND timeslice_target IS NULL AND indicator <> 'availability' AND origin = 'openslo';
