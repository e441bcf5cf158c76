/* Presence (the rail's status toggle) and automatic assignment on the timeline. Same keys in presence.id.ts. */
export default {
  presence: {
    label: 'My status',
    hint: 'Away and offline agents get no new tickets automatically',
    failed: 'Not changed',
    status: { online: 'Online', away: 'Away', offline: 'Offline' },
  },
  assignment: {
    assigned: 'Assigned to {name}: {rule}, {open} of {capacity} open',
    assignedBy: 'Assigned to {name}: {rule}',
    rule: { round_robin: 'round robin', balanced: 'balanced', returning_customer: 'returning customer', manual: 'by hand', escalation: 'escalation' },
  },
};
