import { useI18n } from 'vue-i18n';
import { useCommands } from '../commands/use-commands.ts';
import { useComposerStore } from './composer.store.ts';
import { useNoteDialogStore } from './note-dialog.store.ts';

/**
 * The reply's commands: `r` to write, `p` for the phrase bank from anywhere (acknowledging an angry customer
 * should be one key away from opening their ticket; `/` does the same at the start of the reply, but
 * outside a text field `/` is the console's search box), a note.
 */
export function useComposerCommands(actions: { openPhrases(): void }): void {
  const { t } = useI18n();
  const composer = useComposerStore();
  const notes = useNoteDialogStore();
  useCommands(() => [
    { id: 'composer.focus', group: 'composer', label: t('palette.actions.focusComposer'), shortcut: 'r', run: () => composer.focus() },
    { id: 'composer.phrase', group: 'composer', label: t('palette.actions.insertPhrase'), keywords: ['frasa', 'phrase'], shortcut: 'p', run: () => actions.openPhrases() },
    { id: 'composer.note', group: 'composer', label: t('palette.actions.addNote'), keywords: ['catatan', 'note'], run: () => notes.show() },
  ]);
}
