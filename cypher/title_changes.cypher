// Purpose: titles and roles of actors over time: each title with the source that gives it
//          and that source's publication date, so changes (minister -> former minister)
//          read in order.
// Parameters:
//   $actor (string, optional): only this actor (name, words of it or alias, any case; or its id)
// Example: timeline-graph query title_changes --param actor=Shoigu
MATCH (a:Actor)
WHERE a.titles_count > 0
  AND ($actor IS NULL OR (' ' + toLower(a.name) + ' ') CONTAINS (' ' + toLower($actor) + ' ')
       OR any(alias IN a.aliases WHERE toLower(alias) = toLower($actor))
       OR a.id = $actor OR $actor IN a.former_ids)
UNWIND range(0, a.titles_count - 1) AS i
MATCH (s:Source {id: a.titles_source_id[i]})
RETURN a.id AS actor_id, a.name AS actor, a.titles_title[i] AS title,
       s.published_value AS as_of, s.published_basis AS as_of_basis, s.id AS source
ORDER BY actor, actor_id, s.published_start IS NULL, s.published_start, title, source;
