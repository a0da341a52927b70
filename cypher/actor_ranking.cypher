// Purpose: actors ranked by involvement: events they took part in plus claims they made,
//          then by the number of sources naming them and their mentions.
// Parameters:
//   $actor_type (string, optional): only one kind (person, organization, country, product, ...)
//   $limit (integer, default 20): how many actors to list
// Example: timeline-graph query actor_ranking --param actor_type=person --param limit=10
MATCH (a:Actor)
WHERE $actor_type IS NULL OR a.actor_type = $actor_type
OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
WITH a, count(DISTINCT e) AS events
OPTIONAL MATCH (a)-[:CLAIMED]->(c:Claim)
WITH a, events, count(DISTINCT c) AS claims
OPTIONAL MATCH (s:Source)-[:MENTIONS]->(a)
WITH a, events, claims, count(DISTINCT s) AS sources
RETURN a.id AS actor, a.name AS name, a.actor_type AS type, events + claims AS involvement,
       events, claims, sources, a.mentions_count AS mentions
ORDER BY involvement DESC, sources DESC, mentions DESC, actor
LIMIT $limit;
