-- The 待办 query of WorkbenchQueries.list for a clerk holding cases.accept, cases.review and cases.approve of one
-- organisation (reach ORGANISATION: DataScope gives "c.organisation_uscc = :scopeOrganisation"), filtered by due date,
-- first page; the values as psql variables :org and :due. One reach for the three permissions, so the scope is
-- factored out of the steps (WorkbenchQueries.todo).
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id, c.case_number, c.status, c.stage, c.item_name, c.implementation_code, c.channel,
       c.received_on, c.due_on,
       (SELECT w.level FROM cases_warning w WHERE w.case_id = c.id AND w.resolved_at IS NULL
        ORDER BY CASE w.level WHEN 'RED' THEN 0 ELSE 1 END LIMIT 1) AS warning
FROM cases_case c
WHERE c.status <> 'DRAFT'
  AND ((c.organisation_uscc = :'org')) AND c.status IN ('SUBMITTED', 'COMPLETED', 'UNDER_REVIEW') AND ((c.status IN ('SUBMITTED', 'COMPLETED') AND c.stage IN ('accept', 'deliver')) OR (c.status = 'UNDER_REVIEW' AND c.stage IN ('undertake', 'audit', 'approve')))
  AND c.due_on <= :'due'
ORDER BY c.due_on NULLS LAST, c.id LIMIT 51 OFFSET 0;
