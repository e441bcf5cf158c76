import { computed } from 'vue';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSessionStore } from '../auth/session.store.ts';
import { useTicketDetailStore } from '../ticket/ticket-detail.store.ts';
import { extractFacts } from '../workflow/core-rules.ts';
import { useWorkflowStore } from '../workflow/workflow.store.ts';
import { phraseIntensityFor, renderPhrase, type PhraseContext, type PhrasePlaceholder } from './core-rules.ts';
import { latestEmotion } from './emotion.ts';

/**
 * What a phrase's placeholders become on the open ticket: the customer's name, the order number
 * (confirmed, else the one the customer wrote — the first reply comes before stage 2 confirms anything,
 * and "[order number]" in an apology to someone who gave it reads as not listening), the topic (the
 * category in the customer's language) and our name.
 */
export function usePhraseValues() {
  const { language } = useLanguage();
  const detail = useTicketDetailStore();
  const workflow = useWorkflowStore();
  const session = useSessionStore();

  const written = computed(() => extractFacts(detail.detail?.messages ?? []).find((fact) => fact.kind === 'order_number')?.value ?? null);

  const values = computed<Partial<Record<PhrasePlaceholder, string | null>>>(() => {
    const current = detail.detail;
    const snapshot = workflow.snapshot;
    const customerLanguage = current?.customer.language ?? language.value;
    return {
      customer_name: current?.customer.name ?? null,
      order_number: snapshot?.facts.find((fact) => fact.key === 'order_number')?.value ?? written.value,
      // The category reads inside a sentence ("mengecek pengiriman"); before one is chosen, the subject would
      // paste the customer's first message back at them, so a plain "this issue" stands in.
      topic: lowerFirst(snapshot?.category?.label[customerLanguage]) ?? (customerLanguage === 'en' ? 'this issue' : 'masalah ini'),
      agent_name: session.user?.name ?? null,
    };
  });

  const context = computed<PhraseContext>(() => {
    const current = detail.detail;
    const reading = current ? latestEmotion(current.messages)?.reading : null;
    const fault = workflow.snapshot?.workflow.fault ?? null;
    return {
      language: current?.customer.language ?? language.value,
      characteristic: current?.customer.characteristic ?? null,
      intensity: reading ? phraseIntensityFor(reading) : 'normal',
      fault,
    };
  });

  const render = (body: string) => renderPhrase(body, values.value, language.value);
  return { values, context, render };
}

function lowerFirst(label: string | undefined): string | null {
  return label ? label.charAt(0).toLocaleLowerCase() + label.slice(1) : null;
}
