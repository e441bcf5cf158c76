export * from './report.types.ts';
export * from './histogram.rules.ts';
export * from './rollup-fold.rules.ts';
export * from './report-range.rules.ts';
export * from './report-figures.rules.ts';
export * from './report-csv.rules.ts';
export * from './reports.usecases.ts';
