import { routeKey, type AppRoute } from './route-inventory.ts';
import { FUZZ_PHRASE, IG, LOGIN_USER, WA, type FuzzWorld } from './fuzz-world.ts';

/*
 * What a well-formed request to each route looks like. The fuzzer starts from these and breaks one
 * thing at a time, so validation behind the obvious refusals (no session, bad JSON) is reached. A route
 * added later needs its examples here: the inventory test fails until it has them.
 */

/** Well-formed values for a path parameter, by parameter name (and the route, where a name is shared). */
export function exampleSegments(route: AppRoute, param: string, world: FuzzWorld): string[] | null {
  switch (param) {
    case 'id':
      if (route.path.startsWith('/api/phrases/')) return [String(world.phraseId)];
      // SLA policies and holiday lists come and go with the fuzzed requests: a known id and an unknown one.
      if (route.path.startsWith('/api/sla/')) return ['1', '999999'];
      // Someone else's account or team: the fuzzer must not deactivate or demote the user it signs in as.
      if (route.path.startsWith('/api/admin/')) return ['999999'];
      // Customers, merges and suggestions: a known id and an unknown one (merging customer 1 into itself is refused).
      if (/^\/api\/(customers|customer-merges|suggestions)\//.test(route.path)) return ['1', '999999'];
      // No move of the fuzz ticket exists (its examples only refuse): a known-looking id and an unknown one.
      if (route.path.startsWith('/api/ticket-moves/')) return ['1', '999999'];
      return route.path.startsWith('/api/api-channels/') ? [String(world.apiChannel.id)] : [String(world.ticketId)];
    case 'channelId':
      return [String(world.apiChannel.id)];
    case 'teamId':
      return ['1', '999999'];
    case 'kind':
      return ['whatsapp', 'instagram'];
    case 'sha256':
      return [world.mediaSha256, 'a'.repeat(64)];
    case 'visitorId':
      return [world.visitor.visitorId];
    case 'key':
      if (route.path.startsWith('/api/customer-attributes/')) return ['tier', 'no_such_attribute'];
      return route.path.startsWith('/api/workflow/categories/') ? ['delivery', 'warranty'] : ['order_number', 'tracking_number'];
    case 'report':
      return ['volume', 'first_response', 'no_such_report'];
    case 'reviewId':
      // Any id: reviews come and go with the fuzzed requests, and an unknown one must refuse just as well.
      return [String(world.ticketId), '999999'];
    case '*':
      // Swagger UI's assets, the widget's iframe app and the demo shop.
      return route.path.startsWith('/docs') ? ['static/index.html', 'json', 'index.css'] : ['index.html'];
    default:
      return null;
  }
}

const handshake = (verifyToken: string) => `?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`;
const queries: Record<string, string[]> = {
  'GET /api/tickets': ['?status=open,pending&limit=10', '?channel=webchat&assigneeId=none', '?status=open&status=resolved&limit=100'],
  'GET /webhooks/whatsapp': [handshake(WA.verifyToken)],
  'GET /api/reports/:report': ['?from=2026-03-01&to=2026-03-31&groupBy=agent', '?from=2026-03-02&to=2026-03-01', '?from=2026-03-01&to=2026-03-02&zone=Asia/Jayapura&businessHours=true'],
  'GET /api/reports/:report/export.csv': ['?from=2026-03-01&to=2026-03-31&groupBy=channel'],
  'GET /webhooks/instagram': [handshake(IG.verifyToken)],
  'GET /api/board': ['', '?teamId=1', '?teamId=999999'],
  'GET /api/audit': ['?limit=5', '?action=secret.rotated&before=10'],
  'GET /api/search': ['?q=paket', '?q=0812-3456&kinds=customer', '?q=dikirim&kinds=message,ticket&limit=5'],
};

/** Well-formed query strings for a route (its HEAD twin included); the fuzzer also appends to them. */
export function exampleQueries(route: AppRoute): string[] {
  return queries[routeKey(route.method === 'HEAD' ? 'GET' : route.method, route.path)] ?? [];
}

type BodyExample = (world: FuzzWorld) => unknown;

const bodies: Record<string, BodyExample[]> = {
  'POST /api/auth/login': [() => LOGIN_USER, () => ({ email: 'nobody@keluh.test', password: 'wrong-password' })],
  'POST /api/auth/token': [() => LOGIN_USER, () => ({ email: LOGIN_USER.email.toUpperCase(), password: 'wrong-password' })],
  'POST /api/widget/sessions': [() => ({}), () => ({ name: 'Sari', email: 'sari@example.com' }), (world) => ({ refreshToken: world.visitor.refreshToken }), () => ({ visitorToken: 'v1.e30.e30' }), () => ({ identity: `e30.${'0'.repeat(64)}` })],
  'POST /api/tickets/:id/messages': [
    () => ({ body: 'Mohon maaf atas keterlambatannya' }),
    () => ({ template: { name: 'complaint_followup_v2', language: 'id', parameters: ['Sari', '42'] } }),
    (world) => ({ body: 'Baik, kami lanjutkan', seenMessageId: world.visitorMessageId, force: true }),
  ],
  'PATCH /api/tickets/:id': [() => ({ status: 'pending' }), () => ({ priority: 'high' }), (world) => ({ assigneeId: world.t.agentId })],
  'PUT /api/channels/:kind': [
    () => ({ ...WA, accessToken: '••••cess', graphBaseUrl: 'https://graph.facebook.com', graphVersion: 'v23.0' }),
    () => ({ appSecret: 'x', verifyToken: 'y', accessToken: 'z', accountId: '17841400123456789', graphBaseUrl: 'https://10.0.0.1' }),
  ],
  'POST /api/api-channels': [() => ({ name: 'Telegram bridge', webhookUrl: 'https://hooks.fuzz.test/telegram' }), () => ({ name: 'Internal', webhookUrl: 'http://127.0.0.1:9/' })],
  'PATCH /api/api-channels/:id': [() => ({ name: 'Renamed bridge' }), () => ({ webhookUrl: 'https://hooks.fuzz.test/renamed' })],
  'POST /api/phrases': [() => ({ ...FUZZ_PHRASE, tone: 'loyal', body: 'Terima kasih, Kak {customer_name}' }), () => ({ ...FUZZ_PHRASE, body: 'Halo {nama}' })],
  'POST /api/phrases/': [() => ({ ...FUZZ_PHRASE, tone: 'thrifty' })],
  'PUT /api/phrases/:id': [() => ({ ...FUZZ_PHRASE, body: 'Halo lagi, Kak {customer_name}' }), () => ({ ...FUZZ_PHRASE, body: 'Pesanan {order_number' })],
  'POST /webhooks/api/:channelId': [() => ({ messages: [{ idempotencyKey: 'fuzz-1', sender: { id: 'chat-1', name: 'Budi' }, text: 'Halo' }] })],
  'POST /api/tickets/:id/promises': [() => ({ text: 'Paket dikirim ulang besok pagi', dueAt: new Date(Date.now() + 86_400_000).toISOString() }), (world) => ({ text: 'Refund diproses', dueAt: '2099-01-01T00:00:00+07:00', ownerUserId: world.t.agentId })],
  'PATCH /api/promises/:id': [() => ({ state: 'kept' }), () => ({ state: 'cancelled' })],
  'POST /api/tickets/:id/workflow/transitions': [() => ({ to: 2, reason: 'Sudah minta maaf lewat telepon' }), () => ({ to: 2 }), () => ({ to: 1, reason: 'Kembali dulu' })],
  'PATCH /api/tickets/:id/workflow': [() => ({ category: 'delivery' }), () => ({ rootCause: 'courier_delay', rootCauseNote: 'Hub banjir' }), () => ({ fault: 'third_party', solution: 'Kirim ulang', linkedCaseId: 3 })],
  'PUT /api/tickets/:id/workflow/complaint': [() => ({ complaint: false, reason: 'Cuma tanya jam buka' }), () => ({ complaint: true })],
  'PUT /api/tickets/:id/facts/:key': [() => ({ value: 'INV-20931' }), () => ({ value: 'JP1234567890', sourceMessageId: 1 })],
  'POST /api/tickets/:id/notes': [() => ({ body: 'Pelanggan VIP, tangani hati-hati' })],
  'PUT /api/workflow/categories/:key': [() => ({ label: { id: 'Garansi', en: 'Warranty' }, facts: [{ key: 'serial_number', kind: 'text', label: { id: 'Nomor seri', en: 'Serial number' }, question: { id: 'Nomor serinya?', en: 'Serial number?' }, required: true }] })],
  'PUT /api/workflow/settings': [() => ({ stageThresholdMinutes: { 1: 15, 2: 60, 3: 240, 4: 1440, 5: 4320 }, rootCauses: [{ key: 'other', label: { id: 'Lainnya', en: 'Other' } }] })],
  'POST /api/reviews/:id/answer': [() => ({ score: 5 }), () => ({ score: 1, comment: 'Lama sekali' }), () => ({ consent: true })],
  'PATCH /api/testimonials/:reviewId': [() => ({ state: 'approved' }), () => ({ state: 'rejected', text: 'Pelayanan cepat', displayName: 'Rina W.' })],
  'POST /api/recovery-tasks/:id/close': [() => ({ note: 'Ditelepon, ongkir dikembalikan' })],
  'POST /api/customers/:id/merge': [() => ({ intoCustomerId: 1 }), () => ({ intoCustomerId: 999_999 })],
  // Only refusals: a merge or split that went through would take the fuzz ticket's messages from the cases that follow.
  'POST /api/tickets/:id/merge': [() => ({ intoTicketId: 999999 }), (world) => ({ intoTicketId: world.ticketId })],
  'POST /api/tickets/:id/split': [() => ({ messageIds: [] }), () => ({ messageIds: [999999] })],
  // Targets of days: a clock's warning or breach job must not fire in the middle of the fuzzing and change the census.
  'POST /api/sla/policies': [() => ({ priority: 'normal', firstResponseSeconds: 86_400, businessHours: false }), () => ({ priority: 'high', channel: 'whatsapp', firstResponseSeconds: 0, escalation: ['raise_priority'] })],
  'PUT /api/sla/policies/:id': [() => ({ priority: 'urgent', firstResponseSeconds: 172_800, resolutionSeconds: 604_800 }), () => ({ priority: 'low', nextResponseSeconds: -5 })],
  'PUT /api/sla/teams/:teamId/calendar': [
    () => ({ timeZone: 'Asia/Makassar', windows: [{ weekday: 1, start: '22:00', end: '06:00', overnight: true }], holidayListId: null }),
    () => ({ timeZone: 'Asia/Bandung', windows: [{ weekday: 1, start: '17:00', end: '08:00' }], holidayListId: 1 }),
  ],
  'PUT /api/sla/holiday-lists/:id': [
    () => ({ name: 'Indonesia 2026', holidays: [{ start: '2026-12-25', end: '2026-12-25', name: 'Natal', kind: 'national' }] }),
    () => ({ name: 'Kantor', holidays: [{ start: '2026-03-20', end: '2026-03-24', name: 'Lebaran', kind: 'cuti_bersama' }, { start: '2026-03-24', end: '2026-03-25', name: 'Tambahan', kind: 'company' }] }),
  ],
  'POST /api/admin/users': [() => ({ name: 'Sari', email: 'sari.fuzz@keluh.test', role: 'agent', teamIds: [] }), () => ({ name: 'Budi', email: 'budi.fuzz@keluh.test', role: 'owner', teamIds: [] })],
  'PUT /api/admin/users/:id/role': [() => ({ role: 'supervisor' })],
  'PUT /api/admin/users/:id/teams': [() => ({ teamIds: [] })],
  'PUT /api/admin/users/:id/capacities': [() => ({ capacities: [{ channel: 'whatsapp', maxOpen: 4 }] }), () => ({ capacities: [{ channel: 'webchat', maxOpen: 51 }] })],
  'POST /api/admin/teams': [() => ({ name: 'Makassar', timeZone: 'Asia/Makassar', assignmentMode: 'balanced', defaultCapacity: 3 }), () => ({ name: 'Mars', timeZone: 'Mars/Olympus' })],
  'PATCH /api/admin/teams/:id': [() => ({ name: 'Jayapura', timeZone: 'Asia/Jayapura' }), () => ({ timeZone: 'WIB' }), () => ({ defaultCapacity: 51 })],
  'PUT /api/admin/teams/:id/members': [(world) => ({ userIds: [world.t.agentId] })],
  // Only the permissive value: limiting agents would hide the fuzz ticket from the cases that follow.
  'PUT /api/settings/tickets': [() => ({ agentsOwnAndUnassigned: false })],
  'PUT /api/settings/routing': [() => ({ channelTeams: { whatsapp: 1 } })],
  'PUT /api/settings/threading': [() => ({ reopenDays: 5 }), () => ({ reopenDays: 366 })],
  'PATCH /api/customers/:id': [() => ({ type: 'intermediary' }), () => ({ characteristic: 'thrifty', attributes: { tier: 'gold' } }), () => ({ attributes: { tier: 'platinum' } })],
  'POST /api/customers/:id/notes': [() => ({ body: 'Reseller di Medan, suka ditelepon sore' })],
  'POST /api/customer-attributes': [() => ({ key: 'tier', label: 'Tingkat', type: 'choice', choices: ['gold', 'silver'] }), () => ({ key: 'since', label: 'Sejak', type: 'date' })],
  'POST /api/customer-attributes/': [() => ({ key: 'city', label: 'Kota', type: 'text' })],
  'PATCH /api/customer-attributes/:key': [() => ({ label: 'Tingkat pelanggan' }), () => ({ choices: ['gold', 'silver', 'bronze'] })],
  'PUT /api/presence/me': [() => ({ status: 'away' }), () => ({ status: 'online' }), () => ({ status: 'offline' })],
};

/** Routes whose handler reads no body, although the method allows one: any JSON is fuzzed at them. */
const bodiless = new Set(['POST /api/auth/logout', 'POST /api/tickets/:id/read', 'POST /api/api-channels/:id/rotate-secret', 'POST /api/channels/instagram/subscribe', 'DELETE /api/api-channels/:id', 'DELETE /api/phrases/:id', 'DELETE /api/widget/visitors/:visitorId/sessions', 'POST /webhooks/whatsapp', 'POST /webhooks/instagram', 'DELETE /api/tickets/:id/facts/:key', 'POST /api/tickets/:id/reviews', 'DELETE /api/sla/policies/:id', 'POST /api/admin/users/:id/deactivate', 'POST /api/customer-merges/:id/undo', 'POST /api/suggestions/:id/confirm', 'POST /api/suggestions/:id/reject', 'POST /api/ticket-moves/:id/undo', 'POST /api/settings/widget-identity/rotate', 'DELETE /api/customer-attributes/:key']);

/** The examples for a route's body; [] when it takes none; null when a route with a body has no example yet. */
export function exampleBodies(route: AppRoute): BodyExample[] | null {
  const key = routeKey(route.method, route.path);
  if (bodies[key]) return bodies[key];
  if (route.method === 'GET' || route.method === 'HEAD' || bodiless.has(key)) return [];
  return route.doc?.hasBody ? null : [];
}

/** Field names the route's examples use: mutations add them back with wrong types. */
export function exampleKeys(route: AppRoute, world: FuzzWorld): string[] {
  const keys = new Set<string>();
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        keys.add(key);
        collect(child);
      }
    }
  };
  for (const example of exampleBodies(route) ?? []) collect(example(world));
  return [...keys];
}
