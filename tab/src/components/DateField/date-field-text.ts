/** What a date field says when the text typed is not a date it can read. */
export const TYPE_IT_SO = 'Type the date as dd/mm/yyyy, for example 23/04/2026, or pick it from the calendar.';
