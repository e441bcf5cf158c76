import { useI18n } from 'vue-i18n';
import type { Command } from '../commands/command.types.ts';
import { useCommands } from '../commands/use-commands.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCasesStore } from './cases.store.ts';
import { stageKeys } from './core-rules.ts';
import { usePanelStore, type PanelTab } from './panel.store.ts';
import { useFactProposals } from './use-fact-proposals.ts';
import { useWorkflowStore } from './workflow.store.ts';

/**
 * The stage panels' work as commands, whichever tab shows: confirm a proposed fact, link a similar case,
 * make a promise, request a review, open a stage's panel.
 */
export function usePanelCommands(): void {
  const { t } = useI18n();
  const { language } = useLanguage();
  const workflow = useWorkflowStore();
  const cases = useCasesStore();
  const panel = usePanelStore();
  const proposals = useFactProposals();

  useCommands(() => {
    const snapshot = workflow.snapshot;
    if (!snapshot) return [];
    const commands: Command[] = stageKeys.map((key, index) => ({
      id: `panel.${index + 1}`,
      group: 'workflow',
      label: t('palette.actions.stagePanel', { name: t(`stages.${key}`) }),
      run: () => panel.show(String(index + 1) as PanelTab),
    }));
    for (const { definition, proposal } of proposals.value) {
      commands.push({
        id: `fact.confirm.${definition.key}`,
        group: 'workflow',
        label: t('palette.actions.confirmFact', { name: definition.label[language.value], reason: proposal.value }),
        keywords: ['fakta', 'fact', 'konfirmasi', 'confirm'],
        run: () => workflow.confirmFact(definition.key, proposal.value, proposal.messageId),
      });
    }
    for (const { record } of cases.ticketId === snapshot.workflow.ticketId ? (cases.similar ?? []) : []) {
      if (record.id === snapshot.workflow.linkedCaseId) continue;
      commands.push({ id: `case.link.${record.id}`, group: 'workflow', label: `${t('palette.actions.linkCase', { id: record.id })} · ${record.subject}`, keywords: ['kasus', 'case'], run: () => workflow.update({ linkedCaseId: record.id }) });
    }
    const promise = snapshot.promise;
    if (promise?.state === 'open') {
      commands.push(
        { id: 'promise.kept', group: 'workflow', label: `${t('promise.title')}: ${t('promise.kept')}`, keywords: ['janji', 'promise'], run: () => workflow.settlePromise(promise.id, 'kept') },
        { id: 'promise.broken', group: 'workflow', label: `${t('promise.title')}: ${t('promise.broken')}`, keywords: ['janji', 'promise'], run: () => workflow.settlePromise(promise.id, 'broken') },
      );
    } else {
      commands.push({ id: 'promise.make', group: 'workflow', label: t('palette.actions.makePromise'), keywords: ['janji', 'promise'], run: () => panel.show('4', 'promise-text') });
    }
    const review = snapshot.review;
    if (!review || review.state === 'completed' || review.state === 'expired') {
      commands.push({ id: 'review.request', group: 'workflow', label: t('palette.actions.requestReview'), keywords: ['ulasan', 'review', 'rating'], run: () => workflow.requestReview() });
    }
    return commands;
  });
}
