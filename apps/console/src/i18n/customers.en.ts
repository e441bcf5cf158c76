/* One customer across channels (issue 11): merge suggestions on the ticket and the merge history, beside en.ts. */
const customersEn = {
  merges: {
    suggestion: {
      label: 'Possibly the same person',
      reasons: {
        phone_in_message: '{name} is known by the number typed here.',
        email_in_message: '{name} is known by the email typed here.',
        order_number: '{name} has a ticket with the same order number.',
        same_name: '{name} wrote on another channel today under the same name.',
      },
      confirm: 'Same person: merge',
      reject: 'Different people',
      confirmed: 'Merged. You can undo it from the customer’s merge history.',
    },
    history: {
      title: 'Merge history',
      empty: 'Never merged.',
      merged: '{name} merged in',
      mergedInto: 'Merged into {name}',
      by: 'by {name}',
      automatic: 'automatically',
      undone: 'Undone by {name}',
      undo: 'Undo',
      reasons: { manual: 'by hand', suggestion: 'suggestion confirmed', verified_phone: 'same verified phone', verified_email: 'same verified email' },
    },
  },
};

export default customersEn;
