-- Cronhelm store, schema version 5: nobody gets what their role does not give
-- (docs/security.md).
--
-- Secrets of a job definition (header values, environment values, the request body and
-- notification web addresses, a Slack webhook's address being its secret) are shown to
-- admins only; viewers and operators read masked values, and the audit keeps masked values
-- for everyone.

-- Masking -----------------------------------------------------------------------------------
-- What replaces a secret value.
CREATE FUNCTION cronhelm._mask() RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT '********'::text;
$$;

-- A header or environment value as a non-admin sees it: a value that only refers to a
-- secret of the node (${env:NAME}, optionally after an authentication scheme) says where the
-- secret is and is shown; any other value is masked.
CREATE FUNCTION cronhelm._mask_value(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v ~ '^((Bearer|Basic|Token) )?\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$' THEN v
                ELSE cronhelm._mask() END;
$$;

-- A web address with everything after the host masked, and no user information
-- (https://hooks.slack.com/********).
CREATE FUNCTION cronhelm._mask_url(u text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce((SELECT m[1] || m[2] || '/' || cronhelm._mask()
                       FROM regexp_match(u, '^(https?://)(?:[^/?#@]*@)?([^/?#@]*)', 'i') m),
                    cronhelm._mask());
$$;

-- A JSON object of name: value pairs with the values masked; anything else unchanged.
CREATE FUNCTION cronhelm._mask_pairs(o jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(o) = 'object' THEN
                coalesce((SELECT jsonb_object_agg(e.key, CASE WHEN jsonb_typeof(e.value) = 'string'
                                                          THEN to_jsonb(cronhelm._mask_value(e.value #>> '{}'))
                                                          ELSE to_jsonb(cronhelm._mask()) END)
                            FROM jsonb_each(o) e), '{}'::jsonb)
           ELSE o END;
$$;

-- A target with its secrets masked: header values, environment values, the body.
CREATE FUNCTION cronhelm._mask_target(t jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(t) <> 'object' THEN t ELSE
        t || CASE WHEN t ? 'headers' THEN jsonb_build_object('headers', cronhelm._mask_pairs(t -> 'headers'))
                  ELSE '{}'::jsonb END
          || CASE WHEN t ? 'env' THEN jsonb_build_object('env', cronhelm._mask_pairs(t -> 'env'))
                  ELSE '{}'::jsonb END
          || CASE WHEN coalesce(jsonb_typeof(t -> 'body'), 'null') <> 'null'
                  THEN jsonb_build_object('body', cronhelm._mask()) ELSE '{}'::jsonb END
    END;
$$;

-- Notification targets with their web addresses masked.
CREATE FUNCTION cronhelm._mask_notify(n jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(n) <> 'array' THEN n ELSE
        coalesce((SELECT jsonb_agg(CASE WHEN jsonb_typeof(e.v) = 'object' AND e.v ? 'url'
                                        THEN e.v || jsonb_build_object(
                                                 'url', cronhelm._mask_url(e.v ->> 'url'))
                                        ELSE e.v END ORDER BY e.i)
                    FROM jsonb_array_elements(n) WITH ORDINALITY e(v, i)), '[]'::jsonb)
    END;
$$;

-- A job as JSON (a row of cronhelm.jobs, or a job spec) with its secrets masked.
CREATE FUNCTION cronhelm._mask_job(v jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(v) <> 'object' THEN v ELSE
        v || CASE WHEN v ? 'target' THEN jsonb_build_object('target', cronhelm._mask_target(v -> 'target'))
                  ELSE '{}'::jsonb END
          || CASE WHEN v ? 'notify' THEN jsonb_build_object('notify', cronhelm._mask_notify(v -> 'notify'))
                  ELSE '{}'::jsonb END
    END;
$$;

-- Whether the session may read secrets: admins (and superusers) only. session_user, as
-- my_role() does, so that SET ROLE cannot be used to tell a different story.
CREATE FUNCTION cronhelm._sees_secrets() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT cronhelm.my_role() = 'admin';
$$;

-- The audit keeps masked values: it is readable by every role, and forever.
CREATE OR REPLACE FUNCTION cronhelm._audit(p_action text, p_job_id bigint, p_run_id bigint,
                                           p_old jsonb, p_new jsonb)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO cronhelm.audit_log (action, job_id, run_id, old_value, new_value)
    VALUES (p_action, p_job_id, p_run_id, cronhelm._mask_job(p_old), cronhelm._mask_job(p_new));
$$;
UPDATE cronhelm.audit_log
   SET old_value = cronhelm._mask_job(old_value), new_value = cronhelm._mask_job(new_value)
 WHERE old_value ?| ARRAY['target', 'notify'] OR new_value ?| ARRAY['target', 'notify'];

-- job_overview: the same columns, the secrets masked for non-admins.
CREATE OR REPLACE VIEW cronhelm.job_overview AS
SELECT j.id, j.name, j.description, j.owner, j.target_type,
       CASE WHEN x.sees THEN j.target ELSE cronhelm._mask_target(j.target) END AS target,
       j.schedule_kind, j.cron_expr, j.time_zone, j.once_local, j.once_at, j.once_state, j.enabled,
       j.timeout_s, j.retries, j.retry_backoff, j.retry_delay_s, j.concurrency, j.misfire,
       j.misfire_bound,
       CASE WHEN x.sees THEN j.notify ELSE cronhelm._mask_notify(j.notify) END AS notify,
       j.notify_quiet_s, j.log_limit_bytes, j.schedule_since,
       j.version, j.created_at, j.created_by, j.updated_at, j.updated_by,
       s.next_fire_at, s.schedule_error,
       lr.id AS last_run_id, lr.status AS last_status, lr.started_at AS last_started_at,
       lr.finished_at AS last_finished_at,
       (extract(epoch FROM lr.finished_at - lr.started_at) * 1000)::bigint AS last_duration_ms,
       (SELECT count(*) FROM cronhelm.runs r
         WHERE r.job_id = j.id AND r.status = 'running')::integer AS running_count,
       j.run_on, j.keep_days, j.keep_runs,
       CASE WHEN x.sees THEN cronhelm._job_spec(j)
            ELSE cronhelm._mask_job(cronhelm._job_spec(j)) END AS spec
  FROM cronhelm.jobs j
  CROSS JOIN (SELECT cronhelm._sees_secrets() AS sees) x
  LEFT JOIN cronhelm.job_state s ON s.job_id = j.id
  LEFT JOIN LATERAL (
        SELECT r.id, r.status, r.started_at, r.finished_at FROM cronhelm.runs r
         WHERE r.job_id = j.id AND r.status NOT IN ('queued', 'skipped')
         ORDER BY r.id DESC LIMIT 1) lr ON true
 WHERE j.deleted_at IS NULL;

REVOKE ALL ON FUNCTION cronhelm._mask(), cronhelm._mask_value(text), cronhelm._mask_url(text),
    cronhelm._mask_pairs(jsonb), cronhelm._mask_target(jsonb), cronhelm._mask_notify(jsonb),
    cronhelm._mask_job(jsonb), cronhelm._sees_secrets()
  FROM PUBLIC;
-- Called by job_overview with the reader's rights.
GRANT EXECUTE ON FUNCTION cronhelm._mask(), cronhelm._mask_value(text), cronhelm._mask_url(text),
    cronhelm._mask_pairs(jsonb), cronhelm._mask_target(jsonb), cronhelm._mask_notify(jsonb),
    cronhelm._mask_job(jsonb), cronhelm._sees_secrets()
  TO cronhelm_viewer;

-- Names ---------------------------------------------------------------------------------------
-- Also refused in names: the line and paragraph separators (U+2028, U+2029) and the
-- bidirectional marks (U+200E, U+200F, U+061C), which reorder or break a name as silently as
-- the overrides do. The same set as core/domain/jobspec.cpp.
CREATE OR REPLACE FUNCTION cronhelm._has_forbidden_name_char(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p ~ '[\x01-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]';
$$;

-- Shell jobs --------------------------------------------------------------------------------
-- A shell job runs its command on every node, as the nodes' OS user: writing one is remote
-- code execution, which the ordinary admin role (job owners) does not give. Creating a shell
-- job, changing its target, turning a job into one or restoring a deleted one needs
-- cronhelm_shell_admin (which includes cronhelm_admin). Admins keep editing everything else
-- of existing shell jobs (schedule, retries, …), pausing and deleting them.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cronhelm_shell_admin') THEN
        BEGIN
            CREATE ROLE cronhelm_shell_admin NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
    IF NOT pg_has_role('cronhelm_shell_admin', 'cronhelm_admin', 'MEMBER') THEN
        BEGIN
            GRANT cronhelm_admin TO cronhelm_shell_admin;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$roles$;

-- Whether the session may write shell jobs: superusers and cronhelm_shell_admin members.
CREATE FUNCTION cronhelm.may_write_shell() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
        OR pg_has_role(session_user, 'cronhelm_shell_admin', 'USAGE');
$$;

-- Checked on the table, so that every path that writes a job (create_job, update_job,
-- restore_job and whatever comes later) obeys it.
CREATE FUNCTION cronhelm._check_shell_writer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.target_type = 'shell'
       AND (TG_OP = 'INSERT' OR OLD.target_type IS DISTINCT FROM 'shell'
            OR OLD.target IS DISTINCT FROM NEW.target
            OR (OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL))
       AND NOT cronhelm.may_write_shell() THEN
        PERFORM cronhelm._raise('42501',
            format('permission denied: writing the command of shell job "%s" needs the '
                   'cronhelm_shell_admin role (a shell job runs its command on every node)',
                   NEW.name),
            'Ask for cronhelm_shell_admin, or use an HTTP job.', 'target_type');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER jobs_shell_writer BEFORE INSERT OR UPDATE ON cronhelm.jobs
    FOR EACH ROW EXECUTE FUNCTION cronhelm._check_shell_writer();

-- The upgrade keeps whoever wrote the live shell jobs able to change them: admins who
-- created or last changed one get cronhelm_shell_admin (superusers need nothing).
DO $keep$
DECLARE
    r text;
BEGIN
    FOR r IN
        SELECT DISTINCT w.who FROM cronhelm.jobs j
         CROSS JOIN LATERAL (VALUES (j.created_by), (j.updated_by)) w(who)
          JOIN pg_roles p ON p.rolname = w.who
         WHERE j.target_type = 'shell' AND j.deleted_at IS NULL AND NOT p.rolsuper
           AND pg_has_role(w.who, 'cronhelm_admin', 'MEMBER')
           AND NOT pg_has_role(w.who, 'cronhelm_shell_admin', 'MEMBER')
    LOOP
        EXECUTE format('GRANT cronhelm_shell_admin TO %I', r);
        INSERT INTO cronhelm.audit_log (action, new_value)
        VALUES ('grant_role', jsonb_build_object('role', 'cronhelm_shell_admin', 'to', r,
                'reason', 'shell jobs need cronhelm_shell_admin from schema version 5; '
                          'granted to the admins who wrote the existing ones'));
    END LOOP;
END
$keep$;

REVOKE ALL ON FUNCTION cronhelm.may_write_shell(), cronhelm._check_shell_writer() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cronhelm.may_write_shell() TO cronhelm_viewer;

-- Functions created later -------------------------------------------------------------------
-- PostgreSQL lets PUBLIC execute every new function. Every function here is revoked from
-- PUBLIC by hand and granted to the roles that need it; a future one that is forgotten must
-- be callable by nobody rather than by everybody. Default privileges are per creating role
-- and database (a per-schema default cannot take away the built-in PUBLIC grant), so this
-- is for the role that migrates, and for the schema owner when that is another role.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
DO $defaults$
DECLARE
    v_owner text := (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'cronhelm');
BEGIN
    IF v_owner IS DISTINCT FROM current_user::text AND pg_has_role(v_owner, 'USAGE') THEN
        EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC',
                       v_owner);
    END IF;
END
$defaults$;
