import { eq, getTableColumns } from 'drizzle-orm';
import type { Ticket, TicketView } from '@keluh/core';
import { customers, tickets, users } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

/** Tickets with the customer brief and assignee a list row or header needs, in one query. */
export function selectTicketViews(db: PgDb) {
  return db
    .select({
      ticket: getTableColumns(tickets),
      customer: {
        id: customers.id,
        name: customers.name,
        type: customers.type,
        characteristic: customers.characteristic,
        language: customers.language,
      },
      assignee: { id: users.id, name: users.name },
    })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .$dynamic();
}

type TicketViewRow = {
  ticket: Ticket;
  customer: TicketView['customer'];
  assignee: TicketView['assignee'];
};

export function toTicketView(row: TicketViewRow): TicketView {
  return { ...row.ticket, customer: row.customer, assignee: row.assignee };
}
