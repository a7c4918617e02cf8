-- Cronhelm store, schema version 1.
--
-- Tables are private to the schema owner. Clients read through views and change
-- everything through SECURITY DEFINER functions, so the desktop app, cronhelmctl and
-- a plain psql session obey the same rules and permissions (see docs/store-api.md).
--
-- Custom SQLSTATEs raised here (mapped to error kinds by core/store):
--   CHINV invalid input, CHNFD not found, CHCON conflict (stale version, duplicate),
--   CHFEN the caller no longer holds the executor lease (fencing).

-- Roles -----------------------------------------------------------------------------
-- Roles are shared by every database of the server. Two databases migrated at the same
-- time (a fresh server, parallel test suites) race to create them: the loser's CREATE
-- waits for the winner's commit and then fails as a duplicate, which is fine here.
DO $roles$
DECLARE
    r text;
    m text[];
BEGIN
    FOREACH r IN ARRAY ARRAY['cronhelm_viewer', 'cronhelm_operator', 'cronhelm_admin',
                             'cronhelm_node'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
    FOREACH m SLICE 1 IN ARRAY ARRAY[['cronhelm_viewer', 'cronhelm_operator'],
                                     ['cronhelm_operator', 'cronhelm_admin'],
                                     ['cronhelm_viewer', 'cronhelm_node']] LOOP
        IF NOT pg_has_role(m[2], m[1], 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', m[1], m[2]);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$roles$;

GRANT USAGE ON SCHEMA cronhelm TO cronhelm_viewer;

-- Tables ----------------------------------------------------------------------------
CREATE TABLE cronhelm.jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    description text NOT NULL DEFAULT '',
    owner text NOT NULL DEFAULT '',
    target_type text NOT NULL CHECK (target_type IN ('http', 'shell')),
    target jsonb NOT NULL,
    schedule_kind text NOT NULL CHECK (schedule_kind IN ('cron', 'once')),
    cron_expr text,
    time_zone text NOT NULL DEFAULT 'UTC',
    -- One-off schedules keep what the user chose (local date-time and zone) and the
    -- resolved instant; the database checks that both agree.
    once_local timestamp,
    once_at timestamptz,
    once_state text CHECK (once_state IN ('pending', 'completed', 'cancelled')),
    enabled boolean NOT NULL DEFAULT true,
    timeout_s integer NOT NULL DEFAULT 3600 CHECK (timeout_s BETWEEN 1 AND 604800),
    retries integer NOT NULL DEFAULT 0 CHECK (retries BETWEEN 0 AND 100),
    retry_backoff text NOT NULL DEFAULT 'exponential'
        CHECK (retry_backoff IN ('fixed', 'exponential')),
    retry_delay_s integer NOT NULL DEFAULT 30 CHECK (retry_delay_s BETWEEN 0 AND 86400),
    concurrency text NOT NULL DEFAULT 'forbid'
        CHECK (concurrency IN ('allow', 'forbid', 'replace')),
    misfire text NOT NULL DEFAULT 'run_once' CHECK (misfire IN ('run_once', 'skip', 'run_all')),
    misfire_bound integer NOT NULL DEFAULT 100 CHECK (misfire_bound BETWEEN 1 AND 10000),
    notify jsonb NOT NULL DEFAULT '[]',
    notify_quiet_s integer NOT NULL DEFAULT 3600 CHECK (notify_quiet_s >= 0),
    log_limit_bytes bigint NOT NULL DEFAULT 10485760 CHECK (log_limit_bytes >= 1024),
    -- Slots before this instant never count as missed (creation, schedule change, resume).
    schedule_since timestamptz NOT NULL DEFAULT clock_timestamp(),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by text NOT NULL DEFAULT session_user,
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_by text NOT NULL DEFAULT session_user,
    deleted_at timestamptz,
    CHECK ((schedule_kind = 'cron') = (cron_expr IS NOT NULL)),
    CHECK (schedule_kind <> 'once'
           OR (once_local IS NOT NULL AND once_at IS NOT NULL AND once_state IS NOT NULL))
);
-- Deleted jobs keep their history; their name is free again.
CREATE UNIQUE INDEX jobs_live_name ON cronhelm.jobs (name) WHERE deleted_at IS NULL;

-- Written by the executor: what it computed for each job.
CREATE TABLE cronhelm.job_state (
    job_id bigint PRIMARY KEY REFERENCES cronhelm.jobs (id) ON DELETE CASCADE,
    next_fire_at timestamptz,
    schedule_error text,
    last_outcome text,
    last_failure_notified_at timestamptz
);

CREATE TABLE cronhelm.runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id bigint NOT NULL REFERENCES cronhelm.jobs (id),
    trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'retry', 'catch_up')),
    triggered_by text,
    -- The slot (scheduled instant); for a manual run, when it was requested.
    scheduled_for timestamptz NOT NULL,
    -- When a queued run may start (retries wait for their backoff).
    due_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    started_at timestamptz,
    finished_at timestamptz,
    status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed',
                                           'timed_out', 'abandoned', 'cancelled', 'skipped')),
    attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    first_run_id bigint REFERENCES cronhelm.runs (id),
    node_id text,
    term bigint,
    exit_code integer,
    http_status integer,
    error text,
    cancel_requested boolean NOT NULL DEFAULT false,
    log_bytes bigint NOT NULL DEFAULT 0,
    log_truncated boolean NOT NULL DEFAULT false
);
-- Exactly once per slot: this constraint, not timing, guarantees that a scheduled slot
-- (and each retry attempt of it) produces at most one run, even across a split brain.
CREATE UNIQUE INDEX runs_one_per_slot ON cronhelm.runs (job_id, scheduled_for, attempt)
    WHERE trigger <> 'manual';
CREATE INDEX runs_job_id ON cronhelm.runs (job_id, id);
CREATE INDEX runs_active ON cronhelm.runs (status, id) WHERE status IN ('queued', 'running');
CREATE INDEX runs_scheduled_for ON cronhelm.runs (scheduled_for);

CREATE TABLE cronhelm.run_logs (
    run_id bigint NOT NULL REFERENCES cronhelm.runs (id) ON DELETE CASCADE,
    seq integer NOT NULL,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    stream text NOT NULL CHECK (stream IN ('stdout', 'stderr', 'system')),
    data text NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE cronhelm.nodes (
    id text PRIMARY KEY,
    host text NOT NULL,
    pid integer,
    version text NOT NULL,
    started_at timestamptz NOT NULL,
    last_seen timestamptz NOT NULL,
    clock_offset_ms double precision,
    state text NOT NULL CHECK (state IN ('standby', 'executor', 'stopping', 'stopped')),
    running_jobs integer NOT NULL DEFAULT 0,
    -- The backend of the node's control session: when it is gone, so is the node.
    backend_pid integer
);

-- The executor lease: one row. term is the fencing token; times come from the DB clock.
CREATE TABLE cronhelm.lease (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    holder text,
    term bigint NOT NULL DEFAULT 0,
    acquired_at timestamptz,
    renewed_at timestamptz,
    expires_at timestamptz,
    holder_pid integer
);
INSERT INTO cronhelm.lease DEFAULT VALUES;

CREATE TABLE cronhelm.leadership_history (
    term bigint PRIMARY KEY,
    holder text NOT NULL,
    acquired_at timestamptz NOT NULL,
    previous_holder text,
    reason text NOT NULL,
    ended_at timestamptz,
    end_reason text
);

CREATE TABLE cronhelm.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor text NOT NULL DEFAULT session_user,
    action text NOT NULL,
    job_id bigint,
    run_id bigint,
    old_value jsonb,
    new_value jsonb
);
CREATE INDEX audit_log_job ON cronhelm.audit_log (job_id, id);

CREATE TABLE cronhelm.settings (
    key text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO cronhelm.settings (key, value) VALUES
    ('log_retention_days', '30'),
    ('run_retention_days', '365');

-- Internal helpers ------------------------------------------------------------------
CREATE FUNCTION cronhelm._raise(code text, message text, hint text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF hint IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message;
    END IF;
    RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message, HINT = hint;
END
$$;

CREATE FUNCTION cronhelm._audit(p_action text, p_job_id bigint, p_run_id bigint,
                                p_old jsonb, p_new jsonb)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO cronhelm.audit_log (action, job_id, run_id, old_value, new_value)
    VALUES (p_action, p_job_id, p_run_id, p_old, p_new);
$$;

-- A job row, locked, or CHNFD.
CREATE FUNCTION cronhelm._lock_job(p_job_id bigint) RETURNS cronhelm.jobs
LANGUAGE plpgsql AS $$
DECLARE
    j cronhelm.jobs;
BEGIN
    SELECT * INTO j FROM cronhelm.jobs WHERE id = p_job_id AND deleted_at IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM cronhelm._raise('CHNFD', format('job %s does not exist', p_job_id));
    END IF;
    RETURN j;
END
$$;

-- An IANA zone name the server knows. (pg_timezone_names would say the same but reads
-- every zone file, ~130 ms a call.) AT TIME ZONE also accepts abbreviations such as EST
-- and POSIX strings such as UTC+3; the shape test keeps those out.
CREATE FUNCTION cronhelm._is_valid_zone(p_zone text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_zone IS NULL OR (p_zone <> 'UTC' AND p_zone !~ '^[A-Za-z_]+(/[A-Za-z0-9_+\-]+)+$') THEN
        RETURN false;
    END IF;
    PERFORM now() AT TIME ZONE p_zone;
    RETURN true;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN false;
END
$$;

-- Cheap structural check of a cron expression; the full parser lives in the clients and
-- the node (core/cron), which report exact errors and record schedule_error.
CREATE FUNCTION cronhelm._is_plausible_cron(p_expr text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_expr ~* '^\s*@(yearly|annually|monthly|weekly|daily|midnight|hourly)\s*$' THEN true
        ELSE array_length(regexp_split_to_array(btrim(p_expr), '\s+'), 1) IN (5, 6)
             AND btrim(p_expr) ~ '^[0-9A-Za-z*?/,#\-\s]+$'
    END;
$$;

-- Validates a complete job row; raises CHINV naming the field.
CREATE FUNCTION cronhelm._validate_job(j cronhelm.jobs) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    method text;
BEGIN
    -- The kinds first: the checks below depend on them, and a wrong kind must be named
    -- as such rather than reported as a missing field of another kind.
    IF j.target_type IS NULL OR j.target_type NOT IN ('http', 'shell') THEN
        PERFORM cronhelm._raise('CHINV', 'target_type: must be "http" or "shell"');
    END IF;
    IF j.schedule_kind IS NULL OR j.schedule_kind NOT IN ('cron', 'once') THEN
        PERFORM cronhelm._raise('CHINV', 'schedule_kind: must be "cron" or "once"');
    END IF;
    IF j.name IS NULL OR btrim(j.name) = '' THEN
        PERFORM cronhelm._raise('CHINV', 'name: a job needs a name');
    END IF;
    IF length(j.name) > 200 THEN
        PERFORM cronhelm._raise('CHINV', 'name: longer than 200 characters');
    END IF;
    IF jsonb_typeof(j.target) IS DISTINCT FROM 'object' THEN
        PERFORM cronhelm._raise('CHINV', 'target: must be a JSON object');
    END IF;
    IF j.target_type = 'http' THEN
        IF coalesce(j.target ->> 'url', '') !~* '^https?://[^\s/]+' THEN
            PERFORM cronhelm._raise('CHINV', format('target.url: "%s" is not an http(s) URL',
                                                   coalesce(j.target ->> 'url', '')));
        END IF;
        method := upper(coalesce(j.target ->> 'method', 'GET'));
        IF method NOT IN ('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') THEN
            PERFORM cronhelm._raise('CHINV', format('target.method: "%s" is not supported',
                                                   j.target ->> 'method'));
        END IF;
        IF j.target ? 'headers' AND jsonb_typeof(j.target -> 'headers') <> 'object' THEN
            PERFORM cronhelm._raise('CHINV', 'target.headers: must be an object of name: value');
        END IF;
        IF coalesce(j.target ->> 'expect_status', '200-299') !~ '^\d{3}(-\d{3})?$' THEN
            PERFORM cronhelm._raise('CHINV', 'target.expect_status: use a code like 200 or a range like 200-299');
        END IF;
    ELSE
        IF coalesce(btrim(j.target ->> 'command'), '') = ''
           AND coalesce(jsonb_array_length(CASE WHEN jsonb_typeof(j.target -> 'argv') = 'array'
                                                THEN j.target -> 'argv' END), 0) = 0 THEN
            PERFORM cronhelm._raise('CHINV', 'target.command: a shell job needs a command line or argv');
        END IF;
        IF j.target ? 'env' AND jsonb_typeof(j.target -> 'env') <> 'object' THEN
            PERFORM cronhelm._raise('CHINV', 'target.env: must be an object of NAME: value');
        END IF;
    END IF;
    IF NOT cronhelm._is_valid_zone(j.time_zone) THEN
        PERFORM cronhelm._raise('CHINV', format('time_zone: unknown time zone "%s"', j.time_zone));
    END IF;
    IF j.schedule_kind = 'cron' THEN
        IF j.cron_expr IS NULL OR NOT cronhelm._is_plausible_cron(j.cron_expr) THEN
            PERFORM cronhelm._raise('CHINV', format('cron: "%s" is not a cron expression',
                                                   coalesce(j.cron_expr, '')));
        END IF;
    ELSE
        IF j.once_local IS NULL OR j.once_at IS NULL THEN
            PERFORM cronhelm._raise('CHINV', 'once: a one-off schedule needs once_local and once_at');
        END IF;
        -- once_at must be one of the instants that read once_local on the zone's clocks.
        -- A local time in a DST gap has no such instant and is refused here.
        IF (j.once_at AT TIME ZONE j.time_zone) <> j.once_local THEN
            PERFORM cronhelm._raise('CHINV',
                format('once: %s does not show %s in %s (the local time may not exist there)',
                       j.once_at, j.once_local, j.time_zone));
        END IF;
    END IF;
    IF jsonb_typeof(j.notify) <> 'array' THEN
        PERFORM cronhelm._raise('CHINV', 'notify: must be a list of notification targets');
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(j.notify) AS n(t)
               WHERE coalesce(n.t ->> 'kind', '') NOT IN ('slack', 'webhook')
                  OR coalesce(n.t ->> 'url', '') !~* '^https?://') THEN
        PERFORM cronhelm._raise('CHINV',
            'notify: each target needs kind "slack" or "webhook" and an http(s) url');
    END IF;
END
$$;

-- Applies the keys of a JSON spec to a job row. Unknown keys are an error, so a typo in
-- a psql session is not silently ignored.
CREATE FUNCTION cronhelm._apply_spec(j cronhelm.jobs, p jsonb) RETURNS cronhelm.jobs
LANGUAGE plpgsql AS $$
DECLARE
    k text;
BEGIN
    IF p IS NULL OR jsonb_typeof(p) <> 'object' THEN
        PERFORM cronhelm._raise('CHINV', 'the job spec must be a JSON object');
    END IF;
    FOR k IN SELECT jsonb_object_keys(p) LOOP
        -- These columns have no "empty" value: null would only hit a NOT NULL constraint.
        IF jsonb_typeof(p -> k) = 'null'
           AND k IN ('enabled', 'timeout_s', 'retries', 'retry_backoff', 'retry_delay_s',
                     'concurrency', 'misfire', 'misfire_bound', 'notify_quiet_s',
                     'log_limit_bytes') THEN
            PERFORM cronhelm._raise('CHINV', format('%s: must not be null', k));
        END IF;
        CASE k
        WHEN 'name' THEN j.name := p ->> k;
        WHEN 'description' THEN j.description := coalesce(p ->> k, '');
        WHEN 'owner' THEN j.owner := coalesce(p ->> k, '');
        WHEN 'target_type' THEN j.target_type := p ->> k;
        WHEN 'target' THEN j.target := p -> k;
        WHEN 'schedule_kind' THEN j.schedule_kind := p ->> k;
        WHEN 'cron' THEN j.cron_expr := p ->> k;
        WHEN 'time_zone' THEN j.time_zone := p ->> k;
        WHEN 'once_local' THEN j.once_local := (p ->> k)::timestamp;
        WHEN 'once_at' THEN j.once_at := (p ->> k)::timestamptz;
        WHEN 'enabled' THEN j.enabled := (p ->> k)::boolean;
        WHEN 'timeout_s' THEN j.timeout_s := (p ->> k)::integer;
        WHEN 'retries' THEN j.retries := (p ->> k)::integer;
        WHEN 'retry_backoff' THEN j.retry_backoff := p ->> k;
        WHEN 'retry_delay_s' THEN j.retry_delay_s := (p ->> k)::integer;
        WHEN 'concurrency' THEN j.concurrency := p ->> k;
        WHEN 'misfire' THEN j.misfire := p ->> k;
        WHEN 'misfire_bound' THEN j.misfire_bound := (p ->> k)::integer;
        WHEN 'notify' THEN j.notify := coalesce(p -> k, '[]'::jsonb);
        WHEN 'notify_quiet_s' THEN j.notify_quiet_s := (p ->> k)::integer;
        WHEN 'log_limit_bytes' THEN j.log_limit_bytes := (p ->> k)::bigint;
        ELSE
            PERFORM cronhelm._raise('CHINV', format('unknown job field "%s"', k));
        END CASE;
    END LOOP;
    IF j.schedule_kind = 'cron' THEN
        j.once_local := NULL;
        j.once_at := NULL;
        j.once_state := NULL;
    ELSIF j.schedule_kind = 'once' THEN
        j.cron_expr := NULL;
    END IF;
    RETURN j;
EXCEPTION
    WHEN invalid_datetime_format OR datetime_field_overflow OR invalid_text_representation
         OR numeric_value_out_of_range THEN
        PERFORM cronhelm._raise('CHINV', format('field "%s": %s', k, SQLERRM));
END
$$;

-- Reading API: views ---------------------------------------------------------------
CREATE VIEW cronhelm.job_overview AS
SELECT j.id, j.name, j.description, j.owner, j.target_type, j.target, j.schedule_kind,
       j.cron_expr, j.time_zone, j.once_local, j.once_at, j.once_state, j.enabled,
       j.timeout_s, j.retries, j.retry_backoff, j.retry_delay_s, j.concurrency, j.misfire,
       j.misfire_bound, j.notify, j.notify_quiet_s, j.log_limit_bytes, j.schedule_since,
       j.version, j.created_at, j.created_by, j.updated_at, j.updated_by,
       s.next_fire_at, s.schedule_error,
       lr.id AS last_run_id, lr.status AS last_status, lr.started_at AS last_started_at,
       lr.finished_at AS last_finished_at,
       (extract(epoch FROM lr.finished_at - lr.started_at) * 1000)::bigint AS last_duration_ms,
       (SELECT count(*) FROM cronhelm.runs r
         WHERE r.job_id = j.id AND r.status = 'running')::integer AS running_count
  FROM cronhelm.jobs j
  LEFT JOIN cronhelm.job_state s ON s.job_id = j.id
  LEFT JOIN LATERAL (
        SELECT r.id, r.status, r.started_at, r.finished_at FROM cronhelm.runs r
         WHERE r.job_id = j.id AND r.status NOT IN ('queued', 'skipped')
         ORDER BY r.id DESC LIMIT 1) lr ON true
 WHERE j.deleted_at IS NULL;

CREATE VIEW cronhelm.run_history AS
SELECT r.id AS run_id, r.job_id, j.name AS job, r.trigger, r.triggered_by, r.scheduled_for,
       r.due_at, r.started_at, r.finished_at, r.status, r.attempt, r.first_run_id,
       r.node_id AS node, r.term, r.exit_code, r.http_status, r.error,
       (extract(epoch FROM r.finished_at - r.started_at) * 1000)::bigint AS duration_ms,
       r.log_bytes, r.log_truncated, r.cancel_requested
  FROM cronhelm.runs r
  JOIN cronhelm.jobs j ON j.id = r.job_id;

CREATE VIEW cronhelm.run_log AS
SELECT run_id, seq, at, stream, data FROM cronhelm.run_logs;

CREATE VIEW cronhelm.cluster_nodes AS
SELECT n.id, n.host, n.pid, n.version, n.started_at, n.last_seen,
       extract(epoch FROM clock_timestamp() - n.last_seen) AS last_seen_age_s,
       n.clock_offset_ms, n.running_jobs,
       CASE WHEN n.state IN ('stopping', 'stopped') THEN n.state
            WHEN l.holder = n.id AND l.expires_at > clock_timestamp() THEN 'executor'
            WHEN n.last_seen < clock_timestamp() - interval '30 seconds' THEN 'lost'
            ELSE 'standby' END AS role
  FROM cronhelm.nodes n
  CROSS JOIN cronhelm.lease l;

CREATE VIEW cronhelm.executor_lease AS
SELECT CASE WHEN expires_at > clock_timestamp() THEN holder END AS executor,
       holder AS last_holder, term, acquired_at, renewed_at, expires_at,
       clock_timestamp() AS db_now
  FROM cronhelm.lease;

CREATE VIEW cronhelm.leadership_changes AS
SELECT term, holder, acquired_at, previous_holder, reason, ended_at, end_reason
  FROM cronhelm.leadership_history;

CREATE VIEW cronhelm.audit AS
SELECT id, at, actor, action, job_id, run_id, old_value, new_value FROM cronhelm.audit_log;

-- Which Cronhelm role the session has, for clients that mirror permissions.
CREATE FUNCTION cronhelm.my_role() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN 'admin'
        WHEN pg_has_role(session_user, 'cronhelm_admin', 'USAGE') THEN 'admin'
        WHEN pg_has_role(session_user, 'cronhelm_operator', 'USAGE') THEN 'operator'
        WHEN pg_has_role(session_user, 'cronhelm_viewer', 'USAGE') THEN 'viewer'
        ELSE 'none' END;
$$;

-- The id of a live job by name, or CHNFD.
CREATE FUNCTION cronhelm.job_id(p_name text) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v bigint;
BEGIN
    SELECT id INTO v FROM cronhelm.jobs WHERE name = p_name AND deleted_at IS NULL;
    IF NOT FOUND THEN
        PERFORM cronhelm._raise('CHNFD', format('no job named "%s"', p_name));
    END IF;
    RETURN v;
END
$$;

-- Changing API: jobs (admin) -------------------------------------------------------
CREATE FUNCTION cronhelm.create_job(p_spec jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    j cronhelm.jobs;
BEGIN
    j.description := '';
    j.owner := '';
    j.time_zone := 'UTC';
    j.enabled := true;
    j.timeout_s := 3600;
    j.retries := 0;
    j.retry_backoff := 'exponential';
    j.retry_delay_s := 30;
    j.concurrency := 'forbid';
    j.misfire := 'run_once';
    j.misfire_bound := 100;
    j.notify := '[]';
    j.notify_quiet_s := 3600;
    j.log_limit_bytes := 10485760;
    j := cronhelm._apply_spec(j, p_spec);
    IF j.target_type IS NULL OR j.target_type NOT IN ('http', 'shell') THEN
        PERFORM cronhelm._raise('CHINV', 'target_type: must be "http" or "shell"');
    END IF;
    IF j.schedule_kind IS NULL THEN
        j.schedule_kind := CASE WHEN j.once_local IS NOT NULL THEN 'once' ELSE 'cron' END;
    END IF;
    IF j.schedule_kind = 'once' THEN
        j.once_state := 'pending';
    END IF;
    PERFORM cronhelm._validate_job(j);
    IF EXISTS (SELECT 1 FROM cronhelm.jobs WHERE name = j.name AND deleted_at IS NULL) THEN
        PERFORM cronhelm._raise('CHCON', format('a job named "%s" already exists', j.name));
    END IF;
    INSERT INTO cronhelm.jobs (name, description, owner, target_type, target, schedule_kind,
                               cron_expr, time_zone, once_local, once_at, once_state, enabled,
                               timeout_s, retries, retry_backoff, retry_delay_s, concurrency,
                               misfire, misfire_bound, notify, notify_quiet_s, log_limit_bytes)
    VALUES (j.name, j.description, j.owner, j.target_type, j.target, j.schedule_kind,
            j.cron_expr, j.time_zone, j.once_local, j.once_at, j.once_state, j.enabled,
            j.timeout_s, j.retries, j.retry_backoff, j.retry_delay_s, j.concurrency,
            j.misfire, j.misfire_bound, j.notify, j.notify_quiet_s, j.log_limit_bytes)
    RETURNING * INTO j;
    PERFORM cronhelm._audit('create_job', j.id, NULL, NULL, to_jsonb(j));
    PERFORM pg_notify('cronhelm_jobs', j.id::text);
    RETURN j.id;
EXCEPTION
    WHEN check_violation THEN
        PERFORM cronhelm._raise('CHINV', 'invalid job: ' || SQLERRM);
    WHEN unique_violation THEN
        PERFORM cronhelm._raise('CHCON', format('a job named "%s" already exists', j.name));
END
$$;

-- Changes the keys given in p_changes. p_expected_version is the version the caller
-- edited; if someone else saved meanwhile the change is refused (CHCON) with who and when.
CREATE FUNCTION cronhelm.update_job(p_job_id bigint, p_expected_version integer,
                                    p_changes jsonb)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old cronhelm.jobs;
    j cronhelm.jobs;
BEGIN
    old := cronhelm._lock_job(p_job_id);
    IF p_expected_version IS NOT NULL AND old.version <> p_expected_version THEN
        PERFORM cronhelm._raise('CHCON',
            format('job "%s" was changed by %s at %s (now version %s; you edited version %s)',
                   old.name, old.updated_by,
                   to_char(old.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
                   old.version, p_expected_version),
            'Reload the job and apply your changes again.');
    END IF;
    j := cronhelm._apply_spec(old, p_changes);
    IF j.schedule_kind = 'once' AND (old.schedule_kind <> 'once'
                                     OR j.once_at IS DISTINCT FROM old.once_at) THEN
        j.once_state := 'pending';
    END IF;
    PERFORM cronhelm._validate_job(j);
    IF j.name <> old.name AND EXISTS (SELECT 1 FROM cronhelm.jobs
                                       WHERE name = j.name AND deleted_at IS NULL) THEN
        PERFORM cronhelm._raise('CHCON', format('a job named "%s" already exists', j.name));
    END IF;
    UPDATE cronhelm.jobs SET
        name = j.name, description = j.description, owner = j.owner,
        target_type = j.target_type, target = j.target, schedule_kind = j.schedule_kind,
        cron_expr = j.cron_expr, time_zone = j.time_zone, once_local = j.once_local,
        once_at = j.once_at, once_state = j.once_state, enabled = j.enabled,
        timeout_s = j.timeout_s, retries = j.retries, retry_backoff = j.retry_backoff,
        retry_delay_s = j.retry_delay_s, concurrency = j.concurrency, misfire = j.misfire,
        misfire_bound = j.misfire_bound, notify = j.notify, notify_quiet_s = j.notify_quiet_s,
        log_limit_bytes = j.log_limit_bytes,
        schedule_since = CASE
            WHEN j.cron_expr IS DISTINCT FROM old.cron_expr
              OR j.time_zone IS DISTINCT FROM old.time_zone
              OR j.schedule_kind IS DISTINCT FROM old.schedule_kind
              OR (j.enabled AND NOT old.enabled) THEN clock_timestamp()
            ELSE old.schedule_since END,
        version = old.version + 1, updated_at = clock_timestamp(), updated_by = session_user
    WHERE id = p_job_id
    RETURNING * INTO j;
    PERFORM cronhelm._audit('update_job', j.id, NULL, to_jsonb(old), to_jsonb(j));
    PERFORM pg_notify('cronhelm_jobs', j.id::text);
    RETURN j.version;
EXCEPTION
    WHEN check_violation THEN
        PERFORM cronhelm._raise('CHINV', 'invalid job: ' || SQLERRM);
    WHEN unique_violation THEN
        PERFORM cronhelm._raise('CHCON', format('a job named "%s" already exists', j.name));
END
$$;

-- Deletes a job. Its history stays readable; queued runs are cancelled; a running run
-- finishes and is recorded.
CREATE FUNCTION cronhelm.delete_job(p_job_id bigint, p_expected_version integer DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old cronhelm.jobs;
BEGIN
    old := cronhelm._lock_job(p_job_id);
    IF p_expected_version IS NOT NULL AND old.version <> p_expected_version THEN
        PERFORM cronhelm._raise('CHCON',
            format('job "%s" was changed by %s at %s (now version %s; you saw version %s)',
                   old.name, old.updated_by,
                   to_char(old.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
                   old.version, p_expected_version));
    END IF;
    UPDATE cronhelm.jobs SET deleted_at = clock_timestamp(), enabled = false,
                             version = version + 1, updated_at = clock_timestamp(),
                             updated_by = session_user
     WHERE id = p_job_id;
    UPDATE cronhelm.runs SET status = 'cancelled', finished_at = clock_timestamp(),
                             error = 'the job was deleted'
     WHERE job_id = p_job_id AND status = 'queued';
    PERFORM cronhelm._audit('delete_job', p_job_id, NULL, to_jsonb(old), NULL);
    PERFORM pg_notify('cronhelm_jobs', p_job_id::text);
END
$$;

-- Changing API: operations (operator) ----------------------------------------------
CREATE FUNCTION cronhelm._set_enabled(p_job_id bigint, p_enabled boolean) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    old cronhelm.jobs;
BEGIN
    old := cronhelm._lock_job(p_job_id);
    IF old.enabled = p_enabled THEN
        RETURN false;
    END IF;
    UPDATE cronhelm.jobs SET enabled = p_enabled,
        schedule_since = CASE WHEN p_enabled THEN clock_timestamp() ELSE schedule_since END,
        version = version + 1, updated_at = clock_timestamp(), updated_by = session_user
     WHERE id = p_job_id;
    PERFORM cronhelm._audit(CASE WHEN p_enabled THEN 'resume_job' ELSE 'pause_job' END,
                            p_job_id, NULL, jsonb_build_object('enabled', old.enabled),
                            jsonb_build_object('enabled', p_enabled));
    PERFORM pg_notify('cronhelm_jobs', p_job_id::text);
    RETURN true;
END
$$;

CREATE FUNCTION cronhelm.pause_job(p_job_id bigint) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT cronhelm._set_enabled(p_job_id, false);
$$;

-- Resuming never catches up on the slots missed while paused.
CREATE FUNCTION cronhelm.resume_job(p_job_id bigint) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT cronhelm._set_enabled(p_job_id, true);
$$;

-- Queues a manual run ("Run now"), recording who pressed it. The executor is woken by
-- NOTIFY and starts it at once. Works on paused jobs too: pressing it is explicit.
CREATE FUNCTION cronhelm.run_now(p_job_id bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    j cronhelm.jobs;
    v_run bigint;
    v_now timestamptz := clock_timestamp();
BEGIN
    SELECT * INTO j FROM cronhelm.jobs WHERE id = p_job_id AND deleted_at IS NULL;
    IF NOT FOUND THEN
        PERFORM cronhelm._raise('CHNFD', format('job %s does not exist', p_job_id));
    END IF;
    INSERT INTO cronhelm.runs (job_id, trigger, triggered_by, scheduled_for, due_at, status)
    VALUES (p_job_id, 'manual', session_user, v_now, v_now, 'queued')
    RETURNING id INTO v_run;
    PERFORM cronhelm._audit('run_now', p_job_id, v_run, NULL,
                            jsonb_build_object('run_id', v_run, 'trigger', 'manual',
                                               'status', 'queued'));
    PERFORM pg_notify('cronhelm_runs', format('%s,%s,queued', p_job_id, v_run));
    RETURN v_run;
END
$$;

-- Cancels a queued run at once, or asks the executor to stop a running one.
-- Returns the run's status afterwards: 'cancelled' or 'cancelling'.
CREATE FUNCTION cronhelm.cancel_run(p_run_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r cronhelm.runs;
BEGIN
    SELECT * INTO r FROM cronhelm.runs WHERE id = p_run_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM cronhelm._raise('CHNFD', format('run %s does not exist', p_run_id));
    END IF;
    IF r.status = 'queued' THEN
        UPDATE cronhelm.runs SET status = 'cancelled', finished_at = clock_timestamp(),
                                 error = format('cancelled by %s', session_user)
         WHERE id = p_run_id;
        PERFORM cronhelm._audit('cancel_run', r.job_id, p_run_id,
                                jsonb_build_object('status', r.status),
                                jsonb_build_object('status', 'cancelled'));
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,cancelled', r.job_id, p_run_id));
        RETURN 'cancelled';
    ELSIF r.status = 'running' THEN
        UPDATE cronhelm.runs SET cancel_requested = true WHERE id = p_run_id;
        PERFORM cronhelm._audit('cancel_run', r.job_id, p_run_id,
                                jsonb_build_object('status', r.status,
                                                   'cancel_requested', r.cancel_requested),
                                jsonb_build_object('status', r.status, 'cancel_requested', true));
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,cancel', r.job_id, p_run_id));
        RETURN 'cancelling';
    END IF;
    PERFORM cronhelm._raise('CHCON', format('run %s has already finished (%s)', p_run_id, r.status));
    RETURN NULL;
END
$$;

-- A cancelled one-off job never runs.
CREATE FUNCTION cronhelm.cancel_once(p_job_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old cronhelm.jobs;
BEGIN
    old := cronhelm._lock_job(p_job_id);
    IF old.schedule_kind <> 'once' THEN
        PERFORM cronhelm._raise('CHINV', format('job "%s" is not a one-off job', old.name));
    END IF;
    IF old.once_state <> 'pending' THEN
        PERFORM cronhelm._raise('CHCON', format('job "%s" is already %s', old.name, old.once_state));
    END IF;
    UPDATE cronhelm.jobs SET once_state = 'cancelled', version = version + 1,
                             updated_at = clock_timestamp(), updated_by = session_user
     WHERE id = p_job_id;
    PERFORM cronhelm._audit('cancel_once', p_job_id, NULL,
                            jsonb_build_object('once_state', old.once_state),
                            jsonb_build_object('once_state', 'cancelled'));
    PERFORM pg_notify('cronhelm_jobs', p_job_id::text);
END
$$;

-- Node API (cronhelm_node) -------------------------------------------------------------
-- Advisory lock held for its whole session by the executor's lease connection. When the
-- executor's process dies its backend ends and the lock is free at once, so a standby
-- can take over without waiting for the lease to expire.
CREATE FUNCTION cronhelm._lease_lock_held_by_me() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM pg_locks
                    WHERE locktype = 'advisory' AND classid = 1129467726 AND objid = 1
                      AND objsubid = 2 AND granted AND pid = pg_backend_pid());
$$;

CREATE FUNCTION cronhelm.heartbeat(p_node text, p_host text, p_pid integer, p_version text,
                                   p_started_at timestamptz, p_node_clock timestamptz,
                                   p_state text, p_running_jobs integer)
RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_now timestamptz := clock_timestamp();
BEGIN
    INSERT INTO cronhelm.nodes AS n (id, host, pid, version, started_at, last_seen,
                                     clock_offset_ms, state, running_jobs, backend_pid)
    VALUES (p_node, p_host, p_pid, p_version, p_started_at, v_now,
            extract(epoch FROM p_node_clock - v_now) * 1000, p_state, p_running_jobs,
            pg_backend_pid())
    ON CONFLICT (id) DO UPDATE SET
        host = excluded.host, pid = excluded.pid, version = excluded.version,
        started_at = excluded.started_at, last_seen = excluded.last_seen,
        clock_offset_ms = excluded.clock_offset_ms, state = excluded.state,
        running_jobs = excluded.running_jobs, backend_pid = excluded.backend_pid;
    RETURN v_now;
END
$$;

-- Takes or renews the executor lease. Returns the term held, or NULL when another node
-- holds a valid lease.
CREATE FUNCTION cronhelm.acquire_lease(p_node text, p_ttl_s double precision) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    l cronhelm.lease;
    v_now timestamptz;
    v_have_lock boolean;
    v_reason text;
BEGIN
    SELECT * INTO l FROM cronhelm.lease FOR UPDATE;
    v_now := clock_timestamp();
    v_have_lock := cronhelm._lease_lock_held_by_me();
    IF l.holder = p_node AND l.holder_pid = pg_backend_pid() AND l.expires_at > v_now THEN
        IF NOT v_have_lock THEN
            PERFORM pg_try_advisory_lock(1129467726, 1);
        END IF;
        UPDATE cronhelm.lease SET renewed_at = v_now,
                                  expires_at = v_now + make_interval(secs => p_ttl_s);
        RETURN l.term;
    END IF;
    IF NOT v_have_lock THEN
        v_have_lock := pg_try_advisory_lock(1129467726, 1);
    END IF;
    IF NOT v_have_lock THEN
        -- A live session holds the lock.
        IF l.expires_at > v_now THEN
            RETURN NULL;
        END IF;
        -- The lease expired but its holder's session is still there: that node is frozen
        -- or cut off. End its session (so it cannot renew, and its lock is freed) and
        -- take over; its term is fenced by the new one.
        BEGIN
            -- pg_locks covers the whole cluster: only this database's lock holder, not
            -- the executor of another store that shares the server.
            PERFORM pg_terminate_backend(pid) FROM pg_locks
              WHERE locktype = 'advisory' AND classid = 1129467726 AND objid = 1
                AND objsubid = 2 AND granted AND pid <> pg_backend_pid()
                AND database = (SELECT oid FROM pg_database
                                 WHERE datname = current_database());
        EXCEPTION WHEN insufficient_privilege THEN
            NULL; -- without pg_signal_backend the expired term is still fenced
        END;
        -- The terminated session lets go of the lock within milliseconds; take it, so
        -- that the frozen node cannot grab it first when it wakes up.
        FOR i IN 1 .. 50 LOOP
            EXIT WHEN pg_try_advisory_lock(1129467726, 1);
            PERFORM pg_sleep(0.002);
        END LOOP;
        v_reason := 'expired';
    ELSIF l.holder IS NULL THEN
        v_reason := CASE WHEN l.term = 0 THEN 'first' ELSE 'released' END;
    ELSIF l.expires_at <= v_now THEN
        v_reason := 'expired';
    ELSIF EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = l.holder_pid) THEN
        -- The holder is alive but does not have the lock (it took over from a frozen
        -- node whose session had not ended yet). Its lease stands; leave the lock to it.
        PERFORM pg_advisory_unlock(1129467726, 1);
        RETURN NULL;
    ELSE
        -- We hold the lock and the holder's session is gone: it crashed.
        v_reason := 'holder_gone';
    END IF;
    UPDATE cronhelm.leadership_history SET ended_at = v_now, end_reason = v_reason
     WHERE term = l.term AND ended_at IS NULL;
    UPDATE cronhelm.lease SET holder = p_node, term = l.term + 1, acquired_at = v_now,
                              renewed_at = v_now,
                              expires_at = v_now + make_interval(secs => p_ttl_s),
                              holder_pid = pg_backend_pid();
    INSERT INTO cronhelm.leadership_history (term, holder, acquired_at, previous_holder, reason)
    -- After a release the lease names no holder; the history still knows who it was.
    VALUES (l.term + 1, p_node, v_now,
            coalesce(l.holder, (SELECT h.holder FROM cronhelm.leadership_history h
                                 WHERE h.term = l.term)),
            v_reason);
    PERFORM pg_notify('cronhelm_cluster', format('%s,%s', p_node, l.term + 1));
    RETURN l.term + 1;
END
$$;

-- Graceful hand-over: frees the lease at once so a standby takes over immediately.
CREATE FUNCTION cronhelm.release_lease(p_node text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    l cronhelm.lease;
BEGIN
    SELECT * INTO l FROM cronhelm.lease FOR UPDATE;
    PERFORM pg_advisory_unlock_all();
    -- Only the session that holds the lease may give it up: naming a node is not enough.
    IF l.holder IS DISTINCT FROM p_node OR l.holder_pid IS DISTINCT FROM pg_backend_pid() THEN
        RETURN false;
    END IF;
    UPDATE cronhelm.lease SET holder = NULL, expires_at = clock_timestamp(), holder_pid = NULL;
    UPDATE cronhelm.leadership_history SET ended_at = clock_timestamp(), end_reason = 'released'
     WHERE term = l.term AND ended_at IS NULL;
    PERFORM pg_notify('cronhelm_cluster', format('%s,released', p_node));
    RETURN true;
END
$$;

-- Raises CHFEN unless p_node holds an unexpired lease with term p_term. Holding the row
-- lock in share mode makes a concurrent take-over wait until this transaction ends.
CREATE FUNCTION cronhelm._assert_term(p_node text, p_term bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM cronhelm.lease
      WHERE holder = p_node AND term = p_term AND expires_at > clock_timestamp()
      FOR SHARE;
    IF NOT FOUND THEN
        PERFORM cronhelm._raise('CHFEN',
            format('node %s does not hold the executor lease under term %s', p_node, p_term));
    END IF;
END
$$;

-- Records fired slots: one run row per (job, slot), inserted before the target starts.
-- Slots already recorded (by this or any other node) are left out of the result, so the
-- caller starts only what this call inserted. p_statuses per slot:
--   'reserved' - recorded just ahead of the slot as queued and owned by p_node, which
--                starts it at the instant and then calls mark_started (so database latency
--                never delays a fire);
--   'running'  - started right away (catch-up after a gap);
--   'skipped'  - recorded as not run, with the reason in p_errors;
--   'queued'   - for any executor to start later with claim_run (at capacity, run_all).
CREATE FUNCTION cronhelm.fire_slots(p_node text, p_term bigint, p_job_ids bigint[],
                                    p_slots timestamptz[], p_triggers text[],
                                    p_statuses text[], p_errors text[])
RETURNS TABLE (slot_index integer, run_id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_now timestamptz := clock_timestamp();
    v_idx integer;
    v_run bigint;
    v_job bigint;
    v_status text;
BEGIN
    PERFORM cronhelm._assert_term(p_node, p_term);
    FOR v_idx, v_run, v_job, v_status IN
        WITH input AS (
            SELECT u.job_id, u.slot, u.trig, u.st, u.err, u.idx::integer AS idx
              FROM unnest(p_job_ids, p_slots, p_triggers, p_statuses, p_errors)
                   WITH ORDINALITY AS u(job_id, slot, trig, st, err, idx)
        ), inserted AS (
            INSERT INTO cronhelm.runs AS r (job_id, trigger, scheduled_for, due_at, started_at,
                                            finished_at, status, node_id, term, error)
            SELECT i.job_id, i.trig, i.slot, i.slot,
                   CASE WHEN i.st = 'running' THEN v_now END,
                   CASE WHEN i.st = 'skipped' THEN v_now END,
                   CASE WHEN i.st = 'reserved' THEN 'queued' ELSE i.st END,
                   CASE WHEN i.st = 'queued' THEN NULL ELSE p_node END, p_term, i.err
              FROM input i
              JOIN cronhelm.jobs j ON j.id = i.job_id
             WHERE j.deleted_at IS NULL
               AND (j.enabled OR i.st = 'skipped')
               AND (j.schedule_kind = 'cron' OR j.once_state = 'pending')
            ON CONFLICT (job_id, scheduled_for, attempt) WHERE trigger <> 'manual' DO NOTHING
            RETURNING r.id, r.job_id, r.scheduled_for, r.status
        )
        -- A slot listed twice in one call is inserted once and returned once (for its
        -- first position), so the caller starts it once.
        SELECT DISTINCT ON (ins.id) i.idx, ins.id, ins.job_id, ins.status
          FROM inserted ins
          JOIN input i ON i.job_id = ins.job_id AND i.slot = ins.scheduled_for
         ORDER BY ins.id, i.idx
    LOOP
        slot_index := v_idx;
        run_id := v_run;
        RETURN NEXT;
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,%s', v_job, v_run, v_status));
    END LOOP;
    UPDATE cronhelm.jobs SET once_state = 'completed'
     WHERE id = ANY (p_job_ids) AND schedule_kind = 'once' AND once_state = 'pending'
       AND once_at <= v_now + interval '1 minute';
END
$$;

-- Starts a queued run that no node owns (manual, retry, released reservation, capacity).
-- Returns false if it is no longer queued or belongs to a node (a reserved slot).
CREATE FUNCTION cronhelm.claim_run(p_node text, p_term bigint, p_run_id bigint)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_job bigint;
BEGIN
    PERFORM cronhelm._assert_term(p_node, p_term);
    UPDATE cronhelm.runs SET status = 'running', started_at = clock_timestamp(),
                             node_id = p_node, term = p_term
     WHERE id = p_run_id AND status = 'queued' AND node_id IS NULL -- reserved ones are not
    RETURNING job_id INTO v_job;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM pg_notify('cronhelm_runs', format('%s,%s,running', v_job, p_run_id));
    RETURN true;
END
$$;

-- Marks reserved runs (see fire_slots) as started at the given instants. Not fenced: the
-- slots were reserved under a valid term, and the targets are already running.
CREATE FUNCTION cronhelm.mark_started(p_node text, p_run_ids bigint[], p_started_at timestamptz[])
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_count integer := 0;
    v_job bigint;
    v_run bigint;
BEGIN
    FOR v_job, v_run IN
        UPDATE cronhelm.runs r SET status = 'running', started_at = u.at
          FROM unnest(p_run_ids, p_started_at) AS u(id, at)
         WHERE r.id = u.id AND r.node_id = p_node AND r.status = 'queued'
        RETURNING r.job_id, r.id
    LOOP
        v_count := v_count + 1;
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,running', v_job, v_run));
    END LOOP;
    RETURN v_count;
END
$$;

-- Hands reserved runs that have not started back to the queue (graceful shutdown), so
-- the next executor starts them on time instead of the slot being lost.
CREATE FUNCTION cronhelm.release_reservations(p_node text, p_run_ids bigint[])
RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH released AS (
        UPDATE cronhelm.runs SET node_id = NULL, term = NULL
         WHERE id = ANY (p_run_ids) AND node_id = p_node AND status = 'queued'
        RETURNING id, job_id
    )
    SELECT count(pg_notify('cronhelm_runs', format('%s,%s,queued', job_id, id)))::integer
      FROM released;
$$;

-- Queues the next attempt of a failed run if the job's retry policy asks for one.
CREATE FUNCTION cronhelm._maybe_retry(r cronhelm.runs) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    j cronhelm.jobs;
    v_delay double precision;
    v_id bigint;
BEGIN
    SELECT * INTO j FROM cronhelm.jobs WHERE id = r.job_id AND deleted_at IS NULL;
    IF NOT FOUND OR r.attempt > j.retries OR r.cancel_requested THEN
        RETURN NULL;
    END IF;
    v_delay := CASE WHEN j.retry_backoff = 'fixed' THEN j.retry_delay_s
                    ELSE least(j.retry_delay_s * power(2, r.attempt - 1), 86400) END;
    INSERT INTO cronhelm.runs (job_id, trigger, triggered_by, scheduled_for, due_at, status,
                               attempt, first_run_id)
    VALUES (r.job_id, 'retry', r.triggered_by, r.scheduled_for,
            clock_timestamp() + make_interval(secs => v_delay), 'queued', r.attempt + 1,
            coalesce(r.first_run_id, r.id))
    ON CONFLICT (job_id, scheduled_for, attempt) WHERE trigger <> 'manual' DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NOT NULL THEN
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,queued', r.job_id, v_id));
    END IF;
    RETURN v_id;
END
$$;

-- Records how a run ended. Not fenced: the work really happened, so its outcome is
-- recorded even when the lease moved meanwhile. Returns the queued retry's id, if any.
CREATE FUNCTION cronhelm.finish_run(p_node text, p_run_id bigint, p_status text,
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
                             -- the end can overtake mark_started (another connection)
                             started_at = coalesce(started_at, p_started_at)
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

-- Whether a node is gone: stopped, silent for p_dead_after_s, or its session has ended.
CREATE FUNCTION cronhelm._node_is_gone(p_node text, p_dead_after_s double precision)
RETURNS boolean
LANGUAGE sql AS $$
    SELECT NOT EXISTS (SELECT 1 FROM cronhelm.nodes n
                        WHERE n.id = p_node AND n.state <> 'stopped'
                          AND n.last_seen > clock_timestamp()
                                            - make_interval(secs => p_dead_after_s)
                          AND EXISTS (SELECT 1 FROM pg_stat_activity a
                                       WHERE a.pid = n.backend_pid));
$$;

-- Marks runs left 'running' (or reserved, see fire_slots) by nodes whose heartbeat stopped
-- as abandoned (and queues their retries). Called by a new executor.
CREATE FUNCTION cronhelm.abandon_orphaned_runs(p_node text, p_term bigint,
                                               p_dead_after_s double precision)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r cronhelm.runs;
    v_count integer := 0;
BEGIN
    PERFORM cronhelm._assert_term(p_node, p_term);
    -- A slot reserved by a node that is gone, whose instant has not come yet on that node's
    -- clock (its last known offset from ours, plus a margin), cannot have started: it goes
    -- back to the queue, for the new executor to start on time (as release_reservations
    -- does at a graceful shutdown), instead of being lost as abandoned.
    FOR r IN
        UPDATE cronhelm.runs AS x SET node_id = NULL, term = NULL
         WHERE x.status = 'queued' AND x.node_id IS NOT NULL
           AND x.node_id IS DISTINCT FROM p_node
           AND cronhelm._node_is_gone(x.node_id, p_dead_after_s)
           AND x.scheduled_for > clock_timestamp() + make_interval(secs => 0.02 + greatest(
                   0, coalesce((SELECT n.clock_offset_ms FROM cronhelm.nodes n
                                 WHERE n.id = x.node_id), 0)) / 1000.0)
        RETURNING x.*
    LOOP
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,queued', r.job_id, r.id));
    END LOOP;
    FOR r IN
        UPDATE cronhelm.runs AS x SET status = 'abandoned', finished_at = clock_timestamp(),
               error = format('node %s stopped while the run was in progress', x.node_id)
         WHERE (x.status = 'running' OR (x.status = 'queued' AND x.node_id IS NOT NULL))
           AND x.node_id IS DISTINCT FROM p_node
           AND cronhelm._node_is_gone(x.node_id, p_dead_after_s)
        RETURNING x.*
    LOOP
        v_count := v_count + 1;
        PERFORM pg_notify('cronhelm_runs', format('%s,%s,abandoned', r.job_id, r.id));
        PERFORM cronhelm._maybe_retry(r);
    END LOOP;
    RETURN v_count;
END
$$;

CREATE FUNCTION cronhelm.append_log(p_run_id bigint, p_seqs integer[], p_streams text[],
                                    p_data text[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO cronhelm.run_logs (run_id, seq, stream, data)
    SELECT p_run_id, u.seq, u.stream, u.data FROM unnest(p_seqs, p_streams, p_data)
           AS u(seq, stream, data)
    ON CONFLICT (run_id, seq) DO NOTHING;
    PERFORM pg_notify('cronhelm_log', p_run_id::text);
END
$$;

-- The executor's view of each job after (re)computing its schedule.
CREATE FUNCTION cronhelm.set_job_state(p_job_ids bigint[], p_next_fire_at timestamptz[],
                                       p_schedule_errors text[])
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO cronhelm.job_state AS s (job_id, next_fire_at, schedule_error)
    SELECT u.job_id, u.next_at, u.err
      FROM unnest(p_job_ids, p_next_fire_at, p_schedule_errors) AS u(job_id, next_at, err)
     WHERE EXISTS (SELECT 1 FROM cronhelm.jobs j WHERE j.id = u.job_id)
    ON CONFLICT (job_id) DO UPDATE SET next_fire_at = excluded.next_fire_at,
                                       schedule_error = excluded.schedule_error;
$$;

-- For notifications: remembers the last outcome and when a failure was last announced.
CREATE FUNCTION cronhelm.record_outcome(p_job_id bigint, p_outcome text,
                                        p_failure_notified boolean)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO cronhelm.job_state AS s (job_id, last_outcome, last_failure_notified_at)
    VALUES (p_job_id, p_outcome, CASE WHEN p_failure_notified THEN clock_timestamp() END)
    ON CONFLICT (job_id) DO UPDATE SET
        last_outcome = excluded.last_outcome,
        last_failure_notified_at = CASE WHEN p_failure_notified THEN clock_timestamp()
                                        WHEN p_outcome = 'succeeded' THEN NULL
                                        ELSE s.last_failure_notified_at END;
$$;

-- Queued runs (the executor starts them) and running runs: this node's (left behind by
-- an earlier process with the same id) and other nodes' (for the concurrency policy).
CREATE FUNCTION cronhelm.runs_active_for_node(p_node text) RETURNS SETOF cronhelm.runs
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT * FROM cronhelm.runs
     WHERE status IN ('queued', 'running')
     ORDER BY node_id IS DISTINCT FROM p_node, id;
$$;

CREATE FUNCTION cronhelm.active_run(p_run_id bigint) RETURNS SETOF cronhelm.runs
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT * FROM cronhelm.runs WHERE id = p_run_id AND status IN ('queued', 'running');
$$;

-- The node's working set, with the executor-only columns the views leave out.
CREATE VIEW cronhelm.node_jobs AS
SELECT j.*, s.last_outcome, s.last_failure_notified_at,
       (SELECT max(r.scheduled_for) FROM cronhelm.runs r
         WHERE r.job_id = j.id AND r.trigger IN ('schedule', 'catch_up')) AS last_slot
  FROM cronhelm.jobs j
  LEFT JOIN cronhelm.job_state s ON s.job_id = j.id
 WHERE j.deleted_at IS NULL;

-- Retention: deletes logs and runs older than the configured number of days.
CREATE FUNCTION cronhelm.apply_retention() RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_log_days integer := (SELECT value::integer FROM cronhelm.settings
                            WHERE key = 'log_retention_days');
    v_run_days integer := (SELECT value::integer FROM cronhelm.settings
                            WHERE key = 'run_retention_days');
    v_logs bigint;
    v_runs bigint;
BEGIN
    DELETE FROM cronhelm.run_logs l USING cronhelm.runs r
     WHERE l.run_id = r.id AND r.finished_at < clock_timestamp() - make_interval(days => v_log_days);
    GET DIAGNOSTICS v_logs = ROW_COUNT;
    DELETE FROM cronhelm.runs r
     WHERE r.finished_at < clock_timestamp() - make_interval(days => v_run_days)
       AND NOT EXISTS (SELECT 1 FROM cronhelm.runs x WHERE x.first_run_id = r.id);
    GET DIAGNOSTICS v_runs = ROW_COUNT;
    RETURN jsonb_build_object('log_chunks_deleted', v_logs, 'runs_deleted', v_runs);
END
$$;

-- Grants -----------------------------------------------------------------------------
REVOKE ALL ON ALL TABLES IN SCHEMA cronhelm FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cronhelm FROM PUBLIC;

GRANT SELECT ON cronhelm.job_overview, cronhelm.run_history, cronhelm.run_log,
                cronhelm.cluster_nodes, cronhelm.executor_lease, cronhelm.leadership_changes,
                cronhelm.audit
   TO cronhelm_viewer;
GRANT EXECUTE ON FUNCTION cronhelm.my_role(), cronhelm.job_id(text) TO cronhelm_viewer;

GRANT EXECUTE ON FUNCTION cronhelm.pause_job(bigint), cronhelm.resume_job(bigint),
                          cronhelm.run_now(bigint), cronhelm.cancel_run(bigint),
                          cronhelm.cancel_once(bigint)
   TO cronhelm_operator;

GRANT EXECUTE ON FUNCTION cronhelm.create_job(jsonb), cronhelm.update_job(bigint, integer, jsonb),
                          cronhelm.delete_job(bigint, integer), cronhelm.apply_retention()
   TO cronhelm_admin;

GRANT SELECT ON cronhelm.node_jobs TO cronhelm_node;
GRANT EXECUTE ON FUNCTION
    cronhelm.heartbeat(text, text, integer, text, timestamptz, timestamptz, text, integer),
    cronhelm.acquire_lease(text, double precision), cronhelm.release_lease(text),
    cronhelm.fire_slots(text, bigint, bigint[], timestamptz[], text[], text[], text[]),
    cronhelm.claim_run(text, bigint, bigint),
    cronhelm.mark_started(text, bigint[], timestamptz[]),
    cronhelm.release_reservations(text, bigint[]),
    cronhelm.finish_run(text, bigint, text, integer, integer, text, bigint, boolean, timestamptz,
                        timestamptz),
    cronhelm.abandon_orphaned_runs(text, bigint, double precision),
    cronhelm.append_log(bigint, integer[], text[], text[]),
    cronhelm.set_job_state(bigint[], timestamptz[], text[]),
    cronhelm.record_outcome(bigint, text, boolean),
    cronhelm.runs_active_for_node(text), cronhelm.active_run(bigint),
    cronhelm.apply_retention()
   TO cronhelm_node;
