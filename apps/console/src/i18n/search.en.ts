/* The search box on `/` (docs/customers.md §Search). Same keys in search.id.ts. */
export default {
  search: {
    title: 'Search',
    open: 'Search messages, customers and tickets',
    placeholder: 'Search messages, customers, tickets, phone numbers…',
    hint: 'Type a word, a name or a phone number. ↑ ↓ move, Enter opens, Esc closes.',
    empty: 'Nothing found for “{q}” in your teams.',
    groups: { customer: 'Customers', ticket: 'Tickets', message: 'Messages' },
    onTicket: '{name} · ticket #{id}',
    ticket: 'Newest ticket #{id}',
    noTicket: 'No ticket yet',
  },
};
