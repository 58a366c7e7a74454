export { WorkCalendar, type WorkCalendarConfig, WorkCalendarConfigSchema } from './calendar.js';
export { type ActionColour, type ColourInput, type ColourState, colourOf } from './colour.js';
export {
  anchorsUsed,
  type ComputedWindow,
  computeMoment,
  computeWindow,
  MissingAnchorError,
  type TimeWindow,
  type TimingAnchors,
} from './compute.js';
export { atTimeOfDay, type LocalDate, localDateOf, shiftLocalDate, weekdayOf } from './local-date.js';
export {
  MAX_OFFSET_AMOUNT,
  type TemplateTiming,
  type TemplateTimingInput,
  TemplateTimingSchema,
  TIME_UNITS,
  type TimeUnit,
  TimeUnitSchema,
  TimingAnchorSchema,
  type TimingOffset,
  TimingOffsetSchema,
  timeOfDaySchema,
} from './schema.js';
export { type LinkedChange, moveLinked, type PastStartDecision, pastStartDecision } from './window.js';
export { shiftWorkingDays } from './working-days.js';
