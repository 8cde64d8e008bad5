import cronParser from "cron-parser";
import type { JobSchedule } from "./job.ts";

const DEFAULT_TZ = "Europe/Amsterdam";

/** The most recent scheduled moment at or before `now`. */
export function previousTick(schedule: JobSchedule, now: Date): Date {
  if ("everySeconds" in schedule) {
    const ms = schedule.everySeconds * 1000;
    return new Date(Math.floor(now.getTime() / ms) * ms);
  }
  const expression = cronParser.parseExpression(schedule.cron, {
    currentDate: new Date(now.getTime() + 1),
    tz: schedule.tz ?? DEFAULT_TZ,
  });
  return expression.prev().toDate();
}

/** The next scheduled moment after `now`. */
export function nextTick(schedule: JobSchedule, now: Date): Date {
  if ("everySeconds" in schedule) {
    return new Date(previousTick(schedule, now).getTime() + schedule.everySeconds * 1000);
  }
  const expression = cronParser.parseExpression(schedule.cron, {
    currentDate: now,
    tz: schedule.tz ?? DEFAULT_TZ,
  });
  return expression.next().toDate();
}

/** The slot of a scheduled run: its moment. A manual run gets a slot of its own. */
export const slotOf = (tick: Date) => tick.toISOString();

export function describeSchedule(schedule: JobSchedule): string {
  return "everySeconds" in schedule ? `every ${schedule.everySeconds} s` : schedule.cron;
}
