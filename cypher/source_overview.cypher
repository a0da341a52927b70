// Purpose: the sources in the graph in publication order: title, publisher, date and
//          whether it was stated or inferred, length, and how many events, claims and
//          actors each contributes.
// Parameters: none
// Example: timeline-graph query source_overview
MATCH (s:Source)
OPTIONAL MATCH (s)-[:DESCRIBES]->(e:Event)
WITH s, count(DISTINCT e) AS events
OPTIONAL MATCH (s)-[:REPORTS]->(c:Claim)
WITH s, events, count(DISTINCT c) AS claims
OPTIONAL MATCH (s)-[:MENTIONS]->(a:Actor)
WITH s, events, claims, count(DISTINCT a) AS actors
RETURN s.id AS source, s.caption AS title, s.publisher AS publisher,
       s.published_value AS published, s.published_basis AS basis, s.words AS words,
       events, claims, actors
ORDER BY s.published_start IS NULL, s.published_start, source;
