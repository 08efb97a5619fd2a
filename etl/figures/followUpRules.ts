/**
 * The two numbers of contract section 4b that both the figures and the follow-up lists use,
 * so a list never disagrees with the count beside it.
 */

/** A planned meeting counts as held when a held meeting is at most this many days from it. */
export const planWindowDays = 3;

/** An open case older than this (in days, at min(to, as-of)) needs follow-up. */
export const openCaseAgeDays = 90;
