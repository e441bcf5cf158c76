export * from './emotion.types.ts';
export * from './emotion.rules.ts';
export { emotionCases, type EmotionCase } from './emotion.cases.ts';
