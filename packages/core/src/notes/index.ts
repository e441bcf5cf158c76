export * from './note.types.ts';
export * from './notes.usecases.ts';
