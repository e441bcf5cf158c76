import type { Command } from './command.types.ts';

/** Case- and accent-insensitive, every typed word must appear: "adv 3" finds "Advance to stage 3". */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const text = fold([command.label, ...(command.keywords ?? [])].join(' '));
    return words.every((word) => text.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
