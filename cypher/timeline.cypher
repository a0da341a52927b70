// Purpose: the chronological timeline of events: date and precision, type, how the sources
//          tell it (modality: actual, planned, possible, negated, reported), participants,
//          how many sources describe each event and whether a claim about it is contested;
//          optionally only one actor's events or a period. Undated events come last.
// Parameters:
//   $actor (string, optional): only events this actor took part in (name, words of it or alias, any case; or its id)
//   $from (date, optional): only events that may fall on or after this day (YYYY-MM-DD)
//   $to (date, optional): only events that may fall on or before this day (YYYY-MM-DD)
// Example: timeline-graph query timeline --param actor=Putin --param from=2023-01-01
MATCH (e:Event)
WHERE ($from IS NULL OR e.date_end >= date($from))
  AND ($to IS NULL OR e.date_start <= date($to))
OPTIONAL MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
WITH e, collect(DISTINCT a.name) AS participants,
     sum(CASE WHEN (' ' + toLower(a.name) + ' ') CONTAINS (' ' + toLower($actor) + ' ')
                OR any(alias IN a.aliases WHERE toLower(alias) = toLower($actor))
                OR a.id = $actor OR $actor IN a.former_ids
              THEN 1 ELSE 0 END) AS actor_matches
WHERE $actor IS NULL OR actor_matches > 0
OPTIONAL MATCH (s:Source)-[:DESCRIBES]->(e)
WITH e, participants, count(DISTINCT coalesce(s.copy_of, s.id)) AS sources
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
OPTIONAL MATCH (c)-[x:CONTRADICTS]-(:Claim)
WITH e, participants, sources, count(x) > 0 AS contested
RETURN e.id AS event, e.date_value AS date, e.date_precision AS precision,
       e.date_mod AS date_mod, e.event_type AS type, e.label AS label,
       e.modality AS modality, participants, sources, contested
ORDER BY e.date_start IS NULL, e.date_start, e.date_end, e.id;
