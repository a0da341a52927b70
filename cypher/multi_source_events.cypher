// Purpose: events described by at least $min_sources different sources (corroborated
//          reporting), most widely reported first. Copies of one article (a Source with
//          copy_of) count once, as their primary.
// Parameters:
//   $min_sources (integer, default 2): the least number of sources describing the event
// Example: timeline-graph query multi_source_events --param min_sources=3
MATCH (s:Source)-[:DESCRIBES]->(e:Event)
WITH e, count(DISTINCT coalesce(s.copy_of, s.id)) AS sources,
     collect(DISTINCT s.id) AS source_ids
WHERE sources >= $min_sources
RETURN e.id AS event, e.date_value AS date, e.date_precision AS precision,
       e.event_type AS type, e.label AS label, sources, source_ids
ORDER BY sources DESC, e.date_start IS NULL, e.date_start, e.id;
