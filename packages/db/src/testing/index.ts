/** Test-only helpers: never imported by production code (lint keeps it so). */
export { openTestDatabase, reopenTestDatabase, testDialect, type TestDatabase, type TestDialect } from './test-database.ts';
export { createPostgresTestDatabase, type PostgresTestDatabase } from './postgres-test-database.ts';
export { caseCorpus, seededRandom, type CorpusCase } from './case-corpus.ts';
export { recordFor, seedResolvedCases } from './resolution-fixtures.ts';
export { insertTableRows, runningClock, slaClockRow } from './table-rows.ts';
export { appendHistory, clock as slaClock, message as historyMessage, rated, settled, stageMoved, ticketView, type TicketSpec } from './report-history.ts';
