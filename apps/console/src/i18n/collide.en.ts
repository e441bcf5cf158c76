/* Collision detection (issue 10): who else has the ticket open, and the warning before a crossing reply. */
const collideEn = {
  watchers: {
    viewing: '{name} is viewing | {name} are viewing',
    typing: '{name} is typing… | {name} are typing…',
  },
  collision: {
    title: 'The customer was just answered',
    replied: '{name} replied {time}:',
    secondsAgo: 'just now | one second ago | {n} seconds ago',
    someone: 'Someone',
    question: 'The customer already has this answer. Send yours as well?',
    cancel: 'Cancel',
    sendAnyway: 'Send anyway',
  },
};

export default collideEn;
