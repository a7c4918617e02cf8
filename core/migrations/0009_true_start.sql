-- Schema 9: a claimed run's started_at is when its target really started.
--
-- claim_run (manual runs, retries, catch-ups) records the moment of the claim; the node's
-- target starts a little later (and an HTTP request only once it is written to its
-- connection). finish_run now takes the start the node reports over the claim's, so
-- started_at means the same for every run: the moment the process was executed or the
-- request was written (docs/semantics.md). Scheduled runs already had it (mark_started).

CREATE OR REPLACE FUNCTION cronhelm.finish_run(p_node text, p_run_id bigint, p_status text,
                                    p_exit_code integer, p_http_status integer, p_error text,
                                    p_log_bytes bigint, p_log_truncated boolean,
                                    p_finished_at timestamptz DEFAULT NULL,
                                    p_started_at timestamptz DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r cronhelm.runs;
BEGIN
    IF p_status NOT IN ('succeeded', 'failed', 'timed_out', 'cancelled', 'abandoned',
                        'skipped') THEN
        PERFORM cronhelm._raise('CHINV', format('"%s" is not a final run status', p_status));
    END IF;
    UPDATE cronhelm.runs SET status = p_status, exit_code = p_exit_code,
                             http_status = p_http_status, error = p_error,
                             log_bytes = p_log_bytes, log_truncated = p_log_truncated,
                             finished_at = coalesce(p_finished_at, clock_timestamp()),
                             -- The node's true start wins: claim_run set the moment of
                             -- the claim, before the process or request really started.
                             -- (The end can also overtake mark_started, another connection.)
                             started_at = coalesce(p_started_at, started_at)
     WHERE id = p_run_id AND node_id = p_node AND status IN ('queued', 'running', 'abandoned')
    RETURNING * INTO r;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    PERFORM pg_notify('cronhelm_runs', format('%s,%s,%s', r.job_id, r.id, r.status));
    IF p_status IN ('failed', 'timed_out', 'abandoned') THEN
        RETURN cronhelm._maybe_retry(r);
    END IF;
    RETURN NULL;
END
$$;
