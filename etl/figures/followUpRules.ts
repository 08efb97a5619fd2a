/**
 * The numbers of contract sections 4b and 4d that both the figures and the lists (follow-up,
 * deviations) use, so a list never disagrees with the count beside it.
 */

/** A planned meeting counts as held when a held meeting is at most this many days from it. */
export const planWindowDays = 3;

/** An open case older than this (in days, at min(to, as-of)) needs follow-up. */
export const openCaseAgeDays = 90;

/** A deviation's answer is due within two months: overdue when older than this many days at the as-of date (4d). */
export const answerDueDays = 60;
