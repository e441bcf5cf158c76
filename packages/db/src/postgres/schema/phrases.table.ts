import { boolean, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { languages, phraseIntensities, phraseTones } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';

export const phrases = pgTable(
  'phrases',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    stage: integer('stage').$type<1 | 2 | 3 | 4 | 5>().notNull(),
    language: text('language', { enum: languages }).notNull(),
    tone: text('tone', { enum: phraseTones }).notNull(),
    intensity: text('intensity', { enum: phraseIntensities }).notNull(),
    notOurFault: boolean('not_our_fault').notNull().default(false),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // One wording per variant of a key; it also makes two processes seeding the defaults at once harmless.
    unique('phrases_variant_uq').on(t.key, t.language, t.tone, t.intensity, t.notOurFault),
    index('phrases_stage_language_idx').on(t.stage, t.language),
  ],
);
