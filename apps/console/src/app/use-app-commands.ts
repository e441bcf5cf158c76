import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { useSessionStore } from '../features/auth/session.store.ts';
import { useCommands } from '../features/commands/use-commands.ts';
import { usePaletteStore } from '../features/commands/palette.store.ts';
import { can } from '../features/workflow/core-rules.ts';
import { useLanguage } from '../i18n/use-language.ts';

/** Console-wide commands: where to go, the search box, which language, the shortcut sheet. */
export function useAppCommands(): void {
  const { t } = useI18n();
  const router = useRouter();
  const route = useRoute();
  const session = useSessionStore();
  const palette = usePaletteStore();
  const { language } = useLanguage();

  useCommands(() => {
    const other = language.value === 'id' ? 'en' : 'id';
    const view = typeof route.params.view === 'string' ? route.params.view : 'all';
    return [
      {
        id: 'app.ticket-list',
        group: 'navigation',
        label: t('palette.actions.ticketList'),
        keywords: ['inbox', 'kotak masuk'],
        run: () => router.push({ name: 'inbox', params: { view } }),
      },
      // The channel settings are an admin's: core's policy decides, the palette only follows it.
      ...(can(session.user, 'channels.configure')
        ? [{ id: 'app.settings', group: 'navigation' as const, label: t('nav.settings'), run: () => router.push({ name: 'settings-channels' }) }]
        : []),
      // `/` outside a text field, as on most sites with a search box (the phrase bank moved to `p` for it).
      { id: 'app.search', group: 'navigation', label: t('search.open'), keywords: ['search', 'cari', 'find'], shortcut: '/', run: () => palette.show('search') },
      {
        id: 'app.language',
        group: 'app',
        label: t('palette.actions.language', { name: t(`customer.languages.${other}`) }),
        keywords: ['language', 'bahasa'],
        run: () => void (language.value = other),
      },
      { id: 'app.shortcuts', group: 'app', label: t('palette.actions.shortcuts'), shortcut: '?', run: () => palette.show('sheet') },
    ];
  });
}
