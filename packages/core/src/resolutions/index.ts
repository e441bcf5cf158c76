export * from './resolution.types.ts';
export * from './similar-case.rules.ts';
export * from './search-text.rules.ts';
export * from './resolution-inputs.ts';
export * from './resolutions.usecases.ts';
