/* Issue 11's threading in the ticket view: the reply channel picker, merge, split and their undo. */
const threadsEn = {
  replyVia: {
    label: 'Reply via',
    closed: 'window closed',
    templateOnly: 'template only',
    lastUsed: 'last used',
  },
  moves: {
    merge: 'Merge into…',
    mergeTitle: 'Merge this ticket into another of {name}',
    mergeHint: 'Every message moves to the chosen ticket and this one closes. You can undo it.',
    mergeInto: 'Merge into #{id}',
    noOtherTickets: 'This customer has no other ticket to merge into.',
    split: 'Split messages',
    splitHint: 'Select the messages that are a separate issue, then split them into a new ticket.',
    splitSelected: 'Split {count} into a new ticket',
    cancel: 'Cancel',
    merged: 'Merged into ticket #{id}.',
    split_done: 'Split into new ticket #{id}.',
    undo: 'Undo',
    undone: 'Undone: the messages are back.',
    mergedBanner: 'This ticket was merged into #{id}.',
    open: 'Open #{id}',
    selectMessage: 'Select this message to split it off',
  },
};

export default threadsEn;
