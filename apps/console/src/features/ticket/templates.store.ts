import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { TemplateDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';

/** Approved WhatsApp templates for the composer; loaded when first needed, reloaded after an admin edits them. */
export const useTemplatesStore = defineStore('templates', () => {
  const api = useApi();
  const items = shallowRef<TemplateDto[]>([]);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let loading: Promise<void> | null = null;

  function hydrate(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve();
    loading ??= api
      .whatsappTemplates()
      .then((result) => {
        items.value = result.items;
        loaded.value = true;
        error.value = null;
      })
      .catch((cause: unknown) => {
        error.value = cause;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  /** The settings page saved new templates: the next composer that needs them fetches again. */
  function invalidate(): void {
    loaded.value = false;
  }

  function reset(): void {
    items.value = [];
    loaded.value = false;
    error.value = null;
  }

  return { items, loaded, error, hydrate, invalidate, reset };
});
