import type { Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ticketPriorities, ticketStatuses } from '@keluh/core';
import type { TicketViewDto, UpdateTicketBody } from '@keluh/contracts';
import { useSessionStore } from '../auth/session.store.ts';
import type { Command } from '../commands/command.types.ts';
import { useCommands } from '../commands/use-commands.ts';
import { useUsersStore } from './users.store.ts';

/** Assign, status and priority of the open ticket, as palette commands: only changes that change something. */
export function useTicketCommands(ticket: Ref<TicketViewDto>, change: (changes: UpdateTicketBody) => Promise<void>): void {
  const { t } = useI18n();
  const session = useSessionStore();
  const users = useUsersStore();
  void users.hydrate();

  useCommands(() => {
    const current = ticket.value;
    const me = session.user;
    const commands: Command[] = [];
    if (me && current.assigneeId !== me.id) {
      commands.push({ id: 'ticket.assign.me', group: 'ticket', label: t('palette.actions.assignMe'), run: () => change({ assigneeId: me.id }) });
    }
    for (const user of users.items) {
      if (user.id === me?.id || user.id === current.assigneeId) continue;
      commands.push({ id: `ticket.assign.${user.id}`, group: 'ticket', label: t('palette.actions.assignTo', { name: user.name }), run: () => change({ assigneeId: user.id }) });
    }
    if (current.assigneeId !== null) {
      commands.push({ id: 'ticket.unassign', group: 'ticket', label: t('palette.actions.unassign'), run: () => change({ assigneeId: null }) });
    }
    for (const status of ticketStatuses) {
      if (status === current.status) continue;
      commands.push({ id: `ticket.status.${status}`, group: 'ticket', label: t('palette.actions.status', { name: t(`status.${status}`) }), keywords: [status], run: () => change({ status }) });
    }
    for (const priority of ticketPriorities) {
      if (priority === current.priority) continue;
      commands.push({ id: `ticket.priority.${priority}`, group: 'ticket', label: t('palette.actions.priority', { name: t(`priority.${priority}`) }), keywords: [priority], run: () => change({ priority }) });
    }
    return commands;
  });
}
