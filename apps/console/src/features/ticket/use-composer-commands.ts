import { useI18n } from 'vue-i18n';
import { useCommands } from '../commands/use-commands.ts';
import { useComposerStore } from './composer.store.ts';
import { useNoteDialogStore } from './note-dialog.store.ts';

/**
 * The reply's commands: `r` to write, `/` for the phrase bank (from anywhere, not only inside an empty
 * composer: acknowledging an angry customer should be one key away from opening their ticket), a note.
 */
export function useComposerCommands(actions: { openPhrases(): void }): void {
  const { t } = useI18n();
  const composer = useComposerStore();
  const notes = useNoteDialogStore();
  useCommands(() => [
    { id: 'composer.focus', group: 'composer', label: t('palette.actions.focusComposer'), shortcut: 'r', run: () => composer.focus() },
    { id: 'composer.phrase', group: 'composer', label: t('palette.actions.insertPhrase'), keywords: ['frasa', 'phrase'], shortcut: '/', run: () => actions.openPhrases() },
    { id: 'composer.note', group: 'composer', label: t('palette.actions.addNote'), keywords: ['catatan', 'note'], run: () => notes.show() },
  ]);
}
