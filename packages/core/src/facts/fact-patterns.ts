import type { ProposedFact } from './fact.types.ts';

type Kind = ProposedFact['kind'];

/** One way a fact shows up in a message: the pattern, which group is the fact, and its normal form. */
export interface FactPattern {
  kind: Kind;
  pattern: RegExp;
  /** Index of the capture group holding the fact itself (0: the whole match). */
  group: number;
  normalise: (raw: string) => string | null;
}

const upper = (raw: string) => raw.toUpperCase();
const hasDigit = (raw: string) => /\d/.test(raw);

/** `0812…`, `62812…`, `+62 812…` → `+62812…`; only Indonesian mobile numbers (8xx, 9–12 digits after 62). */
export function toE164(raw: string): string | null {
  let digits = raw.replace(/\D/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  if (!digits.startsWith('628')) return null;
  const national = digits.length - 2;
  return national >= 9 && national <= 12 ? `+${digits}` : null;
}

const MULTIPLIERS: Record<string, number> = { rb: 1_000, ribu: 1_000, k: 1_000, jt: 1_000_000, juta: 1_000_000 };

/** `45.000` → 45000, `1.250.000,00` → 1250000, `45rb` → 45000, `1,5 jt` → 1500000 (rupiah, whole). */
export function parseAmount(number: string, suffix: string | undefined): string | null {
  const multiplier = suffix ? MULTIPLIERS[suffix.toLowerCase()] ?? 1 : 1;
  let value: number;
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/.test(number)) value = Number(number.replace(/,\d{1,2}$/, '').replace(/\./g, ''));
  else if (/^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/.test(number)) value = Number(number.replace(/\.\d{1,2}$/, '').replace(/,/g, ''));
  // A single separator before one or two digits is a decimal: "1,5 jt", "2.5 juta", "Rp 45.000,50".
  else value = Number(number.replace(',', '.'));
  const rupiah = Math.round(value * multiplier);
  return Number.isFinite(rupiah) && rupiah > 0 ? String(rupiah) : null;
}

const TRACKING_CUE = String.raw`(?:no\.?\s*|nomor\s+)?(?:resi|awb|airway\s*bill|tracking(?:\s+(?:number|no\.?))?|jne|j&t|jnt|sicepat|si\s*cepat|anteraja|anter\s*aja|ninja(?:\s+xpress)?)`;

/**
 * In order: a span taken by an earlier pattern is not read again by a later one, so an email's digits
 * never become a phone number and a tracking number is not also an order number.
 */
export const factPatterns: FactPattern[] = [
  { kind: 'email', pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g, group: 0, normalise: (raw) => raw.toLowerCase() },
  // Invoice numbers have one shape everywhere: INV-20931, #INV-20931, INV/2026/11/0042.
  { kind: 'order_number', pattern: /#?\b(INV[-/](?:[A-Z0-9]+[-/])*[A-Z0-9]*\d[A-Z0-9]*)\b/gi, group: 1, normalise: upper },
  // Couriers whose numbers carry a prefix: J&T (JP…), Ninja Xpress (NLID…, NV…), JNE by origin code (CGK…).
  { kind: 'tracking_number', pattern: /\b(JP\d{10,12}|JD\d{10,12}|NLID[A-Z]{0,4}\d{6,12}|NV[A-Z]{2,6}\d{6,12}|(?:CGK|SUB|BDO|JOG|MES|DPS)[A-Z]{0,3}\d{9,14})\b/gi, group: 1, normalise: upper },
  // Digits-only numbers (SiCepat's 12, AnterAja's 14, JNE's 15–16) only when the customer says what they are.
  { kind: 'tracking_number', pattern: new RegExp(String.raw`\b${TRACKING_CUE}\s*[:#-]?\s*(?:(?:nya|nomor|no\.?|number|is|adalah)\s*[:#]?\s*)?(\d{10,16})\b`, 'gi'), group: 1, normalise: (raw) => raw },
  {
    kind: 'order_number',
    pattern: /\b(?:no\.?\s*|nomor\s+)?(?:order|pesanan|orderan|transaksi|invoice|faktur)(?:\s*(?:id|no\.?|nomor|number|saya|sy|ku))?\s*[:#]?\s*#?([A-Z0-9](?:[A-Z0-9-]{3,23}[A-Z0-9]))\b/gi,
    group: 1,
    normalise: (raw) => (hasDigit(raw) && !/^0?8\d{8,11}$/.test(raw) ? upper(raw) : null),
  },
  // A bare #A1B2C3 — letters and digits mixed, so "#1" or "#promo" are not orders.
  { kind: 'order_number', pattern: /(?<![\w&])#([A-Z0-9]{5,20})\b/gi, group: 1, normalise: (raw) => (hasDigit(raw) && /[A-Z]/i.test(raw) ? upper(raw) : /^\d{6,20}$/.test(raw) ? raw : null) },
  { kind: 'phone', pattern: /(?<![\w+])(?:\+62|62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,5}){1,3}(?![\w])/g, group: 0, normalise: toE164 },
  {
    kind: 'amount',
    pattern: /(?:\b(?:Rp\.?|IDR)\s?)(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:\s?(rb|ribu|k|jt|juta)\b)?/gi,
    group: 0,
    normalise: (raw) => {
      const match = /(\d[\d.,]*)\s?(rb|ribu|k|jt|juta)?\s*$/i.exec(raw);
      return match ? parseAmount(match[1]!.replace(/[.,]$/, ''), match[2]) : null;
    },
  },
  { kind: 'amount', pattern: /\b(\d{1,3}(?:[.,]\d{3})*|\d+(?:[.,]\d{1,2})?)\s?(rb|ribu|jt|juta)\b/gi, group: 0, normalise: (raw) => {
    const match = /^(.+?)\s?(rb|ribu|jt|juta)$/i.exec(raw);
    return match ? parseAmount(match[1]!, match[2]) : null;
  } },
];
