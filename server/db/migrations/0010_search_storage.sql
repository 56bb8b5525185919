-- Evidence's full-text vector stays in the row (MAIN), and the long text it was made from
-- moves out of line instead: search tests and ranks the vector of many documents and shows
-- the text of a page's few. Applies to rows written from now on; `VACUUM FULL evidence`
-- rewrites older ones (not run here: it cannot run inside the migration's transaction).
ALTER TABLE "evidence" ALTER COLUMN "search" SET STORAGE MAIN;
