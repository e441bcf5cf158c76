import { useI18n } from 'vue-i18n';
import type { Command } from '../commands/command.types.ts';
import { useCommands } from '../commands/use-commands.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useCasesStore } from './cases.store.ts';
import { stageKeys } from './core-rules.ts';
import { usePanelStore, type PanelTab } from './panel.store.ts';
import { useFactProposals } from './use-fact-proposals.ts';
import { useWorkflowConfigStore } from './workflow-config.store.ts';
import { useWorkflowStore } from './workflow.store.ts';

/**
 * The stage panels' work as commands, whichever tab shows: confirm a proposed fact, link a similar case,
 * make a promise, request a review, open a stage's panel. The category, the root cause and the solution
 * are commands too: without them a keyboard user would tab through the panel's selects to reach them.
 */
export function usePanelCommands(): void {
  const { t } = useI18n();
  const { language } = useLanguage();
  const workflow = useWorkflowStore();
  const cases = useCasesStore();
  const panel = usePanelStore();
  const proposals = useFactProposals();
  const config = useWorkflowConfigStore();
  void config.hydrate();

  useCommands(() => {
    const snapshot = workflow.snapshot;
    if (!snapshot) return [];
    const commands: Command[] = [];
    for (const category of config.categories) {
      if (category.key === snapshot.workflow.category) continue;
      commands.push({
        id: `category.${category.key}`,
        group: 'workflow',
        label: t('palette.actions.category', { name: category.label[language.value] }),
        keywords: ['kategori', 'category', category.label.id, category.label.en],
        run: () => workflow.update({ category: category.key }),
      });
    }
    // One proposal per fact (the first found): "confirm all" then takes what the customer wrote in one go.
    const firstPerFact = [...new Map(proposals.value.map((item) => [item.definition.key, item] as const)).values()];
    if (firstPerFact.length > 1) {
      commands.push({
        id: 'fact.confirm.all',
        group: 'workflow',
        label: t('palette.actions.confirmAllFacts', { n: firstPerFact.length }),
        keywords: ['fakta', 'fact', 'konfirmasi', 'confirm', 'semua', 'all'],
        run: async () => {
          // One after another: each answer carries the ticket's new version for the next.
          for (const { definition, proposal } of firstPerFact) await workflow.confirmFact(definition.key, proposal.value, proposal.messageId);
        },
      });
    }
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
    for (const cause of config.rootCauses) {
      if (cause.key === snapshot.workflow.rootCause) continue;
      commands.push({
        id: `root-cause.${cause.key}`,
        group: 'workflow',
        label: t('palette.actions.rootCause', { name: cause.label[language.value] }),
        keywords: ['akar', 'penyebab', 'root', 'cause', cause.label.id, cause.label.en],
        run: () => workflow.update({ rootCause: cause.key }),
      });
    }
    commands.push({ id: 'solution.write', group: 'workflow', label: t('palette.actions.writeSolution'), keywords: ['solusi', 'solution'], run: () => panel.show('4', 'solution-text') });
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
    // Showing a panel comes after the actions: "minta ulasan" names stage 5 and its action alike, and
    // Enter on those words should request the review, not just show the panel.
    for (const [index, key] of stageKeys.entries()) {
      commands.push({ id: `panel.${index + 1}`, group: 'workflow', label: t('palette.actions.stagePanel', { name: t(`stages.${key}`) }), run: () => panel.show(String(index + 1) as PanelTab) });
    }
    return commands;
  });
}
