// Purpose: how two actors are connected: every shortest chain (up to 6 steps) through what
//          they did and said: shared events, claims about events, supporting or
//          contradicting claims, relayed statements. Being named in the same article
//          (MENTIONS) and mere succession on the timeline (PRECEDES) do not count.
// Parameters:
//   $actor_a (string): one actor's name, words of it ("Peskov") or alias, any case, or its id
//   $actor_b (string): the other actor's name, words of it ("Peskov") or alias, any case, or its id
// Example: timeline-graph query actor_connections --param actor_a=Putin --param actor_b=Ukraine
MATCH (a:Actor)
WHERE (' ' + toLower(a.name) + ' ') CONTAINS (' ' + toLower($actor_a) + ' ')
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower($actor_a))
   OR a.id = $actor_a OR $actor_a IN a.former_ids
MATCH (b:Actor)
WHERE ((' ' + toLower(b.name) + ' ') CONTAINS (' ' + toLower($actor_b) + ' ')
   OR any(alias IN b.aliases WHERE toLower(alias) = toLower($actor_b))
   OR b.id = $actor_b OR $actor_b IN b.former_ids)
  AND a.id <> b.id
WITH a, b
MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN|CLAIMED|RELAYED|ABOUT|SUPPORTS|CONTRADICTS*..6]-(b))
RETURN a.name AS actor_a, b.name AS actor_b, length(p) AS steps,
       [n IN nodes(p) | n.caption] AS path, [r IN relationships(p) | type(r)] AS via,
       reduce(route = '', n IN nodes(p) | route + '/' + n.id) AS route
ORDER BY steps, route;
