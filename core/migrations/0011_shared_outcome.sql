-- Schema 11: a job's last outcome is the cluster's, read and written in turn.
--
-- Every node runs jobs now, so consecutive runs of one job can end on different nodes.
-- The notification policy ("recovered" after a failure, a repeated failure only after the
-- quiet period) needs the outcome before each run: a node takes it here, under a row lock,
-- decides, records the new one with record_outcome() and commits; a node ending a run of
-- the same job meanwhile waits for that and then sees it. Before, each node went by the
-- outcome it had read when it loaded the job, and missed what other nodes had recorded.
CREATE FUNCTION cronhelm.lock_job_outcomes(p_job_ids bigint[])
RETURNS TABLE (job_id bigint, last_outcome text, last_failure_notified_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
BEGIN
    -- A row to lock even before a job's first outcome. Rows are taken in id order, so
    -- that two nodes settling overlapping sets of jobs never deadlock.
    INSERT INTO cronhelm.job_state (job_id)
    SELECT j.id FROM cronhelm.jobs j WHERE j.id = ANY (p_job_ids) ORDER BY j.id
    ON CONFLICT ON CONSTRAINT job_state_pkey DO NOTHING;
    RETURN QUERY
        SELECT s.job_id, s.last_outcome, s.last_failure_notified_at
          FROM cronhelm.job_state s
         WHERE s.job_id = ANY (p_job_ids)
         ORDER BY s.job_id
           FOR NO KEY UPDATE;
END
$$;

REVOKE ALL ON FUNCTION cronhelm.lock_job_outcomes(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cronhelm.lock_job_outcomes(bigint[]) TO cronhelm_node;
