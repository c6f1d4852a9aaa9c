-- DRG cases are written by the import and then, once, by the pricing (weights and payment, V16):
-- every case row is updated in place. With pages only half filled the update finds room on the
-- same page and, touching no indexed column, is a HOT update (no index entries written): repricing
-- 1,000,000 cases takes some 8 s instead of 75 s on the reference machine, for twice the pages
-- (docs/performance.md, "#6 DRG weights and repricing"). A storage parameter, not a schema change:
-- set after every migration (idempotent), it applies to the pages written from then on.
ALTER TABLE drg_case SET (fillfactor = 50);
