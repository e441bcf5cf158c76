export * from './note.types.ts';
