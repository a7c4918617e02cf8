-- Cronhelm store, schema version 2: indexes for reading the run history.
--
-- The desktop app pages through cronhelm.run_history with keyset paging on (sort key, id)
-- and filters on the server (core/store/historyquery.cpp). Each supported order and the
-- common filters get an index, so the first page and a filter change stay fast on tens of
-- millions of runs. The sort expressions must stay identical to the ones in historyquery.cpp.

-- "Problems only" (failed, timed out, abandoned): rare rows, found without a scan.
CREATE INDEX runs_problems_id ON cronhelm.runs (id)
    WHERE status IN ('failed', 'timed_out', 'abandoned');
CREATE INDEX runs_job_problems_id ON cronhelm.runs (job_id, id)
    WHERE status IN ('failed', 'timed_out', 'abandoned');

-- One status, and ordering by status.
CREATE INDEX runs_status_id ON cronhelm.runs (status, id);

-- Manual runs, retries and catch-ups are the rare triggers worth an index.
CREATE INDEX runs_trigger_id ON cronhelm.runs (trigger, id) WHERE trigger <> 'schedule';

-- Ordering by scheduled instant, overall and for one job; date ranges.
CREATE INDEX runs_scheduled_id ON cronhelm.runs (scheduled_for, id);
CREATE INDEX runs_job_scheduled_id ON cronhelm.runs (job_id, scheduled_for, id);

-- Ordering by duration (the run_history.duration_ms expression; -1 while unfinished).
CREATE INDEX runs_duration_id ON cronhelm.runs
    ((coalesce((extract(epoch FROM finished_at - started_at) * 1000)::bigint, -1)), id);
CREATE INDEX runs_job_duration_id ON cronhelm.runs
    (job_id, (coalesce((extract(epoch FROM finished_at - started_at) * 1000)::bigint, -1)), id);

-- Every client checks the schema version before it starts (Migrator::checkCompatible);
-- viewers, operators and nodes could not read it.
GRANT SELECT ON cronhelm.schema_migrations TO cronhelm_viewer;
