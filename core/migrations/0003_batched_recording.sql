-- Cronhelm store, schema version 3: batched recording for the node.
--
-- With thousands of schedules firing at the same instant, one transaction per run end and
-- per log batch kept PostgreSQL (on the node's own machine, often) busy exactly while the
-- next slots' targets were being started. These record many runs in one call; each run is
-- recorded exactly as the single-run functions of version 1 do it.

-- The node calls the functions that take arrays of slots or runs on long-lived sessions.
-- After five calls PL/pgSQL switches their statements to generic plans, which know
-- nothing of the arrays' sizes: fire_slots for 167 slots among 10,000 jobs then took
-- 200-300 ms instead of 10-40 ms, longer than the 250 ms a slot is reserved ahead.
-- Plan every call for its own arguments.
ALTER FUNCTION cronhelm.fire_slots(text, bigint, bigint[], timestamptz[], text[], text[], text[])
    SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION cronhelm.mark_started(text, bigint[], timestamptz[])
    SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION cronhelm.release_reservations(text, bigint[])
    SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION cronhelm.set_job_state(bigint[], timestamptz[], text[])
    SET plan_cache_mode = force_custom_plan;

-- Many run ends in one call: finish_run for each, in order. Returns, per run, the id of
-- the retry it queued (NULL for none, and for a run that was not this node's to finish).
-- (No custom plans here: finish_run's statements take single values, and planning them
-- for every run would cost more than it saves.)
CREATE FUNCTION cronhelm.finish_runs(p_node text, p_run_ids bigint[], p_statuses text[],
                                     p_exit_codes integer[], p_http_statuses integer[],
                                     p_errors text[], p_log_bytes bigint[],
                                     p_log_truncated boolean[], p_finished_at timestamptz[],
                                     p_started_at timestamptz[])
RETURNS TABLE (run_id bigint, retry_run_id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    i integer;
BEGIN
    FOR i IN 1 .. coalesce(array_length(p_run_ids, 1), 0) LOOP
        run_id := p_run_ids[i];
        retry_run_id := cronhelm.finish_run(p_node, p_run_ids[i], p_statuses[i],
                                            p_exit_codes[i], p_http_statuses[i], p_errors[i],
                                            p_log_bytes[i], p_log_truncated[i],
                                            p_finished_at[i], p_started_at[i]);
        RETURN NEXT;
    END LOOP;
END
$$;

-- Log chunks of several runs in one call (append_log for many runs); one notification
-- per run.
CREATE FUNCTION cronhelm.append_logs(p_run_ids bigint[], p_seqs integer[], p_streams text[],
                                     p_data text[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
    INSERT INTO cronhelm.run_logs (run_id, seq, stream, data)
    SELECT u.run_id, u.seq, u.stream, u.data
      FROM unnest(p_run_ids, p_seqs, p_streams, p_data) AS u(run_id, seq, stream, data)
    ON CONFLICT (run_id, seq) DO NOTHING;
    PERFORM pg_notify('cronhelm_log', d.run_id::text)
       FROM (SELECT DISTINCT u.run_id FROM unnest(p_run_ids) AS u(run_id)) d;
END
$$;

REVOKE ALL ON FUNCTION
    cronhelm.finish_runs(text, bigint[], text[], integer[], integer[], text[], bigint[],
                         boolean[], timestamptz[], timestamptz[]),
    cronhelm.append_logs(bigint[], integer[], text[], text[])
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    cronhelm.finish_runs(text, bigint[], text[], integer[], integer[], text[], bigint[],
                         boolean[], timestamptz[], timestamptz[]),
    cronhelm.append_logs(bigint[], integer[], text[], text[])
   TO cronhelm_node;
