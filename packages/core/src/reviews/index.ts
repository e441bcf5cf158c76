export * from './review.types.ts';
export * from './review-choices.rules.ts';
export * from './typed-answer.rules.ts';
export * from './testimonial.rules.ts';
