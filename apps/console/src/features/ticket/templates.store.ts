import { defineStore } from 'pinia';
import type { TemplateDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';
import { useCachedList } from '../../ui/use-cached-list.ts';

/** Approved WhatsApp templates for the composer; loaded when first needed, reloaded after an admin edits them. */
export const useTemplatesStore = defineStore('templates', () => {
  const api = useApi();
  const { items, loaded, error, hydrate, reset } = useCachedList<TemplateDto>(() => api.whatsappTemplates());

  /** The settings page saved new templates: the next composer that needs them fetches again. */
  function invalidate(): void {
    loaded.value = false;
  }

  return { items, loaded, error, hydrate, invalidate, reset };
});
