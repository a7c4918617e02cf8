-- Schema 13: a name of nothing but spaces is no name, whichever spaces they are.
--
-- _validate_job refused a name that btrim() left empty, and btrim() strips only the ASCII
-- space. A name of one no-break space (U+00A0) or ideographic space (U+3000) was stored,
-- while the clients and the node (core/domain/jobspec.cpp), which skip every Unicode space,
-- read it as having no name and the node refused to run the job. Both sides now call a name
-- blank when it has only white space in Unicode's sense (the space separators, the line and
-- paragraph separators, tab to carriage return and U+0085): the same list as
-- core/domain/jobspec.cpp, isBlankName(). Lengths are already counted alike: length() counts
-- characters (code points), and so do the clients now.

CREATE FUNCTION cronhelm._is_blank_name(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p ~ '^[\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$';
$$;
REVOKE ALL ON FUNCTION cronhelm._is_blank_name(text) FROM PUBLIC;

-- As in schema 4, but for the blank-name rule.
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
    IF j.name IS NULL OR cronhelm._is_blank_name(j.name) THEN
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
