/** Where a command shows in the palette; the order here is the palette's order. */
export const commandGroups = ['workflow', 'composer', 'ticket', 'navigation', 'app'] as const;
export type CommandGroup = (typeof commandGroups)[number];

/**
 * One action an agent can take from the keyboard. Features register the commands that apply right now
 * (the open ticket's evaluation, the user's permissions), so the palette never lists what would be refused.
 */
export interface Command {
  /** Stable and unique: `workflow.advance`, `ticket.status.pending` … */
  id: string;
  group: CommandGroup;
  /** Already translated. */
  label: string;
  /** Extra words the filter matches (the other language's name, a synonym). */
  keywords?: string[];
  /** A single key that runs it outside text fields (`r`, `?`), shown beside it in the palette and the sheet. */
  shortcut?: string;
  run(): unknown;
}
