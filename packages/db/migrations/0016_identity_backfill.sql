-- Custom migration (docs/customers.md): rows older than per-message identities get them, so an undo of a
-- merge can send old messages back too. A message is given its customer's identity on its channel, the one
-- written from last (the same rule the outbox addresses sends by); several identities on one channel are
-- only WhatsApp's number-and-BSUID aliases of one person.
UPDATE `messages` SET `identity_id` = (
  SELECT `i`.`id` FROM `identities` `i` JOIN `tickets` `t` ON `t`.`customer_id` = `i`.`customer_id`
  WHERE `t`.`id` = `messages`.`ticket_id` AND `i`.`channel` = `messages`.`channel`
  ORDER BY `i`.`last_inbound_at` IS NULL, `i`.`last_inbound_at` DESC, `i`.`id` DESC LIMIT 1
) WHERE `identity_id` IS NULL;
--> statement-breakpoint
-- A WhatsApp key of digits is the wa_id: the number in international form, vouched for by WhatsApp.
-- BSUIDs (`ID.58219…`) hold letters and a dot, so they are left without a phone.
UPDATE `identities` SET `phone` = '+' || `external_id`, `verified` = 1
WHERE `channel` = 'whatsapp' AND `phone` IS NULL AND `external_id` NOT GLOB '*[^0-9]*' AND length(`external_id`) BETWEEN 8 AND 15;
