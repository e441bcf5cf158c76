import type { Language } from '../customers/customer.types.ts';
import { MAX_SCORE, MIN_SCORE, RECOVERY_SCORE, type MessageChoices } from './review.types.ts';

/** What an option id we sent says, once it comes back in a channel's reply. */
export type ParsedChoice = { kind: 'rate'; reviewId: number; score: number } | { kind: 'consent'; reviewId: number; consent: boolean };

/** channels.md §9: WhatsApp list rows ≤ 24 characters, reply buttons and the list button ≤ 20. */
export const LIST_ROW_TITLE_MAX = 24;
export const BUTTON_TITLE_MAX = 20;

const scoreWords: Record<Language, readonly string[]> = {
  id: ['Sangat kecewa', 'Kecewa', 'Biasa saja', 'Puas', 'Sangat puas'],
  en: ['Very unhappy', 'Unhappy', 'Okay', 'Happy', 'Very happy'],
};
const consentWords: Record<Language, { yes: string; no: string }> = {
  id: { yes: 'Ya, boleh', no: 'Tidak usah' },
  en: { yes: 'Yes, you may', no: 'No, thanks' },
};
const rateButton: Record<Language, string> = { id: 'Beri nilai', en: 'Rate us' };

export const rateChoiceId = (reviewId: number, score: number) => `rate:${reviewId}:${score}`;
export const consentChoiceId = (reviewId: number, consent: boolean) => `consent:${reviewId}:${consent ? 'yes' : 'no'}`;

/** Five options, best first: WhatsApp shows list rows top-down and people read the top one first. */
export function ratingChoices(reviewId: number, language: Language): MessageChoices {
  const options = [];
  for (let score = MAX_SCORE; score >= MIN_SCORE; score--) {
    options.push({ id: rateChoiceId(reviewId, score), title: `${'⭐'.repeat(score)} ${scoreWords[language][score - 1]}` });
  }
  return { purpose: 'rating', reviewId, options, button: rateButton[language] };
}

export function consentChoices(reviewId: number, language: Language): MessageChoices {
  const words = consentWords[language];
  return {
    purpose: 'consent',
    reviewId,
    options: [
      { id: consentChoiceId(reviewId, true), title: `👍 ${words.yes}` },
      { id: consentChoiceId(reviewId, false), title: `🙏 ${words.no}` },
    ],
  };
}

export function ratingRequestText(language: Language, customerName: string | null): string {
  const name = customerName?.trim().split(/\s+/)[0];
  if (language === 'en') return `${name ? `Hi ${name}, ` : 'Hi, '}thank you for your patience. How would you rate our help? Tap a score from 1 to 5 stars, or reply with a number.`;
  return `${name ? `Halo Kak ${name}, ` : 'Halo Kak, '}terima kasih sudah sabar menunggu. Bagaimana penilaian Kakak atas bantuan kami? Pilih 1 sampai 5 bintang, atau balas dengan angka.`;
}

/** Asked only after a good score; it invites the comment the testimonial would quote. */
export function consentQuestionText(language: Language, score: number): string {
  const stars = '⭐'.repeat(score);
  if (language === 'en') return `Thank you for the ${stars}! Would you tell us in a few words what went well? And may we show your review (with your first name only) on our website?`;
  return `Terima kasih atas ${stars}-nya! Boleh ceritakan singkat apa yang membuat Kakak puas? Dan bolehkah ulasan Kakak kami tampilkan di situs kami (hanya dengan nama depan)?`;
}

export function afterScoreText(language: Language, score: number): string {
  if (score <= RECOVERY_SCORE) {
    return language === 'en'
      ? "We are sorry we let you down. A supervisor will get in touch with you soon to make this right."
      : 'Mohon maaf kami mengecewakan Kakak. Supervisor kami akan segera menghubungi Kakak untuk memperbaikinya.';
  }
  return language === 'en' ? 'Thank you for your rating; it helps us improve.' : 'Terima kasih atas penilaian Kakak; ini membantu kami menjadi lebih baik.';
}

const CHOICE_ID = /^(rate|consent):([1-9]\d{0,15}):([a-z0-9]+)$/;

/** The option id of a reply; anything we could not have sent (`rate:12:7`, `consent:3:maybe`) is null. */
export function parseChoiceId(id: string | null | undefined): ParsedChoice | null {
  const match = typeof id === 'string' ? CHOICE_ID.exec(id) : null;
  if (!match) return null;
  const reviewId = Number(match[2]);
  if (!Number.isSafeInteger(reviewId)) return null;
  if (match[1] === 'rate') {
    if (!/^\d$/.test(match[3]!)) return null;
    const score = Number(match[3]);
    return score >= MIN_SCORE && score <= MAX_SCORE ? { kind: 'rate', reviewId, score } : null;
  }
  if (match[3] === 'yes' || match[3] === 'no') return { kind: 'consent', reviewId, consent: match[3] === 'yes' };
  return null;
}

/** The text fallback for channels that show no options (the API channel): the options, one a line. */
export function choicesAsText(body: string, choices: MessageChoices): string {
  // Rating lines start with the score itself, so the typed answer the line suggests is one parseTypedScore reads.
  const lines = choices.options.map((option, index) => (choices.purpose === 'rating' ? `${MAX_SCORE - index}. ${option.title}` : `- ${option.title}`));
  return [body, '', ...lines].join('\n');
}
