DROP INDEX "battlecard_search_idx";--> statement-breakpoint
DROP INDEX "claim_search_idx";--> statement-breakpoint
DROP INDEX "competitor_search_idx";--> statement-breakpoint
DROP INDEX "evidence_search_idx";--> statement-breakpoint
CREATE INDEX "battlecard_search_idx" ON "battlecard" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "claim_search_idx" ON "claim" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "competitor_search_idx" ON "competitor" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "evidence_search_idx" ON "evidence" USING gin ("search") WITH (fastupdate=false);