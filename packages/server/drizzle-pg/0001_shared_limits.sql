CREATE TABLE "limit_states" (
	"key" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
-- UNLOGGED (added by hand): counts of the current minute, rewritten all the time, need no disk flush.
CREATE UNLOGGED TABLE "quota_counts" (
	"bucket" text NOT NULL,
	"window_start" bigint NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "quota_counts_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
CREATE INDEX "limit_states_expires" ON "limit_states" USING btree ("expires_at");