/** The timeline engine's public API. */
export type { TimelineEvent, TimelineEventKind } from './types';
export { TIMELINE_EVENT_KINDS } from './types';
export { buildTimeline, compareEvents, type BuildTimelineOptions } from './buildTimeline';
export { AgreementsByDate, hasCueBefore, CUE_WINDOW } from './agreementLinks';
export { sentenceAround, labelOf } from './sentences';
