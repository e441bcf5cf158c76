// One implementation for the widget and the console: it lives with the other shared browser code.
export { linkify, safeHttpUrl, type Segment } from '@keluh/realtime-client';
