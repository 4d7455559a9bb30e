CREATE TABLE `drafts` (
	`site_id` text PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`site_id` text NOT NULL,
	`number` integer NOT NULL,
	`hash` text NOT NULL,
	`config` text NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text,
	`note` text,
	PRIMARY KEY(`site_id`, `number`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`email`) REFERENCES `users`(`email`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`origins` text NOT NULL,
	`languages` text NOT NULL,
	`live_revision` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`email` text PRIMARY KEY NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `batches` (
	`seq` integer PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`first_seq` integer NOT NULL,
	`last_seq` integer NOT NULL,
	`root` text NOT NULL,
	`previous_root` text NOT NULL,
	`sealed_at` text NOT NULL,
	`signature` text NOT NULL,
	`key_id` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `receipts` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`site_id` text NOT NULL,
	`revision` integer NOT NULL,
	`revision_hash` text NOT NULL,
	`action` text NOT NULL,
	`issued_at` text NOT NULL,
	`consent_id` text,
	`purposes` text,
	`vendors` text,
	`consent_mode` text,
	`gpc` integer,
	`language` text,
	`page_url` text,
	`client_time` text,
	`user_agent` text,
	`ip_truncated` text,
	`hash` text NOT NULL,
	`batch` integer,
	`erased_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_id_unique` ON `receipts` (`id`);--> statement-breakpoint
CREATE INDEX `receipts_site_seq_idx` ON `receipts` (`site_id`,`seq`);--> statement-breakpoint
CREATE INDEX `receipts_site_consent_idx` ON `receipts` (`site_id`,`consent_id`);--> statement-breakpoint
CREATE INDEX `receipts_site_issued_idx` ON `receipts` (`site_id`,`issued_at`);