-- The 待办 list of a department's staff: its open cases in the order the list shows them (due date, then id), so
-- that the first page is read from the index and stops after it is full, instead of sorting every open case of the
-- department (measured with bench/cases.sh on 1 M cases; docs/BENCHMARKS.md).
CREATE INDEX cases_case_todo ON cases_case (organisation_uscc, due_on, id)
    WHERE status IN ('SUBMITTED', 'COMPLETED', 'UNDER_REVIEW');
