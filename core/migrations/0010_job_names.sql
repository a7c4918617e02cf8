-- Schema 10: a job is found by its name the way its name is unique.
--
-- Names are unique regardless of case and Unicode form (schema 4), yet job_id() — used by
-- `cronhelmctl job show/edit/run/…` and psql users — matched the exact bytes only, so
-- `cronhelmctl job run "sales report"` failed for the job "Sales report" although no other
-- job could have that name. The exact name still wins (a name typed as shown never
-- surprises); otherwise the one live job equal to it in that sense is found.
CREATE OR REPLACE FUNCTION cronhelm.job_id(p_name text) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v bigint;
BEGIN
    SELECT id INTO v FROM cronhelm.jobs WHERE name = p_name AND deleted_at IS NULL;
    IF NOT FOUND THEN
        SELECT id INTO v FROM cronhelm._job_named(p_name);
    END IF;
    IF v IS NULL THEN
        PERFORM cronhelm._raise('CHNFD', format('no job named "%s"', p_name));
    END IF;
    RETURN v;
END
$$;
