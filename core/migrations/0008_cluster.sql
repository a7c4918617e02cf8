-- Cronhelm store, schema version 8: every live node executes.
--
-- The executor still alone decides slots (one run row per slot, under its term). With this
-- version it also decides, in the same statement, which live node runs each slot: the
-- assignment is written with the reservation (runs.node_id), so a run belongs to exactly
-- one node from the moment it exists, and that node's local timer starts it at its instant.
-- Only the executor assigns (fenced by its term, on one connection), so capacity is counted
-- without races: a node's load is the number of runs assigned to it that have not ended,
-- reservations included. See docs/architecture.md, "Cluster execution".

-- What a node offers: how many targets it runs at once and its labels (--labels).
ALTER TABLE cronhelm.nodes
    ADD COLUMN capacity integer NOT NULL DEFAULT 256 CHECK (capacity >= 1),
    ADD COLUMN labels text[] NOT NULL DEFAULT '{}';

-- Why a queued run waits (no free slot, no node with its labels); NULL once it is assigned.
-- When it was given to its node (a restarted node tells its own runs from its earlier
-- process's by this).
ALTER TABLE cronhelm.runs ADD COLUMN wait_reason text, ADD COLUMN assigned_at timestamptz;

CREATE FUNCTION cronhelm.heartbeat(p_node text, p_host text, p_pid integer, p_version text,
                                   p_started_at timestamptz, p_node_clock timestamptz,
                                   p_state text, p_running_jobs integer, p_capacity integer,
                                   p_labels text[])
RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_now timestamptz;
BEGIN
    v_now := cronhelm.heartbeat(p_node, p_host, p_pid, p_version, p_started_at, p_node_clock,
                                p_state, p_running_jobs);
    UPDATE cronhelm.nodes SET capacity = greatest(p_capacity, 1),
                              labels = coalesce(p_labels, '{}')
     WHERE id = p_node;
    RETURN v_now;
END
$$;

-- Runs each node holds: assigned (reserved, not started yet) or running.
CREATE FUNCTION cronhelm._node_busy(p_node text) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT count(*)::integer FROM cronhelm.runs
     WHERE node_id = p_node AND status IN ('queued', 'running');
$$;

-- Nodes that may be given runs: heartbeat within the last 5 s, session alive, not stopping.
CREATE FUNCTION cronhelm._live_nodes()
RETURNS TABLE (id text, capacity integer, labels text[], busy integer)
LANGUAGE sql STABLE AS $$
    SELECT n.id, n.capacity, n.labels, cronhelm._node_busy(n.id)
      FROM cronhelm.nodes n
     WHERE n.state IN ('standby', 'executor')
       AND n.last_seen > clock_timestamp() - interval '5 seconds'
       AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = n.backend_pid)
     ORDER BY n.id;
$$;

CREATE FUNCTION cronhelm._labels_text(p_labels text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(l, ', ' ORDER BY l) FROM unnest(p_labels) AS l;
$$;

-- Records fired slots like fire_slots and assigns each one that is to run to a live node
-- with a free slot (the one with the most free slots; p_node, the executor, among them).
-- Per slot, the node it was given (NULL: skipped, or queued). p_statuses as fire_slots:
--   'reserved' - assigned to a node, which starts it at the instant with its own timer
--                (queued, node_id set); a node that is not p_node learns of it by NOTIFY
--                cronhelm_assign (its id) and by re-reading its assignments;
--   'running'  - a late slot: started at once by its node (running when that is p_node,
--                else queued and assigned, started by that node when it sees it);
--   'queued'   - for the executor to assign later (assign_run);
--   'skipped'  - recorded as not run.
-- A slot to run for which no node has a free slot (or none has the job's run_on labels) is
-- recorded as queued, unassigned, with the reason in wait_reason. Jobs whose concurrency
-- policy is "replace" run on p_node only: replacing cancels the running run, which only
-- the node that decides can do at the slot's instant.
CREATE FUNCTION cronhelm.fire_slots_assigned(p_node text, p_term bigint, p_job_ids bigint[],
                                             p_slots timestamptz[], p_triggers text[],
                                             p_statuses text[], p_errors text[])
RETURNS TABLE (slot_index integer, run_id bigint, assigned_node text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_now timestamptz := clock_timestamp();
    v_ids text[];
    v_free integer[];
    v_caps integer[];
    v_labels text[];
    v_nodes text[] := array_fill(NULL::text, ARRAY[cardinality(p_job_ids)]);
    v_status text[] := p_statuses;
    v_wait text[] := array_fill(NULL::text, ARRAY[cardinality(p_job_ids)]);
    v_best integer;
    v_match integer;
    v_matchcap integer;
    v_matchfree integer;
    v_idx integer;
    v_run_on text[];
    v_replace boolean;
    v_run bigint;
    v_job bigint;
    v_node text;
    v_st text;
    v_notified text[] := '{}';
BEGIN
    PERFORM cronhelm._assert_term(p_node, p_term);
    SELECT array_agg(l.id ORDER BY l.id), array_agg(l.capacity - l.busy ORDER BY l.id),
           array_agg(l.capacity ORDER BY l.id), array_agg(l.labels::text ORDER BY l.id)
      INTO v_ids, v_free, v_caps, v_labels
      FROM cronhelm._live_nodes() l;
    FOR v_idx, v_run_on, v_replace IN
        SELECT u.idx::integer, j.run_on, j.concurrency = 'replace'
          FROM unnest(p_job_ids, p_statuses) WITH ORDINALITY AS u(job_id, st, idx)
          JOIN cronhelm.jobs j ON j.id = u.job_id
         WHERE u.st IN ('reserved', 'running')
         ORDER BY u.idx
    LOOP
        v_best := NULL;
        v_match := 0;
        v_matchcap := 0;
        v_matchfree := 0;
        FOR i IN 1 .. coalesce(cardinality(v_ids), 0) LOOP
            CONTINUE WHEN NOT (v_labels[i]::text[] @> v_run_on);
            CONTINUE WHEN v_replace AND v_ids[i] <> p_node;
            v_match := v_match + 1;
            v_matchcap := v_matchcap + v_caps[i];
            v_matchfree := v_matchfree + greatest(v_free[i], 0);
            IF v_free[i] > 0 AND (v_best IS NULL OR v_free[i] > v_free[v_best]) THEN
                v_best := i;
            END IF;
        END LOOP;
        IF v_best IS NOT NULL THEN
            v_free[v_best] := v_free[v_best] - 1;
            v_nodes[v_idx] := v_ids[v_best];
            IF p_statuses[v_idx] = 'running' AND v_ids[v_best] <> p_node THEN
                v_status[v_idx] := 'reserved'; -- its node starts it as soon as it sees it
            END IF;
        ELSE
            v_status[v_idx] := 'queued';
            v_wait[v_idx] := CASE
                WHEN v_match = 0 AND cardinality(v_run_on) > 0 THEN
                    format('no live node has the labels %s', cronhelm._labels_text(v_run_on))
                WHEN v_match = 0 THEN 'no live node to run it on'
                WHEN cardinality(v_run_on) > 0 THEN
                    format('waiting for a free slot on a node with the labels %s, %s of %s busy',
                           cronhelm._labels_text(v_run_on), v_matchcap - v_matchfree,
                           v_matchcap)
                ELSE format('waiting for a free slot on any node, %s of %s busy',
                            v_matchcap - v_matchfree, v_matchcap) END;
        END IF;
    END LOOP;
    FOR v_idx, v_run, v_job, v_st, v_node IN
        WITH input AS (
            SELECT u.job_id, u.slot, u.trig, u.st, u.err, u.node, u.wait, u.idx::integer AS idx
              FROM unnest(p_job_ids, p_slots, p_triggers, v_status, p_errors, v_nodes, v_wait)
                   WITH ORDINALITY AS u(job_id, slot, trig, st, err, node, wait, idx)
        ), inserted AS (
            INSERT INTO cronhelm.runs AS r (job_id, trigger, scheduled_for, due_at, started_at,
                                            finished_at, status, node_id, term, error,
                                            wait_reason, assigned_at)
            SELECT i.job_id, i.trig, i.slot, i.slot,
                   CASE WHEN i.st = 'running' THEN v_now END,
                   CASE WHEN i.st = 'skipped' THEN v_now END,
                   CASE WHEN i.st = 'reserved' THEN 'queued' ELSE i.st END,
                   CASE WHEN i.st IN ('reserved', 'running') THEN i.node END, p_term, i.err,
                   i.wait, CASE WHEN i.node IS NOT NULL THEN v_now END
              FROM input i
              JOIN cronhelm.jobs j ON j.id = i.job_id
             WHERE j.deleted_at IS NULL
               AND (j.enabled OR i.st = 'skipped')
               AND (j.schedule_kind = 'cron' OR j.once_state = 'pending')
            ON CONFLICT (job_id, scheduled_for, attempt) WHERE trigger <> 'manual' DO NOTHING
            RETURNING r.id, r.job_id, r.scheduled_for, r.status, r.node_id
        )
        SELECT DISTINCT ON (ins.id) i.idx, ins.id, ins.job_id, ins.status, ins.node_id
          FROM inserted ins
          JOIN input i ON i.job_id = ins.job_id AND i.slot = ins.scheduled_for
         ORDER BY ins.id, i.idx
    LOOP
        slot_index := v_idx;
        run_id := v_run;
        assigned_node := v_node;
        RETURN NEXT;
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,%s', v_job, v_run, v_st));
        IF v_node IS NOT NULL AND v_node <> p_node AND NOT (v_node = ANY (v_notified)) THEN
            v_notified := v_notified || v_node;
        END IF;
    END LOOP;
    -- One hint per node however many runs it was given; it re-reads its assignments.
    PERFORM pg_notify('cronhelm_assign', n) FROM unnest(v_notified) AS n;
    UPDATE cronhelm.jobs SET once_state = 'completed'
     WHERE id = ANY (p_job_ids) AND schedule_kind = 'once' AND once_state = 'pending'
       AND once_at <= v_now + interval '1 minute';
END
$$;
ALTER FUNCTION cronhelm.fire_slots_assigned(text, bigint, bigint[], timestamptz[], text[],
                                            text[], text[])
    SET plan_cache_mode = force_custom_plan;

-- Gives a queued, unassigned run (Run now, retry, released reservation, one that waited for
-- capacity) to the live node with the most free slots: running at once when that is p_node,
-- else assigned to that node, which starts it when it sees it. Returns the node; '' when
-- the run is no longer queued and unassigned; NULL when no node can take it now (then the
-- reason is in wait_reason, and the executor tries again when a slot frees).
CREATE FUNCTION cronhelm.assign_run(p_node text, p_term bigint, p_run_id bigint)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r cronhelm.runs;
    j cronhelm.jobs;
    v_best text;
    v_match integer;
    v_cap integer;
    v_free integer;
BEGIN
    PERFORM cronhelm._assert_term(p_node, p_term);
    SELECT * INTO r FROM cronhelm.runs
     WHERE id = p_run_id AND status = 'queued' AND node_id IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        RETURN '';
    END IF;
    SELECT * INTO j FROM cronhelm.jobs WHERE id = r.job_id;
    SELECT count(*), coalesce(sum(l.capacity), 0), coalesce(sum(greatest(l.capacity - l.busy, 0)), 0)
      INTO v_match, v_cap, v_free
      FROM cronhelm._live_nodes() l
     WHERE l.labels @> j.run_on AND (j.concurrency <> 'replace' OR l.id = p_node);
    SELECT l.id INTO v_best
      FROM cronhelm._live_nodes() l
     WHERE l.labels @> j.run_on AND (j.concurrency <> 'replace' OR l.id = p_node)
       AND l.busy < l.capacity
     ORDER BY l.capacity - l.busy DESC, l.id
     LIMIT 1;
    IF v_best IS NULL THEN
        UPDATE cronhelm.runs SET wait_reason = CASE
                WHEN v_match = 0 AND cardinality(j.run_on) > 0 THEN
                    format('no live node has the labels %s', cronhelm._labels_text(j.run_on))
                WHEN v_match = 0 THEN 'no live node to run it on'
                WHEN cardinality(j.run_on) > 0 THEN
                    format('waiting for a free slot on a node with the labels %s, %s of %s busy',
                           cronhelm._labels_text(j.run_on), v_cap - v_free, v_cap)
                ELSE format('waiting for a free slot on any node, %s of %s busy',
                            v_cap - v_free, v_cap) END
         WHERE id = p_run_id;
        RETURN NULL;
    END IF;
    IF v_best = p_node THEN
        UPDATE cronhelm.runs SET status = 'running', started_at = clock_timestamp(),
                                 node_id = p_node, term = p_term, wait_reason = NULL,
                                 assigned_at = clock_timestamp()
         WHERE id = p_run_id;
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,running', r.job_id, p_run_id));
    ELSE
        UPDATE cronhelm.runs SET node_id = v_best, term = p_term, wait_reason = NULL,
                                 assigned_at = clock_timestamp()
         WHERE id = p_run_id;
        PERFORM pg_notify('cronhelm_assign', v_best);
    END IF;
    RETURN v_best;
END
$$;

-- The runs assigned to p_node that it has not started yet (queued, node_id = p_node).
CREATE FUNCTION cronhelm.assigned_runs(p_node text) RETURNS SETOF cronhelm.runs
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT * FROM cronhelm.runs
     WHERE status = 'queued' AND node_id = p_node
     ORDER BY scheduled_for, id;
$$;

-- The cluster view gains what each node offers and holds.
CREATE OR REPLACE VIEW cronhelm.cluster_nodes AS
SELECT n.id, n.host, n.pid, n.version, n.started_at, n.last_seen,
       extract(epoch FROM clock_timestamp() - n.last_seen) AS last_seen_age_s,
       n.clock_offset_ms, n.running_jobs,
       CASE WHEN n.state IN ('stopping', 'stopped') THEN n.state
            WHEN l.holder = n.id AND l.expires_at > clock_timestamp() THEN 'executor'
            WHEN n.last_seen < clock_timestamp() - interval '30 seconds' THEN 'lost'
            ELSE 'standby' END AS role,
       n.capacity, n.labels,
       (SELECT count(*) FROM cronhelm.runs r
         WHERE r.node_id = n.id AND r.status IN ('queued', 'running'))::integer AS busy
  FROM cronhelm.nodes n
  CROSS JOIN cronhelm.lease l;

-- History says why a queued run waits.
CREATE OR REPLACE VIEW cronhelm.run_history AS
SELECT r.id AS run_id, r.job_id, j.name AS job, r.trigger, r.triggered_by, r.scheduled_for,
       r.due_at, r.started_at, r.finished_at, r.status, r.attempt, r.first_run_id,
       r.node_id AS node, r.term, r.exit_code, r.http_status, r.error,
       (extract(epoch FROM r.finished_at - r.started_at) * 1000)::bigint AS duration_ms,
       r.log_bytes, r.log_truncated, r.cancel_requested,
       CASE WHEN r.status = 'queued' THEN r.wait_reason END AS wait_reason
  FROM cronhelm.runs r
  JOIN cronhelm.jobs j ON j.id = r.job_id;

REVOKE ALL ON FUNCTION
    cronhelm.heartbeat(text, text, integer, text, timestamptz, timestamptz, text, integer,
                       integer, text[]),
    cronhelm._node_busy(text), cronhelm._live_nodes(), cronhelm._labels_text(text[]),
    cronhelm.fire_slots_assigned(text, bigint, bigint[], timestamptz[], text[], text[], text[]),
    cronhelm.assign_run(text, bigint, bigint), cronhelm.assigned_runs(text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    cronhelm.heartbeat(text, text, integer, text, timestamptz, timestamptz, text, integer,
                       integer, text[]),
    cronhelm.fire_slots_assigned(text, bigint, bigint[], timestamptz[], text[], text[], text[]),
    cronhelm.assign_run(text, bigint, bigint), cronhelm.assigned_runs(text)
  TO cronhelm_node;
