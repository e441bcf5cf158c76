import { useI18n } from 'vue-i18n';
import type { Command } from '../commands/command.types.ts';
import { useCommands } from '../commands/use-commands.ts';
import { stageKeyOf } from './core-rules.ts';
import { useStageMoves } from './use-stage-moves.ts';
import { useWorkflowDialogsStore } from './workflow-dialogs.store.ts';
import { useWorkflowStore } from './workflow.store.ts';

/**
 * The stage machine's commands for the open ticket, read from core's evaluation in the snapshot: advance
 * (or override) only when there is a next stage, back only to stages core says are reachable.
 */
export function useWorkflowCommands(): void {
  const { t } = useI18n();
  const workflow = useWorkflowStore();
  const dialogs = useWorkflowDialogsStore();
  const moves = useStageMoves();

  useCommands(() => {
    const snapshot = workflow.snapshot;
    if (!snapshot) return [];
    const commands: Command[] = [];
    const next = moves.next.value;
    if (next !== null) {
      commands.push({
        id: 'workflow.advance',
        group: 'workflow',
        label: t('palette.actions.advance', { n: next, name: t(`stages.${stageKeyOf(next)}`) }),
        keywords: ['next', 'lanjut', 'advance'],
        run: () => moves.advance(),
      });
    }
    if (moves.canGoBack.value) {
      commands.push({ id: 'workflow.back', group: 'workflow', label: t('palette.actions.back'), keywords: ['mundur', 'back'], run: () => moves.back() });
    }
    if (snapshot.workflow.complaint) {
      commands.push({ id: 'workflow.not-complaint', group: 'workflow', label: t('palette.actions.notComplaint'), run: () => dialogs.ask({ kind: 'notComplaint' }) });
    } else {
      commands.push({ id: 'workflow.complaint', group: 'workflow', label: t('palette.actions.markComplaint'), run: () => workflow.setComplaint(true) });
    }
    return commands;
  });
}
