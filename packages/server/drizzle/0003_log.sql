CREATE TABLE `checkpoints` (
	`size` integer PRIMARY KEY NOT NULL,
	`root` text NOT NULL,
	`note` text NOT NULL,
	`signed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `erasures` (
	`seq` integer PRIMARY KEY NOT NULL,
	`receipt_id` text NOT NULL,
	`erased_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `log_entries` (
	`idx` integer PRIMARY KEY NOT NULL,
	`entry` text NOT NULL,
	`receipt_seq` integer,
	`erasure_seq` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `log_entries_receipt_unique` ON `log_entries` (`receipt_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `log_entries_erasure_unique` ON `log_entries` (`erasure_seq`);--> statement-breakpoint
CREATE TABLE `log_tiles` (
	`level` integer NOT NULL,
	`idx` integer NOT NULL,
	`hashes` blob NOT NULL,
	PRIMARY KEY(`level`, `idx`)
);
--> statement-breakpoint
ALTER TABLE `receipts` ADD `leaf_version` integer;--> statement-breakpoint
ALTER TABLE `receipts` ADD `payload_digest` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `private_digest` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `salt` text;--> statement-breakpoint
-- Erasures made before the log existed enter it too (after every receipt, in the order they happened).
INSERT INTO `erasures` (`receipt_id`, `erased_at`) SELECT `id`, `erased_at` FROM `receipts` WHERE `erased_at` IS NOT NULL ORDER BY `erased_at`, `seq`;
