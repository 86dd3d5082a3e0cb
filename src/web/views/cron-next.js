// When a cron schedule fires next, for the status page: the five standard fields (minute, hour,
// day of month, month, day of week; a sixth leading seconds field is accepted and ignored) with
// `*`, lists, ranges and steps, read in the schedule's time zone. Names (`MON`, `JAN`) and the
// other extensions some cron dialects allow are not needed by docdelta's defaults; such a schedule
// answers null and the page simply shows no "next run".

const FIELDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 }, // 0 and 7 are both Sunday
];

function parseField(text, { min, max }) {
  const values = new Set();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return null;
    const step = match[4] ? Number(match[4]) : 1;
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    if (step < 1 || from < min || to > max || from > to) return null;
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/** The parsed schedule, or null when it is not a plain five- or six-field expression. */
export function parseCron(expression) {
  let fields = expression.trim().split(/\s+/);
  if (fields.length === 6) fields = fields.slice(1);
  if (fields.length !== 5) return null;
  const sets = fields.map((field, index) => parseField(field, FIELDS[index]));
  if (sets.some((set) => set === null)) return null;
  if (sets[4].has(7)) sets[4].add(0);
  // Classic cron: when both day fields are restricted, either may match.
  return { sets, anyDay: fields[2] !== '*' && fields[4] !== '*' };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function wallClock(date, format) {
  if (!format) return { minute: date.getUTCMinutes(), hour: date.getUTCHours(), day: date.getUTCDate(), month: date.getUTCMonth() + 1, weekday: date.getUTCDay() };
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  const weekday = WEEKDAYS.indexOf(parts.weekday);
  return { minute: Number(parts.minute), hour: Number(parts.hour), day: Number(parts.day), month: Number(parts.month), weekday };
}

function matches(schedule, clock) {
  const [minutes, hours, days, months, weekdays] = schedule.sets;
  if (!minutes.has(clock.minute) || !hours.has(clock.hour) || !months.has(clock.month)) return false;
  const dayOk = days.has(clock.day);
  const weekdayOk = weekdays.has(clock.weekday);
  return schedule.anyDay ? dayOk || weekdayOk : dayOk && weekdayOk;
}

/** The first minute after `from` that the schedule fires at, within eight days; else null. */
export function nextRun(expression, timeZone = 'UTC', from = new Date()) {
  const schedule = parseCron(expression);
  if (!schedule) return null;
  let format = null;
  if (timeZone !== 'UTC') {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
    } catch {
      return null; // a time zone this browser does not know
    }
  }
  let time = Math.floor(from.getTime() / 60_000) * 60_000 + 60_000;
  for (let i = 0; i < 8 * 24 * 60; i++, time += 60_000) {
    const date = new Date(time);
    if (matches(schedule, wallClock(date, format))) return date;
  }
  return null;
}
