type Translate = (key: string, values?: Record<string, unknown>) => string;

const rules = ['round_robin', 'balanced', 'returning_customer', 'manual', 'escalation'] as const;

/**
 * "Assigned to Sari: round robin, 2 of 5 open". The activity's data is stored JSON (the contract types it
 * loosely), so every field is read defensively: an older or odd row still renders a sensible line.
 */
export function assignedLine(data: Record<string, unknown>, t: Translate): string {
  const reason = (typeof data.reason === 'object' && data.reason !== null ? data.reason : {}) as Record<string, unknown>;
  const name = String(data.assigneeName ?? '');
  const known = rules.find((rule) => rule === reason.rule);
  const rule = known ? t(`assignment.rule.${known}`) : String(reason.rule ?? '');
  if (typeof reason.openCount === 'number' && typeof reason.capacity === 'number') {
    return t('assignment.assigned', { name, rule, open: reason.openCount, capacity: reason.capacity });
  }
  return t('assignment.assignedBy', { name, rule });
}
