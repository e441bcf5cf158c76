ALTER TABLE `customers` ADD `merged_into_id` integer REFERENCES customers(id);--> statement-breakpoint
ALTER TABLE `identities` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `identities` ADD `email` text;--> statement-breakpoint
ALTER TABLE `identities` ADD `username` text;--> statement-breakpoint
CREATE INDEX `identities_phone_idx` ON `identities` (`phone`);--> statement-breakpoint
CREATE INDEX `identities_email_idx` ON `identities` (`email`);--> statement-breakpoint
ALTER TABLE `messages` ADD `identity_id` integer REFERENCES identities(id);--> statement-breakpoint
CREATE INDEX `messages_identity_idx` ON `messages` (`identity_id`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `previous_ticket_id` integer REFERENCES tickets(id);--> statement-breakpoint
ALTER TABLE `tickets` ADD `merged_into_ticket_id` integer REFERENCES tickets(id);