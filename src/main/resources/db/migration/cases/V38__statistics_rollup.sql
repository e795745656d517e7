-- 统计分析 without reading every case per request: the statistics page sums these roll-up tables over the days of
-- its period, within the reader's data scope (each table carries the organisation and division the scope asks for).
-- They are kept exactly by triggers, in the same transaction as whatever changes a case, a 补正 notice, a rating or a
-- rectification task — whichever code (or SQL) makes the change — and cases_statistics_rebuild() recounts them from
-- the tables they summarise (run below for the existing data; run it again after loading cases with the triggers
-- disabled, as bench/cases-generate.sql does). Every count is a sum over the rows it stands for; a row whose count
-- falls to zero is deleted, so that a group exists exactly when a case is in it.

-- Cases received (status other than DRAFT) per day of receipt, department, division and entry (with the name the
-- case recorded): how many, how many of them were asked for 补正 (cases_correction), and how many are now in each
-- status and came by each channel (the statuses and channels the CHECKs of cases_case allow).
CREATE TABLE cases_stat_received (
    received_on          DATE NOT NULL,
    organisation_uscc    VARCHAR(18) NOT NULL,
    division_code        VARCHAR(6) NOT NULL,
    implementation_code  VARCHAR(31) NOT NULL,
    item_name            VARCHAR(200) NOT NULL,
    cases                BIGINT NOT NULL,
    corrected            BIGINT NOT NULL,
    submitted            BIGINT NOT NULL,
    correction_requested BIGINT NOT NULL,
    refused              BIGINT NOT NULL,
    withdrawn            BIGINT NOT NULL,
    under_review         BIGINT NOT NULL,
    completed            BIGINT NOT NULL,
    delivered            BIGINT NOT NULL,
    channel_1            BIGINT NOT NULL,
    channel_2            BIGINT NOT NULL,
    channel_3            BIGINT NOT NULL,
    channel_4            BIGINT NOT NULL,
    channel_9            BIGINT NOT NULL,
    PRIMARY KEY (received_on, organisation_uscc, division_code, implementation_code, item_name)
);

-- Cases decided (准予 or 不予: decision and decided_at set) per day of decision in Asia/Shanghai, day of receipt,
-- department and division: how many, how many had a due date, how many were decided on or before it. The day of
-- receipt is kept so that the working days from receipt to decision are counted on the calendar as it is when the
-- page is read.
CREATE TABLE cases_stat_decided (
    decided_on        DATE NOT NULL,
    received_on       DATE NOT NULL,
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    decided           BIGINT NOT NULL,
    with_due          BIGINT NOT NULL,
    on_time           BIGINT NOT NULL,
    PRIMARY KEY (decided_on, organisation_uscc, division_code, received_on)
);

-- Ratings per day given (Asia/Shanghai), the rated case's department and division, and score.
CREATE TABLE cases_stat_rating (
    rated_on          DATE NOT NULL,
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    score             SMALLINT NOT NULL,
    ratings           BIGINT NOT NULL,
    PRIMARY KEY (rated_on, organisation_uscc, division_code, score)
);

-- Rectification tasks per day their rating was given, the task's own department and division, status and due date
-- ('infinity' for a task without one, which is never overdue).
CREATE TABLE cases_stat_rectification (
    rated_on          DATE NOT NULL,
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    status            VARCHAR(10) NOT NULL,
    due_on            DATE NOT NULL,
    tasks             BIGINT NOT NULL,
    PRIMARY KEY (rated_on, organisation_uscc, division_code, status, due_on)
);

-- The page reads the days of a period within a scope (DataScope: the organisation's rows, or its region's divisions):
-- the primary keys lead with the day, these with each scope column, so that a county's supervisor reads the county's
-- rows only (a BitmapOr of the two; LIKE on a prefix uses the index, the database's collation being C).
CREATE INDEX cases_stat_received_organisation ON cases_stat_received (organisation_uscc, received_on);
CREATE INDEX cases_stat_received_division ON cases_stat_received (division_code, received_on);
CREATE INDEX cases_stat_decided_organisation ON cases_stat_decided (organisation_uscc, decided_on);
CREATE INDEX cases_stat_decided_division ON cases_stat_decided (division_code, decided_on);

-- ------------------------------------------------------------------ counting one row in or out (sign +1 or -1)

CREATE FUNCTION cases_stat_count_received(c cases_case, p_sign INTEGER, p_corrected INTEGER) RETURNS void AS
$$
DECLARE
    left_over BIGINT;
BEGIN
    IF c.status = 'DRAFT' OR c.received_on IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO cases_stat_received AS r (received_on, organisation_uscc, division_code, implementation_code,
            item_name, cases, corrected, submitted, correction_requested, refused, withdrawn, under_review, completed,
            delivered, channel_1, channel_2, channel_3, channel_4, channel_9)
    VALUES (c.received_on, c.organisation_uscc, c.division_code, c.implementation_code, c.item_name, p_sign,
            p_sign * p_corrected,
            CASE WHEN c.status = 'SUBMITTED' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'CORRECTION_REQUESTED' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'REFUSED' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'WITHDRAWN' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'UNDER_REVIEW' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'COMPLETED' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'DELIVERED' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '1' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '2' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '3' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '4' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '9' THEN p_sign ELSE 0 END)
    ON CONFLICT (received_on, organisation_uscc, division_code, implementation_code, item_name) DO UPDATE SET
        cases = r.cases + EXCLUDED.cases,
        corrected = r.corrected + EXCLUDED.corrected,
        submitted = r.submitted + EXCLUDED.submitted,
        correction_requested = r.correction_requested + EXCLUDED.correction_requested,
        refused = r.refused + EXCLUDED.refused,
        withdrawn = r.withdrawn + EXCLUDED.withdrawn,
        under_review = r.under_review + EXCLUDED.under_review,
        completed = r.completed + EXCLUDED.completed,
        delivered = r.delivered + EXCLUDED.delivered,
        channel_1 = r.channel_1 + EXCLUDED.channel_1,
        channel_2 = r.channel_2 + EXCLUDED.channel_2,
        channel_3 = r.channel_3 + EXCLUDED.channel_3,
        channel_4 = r.channel_4 + EXCLUDED.channel_4,
        channel_9 = r.channel_9 + EXCLUDED.channel_9
    RETURNING r.cases INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_received r
        WHERE r.received_on = c.received_on AND r.organisation_uscc = c.organisation_uscc
          AND r.division_code = c.division_code AND r.implementation_code = c.implementation_code
          AND r.item_name = c.item_name AND r.cases = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

-- A case whose received_on is unknown is not counted as decided either (the page could not place its receipt).
CREATE FUNCTION cases_stat_count_decided(c cases_case, p_sign INTEGER) RETURNS void AS
$$
DECLARE
    decided_day DATE;
    left_over   BIGINT;
BEGIN
    IF c.decision IS NULL OR c.decided_at IS NULL OR c.received_on IS NULL THEN
        RETURN;
    END IF;
    decided_day := CAST(c.decided_at AT TIME ZONE 'Asia/Shanghai' AS DATE);
    INSERT INTO cases_stat_decided AS d (decided_on, received_on, organisation_uscc, division_code, decided, with_due,
            on_time)
    VALUES (decided_day, c.received_on, c.organisation_uscc, c.division_code, p_sign,
            CASE WHEN c.due_on IS NULL THEN 0 ELSE p_sign END,
            CASE WHEN c.due_on IS NOT NULL AND decided_day <= c.due_on THEN p_sign ELSE 0 END)
    ON CONFLICT (decided_on, organisation_uscc, division_code, received_on) DO UPDATE SET
        decided = d.decided + EXCLUDED.decided,
        with_due = d.with_due + EXCLUDED.with_due,
        on_time = d.on_time + EXCLUDED.on_time
    RETURNING d.decided INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_decided d
        WHERE d.decided_on = decided_day AND d.organisation_uscc = c.organisation_uscc
          AND d.division_code = c.division_code AND d.received_on = c.received_on AND d.decided = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION cases_stat_count_rating(
        p_organisation VARCHAR, p_division VARCHAR, p_rated_at TIMESTAMP WITH TIME ZONE, p_score SMALLINT,
        p_sign INTEGER)
        RETURNS void AS
$$
DECLARE
    rated_day DATE;
    left_over BIGINT;
BEGIN
    IF p_organisation IS NULL THEN
        RETURN;
    END IF;
    rated_day := CAST(p_rated_at AT TIME ZONE 'Asia/Shanghai' AS DATE);
    INSERT INTO cases_stat_rating AS s (rated_on, organisation_uscc, division_code, score, ratings)
    VALUES (rated_day, p_organisation, p_division, p_score, p_sign)
    ON CONFLICT (rated_on, organisation_uscc, division_code, score) DO UPDATE SET ratings = s.ratings + EXCLUDED.ratings
    RETURNING s.ratings INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_rating s
        WHERE s.rated_on = rated_day AND s.organisation_uscc = p_organisation AND s.division_code = p_division
          AND s.score = p_score AND s.ratings = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION cases_stat_count_rectification(t cases_rectification, p_rated_at TIMESTAMP WITH TIME ZONE, p_sign INTEGER)
        RETURNS void AS
$$
DECLARE
    rated_day DATE;
    due       DATE;
    left_over BIGINT;
BEGIN
    IF p_rated_at IS NULL THEN
        RETURN;
    END IF;
    rated_day := CAST(p_rated_at AT TIME ZONE 'Asia/Shanghai' AS DATE);
    due := coalesce(t.due_on, DATE 'infinity');
    INSERT INTO cases_stat_rectification AS s (rated_on, organisation_uscc, division_code, status, due_on, tasks)
    VALUES (rated_day, t.organisation_uscc, t.division_code, t.status, due, p_sign)
    ON CONFLICT (rated_on, organisation_uscc, division_code, status, due_on) DO UPDATE SET tasks = s.tasks + EXCLUDED.tasks
    RETURNING s.tasks INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_rectification s
        WHERE s.rated_on = rated_day AND s.organisation_uscc = t.organisation_uscc
          AND s.division_code = t.division_code AND s.status = t.status AND s.due_on = due AND s.tasks = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

-- ------------------------------------------------------------------ the triggers

-- A case inserted or changed: its old figures out, its new ones in. A figure depending on the row's columns alone
-- moves only when one of those columns changed (the trigger's WHEN leaves out saving a draft's form and the like).
CREATE FUNCTION cases_stat_case_changed() RETURNS trigger AS
$$
DECLARE
    v_corrected INTEGER := 0;
    r         RECORD;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM cases_stat_count_received(NEW, 1, 0);
        PERFORM cases_stat_count_decided(NEW, 1);
        RETURN NULL;
    END IF;
    IF (OLD.status, OLD.received_on, OLD.organisation_uscc, OLD.division_code, OLD.implementation_code,
            OLD.item_name, OLD.channel)
            IS DISTINCT FROM (NEW.status, NEW.received_on, NEW.organisation_uscc, NEW.division_code,
            NEW.implementation_code, NEW.item_name, NEW.channel) THEN
        IF EXISTS (SELECT 1 FROM cases_correction k WHERE k.case_id = NEW.id) THEN
            v_corrected := 1;
        END IF;
        PERFORM cases_stat_count_received(OLD, -1, v_corrected);
        PERFORM cases_stat_count_received(NEW, 1, v_corrected);
    END IF;
    IF (OLD.decision IS NULL, OLD.decided_at, OLD.received_on, OLD.due_on, OLD.organisation_uscc, OLD.division_code)
            IS DISTINCT FROM (NEW.decision IS NULL, NEW.decided_at, NEW.received_on, NEW.due_on,
            NEW.organisation_uscc, NEW.division_code) THEN
        PERFORM cases_stat_count_decided(OLD, -1);
        PERFORM cases_stat_count_decided(NEW, 1);
    END IF;
    IF (OLD.organisation_uscc, OLD.division_code) IS DISTINCT FROM (NEW.organisation_uscc, NEW.division_code) THEN
        FOR r IN SELECT g.rated_at, g.score FROM cases_rating g WHERE g.case_id = NEW.id LOOP
            PERFORM cases_stat_count_rating(OLD.organisation_uscc, OLD.division_code, r.rated_at, r.score, -1);
            PERFORM cases_stat_count_rating(NEW.organisation_uscc, NEW.division_code, r.rated_at, r.score, 1);
        END LOOP;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_stat_case_inserted
    AFTER INSERT ON cases_case
    FOR EACH ROW WHEN (NEW.status <> 'DRAFT' OR NEW.decision IS NOT NULL)
    EXECUTE FUNCTION cases_stat_case_changed();

CREATE TRIGGER cases_stat_case_updated
    AFTER UPDATE ON cases_case
    FOR EACH ROW WHEN ((OLD.status, OLD.received_on, OLD.organisation_uscc, OLD.division_code,
            OLD.implementation_code, OLD.item_name, OLD.channel, OLD.decision, OLD.decided_at, OLD.due_on)
        IS DISTINCT FROM (NEW.status, NEW.received_on, NEW.organisation_uscc, NEW.division_code,
            NEW.implementation_code, NEW.item_name, NEW.channel, NEW.decision, NEW.decided_at, NEW.due_on))
    EXECUTE FUNCTION cases_stat_case_changed();

-- A case deleted: counted out before the row (and, by cascade, its corrections and rating) goes, while what its
-- figures depend on is still there; the cascaded deletes then find no case and count nothing.
CREATE FUNCTION cases_stat_case_deleted() RETURNS trigger AS
$$
DECLARE
    v_corrected INTEGER := 0;
    r         RECORD;
BEGIN
    IF EXISTS (SELECT 1 FROM cases_correction k WHERE k.case_id = OLD.id) THEN
        v_corrected := 1;
    END IF;
    PERFORM cases_stat_count_received(OLD, -1, v_corrected);
    PERFORM cases_stat_count_decided(OLD, -1);
    FOR r IN SELECT g.rated_at, g.score FROM cases_rating g WHERE g.case_id = OLD.id LOOP
        PERFORM cases_stat_count_rating(OLD.organisation_uscc, OLD.division_code, r.rated_at, r.score, -1);
    END LOOP;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_stat_case_deleted
    BEFORE DELETE ON cases_case
    FOR EACH ROW EXECUTE FUNCTION cases_stat_case_deleted();

-- A 补正 notice: the case counts as corrected from its first notice until its last one is gone. The case row is
-- locked first, so that two notices written at once are counted one after the other.
CREATE FUNCTION cases_stat_correction_changed() RETURNS trigger AS
$$
DECLARE
    c cases_case;
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        SELECT * INTO c FROM cases_case WHERE id = OLD.case_id FOR UPDATE;
        IF FOUND AND NOT EXISTS (SELECT 1 FROM cases_correction k WHERE k.case_id = OLD.case_id) THEN
            -- its last notice gone: out as corrected, in as not
            PERFORM cases_stat_count_received(c, -1, 1);
            PERFORM cases_stat_count_received(c, 1, 0);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT * INTO c FROM cases_case WHERE id = NEW.case_id FOR UPDATE;
        IF FOUND AND NOT EXISTS (SELECT 1 FROM cases_correction k WHERE k.case_id = NEW.case_id AND k.id <> NEW.id)
                AND (TG_OP = 'INSERT' OR OLD.case_id <> NEW.case_id) THEN
            -- its first notice: out as not corrected, in as corrected
            PERFORM cases_stat_count_received(c, -1, 0);
            PERFORM cases_stat_count_received(c, 1, 1);
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_stat_correction_changed
    AFTER INSERT OR DELETE OR UPDATE OF case_id ON cases_correction
    FOR EACH ROW EXECUTE FUNCTION cases_stat_correction_changed();

-- A rating: counted with its case's department and division; its rectification tasks count on its day.
CREATE FUNCTION cases_stat_rating_changed() RETURNS trigger AS
$$
DECLARE
    v_organisation VARCHAR;
    v_division     VARCHAR;
    t            cases_rectification;
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        v_organisation := NULL;
        SELECT c.organisation_uscc, c.division_code INTO v_organisation, v_division FROM cases_case c
        WHERE c.id = OLD.case_id;
        PERFORM cases_stat_count_rating(v_organisation, v_division, OLD.rated_at, OLD.score, -1);
        FOR t IN SELECT * FROM cases_rectification k WHERE k.rating_id = OLD.id LOOP
            PERFORM cases_stat_count_rectification(t, OLD.rated_at, -1);
        END LOOP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        v_organisation := NULL;
        SELECT c.organisation_uscc, c.division_code INTO v_organisation, v_division FROM cases_case c
        WHERE c.id = NEW.case_id;
        PERFORM cases_stat_count_rating(v_organisation, v_division, NEW.rated_at, NEW.score, 1);
        FOR t IN SELECT * FROM cases_rectification k WHERE k.rating_id = NEW.id LOOP
            PERFORM cases_stat_count_rectification(t, NEW.rated_at, 1);
        END LOOP;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- Before the change, so that a deleted rating's tasks are counted out while they are still there.
CREATE TRIGGER cases_stat_rating_deleted
    BEFORE DELETE ON cases_rating
    FOR EACH ROW EXECUTE FUNCTION cases_stat_rating_changed();

CREATE TRIGGER cases_stat_rating_changed
    AFTER INSERT OR UPDATE OF case_id, score, rated_at ON cases_rating
    FOR EACH ROW EXECUTE FUNCTION cases_stat_rating_changed();

-- A rectification task: counted on its rating's day (a task whose rating is gone has been counted out with it).
CREATE FUNCTION cases_stat_rectification_changed() RETURNS trigger AS
$$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM cases_stat_count_rectification(OLD, (SELECT r.rated_at FROM cases_rating r WHERE r.id = OLD.rating_id),
            -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM cases_stat_count_rectification(NEW, (SELECT r.rated_at FROM cases_rating r WHERE r.id = NEW.rating_id),
            1);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_stat_rectification_deleted
    BEFORE DELETE ON cases_rectification
    FOR EACH ROW EXECUTE FUNCTION cases_stat_rectification_changed();

CREATE TRIGGER cases_stat_rectification_changed
    AFTER INSERT OR UPDATE OF rating_id, organisation_uscc, division_code, status, due_on ON cases_rectification
    FOR EACH ROW EXECUTE FUNCTION cases_stat_rectification_changed();

-- ------------------------------------------------------------------ recounting everything

-- Recounts the four tables from the tables they summarise, under SHARE locks of those (so that no change runs
-- beside the recount; the page's readers are not held up), written in the order of their keys — by day, as the
-- triggers add them day after day — so that the rows of a period and an organisation lie on few pages. For the
-- maintenance of a database loaded by other means than the application, or to check the roll-up:
-- SELECT cases_statistics_rebuild();
CREATE FUNCTION cases_statistics_rebuild() RETURNS void AS
$$
BEGIN
    LOCK TABLE cases_case, cases_correction, cases_rating, cases_rectification IN SHARE MODE;
    DELETE FROM cases_stat_received;
    DELETE FROM cases_stat_decided;
    DELETE FROM cases_stat_rating;
    DELETE FROM cases_stat_rectification;
    INSERT INTO cases_stat_received (received_on, organisation_uscc, division_code, implementation_code, item_name,
            cases, corrected, submitted, correction_requested, refused, withdrawn, under_review, completed, delivered,
            channel_1, channel_2, channel_3, channel_4, channel_9)
    SELECT c.received_on, c.organisation_uscc, c.division_code, c.implementation_code, c.item_name, count(*),
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cases_correction k WHERE k.case_id = c.id)),
           count(*) FILTER (WHERE c.status = 'SUBMITTED'),
           count(*) FILTER (WHERE c.status = 'CORRECTION_REQUESTED'),
           count(*) FILTER (WHERE c.status = 'REFUSED'),
           count(*) FILTER (WHERE c.status = 'WITHDRAWN'),
           count(*) FILTER (WHERE c.status = 'UNDER_REVIEW'),
           count(*) FILTER (WHERE c.status = 'COMPLETED'),
           count(*) FILTER (WHERE c.status = 'DELIVERED'),
           count(*) FILTER (WHERE c.channel = '1'),
           count(*) FILTER (WHERE c.channel = '2'),
           count(*) FILTER (WHERE c.channel = '3'),
           count(*) FILTER (WHERE c.channel = '4'),
           count(*) FILTER (WHERE c.channel = '9')
    FROM cases_case c
    WHERE c.status <> 'DRAFT' AND c.received_on IS NOT NULL
    GROUP BY c.received_on, c.organisation_uscc, c.division_code, c.implementation_code, c.item_name
    ORDER BY c.received_on, c.organisation_uscc, c.division_code, c.implementation_code, c.item_name;
    INSERT INTO cases_stat_decided (decided_on, received_on, organisation_uscc, division_code, decided, with_due,
            on_time)
    SELECT x.decided_on, x.received_on, x.organisation_uscc, x.division_code, count(*),
           count(*) FILTER (WHERE x.due_on IS NOT NULL),
           count(*) FILTER (WHERE x.due_on IS NOT NULL AND x.decided_on <= x.due_on)
    FROM (SELECT CAST(c.decided_at AT TIME ZONE 'Asia/Shanghai' AS DATE) AS decided_on, c.received_on,
                 c.organisation_uscc, c.division_code, c.due_on
          FROM cases_case c
          WHERE c.decision IS NOT NULL AND c.decided_at IS NOT NULL AND c.received_on IS NOT NULL) x
    GROUP BY x.decided_on, x.organisation_uscc, x.division_code, x.received_on
    ORDER BY x.decided_on, x.organisation_uscc, x.division_code, x.received_on;
    INSERT INTO cases_stat_rating (rated_on, organisation_uscc, division_code, score, ratings)
    SELECT CAST(r.rated_at AT TIME ZONE 'Asia/Shanghai' AS DATE), c.organisation_uscc, c.division_code, r.score,
           count(*)
    FROM cases_rating r JOIN cases_case c ON c.id = r.case_id
    GROUP BY 1, 2, 3, 4;
    INSERT INTO cases_stat_rectification (rated_on, organisation_uscc, division_code, status, due_on, tasks)
    SELECT CAST(r.rated_at AT TIME ZONE 'Asia/Shanghai' AS DATE), t.organisation_uscc, t.division_code, t.status,
           coalesce(t.due_on, DATE 'infinity'), count(*)
    FROM cases_rectification t JOIN cases_rating r ON r.id = t.rating_id
    GROUP BY 1, 2, 3, 4, 5;
END;
$$ LANGUAGE plpgsql;

SELECT cases_statistics_rebuild();
