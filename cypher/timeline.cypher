// Purpose: the chronological timeline of events, with date precision, participants and the
//          number of sources that describe each event; optionally for one actor or a period.
// Parameters: $actor (string or null: actor name or alias), $from, $to (date or null).
// Example: timeline-graph query timeline --param actor=Putin --param from=2023-01-01
MATCH (e:Event)
WHERE ($from IS NULL OR e.date_end >= date($from))
  AND ($to IS NULL OR e.date_start <= date($to))
OPTIONAL MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
WITH e, collect(DISTINCT a.name) AS participants
WHERE $actor IS NULL OR any(name IN participants WHERE toLower(name) = toLower($actor))
OPTIONAL MATCH (s:Source)-[:DESCRIBES]->(e)
RETURN e.id AS event, e.date_value AS date, e.date_precision AS precision,
       e.event_type AS type, e.label AS label, participants, count(DISTINCT s) AS sources
ORDER BY e.date_start IS NULL, e.date_start, e.date_end, e.id;
