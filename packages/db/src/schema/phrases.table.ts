import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { languages, phraseIntensities, phraseTones } from '@keluh/core';

export const phrases = sqliteTable(
  'phrases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    stage: integer('stage').$type<1 | 2 | 3 | 4 | 5>().notNull(),
    language: text('language', { enum: languages }).notNull(),
    tone: text('tone', { enum: phraseTones }).notNull(),
    intensity: text('intensity', { enum: phraseIntensities }).notNull(),
    notOurFault: integer('not_our_fault', { mode: 'boolean' }).notNull().default(false),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // One wording per variant of a key; it also makes two processes seeding the defaults at once harmless.
    unique('phrases_variant_uq').on(t.key, t.language, t.tone, t.intensity, t.notOurFault),
    index('phrases_stage_language_idx').on(t.stage, t.language),
  ],
);
