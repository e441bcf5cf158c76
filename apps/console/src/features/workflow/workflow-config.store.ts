import { defineStore } from 'pinia';
import type { ComplaintCategoryDto, WorkflowSettingsDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';
import { useCachedList } from '../../ui/use-cached-list.ts';

/** Complaint categories and root causes as admins configured them; loaded once per session. */
export const useWorkflowConfigStore = defineStore('workflowConfig', () => {
  const api = useApi();
  const categories = useCachedList<ComplaintCategoryDto>(async () => {
    const items = await api.categories();
    return { items: items.filter((c) => !c.archived).sort((a, b) => a.position - b.position) };
  });
  const rootCauses = useCachedList<WorkflowSettingsDto['rootCauses'][number]>(async () => ({ items: (await api.workflowSettings()).rootCauses }));

  function hydrate(): Promise<unknown> {
    return Promise.all([categories.hydrate(), rootCauses.hydrate()]);
  }
  function reset(): void {
    categories.reset();
    rootCauses.reset();
  }
  return { categories: categories.items, rootCauses: rootCauses.items, loaded: categories.loaded, hydrate, reset };
});
