-- Event publications are now removed as soon as their listener has finished (spring.modulith.events.completion-mode:
-- delete). Until now a completed one stayed for ever, marked with its completion date: remove those. Publications
-- that have not completed stay, to be delivered again.
DELETE FROM event_publication WHERE completion_date IS NOT NULL OR status = 'COMPLETED';
