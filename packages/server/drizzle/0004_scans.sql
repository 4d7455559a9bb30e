CREATE TABLE `scans` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`url` text NOT NULL,
	`page_limit` integer NOT NULL,
	`status` text NOT NULL,
	`progress` text NOT NULL,
	`report` text,
	`error` text,
	`started_by` text,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scans_site_started` ON `scans` (`site_id`,`started_at`);