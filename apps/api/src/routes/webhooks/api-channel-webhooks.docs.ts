/** The OpenAPI description of `POST /webhooks/api/{channelId}`: what an integrator reads before writing code. */
export const apiChannelWebhookDescription = `
Customer messages from an integration you run yourself (an email bridge, a Telegram bot, a marketplace
chat …). Create the channel first with \`POST /api/api-channels\` (admins): the answer holds its
\`inboundUrl\` and its \`secret\`, shown once.

**Signature.** Send \`X-Keluh-Signature: sha256=<hex>\`, where \`<hex>\` is HMAC-SHA256 of the exact
request body bytes, keyed with the channel's secret. Sign the bytes you send — do not re-serialise the
JSON after signing. A missing or wrong signature answers 401 \`webhook.invalid_signature\` and stores
nothing; an unknown channel answers 404 \`api_channel.not_found\`.

**Body.** \`{ "messages": [...] }\` with 1–100 messages, \`{ "statuses": [...] }\`, or both. Each message has
an \`idempotencyKey\` (1–128 of \`A-Z a-z 0-9 . _ : -\`, unique within the channel, not starting with
\`keluh-\`), a \`sender\` (\`id\`, and optionally \`name\`, \`phone\`, \`email\`), a \`text\` of 1–4096
characters and an optional \`sentAt\`.

**All or nothing.** A batch is validated and stored in one transaction: if any part is invalid the answer
is 400 \`validation.failed\` with the field paths (\`body.messages.3.text\`) and nothing is stored. A body
that is not JSON answers 400 \`webhook.invalid_payload\`.

**Idempotency.** A message whose key was stored before is counted in \`duplicates\` and changes nothing,
so retry freely (after a timeout or a 5xx) with the same keys. A 200 means everything is committed.

**Agent replies** are POSTed to the channel's \`webhookUrl\` as
\`{ "type": "message", "id": "keluh-msg-42", "channelId": 1, "ticketId": 7, "recipient": { "id": "<sender.id>" },
"text": "…", "sentAt": "…" }\` with \`X-Keluh-Signature\` (same scheme, same secret, over the bytes we send)
and \`X-Keluh-Delivery\` (the \`id\`, stable across retries: deduplicate on it). Answer any 2xx to
acknowledge. 408, 429 (with \`Retry-After\`), 5xx, timeouts (10 s) and network errors are retried with
exponential back-off (2 s, 4 s, 8 s … up to 8 attempts); any other answer marks the reply failed with your
status shown to the agent. Report what happened later with
\`{ "statuses": [{ "messageId": "keluh-msg-42", "status": "delivered" | "read" | "failed" }] }\`.

Example:

\`\`\`sh
BODY='{"messages":[{"idempotencyKey":"tg-1001","sender":{"id":"chat-77","name":"Sari"},"text":"Paket saya belum sampai"}]}'
SIG="sha256=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')"
curl -X POST "$URL/webhooks/api/1" -H 'content-type: application/json' -H "x-keluh-signature: $SIG" -d "$BODY"
\`\`\`
`.trim();
