import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { CustomerAttributeDef, CustomerAttributeType } from './customer-attribute.types.ts';
import { validateAttributeDef } from './customer-attribute.rules.ts';

export function listAttributeDefs(deps: Pick<CoreDeps, 'db'>): Promise<CustomerAttributeDef[]> {
  return deps.db.customerProfiles.listDefs();
}

export async function defineAttribute(deps: CoreDeps, input: { key: string; label: string; type: CustomerAttributeType; choices?: string[]; position?: number }): Promise<CustomerAttributeDef> {
  const def = validateAttributeDef(input);
  const created = await deps.db.customerProfiles.createDefIfAbsent({ ...def, ...(input.position !== undefined ? { position: input.position } : {}) }, deps.clock.now());
  if (!created) throw new AppError('customer.attribute_exists', `An attribute ${def.key} exists already`, { key: def.key });
  return created;
}

/**
 * Changes the label, order or choices; the type and key stay, and choices can be added but not taken away:
 * values were checked against them, and a stored value must stay one of the choices.
 */
export async function updateAttributeDef(deps: CoreDeps, key: string, patch: { label?: string; choices?: string[]; position?: number }): Promise<CustomerAttributeDef> {
  return commit(deps, async (tx) => {
    const [current] = await tx.customerProfiles.findDefs([key]);
    if (!current) throw new AppError('customer.attribute_unknown', `No attribute ${key} is defined`, { keys: [key] });
    const next = validateAttributeDef({ key, type: current.type, label: patch.label ?? current.label, choices: patch.choices ?? current.choices });
    const dropped = current.choices.filter((choice) => !next.choices.includes(choice));
    if (dropped.length > 0) throw new AppError('validation.failed', 'Choices can be added, not removed', { issues: [{ path: 'choices', message: `Missing: ${dropped.join(', ')}` }] });
    const updated = await tx.customerProfiles.updateDef(key, { label: next.label, choices: next.choices, ...(patch.position !== undefined ? { position: patch.position } : {}) }, deps.clock.now());
    return updated!;
  });
}

export async function deleteAttributeDef(deps: CoreDeps, key: string): Promise<void> {
  if (!(await deps.db.customerProfiles.deleteDef(key))) throw new AppError('customer.attribute_unknown', `No attribute ${key} is defined`, { keys: [key] });
}
