-- Discarding the only draft of an entry used to leave the entry without any version, which its page could not show
-- and which blocked creating it again. Such entries were never submitted, reviewed or published: remove them.
DELETE FROM catalog_item i
WHERE NOT EXISTS (SELECT 1 FROM catalog_item_version v WHERE v.item_id = i.id)
  AND NOT EXISTS (SELECT 1 FROM catalog_search_entry s WHERE s.item_id = i.id);
