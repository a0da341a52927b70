// Purpose: pairs of actors who take part in the same events, most shared events first;
//          optionally only the pairs that include one actor.
// Parameters:
//   $actor (string, optional): only pairs with this actor (name, words of it or alias, any case; or its id)
// Example: timeline-graph query co_participants --param actor=Russia
MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
WHERE a.id < b.id
  AND ($actor IS NULL
       OR (' ' + toLower(a.name) + ' ') CONTAINS (' ' + toLower($actor) + ' ')
       OR any(alias IN a.aliases WHERE toLower(alias) = toLower($actor))
       OR a.id = $actor OR $actor IN a.former_ids
       OR (' ' + toLower(b.name) + ' ') CONTAINS (' ' + toLower($actor) + ' ')
       OR any(alias IN b.aliases WHERE toLower(alias) = toLower($actor))
       OR b.id = $actor OR $actor IN b.former_ids)
WITH a, b, count(DISTINCT e) AS shared_events, collect(DISTINCT e.label) AS events
RETURN a.name AS actor_a, b.name AS actor_b, shared_events, events, a.id AS id_a,
       b.id AS id_b
ORDER BY shared_events DESC, actor_a, actor_b, id_a, id_b;
