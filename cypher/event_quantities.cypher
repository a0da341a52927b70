// Purpose: the numbers stated about events (troops, recruits, regions, ...) in time order,
//          each with its unit, qualifier (about, at least, ...), wording and sources.
// Parameters:
//   $unit (string, optional): only this unit, as lemmatised (e.g. man, troop, soldier)
// Example: timeline-graph query event_quantities --param unit=man
MATCH (e:Event)
WHERE e.quantities_count > 0
UNWIND range(0, e.quantities_count - 1) AS i
WITH e, i
WHERE $unit IS NULL OR toLower(e.quantities_unit[i]) = toLower($unit)
OPTIONAL MATCH (s:Source)-[:DESCRIBES]->(e)
WITH e, i, collect(DISTINCT s.id) AS sources
RETURN e.id AS event, e.date_value AS date, e.label AS label,
       e.quantities_value[i] AS value, e.quantities_unit[i] AS unit,
       e.quantities_modifier[i] AS modifier, e.quantities_text[i] AS text, sources
ORDER BY e.date_start IS NULL, e.date_start, event, i;
