// Purpose: what kinds of events the graph holds: per event type, how many events, how
//          many sources describe them (copies of one article count once), and the earliest and latest dates they may fall on.
// Parameters: none
// Example: timeline-graph query event_types --format csv
MATCH (e:Event)
OPTIONAL MATCH (s:Source)-[:DESCRIBES]->(e)
WITH e.event_type AS type, count(DISTINCT e) AS events,
     count(DISTINCT coalesce(s.copy_of, s.id)) AS sources,
     min(e.date_start) AS earliest, max(e.date_end) AS latest
RETURN type, events, sources, earliest, latest
ORDER BY events DESC, type;
