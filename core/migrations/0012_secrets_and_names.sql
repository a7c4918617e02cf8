-- Schema 12: what schema 5 left open on the store's side (docs/security.md).
--
-- 1. A target's web address can hold a credential: https://user:password@host/ (libcurl
--    sends it as Basic authentication) or ?api_key=… in the query. Viewers and operators
--    read it masked, and the audit keeps it masked, as it does header values.
-- 2. Moving a shell job onto other nodes (run_on) needs cronhelm_shell_admin, as changing
--    its command does: it runs the same code somewhere else (from a sandbox onto
--    production).
-- 3. Names are unique regardless of case whatever the database's LC_CTYPE: lower() followed
--    the database's locale, so a store created with LC_CTYPE=C folded only ASCII and
--    "Äpfel" and "äpfel" could both exist. And two sessions creating the same name at once
--    are told which job has it, as one alone is.

-- Masking the web address ------------------------------------------------------------------
-- A target's web address as a non-admin sees it: the scheme, host and path stay (where the
-- job goes is no secret); the user information is masked (the password, or a lone user
-- name, which is often a token), and so is every value of the query (api_key=…, signed
-- addresses) and the fragment. A value that only refers to a secret of the node
-- (${env:CRONHELM_SECRET_NAME}) is shown, as in headers: it names a secret without holding
-- it.
CREATE FUNCTION cronhelm._mask_target_url(u text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN u IS NULL THEN NULL ELSE coalesce((
        SELECT m[1]
            || CASE WHEN m[2] IS NULL THEN ''
                    WHEN strpos(m[2], ':') > 0
                    THEN split_part(m[2], ':', 1) || ':'
                         || cronhelm._mask_value(substr(m[2], strpos(m[2], ':') + 1)) || '@'
                    ELSE cronhelm._mask_value(m[2]) || '@' END
            || m[3]
            || CASE WHEN m[4] IS NULL THEN '' ELSE '?' || coalesce((
                   SELECT string_agg(CASE WHEN p.v = '' THEN ''
                                          WHEN strpos(p.v, '=') = 0 THEN cronhelm._mask_value(p.v)
                                          WHEN strpos(p.v, '=') = length(p.v) THEN p.v
                                          ELSE split_part(p.v, '=', 1) || '='
                                               || cronhelm._mask_value(
                                                      substr(p.v, strpos(p.v, '=') + 1)) END,
                                     '&' ORDER BY p.i)
                     FROM regexp_split_to_table(m[4], '&') WITH ORDINALITY p(v, i)), '') END
            || CASE WHEN m[5] IS NULL THEN '' ELSE '#' || cronhelm._mask() END
          FROM regexp_match(u, '^([A-Za-z][A-Za-z0-9+.-]*://)(?:([^/?#]*)@)?([^?#]*)(?:\?([^#]*))?(#.*)?$') m),
        cronhelm._mask()) END;
$$;

-- A target with its secrets masked: header values, environment values, the body, and now the
-- credentials of the web address.
CREATE OR REPLACE FUNCTION cronhelm._mask_target(t jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(t) <> 'object' THEN t ELSE
        t || CASE WHEN t ? 'headers' THEN jsonb_build_object('headers', cronhelm._mask_pairs(t -> 'headers'))
                  ELSE '{}'::jsonb END
          || CASE WHEN t ? 'env' THEN jsonb_build_object('env', cronhelm._mask_pairs(t -> 'env'))
                  ELSE '{}'::jsonb END
          || CASE WHEN coalesce(jsonb_typeof(t -> 'body'), 'null') <> 'null'
                  THEN jsonb_build_object('body', cronhelm._mask()) ELSE '{}'::jsonb END
          || CASE WHEN jsonb_typeof(t -> 'url') = 'string'
                  THEN jsonb_build_object('url', cronhelm._mask_target_url(t ->> 'url'))
                  ELSE '{}'::jsonb END
    END;
$$;

-- The audit was written with the old mask: its addresses are masked again (masking twice
-- changes nothing).
UPDATE cronhelm.audit_log
   SET old_value = cronhelm._mask_job(old_value), new_value = cronhelm._mask_job(new_value)
 WHERE old_value ? 'target' OR new_value ? 'target';

REVOKE ALL ON FUNCTION cronhelm._mask_target_url(text) FROM PUBLIC;
-- Called by job_overview (through _mask_target) with the reader's rights.
GRANT EXECUTE ON FUNCTION cronhelm._mask_target_url(text) TO cronhelm_viewer;

-- Shell jobs: where they run ----------------------------------------------------------------
-- As in schema 5, and run_on too: a plain admin may still pause, reschedule or delete a shell
-- job, but neither change what it runs nor where.
CREATE OR REPLACE FUNCTION cronhelm._check_shell_writer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.target_type = 'shell'
       AND (TG_OP = 'INSERT' OR OLD.target_type IS DISTINCT FROM 'shell'
            OR OLD.target IS DISTINCT FROM NEW.target
            OR OLD.run_on IS DISTINCT FROM NEW.run_on
            OR (OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL))
       AND NOT cronhelm.may_write_shell() THEN
        PERFORM cronhelm._raise('42501',
            format('permission denied: changing what shell job "%s" runs or on which nodes '
                   'needs the cronhelm_shell_admin role (a shell job runs its command on '
                   'the nodes)', NEW.name),
            'Ask for cronhelm_shell_admin, or use an HTTP job.', 'target_type');
    END IF;
    RETURN NEW;
END
$$;

-- Names: one way to fold case -----------------------------------------------------------------
-- Case is folded with ICU's root locale, the same on every server whatever the database's
-- LC_CTYPE. A PostgreSQL built without ICU keeps the database's own rules (then create the
-- database with LC_CTYPE C.UTF-8 or another UTF-8 locale: see docs/operator-guide.md).
DO $fold$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i') THEN
        CREATE COLLATION cronhelm.name_fold (provider = icu, locale = 'und');
    ELSE
        EXECUTE format('CREATE COLLATION cronhelm.name_fold (provider = libc, locale = %L)',
                       current_setting('lc_ctype'));
    END IF;
END
$fold$;

-- Live jobs that were distinct only under the old folding get their id appended, as schema 4
-- did; the audit says so.
DO $names$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT id, name FROM (
            SELECT id, name, row_number() OVER (
                       PARTITION BY lower(name COLLATE cronhelm.name_fold) ORDER BY id) AS n
              FROM cronhelm.jobs WHERE deleted_at IS NULL) d
         WHERE n > 1
    LOOP
        UPDATE cronhelm.jobs SET name = left(r.name, 180) || ' (' || r.id || ')',
                                 version = version + 1, updated_at = clock_timestamp()
         WHERE id = r.id;
        INSERT INTO cronhelm.audit_log (action, job_id, old_value, new_value)
        VALUES ('rename_job', r.id, jsonb_build_object('name', r.name),
                jsonb_build_object('name', left(r.name, 180) || ' (' || r.id || ')',
                                   'reason', 'job names became unique regardless of case '
                                             'in every language'));
    END LOOP;
END
$names$;
DROP INDEX cronhelm.jobs_live_name_ci;
CREATE UNIQUE INDEX jobs_live_name_ci ON cronhelm.jobs (lower(name COLLATE cronhelm.name_fold))
    WHERE deleted_at IS NULL;

-- A live job whose name is `p_name` regardless of case (other than p_except), if any: the
-- index's expression, so that the index answers.
CREATE OR REPLACE FUNCTION cronhelm._job_named(p_name text, p_except bigint DEFAULT NULL)
RETURNS cronhelm.jobs
LANGUAGE sql STABLE AS $$
    SELECT * FROM cronhelm.jobs
     WHERE lower(name COLLATE cronhelm.name_fold)
           = lower(normalize(p_name, NFC) COLLATE cronhelm.name_fold)
       AND deleted_at IS NULL
       AND id IS DISTINCT FROM p_except
     LIMIT 1;
$$;

CREATE OR REPLACE VIEW cronhelm.deleted_jobs AS
SELECT j.id, j.name, j.deleted_at, j.updated_by AS deleted_by, j.version,
       cronhelm._job_spec(j) AS spec,
       lower(j.name COLLATE cronhelm.name_fold)
           IN (SELECT lower(l.name COLLATE cronhelm.name_fold) FROM cronhelm.jobs l
                WHERE l.deleted_at IS NULL) AS name_taken
  FROM cronhelm.jobs j
 WHERE j.deleted_at IS NOT NULL;

-- The same name created or taken by two sessions at once: the index refuses the second,
-- which is then told the job that has it, as when it comes second by a moment.
CREATE FUNCTION cronhelm._raise_name_taken(p_name text, p_except bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    existing cronhelm.jobs;
BEGIN
    existing := cronhelm._job_named(p_name, p_except);
    IF existing.id IS NOT NULL THEN
        PERFORM cronhelm._raise_duplicate_name(existing);
    END IF;
    PERFORM cronhelm._raise('CHCON', format('a job named "%s" already exists', p_name),
                            NULL, 'name');
END
$$;
REVOKE ALL ON FUNCTION cronhelm._raise_name_taken(text, bigint) FROM PUBLIC;

-- create_job and update_job as in schema 4, their race fallback naming the job.
CREATE OR REPLACE FUNCTION cronhelm.create_job(p_spec jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    j cronhelm.jobs;
    existing cronhelm.jobs;
BEGIN
    -- The defaults of a new job; core/domain/jobspec.h holds the same ones
    -- (tests/domain/tst_jobrules.cpp compares them).
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
    j.run_on := '{}';
    j := cronhelm._apply_spec(j, p_spec);
    IF j.target_type IS NULL OR j.target_type NOT IN ('http', 'shell') THEN
        PERFORM cronhelm._invalid('target_type', 'must be "http" or "shell"');
    END IF;
    IF j.schedule_kind IS NULL THEN
        j.schedule_kind := CASE WHEN j.once_local IS NOT NULL AND j.cron_expr IS NULL
                                THEN 'once' ELSE 'cron' END;
    END IF;
    IF j.schedule_kind = 'once' THEN
        j.once_state := 'pending';
    END IF;
    PERFORM cronhelm._validate_job(j);
    existing := cronhelm._job_named(j.name);
    IF existing.id IS NOT NULL THEN
        PERFORM cronhelm._raise_duplicate_name(existing);
    END IF;
    INSERT INTO cronhelm.jobs (name, description, owner, target_type, target, schedule_kind,
                               cron_expr, time_zone, once_local, once_at, once_state, enabled,
                               timeout_s, retries, retry_backoff, retry_delay_s, concurrency,
                               misfire, misfire_bound, notify, notify_quiet_s, log_limit_bytes,
                               run_on, keep_days, keep_runs)
    VALUES (j.name, j.description, j.owner, j.target_type, j.target, j.schedule_kind,
            j.cron_expr, j.time_zone, j.once_local, j.once_at, j.once_state, j.enabled,
            j.timeout_s, j.retries, j.retry_backoff, j.retry_delay_s, j.concurrency,
            j.misfire, j.misfire_bound, j.notify, j.notify_quiet_s, j.log_limit_bytes,
            j.run_on, j.keep_days, j.keep_runs)
    RETURNING * INTO j;
    PERFORM cronhelm._audit('create_job', j.id, NULL, NULL, to_jsonb(j));
    PERFORM pg_notify('cronhelm_jobs', j.id::text);
    RETURN j.id;
EXCEPTION
    WHEN check_violation THEN
        PERFORM cronhelm._raise('CHINV', 'invalid job: ' || SQLERRM);
    WHEN unique_violation THEN
        -- Two sessions created the same name at once; the index decided.
        PERFORM cronhelm._raise_name_taken(j.name, NULL);
END
$$;

CREATE OR REPLACE FUNCTION cronhelm.update_job(p_job_id bigint, p_expected_version integer,
                                               p_changes jsonb)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old cronhelm.jobs;
    j cronhelm.jobs;
    existing cronhelm.jobs;
BEGIN
    old := cronhelm._lock_job(p_job_id);
    IF p_expected_version IS NOT NULL AND old.version <> p_expected_version THEN
        PERFORM cronhelm._raise_stale(old, p_expected_version);
    END IF;
    j := cronhelm._apply_spec(old, p_changes);
    IF j.schedule_kind = 'once' AND (old.schedule_kind <> 'once'
                                     OR j.once_at IS DISTINCT FROM old.once_at) THEN
        j.once_state := 'pending';
    END IF;
    PERFORM cronhelm._validate_job(j);
    existing := cronhelm._job_named(j.name, p_job_id);
    IF existing.id IS NOT NULL THEN
        PERFORM cronhelm._raise_duplicate_name(existing);
    END IF;
    UPDATE cronhelm.jobs SET
        name = j.name, description = j.description, owner = j.owner,
        target_type = j.target_type, target = j.target, schedule_kind = j.schedule_kind,
        cron_expr = j.cron_expr, time_zone = j.time_zone, once_local = j.once_local,
        once_at = j.once_at, once_state = j.once_state, enabled = j.enabled,
        timeout_s = j.timeout_s, retries = j.retries, retry_backoff = j.retry_backoff,
        retry_delay_s = j.retry_delay_s, concurrency = j.concurrency, misfire = j.misfire,
        misfire_bound = j.misfire_bound, notify = j.notify, notify_quiet_s = j.notify_quiet_s,
        log_limit_bytes = j.log_limit_bytes, run_on = j.run_on, keep_days = j.keep_days,
        keep_runs = j.keep_runs,
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
        PERFORM cronhelm._raise_name_taken(j.name, p_job_id);
END
$$;
