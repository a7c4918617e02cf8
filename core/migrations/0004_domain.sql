-- Cronhelm store, schema version 4: one set of job rules, errors that say what they are
-- about, and the job fields cluster execution and retention need.
--
-- The rules of a job are written twice on purpose, here and in core/domain (jobspec.cpp,
-- targetspec.cpp): the database is the authority for every client including psql, and the
-- clients check as people type. tests/domain/tst_jobrules.cpp feeds one table of specs to
-- both and requires the same verdict and the same field. Keep them in the same order.
--
-- Errors name what they are about: RAISE ... USING COLUMN = <spec field> for clients that
-- read error fields, and DETAIL = 'cronhelm_field=<field>' for clients that can only read
-- the error's text (libpqxx 6 exposes no COLUMN). The field is the job spec key ("name",
-- "target.url", …) or "version" for an edit of a stale version. Clients decide on the
-- SQLSTATE and the field, never on the message, which is for people.

-- Errors ---------------------------------------------------------------------------------
CREATE FUNCTION cronhelm._raise(code text, message text, hint text, field text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF field IS NULL THEN
        PERFORM cronhelm._raise(code, message, hint);
    ELSIF hint IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message, COLUMN = field,
                              DETAIL = 'cronhelm_field=' || field;
    ELSE
        RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message, COLUMN = field,
                              DETAIL = 'cronhelm_field=' || field, HINT = hint;
    END IF;
END
$$;

-- Invalid input in a job spec field.
CREATE FUNCTION cronhelm._invalid(field text, message text) RETURNS void
LANGUAGE sql AS $$
    SELECT cronhelm._raise('CHINV', field || ': ' || message, NULL, field);
$$;

-- New job fields ----------------------------------------------------------------------------
ALTER TABLE cronhelm.jobs
    -- Node labels a node must all have to run the job; empty: any node.
    ADD COLUMN run_on text[] NOT NULL DEFAULT '{}',
    -- Retention of the job's runs, overriding the store-wide policy when set.
    ADD COLUMN keep_days integer CHECK (keep_days BETWEEN 1 AND 36500),
    ADD COLUMN keep_runs integer CHECK (keep_runs BETWEEN 0 AND 1000000);

-- Names: one job per name, whatever the case ("Sales report" and "sales report" are the
-- same job to people). Live jobs that differ only in case get their id appended; the
-- audit says so.
DO $names$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT id, name FROM (
            SELECT id, name, row_number() OVER (PARTITION BY lower(normalize(name, NFC))
                                                ORDER BY id) AS n
              FROM cronhelm.jobs WHERE deleted_at IS NULL) d
         WHERE n > 1
    LOOP
        UPDATE cronhelm.jobs SET name = left(r.name, 180) || ' (' || r.id || ')',
                                 version = version + 1, updated_at = clock_timestamp()
         WHERE id = r.id;
        INSERT INTO cronhelm.audit_log (action, job_id, old_value, new_value)
        VALUES ('rename_job', r.id, jsonb_build_object('name', r.name),
                jsonb_build_object('name', left(r.name, 180) || ' (' || r.id || ')',
                                   'reason', 'job names became unique regardless of case'));
    END LOOP;
    UPDATE cronhelm.jobs SET name = normalize(name, NFC) WHERE name IS NOT NFC NORMALIZED;
END
$names$;
CREATE UNIQUE INDEX jobs_live_name_ci ON cronhelm.jobs (lower(name)) WHERE deleted_at IS NULL;

-- The rules ---------------------------------------------------------------------------------
-- Whether a text value holds a control character or a bidirectional override, embedding
-- or isolate (names that read differently from what they are).
CREATE FUNCTION cronhelm._has_forbidden_name_char(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p ~ '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]';
$$;

-- A jsonb value that is absent or null.
CREATE FUNCTION cronhelm._absent(v jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT v IS NULL OR jsonb_typeof(v) = 'null';
$$;

-- Whether v is absent/null or a whole number in [lo, hi].
CREATE FUNCTION cronhelm._whole_in(v jsonb, lo numeric, hi numeric) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT cronhelm._absent(v)
        OR (jsonb_typeof(v) = 'number' AND v::text::numeric = trunc(v::text::numeric)
            AND v::text::numeric BETWEEN lo AND hi);
$$;

CREATE FUNCTION cronhelm._validate_http_target(t jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    k text;
    h record;
    v_method text;
    v_body jsonb := t -> 'body';
    v_expect text;
    v_range text[];
BEGIN
    FOR k IN SELECT jsonb_object_keys(t) ORDER BY 1 LOOP
        IF k NOT IN ('url', 'method', 'headers', 'body', 'expect_status',
                     'fail_if_body_matches', 'max_redirects', 'connect_timeout_s',
                     'idle_timeout_s') THEN
            PERFORM cronhelm._invalid('target', format('"%s" is not a field of this kind of target', k));
        END IF;
    END LOOP;
    IF jsonb_typeof(t -> 'url') IS DISTINCT FROM 'string'
       OR (t ->> 'url') !~* '^https?://[^\s/]+' THEN
        PERFORM cronhelm._invalid('target.url',
            format('"%s" is not a web address starting with http:// or https://',
                   coalesce(t ->> 'url', '')));
    END IF;
    IF length(t ->> 'url') > 8192 THEN
        PERFORM cronhelm._invalid('target.url', 'the address is longer than 8192 characters');
    END IF;
    IF NOT cronhelm._absent(t -> 'method') THEN
        v_method := upper(t ->> 'method');
        IF jsonb_typeof(t -> 'method') <> 'string'
           OR v_method NOT IN ('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') THEN
            PERFORM cronhelm._invalid('target.method',
                format('"%s" is not a supported method', t ->> 'method'));
        END IF;
    END IF;
    IF NOT cronhelm._absent(t -> 'headers') THEN
        IF jsonb_typeof(t -> 'headers') <> 'object' THEN
            PERFORM cronhelm._invalid('target.headers', 'must be an object of name: value pairs');
        END IF;
        FOR h IN SELECT key, value FROM jsonb_each(t -> 'headers') ORDER BY key LOOP
            IF jsonb_typeof(h.value) <> 'string' THEN
                PERFORM cronhelm._invalid('target.headers',
                    format('the value of "%s" must be text', h.key));
            END IF;
        END LOOP;
        IF (SELECT count(*) FROM jsonb_object_keys(t -> 'headers')) > 100 THEN
            PERFORM cronhelm._invalid('target.headers', 'more than 100 headers');
        END IF;
        FOR h IN SELECT key, value FROM jsonb_each_text(t -> 'headers') ORDER BY key LOOP
            IF h.key !~ '^[!#$%&''*+.^_`|~0-9A-Za-z-]+$' THEN
                PERFORM cronhelm._invalid('target.headers',
                    format('"%s" is not a valid header name', h.key));
            END IF;
            IF h.value ~ '[\r\n]' THEN
                PERFORM cronhelm._invalid('target.headers',
                    format('the value of header "%s" cannot contain line breaks', h.key));
            END IF;
        END LOOP;
    END IF;
    IF NOT cronhelm._absent(v_body) THEN
        IF jsonb_typeof(v_body) NOT IN ('string', 'object', 'array') THEN
            PERFORM cronhelm._invalid('target.body', 'the body must be text or a JSON object');
        END IF;
        IF octet_length(CASE WHEN jsonb_typeof(v_body) = 'string' THEN t ->> 'body'
                             ELSE v_body::text END) > 262144 THEN
            PERFORM cronhelm._invalid('target.body', 'the body is larger than 256 KB');
        END IF;
    END IF;
    IF NOT cronhelm._absent(t -> 'expect_status') THEN
        v_expect := t ->> 'expect_status';
        v_range := regexp_match(v_expect, '^(\d{3})(?:-(\d{3}))?$');
        IF jsonb_typeof(t -> 'expect_status') NOT IN ('string', 'number') OR v_range IS NULL
           OR v_range[1]::integer < 100 OR coalesce(v_range[2], v_range[1])::integer > 599
           OR v_range[1]::integer > coalesce(v_range[2], v_range[1])::integer THEN
            PERFORM cronhelm._invalid('target.expect_status',
                format('"%s" is not an HTTP status like 200 or an ascending range like 200-299 '
                       '(100 to 599)', v_expect));
        END IF;
    END IF;
    -- The pattern's syntax (PCRE) is checked by the clients and the node.
    IF NOT cronhelm._absent(t -> 'fail_if_body_matches')
       AND jsonb_typeof(t -> 'fail_if_body_matches') <> 'string' THEN
        PERFORM cronhelm._invalid('target.fail_if_body_matches', 'must be a regular expression');
    END IF;
    IF NOT cronhelm._whole_in(t -> 'max_redirects', 0, 50) THEN
        PERFORM cronhelm._invalid('target.max_redirects', 'must be a whole number from 0 to 50');
    END IF;
    IF NOT cronhelm._whole_in(t -> 'connect_timeout_s', 1, 3600) THEN
        PERFORM cronhelm._invalid('target.connect_timeout_s',
                                  'must be a whole number from 1 to 3600');
    END IF;
    IF NOT cronhelm._whole_in(t -> 'idle_timeout_s', 0, 604800) THEN
        PERFORM cronhelm._invalid('target.idle_timeout_s',
                                  'must be a whole number from 0 to 604800');
    END IF;
END
$$;

CREATE FUNCTION cronhelm._validate_shell_target(t jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    k text;
    v_has_command boolean := NOT cronhelm._absent(t -> 'command');
    v_has_argv boolean := NOT cronhelm._absent(t -> 'argv');
BEGIN
    FOR k IN SELECT jsonb_object_keys(t) ORDER BY 1 LOOP
        IF k NOT IN ('command', 'argv', 'workdir', 'env') THEN
            PERFORM cronhelm._invalid('target', format('"%s" is not a field of this kind of target', k));
        END IF;
    END LOOP;
    IF v_has_command AND v_has_argv THEN
        PERFORM cronhelm._invalid('target.command',
            'give either a command line or a list of arguments, not both');
    ELSIF v_has_command THEN
        IF jsonb_typeof(t -> 'command') <> 'string' OR btrim(t ->> 'command') = '' THEN
            PERFORM cronhelm._invalid('target.command', 'the command line cannot be empty');
        END IF;
    ELSIF v_has_argv THEN
        IF jsonb_typeof(t -> 'argv') <> 'array' OR jsonb_array_length(t -> 'argv') = 0
           OR EXISTS (SELECT 1 FROM jsonb_array_elements(t -> 'argv') a(v)
                       WHERE jsonb_typeof(a.v) <> 'string') THEN
            PERFORM cronhelm._invalid('target.argv',
                                      'the arguments must be a non-empty list of texts');
        END IF;
        IF (t -> 'argv' ->> 0) = '' THEN
            PERFORM cronhelm._invalid('target.argv',
                'the program name (the first argument) cannot be empty');
        END IF;
        -- Arguments are visible to every local user (ps, /proc): secrets go through the
        -- environment.
        IF EXISTS (SELECT 1 FROM jsonb_array_elements_text(t -> 'argv') a(v)
                    WHERE position('${env:' IN a.v) > 0) THEN
            PERFORM cronhelm._invalid('target.argv',
                'a secret reference (${env:...}) in an argument would be visible to every '
                'user of the node; pass it in the job''s environment or use a command line');
        END IF;
    ELSE
        PERFORM cronhelm._invalid('target.command', 'a shell job needs a command line');
    END IF;
    IF NOT cronhelm._absent(t -> 'workdir') AND jsonb_typeof(t -> 'workdir') <> 'string' THEN
        PERFORM cronhelm._invalid('target.workdir', 'must be a folder path');
    END IF;
    IF NOT cronhelm._absent(t -> 'env') THEN
        IF jsonb_typeof(t -> 'env') <> 'object' THEN
            PERFORM cronhelm._invalid('target.env', 'must be an object of name: value pairs');
        END IF;
        IF EXISTS (SELECT 1 FROM jsonb_each(t -> 'env') e WHERE jsonb_typeof(e.value) <> 'string')
        THEN
            PERFORM cronhelm._invalid('target.env', 'every value must be text');
        END IF;
        IF EXISTS (SELECT 1 FROM jsonb_object_keys(t -> 'env') e(k)
                    WHERE e.k !~ '^[A-Za-z_][A-Za-z0-9_]*$') THEN
            PERFORM cronhelm._invalid('target.env',
                'variable names are letters, digits and _, not starting with a digit');
        END IF;
    END IF;
END
$$;

CREATE FUNCTION cronhelm._validate_notify(n jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    e record;
    k text;
BEGIN
    IF jsonb_typeof(n) IS DISTINCT FROM 'array' THEN
        PERFORM cronhelm._invalid('notify', 'must be a list of notification targets');
    END IF;
    IF jsonb_array_length(n) > 20 THEN
        PERFORM cronhelm._invalid('notify', 'more than 20 notification targets');
    END IF;
    FOR e IN SELECT value AS t, ordinality AS i FROM jsonb_array_elements(n) WITH ORDINALITY LOOP
        IF jsonb_typeof(e.t) <> 'object' OR coalesce(e.t ->> 'kind', '') NOT IN ('slack', 'webhook')
           OR coalesce(e.t ->> 'url', '') !~* '^https?://' THEN
            PERFORM cronhelm._invalid('notify', format(
                'notification %s needs the kind slack or webhook and a web address starting '
                'with http:// or https://', e.i));
        END IF;
        IF NOT cronhelm._absent(e.t -> 'on')
           AND (jsonb_typeof(e.t -> 'on') <> 'array'
                OR EXISTS (SELECT 1 FROM jsonb_array_elements(e.t -> 'on') o(v)
                            WHERE o.v NOT IN ('"failure"', '"success"', '"recovery"'))) THEN
            PERFORM cronhelm._invalid('notify', format(
                'notification %s: "on" must list failure, success and/or recovery', e.i));
        END IF;
        FOR k IN SELECT jsonb_object_keys(e.t) ORDER BY 1 LOOP
            IF k NOT IN ('kind', 'url', 'on') THEN
                PERFORM cronhelm._invalid('notify', format(
                    'notification %s: "%s" is not a field of a notification target', e.i, k));
            END IF;
        END LOOP;
    END LOOP;
END
$$;

-- Validates a complete job row; raises CHINV naming the field. The order is the C++
-- rules' (core/domain/jobspec.cpp, JobRules::check).
CREATE OR REPLACE FUNCTION cronhelm._validate_job(j cronhelm.jobs) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    l text;
BEGIN
    -- The kinds first: the checks below depend on them, and a wrong kind must be named
    -- as such rather than reported as a missing field of another kind.
    IF j.target_type IS NULL OR j.target_type NOT IN ('http', 'shell') THEN
        PERFORM cronhelm._invalid('target_type', 'must be "http" or "shell"');
    END IF;
    IF j.schedule_kind IS NULL OR j.schedule_kind NOT IN ('cron', 'once') THEN
        PERFORM cronhelm._invalid('schedule_kind', 'must be "cron" or "once"');
    END IF;
    IF j.name IS NULL OR btrim(j.name) = '' THEN
        PERFORM cronhelm._invalid('name', 'a job needs a name');
    END IF;
    IF length(j.name) > 200 THEN
        PERFORM cronhelm._invalid('name', 'the name is longer than 200 characters');
    END IF;
    IF cronhelm._has_forbidden_name_char(j.name) THEN
        PERFORM cronhelm._invalid('name', 'the name contains a control or text-direction character');
    END IF;
    IF length(j.description) > 4000 THEN
        PERFORM cronhelm._invalid('description', 'the description is longer than 4000 characters');
    END IF;
    IF length(j.owner) > 200 THEN
        PERFORM cronhelm._invalid('owner', 'the owner is longer than 200 characters');
    END IF;
    IF jsonb_typeof(j.target) IS DISTINCT FROM 'object' THEN
        PERFORM cronhelm._invalid('target', 'must be a JSON object');
    END IF;
    IF octet_length(j.target::text) > 524288 THEN
        PERFORM cronhelm._invalid('target', 'the target is larger than 512 KB');
    END IF;
    IF j.target_type = 'http' THEN
        PERFORM cronhelm._validate_http_target(j.target);
    ELSE
        PERFORM cronhelm._validate_shell_target(j.target);
    END IF;
    IF NOT cronhelm._is_valid_zone(j.time_zone) THEN
        PERFORM cronhelm._invalid('time_zone', format('"%s" is not a known time zone', j.time_zone));
    END IF;
    IF j.schedule_kind = 'cron' THEN
        -- The shape only: the full parser lives in the clients and the node (core/cron),
        -- which report exact errors and record schedule_error.
        IF j.cron_expr IS NULL OR NOT cronhelm._is_plausible_cron(j.cron_expr) THEN
            PERFORM cronhelm._invalid('cron', format('"%s" is not a cron expression',
                                                     coalesce(j.cron_expr, '')));
        END IF;
    ELSE
        IF j.once_local IS NULL OR j.once_at IS NULL THEN
            PERFORM cronhelm._invalid('once', 'a one-off schedule needs a date and time');
        END IF;
        -- once_at must be one of the instants that read once_local on the zone's clocks.
        -- A local time in a DST gap has no such instant and is refused here.
        IF (j.once_at AT TIME ZONE j.time_zone) <> j.once_local THEN
            PERFORM cronhelm._invalid('once',
                format('%s does not fall on %s in %s (that local time may not exist there)',
                       j.once_at, j.once_local, j.time_zone));
        END IF;
    END IF;
    PERFORM cronhelm._validate_notify(j.notify);
    IF j.timeout_s IS NULL OR j.timeout_s NOT BETWEEN 1 AND 604800 THEN
        PERFORM cronhelm._invalid('timeout_s', 'must be from 1 to 604800');
    END IF;
    IF j.retries IS NULL OR j.retries NOT BETWEEN 0 AND 100 THEN
        PERFORM cronhelm._invalid('retries', 'must be from 0 to 100');
    END IF;
    IF j.retry_backoff IS NULL OR j.retry_backoff NOT IN ('fixed', 'exponential') THEN
        PERFORM cronhelm._invalid('retry_backoff',
            format('"%s" is not one of "fixed", "exponential"', j.retry_backoff));
    END IF;
    IF j.retry_delay_s IS NULL OR j.retry_delay_s NOT BETWEEN 0 AND 86400 THEN
        PERFORM cronhelm._invalid('retry_delay_s', 'must be from 0 to 86400');
    END IF;
    IF j.concurrency IS NULL OR j.concurrency NOT IN ('allow', 'forbid', 'replace') THEN
        PERFORM cronhelm._invalid('concurrency',
            format('"%s" is not one of "allow", "forbid", "replace"', j.concurrency));
    END IF;
    IF j.misfire IS NULL OR j.misfire NOT IN ('run_once', 'skip', 'run_all') THEN
        PERFORM cronhelm._invalid('misfire',
            format('"%s" is not one of "run_once", "skip", "run_all"', j.misfire));
    END IF;
    IF j.misfire_bound IS NULL OR j.misfire_bound NOT BETWEEN 1 AND 10000 THEN
        PERFORM cronhelm._invalid('misfire_bound', 'must be from 1 to 10000');
    END IF;
    IF j.notify_quiet_s IS NULL OR j.notify_quiet_s NOT BETWEEN 0 AND 2592000 THEN
        PERFORM cronhelm._invalid('notify_quiet_s', 'must be from 0 to 2592000');
    END IF;
    IF j.log_limit_bytes IS NULL OR j.log_limit_bytes NOT BETWEEN 1024 AND 1073741824 THEN
        PERFORM cronhelm._invalid('log_limit_bytes', 'must be from 1024 to 1073741824');
    END IF;
    IF cardinality(j.run_on) > 32 THEN
        PERFORM cronhelm._invalid('run_on', 'more than 32 labels');
    END IF;
    FOREACH l IN ARRAY j.run_on LOOP
        IF l IS NULL OR l !~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$' THEN
            PERFORM cronhelm._invalid('run_on', format(
                '"%s" is not a node label (letters, digits, ".", "_" and "-", at most 63 '
                'characters)', l));
        END IF;
    END LOOP;
    IF j.keep_days IS NOT NULL AND j.keep_days NOT BETWEEN 1 AND 36500 THEN
        PERFORM cronhelm._invalid('keep_days', 'must be from 1 to 36500');
    END IF;
    IF j.keep_runs IS NOT NULL AND j.keep_runs NOT BETWEEN 0 AND 1000000 THEN
        PERFORM cronhelm._invalid('keep_runs', 'must be from 0 to 1000000');
    END IF;
END
$$;

-- Applies the keys of a JSON spec to a job row. Unknown keys and values of the wrong JSON
-- type are an error naming the key, so a typo in a psql session is not silently ignored.
CREATE OR REPLACE FUNCTION cronhelm._apply_spec(j cronhelm.jobs, p jsonb) RETURNS cronhelm.jobs
LANGUAGE plpgsql AS $$
DECLARE
    k text;
    v jsonb;
BEGIN
    IF p IS NULL OR jsonb_typeof(p) <> 'object' THEN
        PERFORM cronhelm._raise('CHINV', 'the job spec must be a JSON object', NULL, 'spec');
    END IF;
    FOR k IN SELECT jsonb_object_keys(p) ORDER BY 1 LOOP
        IF k NOT IN ('name', 'description', 'owner', 'target_type', 'target', 'schedule_kind',
                     'cron', 'time_zone', 'once_local', 'once_at', 'enabled', 'timeout_s',
                     'retries', 'retry_backoff', 'retry_delay_s', 'concurrency', 'misfire',
                     'misfire_bound', 'notify', 'notify_quiet_s', 'log_limit_bytes', 'run_on',
                     'keep_days', 'keep_runs') THEN
            PERFORM cronhelm._invalid(k, format('"%s" is not a job field', k));
        END IF;
        -- These columns have no "empty" value: null would only hit a NOT NULL constraint.
        IF jsonb_typeof(p -> k) = 'null'
           AND k IN ('enabled', 'timeout_s', 'retries', 'retry_backoff', 'retry_delay_s',
                     'concurrency', 'misfire', 'misfire_bound', 'notify_quiet_s',
                     'log_limit_bytes') THEN
            PERFORM cronhelm._invalid(k, 'must not be empty');
        END IF;
    END LOOP;
    FOR k, v IN SELECT key, value FROM jsonb_each(p) ORDER BY key LOOP
        -- Types first, exactly (PostgreSQL would read "yes" as true and "1.5" as 2).
        IF k IN ('name', 'time_zone') AND jsonb_typeof(v) <> 'string'
           OR k IN ('description', 'owner', 'cron') AND jsonb_typeof(v) NOT IN ('string', 'null')
        THEN
            PERFORM cronhelm._invalid(k, 'must be text');
        ELSIF k = 'enabled' AND jsonb_typeof(v) <> 'boolean' THEN
            PERFORM cronhelm._invalid(k, 'must be true or false');
        ELSIF k IN ('timeout_s', 'retries', 'retry_delay_s', 'misfire_bound', 'notify_quiet_s',
                    'log_limit_bytes', 'keep_days', 'keep_runs')
              AND NOT cronhelm._whole_in(v, -9223372036854775808, 9223372036854775807) THEN
            PERFORM cronhelm._invalid(k, 'must be a whole number');
        ELSIF k = 'run_on' AND jsonb_typeof(v) <> 'null'
              AND (jsonb_typeof(v) <> 'array'
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(v) e(x)
                               WHERE jsonb_typeof(e.x) <> 'string')) THEN
            PERFORM cronhelm._invalid(k, 'must be a list of node labels');
        END IF;
    END LOOP;
    FOR k IN SELECT jsonb_object_keys(p) ORDER BY 1 LOOP
        BEGIN
            CASE k
            WHEN 'name' THEN j.name := normalize(p ->> k, NFC);
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
            WHEN 'run_on' THEN
                j.run_on := coalesce(ARRAY(SELECT jsonb_array_elements_text(
                                                CASE WHEN jsonb_typeof(p -> k) = 'array'
                                                     THEN p -> k END)), '{}');
            WHEN 'keep_days' THEN j.keep_days := (p ->> k)::integer;
            WHEN 'keep_runs' THEN j.keep_runs := (p ->> k)::integer;
            END CASE;
        EXCEPTION
            WHEN invalid_datetime_format OR datetime_field_overflow
                 OR invalid_text_representation OR numeric_value_out_of_range THEN
                PERFORM cronhelm._invalid(k, SQLERRM);
        END;
    END LOOP;
    IF j.schedule_kind = 'cron' THEN
        j.once_local := NULL;
        j.once_at := NULL;
        j.once_state := NULL;
    ELSIF j.schedule_kind = 'once' THEN
        j.cron_expr := NULL;
    END IF;
    RETURN j;
END
$$;

-- A live job whose name is `p_name` regardless of case (other than p_except), if any.
CREATE FUNCTION cronhelm._job_named(p_name text, p_except bigint DEFAULT NULL)
RETURNS cronhelm.jobs
LANGUAGE sql STABLE AS $$
    SELECT * FROM cronhelm.jobs
     WHERE lower(name) = lower(normalize(p_name, NFC)) AND deleted_at IS NULL
       AND id IS DISTINCT FROM p_except
     LIMIT 1;
$$;

CREATE FUNCTION cronhelm._raise_duplicate_name(p_existing cronhelm.jobs) RETURNS void
LANGUAGE sql AS $$
    SELECT cronhelm._raise('CHCON',
        format('a job named "%s" already exists (job %s); names are unique regardless of case',
               p_existing.name, p_existing.id), NULL, 'name');
$$;

CREATE FUNCTION cronhelm._raise_stale(old cronhelm.jobs, p_expected_version integer)
RETURNS void LANGUAGE sql AS $$
    SELECT cronhelm._raise('CHCON',
        format('job "%s" was changed by %s at %s (now version %s; you edited version %s)',
               old.name, old.updated_by,
               to_char(old.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
               old.version, p_expected_version),
        'Reload the job and apply your changes again.', 'version');
$$;

-- The job's definition as a job spec (the JSON create_job takes): what the clients read.
CREATE FUNCTION cronhelm._job_spec(j cronhelm.jobs) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'name', j.name, 'description', j.description, 'owner', j.owner,
        'target_type', j.target_type, 'target', j.target, 'schedule_kind', j.schedule_kind,
        'time_zone', j.time_zone, 'enabled', j.enabled, 'timeout_s', j.timeout_s,
        'retries', j.retries, 'retry_backoff', j.retry_backoff,
        'retry_delay_s', j.retry_delay_s, 'concurrency', j.concurrency, 'misfire', j.misfire,
        'misfire_bound', j.misfire_bound, 'notify', j.notify,
        'notify_quiet_s', j.notify_quiet_s, 'log_limit_bytes', j.log_limit_bytes,
        'run_on', to_jsonb(j.run_on), 'keep_days', j.keep_days, 'keep_runs', j.keep_runs)
        || CASE WHEN j.schedule_kind = 'cron' THEN jsonb_build_object('cron', j.cron_expr)
                ELSE jsonb_build_object(
                    'once_local', to_char(j.once_local, 'YYYY-MM-DD"T"HH24:MI:SS'),
                    'once_at', to_char(j.once_at AT TIME ZONE 'UTC',
                                       'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END;
$$;

-- Changing API: jobs (admin) ----------------------------------------------------------------
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
        PERFORM cronhelm._raise('CHCON', format('a job named "%s" already exists', j.name),
                                NULL, 'name');
END
$$;

-- Changes the keys given in p_changes. p_expected_version is the version the caller
-- edited; if someone else saved meanwhile the change is refused (CHCON, field "version")
-- with who and when.
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
        PERFORM cronhelm._raise('CHCON', format('a job named "%s" already exists', j.name),
                                NULL, 'name');
END
$$;

CREATE OR REPLACE FUNCTION cronhelm.delete_job(p_job_id bigint,
                                               p_expected_version integer DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old cronhelm.jobs;
BEGIN
    old := cronhelm._lock_job(p_job_id);
    IF p_expected_version IS NOT NULL AND old.version <> p_expected_version THEN
        PERFORM cronhelm._raise_stale(old, p_expected_version);
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

-- Brings a deleted job back, paused, with its history. Refused when a live job has taken
-- its name meanwhile (rename that one first).
CREATE FUNCTION cronhelm.restore_job(p_job_id bigint) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old cronhelm.jobs;
    j cronhelm.jobs;
    existing cronhelm.jobs;
BEGIN
    SELECT * INTO old FROM cronhelm.jobs WHERE id = p_job_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM cronhelm._raise('CHNFD', format('job %s does not exist', p_job_id));
    END IF;
    IF old.deleted_at IS NULL THEN
        PERFORM cronhelm._raise('CHCON', format('job "%s" is not deleted', old.name));
    END IF;
    existing := cronhelm._job_named(old.name, p_job_id);
    IF existing.id IS NOT NULL THEN
        PERFORM cronhelm._raise_duplicate_name(existing);
    END IF;
    UPDATE cronhelm.jobs SET deleted_at = NULL, enabled = false,
                             schedule_since = clock_timestamp(), version = version + 1,
                             updated_at = clock_timestamp(), updated_by = session_user
     WHERE id = p_job_id
    RETURNING * INTO j;
    PERFORM cronhelm._audit('restore_job', p_job_id, NULL, NULL, to_jsonb(j));
    PERFORM pg_notify('cronhelm_jobs', p_job_id::text);
    RETURN j.version;
END
$$;

-- Deleted jobs an admin may restore, newest first.
CREATE VIEW cronhelm.deleted_jobs AS
SELECT j.id, j.name, j.deleted_at, j.updated_by AS deleted_by, j.version,
       cronhelm._job_spec(j) AS spec,
       lower(j.name) IN (SELECT lower(l.name) FROM cronhelm.jobs l
                          WHERE l.deleted_at IS NULL) AS name_taken
  FROM cronhelm.jobs j
 WHERE j.deleted_at IS NOT NULL;

-- Reading API -------------------------------------------------------------------------------
-- job_overview gains the definition as one job spec (the JSON the clients read through
-- core/domain) and the new fields.
CREATE OR REPLACE VIEW cronhelm.job_overview AS
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
         WHERE r.job_id = j.id AND r.status = 'running')::integer AS running_count,
       j.run_on, j.keep_days, j.keep_runs, cronhelm._job_spec(j) AS spec
  FROM cronhelm.jobs j
  LEFT JOIN cronhelm.job_state s ON s.job_id = j.id
  LEFT JOIN LATERAL (
        SELECT r.id, r.status, r.started_at, r.finished_at FROM cronhelm.runs r
         WHERE r.job_id = j.id AND r.status NOT IN ('queued', 'skipped')
         ORDER BY r.id DESC LIMIT 1) lr ON true
 WHERE j.deleted_at IS NULL;

-- The node's working set: j.* grew, so the view is made again.
DROP VIEW cronhelm.node_jobs;
CREATE VIEW cronhelm.node_jobs AS
SELECT j.*, s.last_outcome, s.last_failure_notified_at,
       (SELECT max(r.scheduled_for) FROM cronhelm.runs r
         WHERE r.job_id = j.id AND r.trigger IN ('schedule', 'catch_up')) AS last_slot,
       cronhelm._job_spec(j) AS spec
  FROM cronhelm.jobs j
  LEFT JOIN cronhelm.job_state s ON s.job_id = j.id
 WHERE j.deleted_at IS NULL;

-- Grants ------------------------------------------------------------------------------------
REVOKE ALL ON FUNCTION cronhelm._raise(text, text, text, text), cronhelm._invalid(text, text),
    cronhelm._has_forbidden_name_char(text), cronhelm._absent(jsonb),
    cronhelm._whole_in(jsonb, numeric, numeric), cronhelm._validate_http_target(jsonb),
    cronhelm._validate_shell_target(jsonb), cronhelm._validate_notify(jsonb),
    cronhelm._job_named(text, bigint), cronhelm._raise_duplicate_name(cronhelm.jobs),
    cronhelm._raise_stale(cronhelm.jobs, integer), cronhelm._job_spec(cronhelm.jobs),
    cronhelm.restore_job(bigint)
  FROM PUBLIC;
REVOKE ALL ON cronhelm.deleted_jobs, cronhelm.node_jobs FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cronhelm.restore_job(bigint) TO cronhelm_admin;
-- The views call it with the reader's rights (PostgreSQL checks functions in a view as
-- the caller): every reader of job_overview needs it.
GRANT EXECUTE ON FUNCTION cronhelm._job_spec(cronhelm.jobs) TO cronhelm_viewer;
GRANT SELECT ON cronhelm.deleted_jobs TO cronhelm_admin;
GRANT SELECT ON cronhelm.node_jobs TO cronhelm_node;
