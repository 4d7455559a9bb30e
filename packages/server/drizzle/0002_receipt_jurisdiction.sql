ALTER TABLE `receipts` ADD `country` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `subdivision` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `region_rule` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `region_model` text;