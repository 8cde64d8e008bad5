import type { worklistNoticesNl } from "./messages.worklist.nl.ts";

/** English texts of the reminders and the emergency-access notices on My work (spread into plansEn). */
export const worklistNoticesEn: Record<keyof typeof worklistNoticesNl, string> = {
  "worklist.reminders": "Reminders",
  "worklist.reminders.empty": "You have no reminders.",
  "worklist.reminders.kind": "About",
  "worklist.reminders.link": "View",
  "worklist.reminders.done": "Done",
  "worklist.reminders.doneFor": "Done: {what}, {date}",
  "worklist.reminders.dismissed": "The reminder has been ticked off.",
  "worklist.reminder.aftercareCheckIn": "Aftercare: call or visit",
  "worklist.reminder.planReview": "Review the plan",
  "worklist.reminder.directoryReview": "Check a social map entry",
  "worklist.reminder.signalDeadline": "Signal: the deadline has passed",
  "worklist.reminder.signalDeadlineTripled": "Signal: the deadline has long passed",
  "worklist.emergency": "Emergency access to my cases",
  "worklist.emergency.intro":
    "Someone else opened a household you are case lead of with emergency access. Check that this is right, then click Seen.",
  "worklist.emergency.empty": "Nobody opened one of your households with emergency access.",
  "worklist.emergency.who": "Who",
  "worklist.emergency.when": "When",
  "worklist.emergency.until": "until {time}",
  "worklist.emergency.reason": "Reason",
  "worklist.emergency.status": "Now",
  "worklist.emergency.active": "Still has access",
  "worklist.emergency.ended": "Ended",
  "worklist.emergency.seen": "Seen",
  "worklist.emergency.seenFor": "Seen: emergency access by {name} to {household}",
  "worklist.emergency.marked": "You have marked the emergency access by {name} as seen.",
};
