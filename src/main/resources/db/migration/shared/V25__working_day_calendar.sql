-- The working-day calendar (shared.calendar): statutory time limits are counted in working days (行政许可法 §82,
-- 民法典 §201), and which days are working days is decided each year by the State Council's notice on public
-- holidays, not by the week alone.
--
-- The default week: Monday to Friday working, Saturday and Sunday not. shared_calendar_day holds the days a schedule
-- sets: the public holidays (every day of each holiday period, weekends included, so that each carries its reason)
-- and the adjusted working days (调休上班), which only ever fall on a weekend.
CREATE TABLE shared_calendar_day
(
    day         DATE                     NOT NULL PRIMARY KEY,
    working_day BOOLEAN                  NOT NULL,
    reason      VARCHAR(50)              NOT NULL CHECK (btrim(reason) <> ''),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    changed_by  VARCHAR(100)             NOT NULL,
    CONSTRAINT shared_calendar_day_year_check CHECK (day BETWEEN DATE '2000-01-01' AND DATE '2099-12-31'),
    -- A weekday is a working day by default: a working day in the table is a weekend made one.
    CONSTRAINT shared_calendar_day_working_weekend_check
        CHECK (NOT working_day OR EXTRACT(ISODOW FROM day) IN (6, 7))
);

-- The years whose schedule has been entered completely. A year missing here is never guessed: a working day counted
-- in it is refused (NoScheduleException), so that a due date is never silently wrong. Administrators enter a new
-- year's days first and then record the year here, naming the notice they entered.
CREATE TABLE shared_calendar_year
(
    year       SMALLINT                 NOT NULL PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
    source     VARCHAR(200)             NOT NULL CHECK (btrim(source) <> ''),
    entered_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    entered_by VARCHAR(100)             NOT NULL
);

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12), as published by Xinhua,
-- https://m.gmw.cn/2024-11/12/content_1303894933.htm: 元旦 1 Jan; 春节 28 Jan – 4 Feb, working 26 Jan (Sun) and
-- 8 Feb (Sat); 清明节 4–6 Apr; 劳动节 1–5 May, working 27 Apr (Sun); 端午节 31 May – 2 Jun; 国庆节、中秋节 1–8 Oct,
-- working 28 Sep (Sun) and 11 Oct (Sat).
INSERT INTO shared_calendar_day (day, working_day, reason, changed_by)
VALUES (DATE '2025-01-01', FALSE, '元旦', 'system'), -- 周三
       (DATE '2025-01-26', TRUE,  '调休上班（春节）', 'system'), -- 周日
       (DATE '2025-01-28', FALSE, '春节', 'system'), -- 周二
       (DATE '2025-01-29', FALSE, '春节', 'system'), -- 周三
       (DATE '2025-01-30', FALSE, '春节', 'system'), -- 周四
       (DATE '2025-01-31', FALSE, '春节', 'system'), -- 周五
       (DATE '2025-02-01', FALSE, '春节', 'system'), -- 周六
       (DATE '2025-02-02', FALSE, '春节', 'system'), -- 周日
       (DATE '2025-02-03', FALSE, '春节', 'system'), -- 周一
       (DATE '2025-02-04', FALSE, '春节', 'system'), -- 周二
       (DATE '2025-02-08', TRUE,  '调休上班（春节）', 'system'), -- 周六
       (DATE '2025-04-04', FALSE, '清明节', 'system'), -- 周五
       (DATE '2025-04-05', FALSE, '清明节', 'system'), -- 周六
       (DATE '2025-04-06', FALSE, '清明节', 'system'), -- 周日
       (DATE '2025-04-27', TRUE,  '调休上班（劳动节）', 'system'), -- 周日
       (DATE '2025-05-01', FALSE, '劳动节', 'system'), -- 周四
       (DATE '2025-05-02', FALSE, '劳动节', 'system'), -- 周五
       (DATE '2025-05-03', FALSE, '劳动节', 'system'), -- 周六
       (DATE '2025-05-04', FALSE, '劳动节', 'system'), -- 周日
       (DATE '2025-05-05', FALSE, '劳动节', 'system'), -- 周一
       (DATE '2025-05-31', FALSE, '端午节', 'system'), -- 周六
       (DATE '2025-06-01', FALSE, '端午节', 'system'), -- 周日
       (DATE '2025-06-02', FALSE, '端午节', 'system'), -- 周一
       (DATE '2025-09-28', TRUE,  '调休上班（国庆节、中秋节）', 'system'), -- 周日
       (DATE '2025-10-01', FALSE, '国庆节、中秋节', 'system'), -- 周三
       (DATE '2025-10-02', FALSE, '国庆节、中秋节', 'system'), -- 周四
       (DATE '2025-10-03', FALSE, '国庆节、中秋节', 'system'), -- 周五
       (DATE '2025-10-04', FALSE, '国庆节、中秋节', 'system'), -- 周六
       (DATE '2025-10-05', FALSE, '国庆节、中秋节', 'system'), -- 周日
       (DATE '2025-10-06', FALSE, '国庆节、中秋节', 'system'), -- 周一
       (DATE '2025-10-07', FALSE, '国庆节、中秋节', 'system'), -- 周二
       (DATE '2025-10-08', FALSE, '国庆节、中秋节', 'system'), -- 周三
       (DATE '2025-10-11', TRUE,  '调休上班（国庆节、中秋节）', 'system'); -- 周六

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as published by Xinhua,
-- https://politics.gmw.cn/2025-11/04/content_38391083.htm: 元旦 1–3 Jan, working 4 Jan (Sun); 春节 15–23 Feb,
-- working 14 Feb (Sat) and 28 Feb (Sat); 清明节 4–6 Apr; 劳动节 1–5 May, working 9 May (Sat); 端午节 19–21 Jun;
-- 中秋节 25–27 Sep; 国庆节 1–7 Oct, working 20 Sep (Sun) and 10 Oct (Sat).
INSERT INTO shared_calendar_day (day, working_day, reason, changed_by)
VALUES (DATE '2026-01-01', FALSE, '元旦', 'system'), -- 周四
       (DATE '2026-01-02', FALSE, '元旦', 'system'), -- 周五
       (DATE '2026-01-03', FALSE, '元旦', 'system'), -- 周六
       (DATE '2026-01-04', TRUE,  '调休上班（元旦）', 'system'), -- 周日
       (DATE '2026-02-14', TRUE,  '调休上班（春节）', 'system'), -- 周六
       (DATE '2026-02-15', FALSE, '春节', 'system'), -- 周日
       (DATE '2026-02-16', FALSE, '春节', 'system'), -- 周一
       (DATE '2026-02-17', FALSE, '春节', 'system'), -- 周二
       (DATE '2026-02-18', FALSE, '春节', 'system'), -- 周三
       (DATE '2026-02-19', FALSE, '春节', 'system'), -- 周四
       (DATE '2026-02-20', FALSE, '春节', 'system'), -- 周五
       (DATE '2026-02-21', FALSE, '春节', 'system'), -- 周六
       (DATE '2026-02-22', FALSE, '春节', 'system'), -- 周日
       (DATE '2026-02-23', FALSE, '春节', 'system'), -- 周一
       (DATE '2026-02-28', TRUE,  '调休上班（春节）', 'system'), -- 周六
       (DATE '2026-04-04', FALSE, '清明节', 'system'), -- 周六
       (DATE '2026-04-05', FALSE, '清明节', 'system'), -- 周日
       (DATE '2026-04-06', FALSE, '清明节', 'system'), -- 周一
       (DATE '2026-05-01', FALSE, '劳动节', 'system'), -- 周五
       (DATE '2026-05-02', FALSE, '劳动节', 'system'), -- 周六
       (DATE '2026-05-03', FALSE, '劳动节', 'system'), -- 周日
       (DATE '2026-05-04', FALSE, '劳动节', 'system'), -- 周一
       (DATE '2026-05-05', FALSE, '劳动节', 'system'), -- 周二
       (DATE '2026-05-09', TRUE,  '调休上班（劳动节）', 'system'), -- 周六
       (DATE '2026-06-19', FALSE, '端午节', 'system'), -- 周五
       (DATE '2026-06-20', FALSE, '端午节', 'system'), -- 周六
       (DATE '2026-06-21', FALSE, '端午节', 'system'), -- 周日
       (DATE '2026-09-20', TRUE,  '调休上班（国庆节）', 'system'), -- 周日
       (DATE '2026-09-25', FALSE, '中秋节', 'system'), -- 周五
       (DATE '2026-09-26', FALSE, '中秋节', 'system'), -- 周六
       (DATE '2026-09-27', FALSE, '中秋节', 'system'), -- 周日
       (DATE '2026-10-01', FALSE, '国庆节', 'system'), -- 周四
       (DATE '2026-10-02', FALSE, '国庆节', 'system'), -- 周五
       (DATE '2026-10-03', FALSE, '国庆节', 'system'), -- 周六
       (DATE '2026-10-04', FALSE, '国庆节', 'system'), -- 周日
       (DATE '2026-10-05', FALSE, '国庆节', 'system'), -- 周一
       (DATE '2026-10-06', FALSE, '国庆节', 'system'), -- 周二
       (DATE '2026-10-07', FALSE, '国庆节', 'system'), -- 周三
       (DATE '2026-10-10', TRUE,  '调休上班（国庆节）', 'system'); -- 周六

INSERT INTO shared_calendar_year (year, source, entered_by)
VALUES (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', 'system'),
       (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', 'system');
