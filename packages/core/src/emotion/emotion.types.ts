/** How upset a message reads; the table test in emotion.cases.ts pins these for real-sounding lines. */
export const emotionLevels = ['calm', 'concerned', 'upset', 'angry'] as const;
export type EmotionLevel = (typeof emotionLevels)[number];

/** One reason a score went up, so an agent (and a reviewer) can see why: "explained", not a black box. */
export interface EmotionCue {
  dimension: 'anger' | 'urgency';
  kind: 'word' | 'phrase' | 'exclamations' | 'capitals' | 'repetition' | 'emoji' | 'negation';
  /** The text that triggered it, as written. */
  text: string;
  weight: number;
}

/** Local, lexicon-based reading of one message (Bahasa Indonesia, informal forms, and English). */
export interface EmotionReading {
  /** 0–100. */
  anger: number;
  /** 0–100. */
  urgency: number;
  level: EmotionLevel;
  urgent: boolean;
  cues: EmotionCue[];
}
