-- Schema 14: the retention sweep's cost follows its batch, not keep_runs.
--
-- retention_sweep (0006) found each job's boundary, the newest run its keep_runs count lets
-- go, with ORDER BY id DESC OFFSET keep_runs on every call: with keep_runs up to 1,000,000
-- each batch of 500 walked up to a million index entries per job it looked at. The boundary
-- is now found once per job per pass and kept in the sweep's cursor (retention_sweep_cursor
-- becomes "job,run,boundary,keep_runs"; the two-field form of schema 6 still reads) while
-- the following batches work through the same job. What is deleted does not change.
CREATE OR REPLACE FUNCTION cronhelm.retention_sweep(p_batch integer) RETURNS integer
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
    -- The cursor job's boundary (its last deletable run) and the count it was found for.
    v_cursor_last bigint := v_cursor[3]::bigint;
    v_cursor_keep integer := v_cursor[4]::integer;
    v_from_run bigint;
    v_stop_job bigint := 0;
    v_stop_keep integer := 0;
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
        v_stop_keep := j.runs;
        v_last_taken := v_from_run;
        SELECT created_at INTO v_oldest FROM cronhelm.runs
         WHERE job_id = j.id AND id > v_from_run ORDER BY id LIMIT 1;
        CONTINUE WHEN v_oldest IS NULL OR v_oldest >= v_cutoff;
        -- The newest run the count lets go: the one just older than the last j.runs. Finding
        -- it walks j.runs index entries, so it is found once per job and pass and carried
        -- in the cursor while the batches work through that job. A boundary found earlier
        -- stays safe while the count is the same: runs are only added above it (which moves
        -- the true boundary up, never down) and the sweep deletes only below it.
        IF j.id = v_cursor_job AND v_cursor_last IS NOT NULL AND v_cursor_keep = j.runs THEN
            v_last_deletable := v_cursor_last;
        ELSE
            v_last_deletable := NULL;
            SELECT id INTO v_last_deletable FROM cronhelm.runs
             WHERE job_id = j.id ORDER BY id DESC OFFSET j.runs LIMIT 1;
        END IF;
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
    -- Next time: on from the last run taken when the batch filled up, with that job's
    -- boundary; else from the start.
    UPDATE cronhelm.settings
       SET value = CASE WHEN v_full OR cardinality(v_ids) >= p_batch
                        THEN concat_ws(',', v_stop_job, v_last_taken, v_last_deletable,
                                       v_stop_keep)
                        ELSE '0,0' END
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
