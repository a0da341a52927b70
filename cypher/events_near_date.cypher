// Purpose: events that may have happened within $days days of a date (their date interval
//          overlaps the window), with their precision so that a whole-year date is not
//          mistaken for a match on the day.
// Parameters:
//   $on (date): the day to look around (YYYY-MM-DD)
//   $days (integer, default 7): half-width of the window in days
// Example: timeline-graph query events_near_date --param on=2024-03-29 --param days=30
WITH date($on) AS day
MATCH (e:Event)
WHERE e.date_start <= day + duration({days: $days})
  AND e.date_end >= day - duration({days: $days})
RETURN e.id AS event, e.date_value AS date, e.date_precision AS precision,
       e.event_type AS type, e.label AS label
ORDER BY e.date_start, e.date_end, event;
