-- Cronhelm store, schema version 6: run history that stays bounded on its own.
--
-- Retention used to be manual (apply_retention from a nightly job) and deleted every old run
-- in one statement whose foreign-key checks scanned `runs` for each deleted row (nothing
-- indexed the self-reference first_run_id): quadratic at the tens of millions of runs the
-- history is built for. Now a store-wide policy (keep N days, and at least the last M runs
-- of each job, overridable per job with keep_days/keep_runs) is applied by the executor in
-- small batches (retention_sweep), off its fire path. See docs/semantics.md, "Retention".

-- The policy ---------------------------------------------------------------------------------
-- One policy for runs and their logs replaces the two day counts of version 1 (logs went
-- 30 days before their runs; a run without its output is of little use to anyone, and
-- deleting logs on their own kept the history's rows forever). The run count carries over.
INSERT INTO cronhelm.settings (key, value)
SELECT 'retention_keep_days', coalesce((SELECT value FROM cronhelm.settings
                                         WHERE key = 'run_retention_days'), '365');
INSERT INTO cronhelm.settings (key, value) VALUES ('retention_keep_runs', '100');
-- Where the last sweep stopped ("job id,run id"): the next one goes on from there instead of
-- walking again past the index entries of the runs it just deleted (dead until vacuumed).
INSERT INTO cronhelm.settings (key, value) VALUES ('retention_sweep_cursor', '0,0');
DELETE FROM cronhelm.settings WHERE key IN ('log_retention_days', 'run_retention_days');

-- The store-wide policy, for everyone who can read the history.
CREATE VIEW cronhelm.retention_policy AS
SELECT (SELECT value::integer FROM cronhelm.settings
         WHERE key = 'retention_keep_days') AS keep_days,
       (SELECT value::integer FROM cronhelm.settings
         WHERE key = 'retention_keep_runs') AS keep_runs;

-- Sets the store-wide policy (admins). Same limits as a job's own keep_days / keep_runs;
-- errors name the field like the job API does (CHINV, COLUMN and DETAIL cronhelm_field=…).
CREATE FUNCTION cronhelm.set_retention_policy(p_keep_days integer, p_keep_runs integer)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old jsonb := (SELECT to_jsonb(p) FROM cronhelm.retention_policy p);
BEGIN
    IF p_keep_days IS NULL OR p_keep_days NOT BETWEEN 1 AND 36500 THEN
        PERFORM cronhelm._invalid('keep_days', 'must be from 1 to 36500');
    END IF;
    IF p_keep_runs IS NULL OR p_keep_runs NOT BETWEEN 0 AND 1000000 THEN
        PERFORM cronhelm._invalid('keep_runs', 'must be from 0 to 1000000');
    END IF;
    UPDATE cronhelm.settings SET value = p_keep_days::text WHERE key = 'retention_keep_days';
    UPDATE cronhelm.settings SET value = p_keep_runs::text WHERE key = 'retention_keep_runs';
    PERFORM cronhelm._audit('set_retention_policy', NULL, NULL, old,
                            jsonb_build_object('keep_days', p_keep_days,
                                               'keep_runs', p_keep_runs));
END
$$;

-- Indexes ------------------------------------------------------------------------------------
-- Deleting a run makes PostgreSQL look for retries that point at it (first_run_id). Only
-- retries have one, so the index is partial: small, and untouched by the first attempts'
-- status changes on the fire path. The foreign-key check's `first_run_id = $1` implies
-- NOT NULL, so it uses this index.
CREATE INDEX runs_first_run_id ON cronhelm.runs (first_run_id) WHERE first_run_id IS NOT NULL;
-- (scheduled_for) is the prefix of runs_scheduled_id (scheduled_for, id) from version 2:
-- every query it served, that one serves as well, and each status change paid for both.
DROP INDEX cronhelm.runs_scheduled_for;

-- The sweep ----------------------------------------------------------------------------------
-- Deletes up to p_batch runs (with their logs; more only when one first attempt's retries
-- alone exceed it) that the policy no longer keeps; returns how
-- many it deleted (0: nothing is due). A run is deleted when it finished more than keep_days
-- ago and is not among the last keep_runs runs of its job; queued and running runs stay,
-- and so does a first attempt while a retry of it stays (the retry points at it). Oldest runs first, job by job.
--
-- Each call is short (one transaction of p_batch rows) so that the executor can call it
-- between fires. It touches only old rows: per job it reads the oldest run first and moves
-- on when that is recent, and walks the job's runs in id order (runs_job_id), stopping at
-- the first run created after the cutoff: ids grow with created_at, and a run cannot
-- finish before it was created.
CREATE FUNCTION cronhelm.retention_sweep(p_batch integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_days integer := (SELECT keep_days FROM cronhelm.retention_policy);
    v_runs integer := (SELECT keep_runs FROM cronhelm.retention_policy);
    v_now timestamptz := clock_timestamp();
    j record;
    r record;
    v_cutoff timestamptz;
    v_oldest timestamptz;
    v_last_deletable bigint;
    v_ids bigint[] := '{}';
    v_retries bigint[];
    v_full boolean := false;
    v_deleted integer;
    v_cursor text[] := string_to_array((SELECT value FROM cronhelm.settings
                                         WHERE key = 'retention_sweep_cursor' FOR UPDATE), ',');
    v_cursor_job bigint := coalesce(v_cursor[1]::bigint, 0);
    v_cursor_run bigint := coalesce(v_cursor[2]::bigint, 0);
    v_from_run bigint;
    v_stop_job bigint := 0;
    v_last_taken bigint := 0;
BEGIN
    IF p_batch IS NULL OR p_batch < 1 THEN
        PERFORM cronhelm._invalid('batch', 'must be at least 1');
    END IF;
    -- From the cursor's job on, then the jobs before it: one call looks at every job before
    -- it says nothing is due.
    FOR j IN SELECT id, coalesce(keep_days, v_days) AS days, coalesce(keep_runs, v_runs) AS runs
               FROM cronhelm.jobs ORDER BY id < v_cursor_job, id LOOP
        v_cutoff := v_now - make_interval(days => j.days);
        v_from_run := CASE WHEN j.id = v_cursor_job THEN v_cursor_run ELSE 0 END;
        v_stop_job := j.id;
        v_last_taken := v_from_run;
        SELECT created_at INTO v_oldest FROM cronhelm.runs
         WHERE job_id = j.id AND id > v_from_run ORDER BY id LIMIT 1;
        CONTINUE WHEN v_oldest IS NULL OR v_oldest >= v_cutoff;
        -- The newest run the count lets go: the one just older than the last j.runs.
        SELECT id INTO v_last_deletable FROM cronhelm.runs
         WHERE job_id = j.id ORDER BY id DESC OFFSET j.runs LIMIT 1;
        CONTINUE WHEN v_last_deletable IS NULL;
        FOR r IN SELECT id, created_at, finished_at FROM cronhelm.runs
                  WHERE job_id = j.id AND id > v_from_run AND id <= v_last_deletable
                  ORDER BY id LOOP
            EXIT WHEN r.created_at >= v_cutoff;
            -- A first attempt goes together with its retries, once all of them may go.
            IF r.finished_at < v_cutoff AND r.id <> ALL (v_ids)
               AND NOT EXISTS (SELECT 1 FROM cronhelm.runs x
                                WHERE x.first_run_id = r.id
                                  AND (x.id > v_last_deletable OR x.finished_at IS NULL
                                       OR x.finished_at >= v_cutoff)) THEN
                v_retries := ARRAY(SELECT x.id FROM cronhelm.runs x WHERE x.first_run_id = r.id
                                    AND x.id <> ALL (v_ids));
                -- A first attempt and its retries do not split across batches: the batch
                -- ends before them, or (when they would be all of it) grows to take them.
                IF cardinality(v_ids) > 0
                   AND cardinality(v_ids) + 1 + cardinality(v_retries) > p_batch THEN
                    v_full := true;
                    EXIT;
                END IF;
                v_ids := v_ids || r.id || v_retries;
                v_last_taken := r.id;
                EXIT WHEN cardinality(v_ids) >= p_batch;
            END IF;
        END LOOP;
        EXIT WHEN v_full OR cardinality(v_ids) >= p_batch;
    END LOOP;
    -- Next time: on from the last run taken when the batch filled up, else from the start.
    UPDATE cronhelm.settings
       SET value = CASE WHEN v_full OR cardinality(v_ids) >= p_batch
                        THEN v_stop_job || ',' || v_last_taken ELSE '0,0' END
     WHERE key = 'retention_sweep_cursor';
    IF cardinality(v_ids) = 0 THEN
        RETURN 0;
    END IF;
    -- Runs that a run staying still points at stay too (retries point at their first
    -- attempt, and the selection above keeps those together; this guards any other shape,
    -- such as rows written through psql, so that a sweep never fails on the foreign key).
    LOOP
        v_retries := ARRAY(SELECT DISTINCT x.first_run_id FROM cronhelm.runs x
                            WHERE x.first_run_id = ANY (v_ids) AND x.id <> ALL (v_ids));
        EXIT WHEN cardinality(v_retries) = 0;
        v_ids := ARRAY(SELECT unnest(v_ids) EXCEPT SELECT unnest(v_retries));
    END LOOP;
    IF cardinality(v_ids) = 0 THEN
        RETURN 0;
    END IF;
    DELETE FROM cronhelm.run_logs WHERE run_id = ANY (v_ids);
    DELETE FROM cronhelm.runs WHERE id = ANY (v_ids);
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted;
END
$$;

-- The manual form of version 1, kept for nightly jobs that still call it: sweeps until
-- nothing is due, in batches, and says how many runs went.
CREATE OR REPLACE FUNCTION cronhelm.apply_retention() RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_total bigint := 0;
    v_n integer;
BEGIN
    LOOP
        v_n := cronhelm.retention_sweep(5000);
        v_total := v_total + v_n;
        EXIT WHEN v_n = 0;
    END LOOP;
    RETURN jsonb_build_object('runs_deleted', v_total);
END
$$;

-- Grants -------------------------------------------------------------------------------------
REVOKE ALL ON cronhelm.retention_policy FROM PUBLIC;
REVOKE ALL ON FUNCTION cronhelm.set_retention_policy(integer, integer),
    cronhelm.retention_sweep(integer) FROM PUBLIC;
GRANT SELECT ON cronhelm.retention_policy TO cronhelm_viewer, cronhelm_node;
GRANT EXECUTE ON FUNCTION cronhelm.set_retention_policy(integer, integer) TO cronhelm_admin;
GRANT EXECUTE ON FUNCTION cronhelm.retention_sweep(integer) TO cronhelm_admin, cronhelm_node;
