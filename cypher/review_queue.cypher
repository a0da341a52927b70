// Purpose: what an analyst should check: undated events, dates and publication dates that
//          were inferred rather than stated, sources without a date, hedged claims and
//          claims without an identified speaker. One row per item and reason.
// Parameters: none
// Example: timeline-graph query review_queue --format csv > review.csv
MATCH (n)
WHERE n:Event OR n:Claim OR n:Source
OPTIONAL MATCH (speaker:Actor)-[:CLAIMED|RELAYED]->(n)
WITH n, count(speaker) AS speakers
WITH n, [reason IN [
       CASE WHEN n:Event AND n.date_value IS NULL THEN 'undated event' END,
       CASE WHEN n.date_basis = 'inferred' THEN 'inferred date' END,
       CASE WHEN n:Source AND n.published_basis = 'inferred'
            THEN 'inferred publication date' END,
       CASE WHEN n:Source AND n.published_value IS NULL THEN 'no publication date' END,
       CASE WHEN n:Claim AND n.hedged THEN 'hedged claim' END,
       CASE WHEN n:Claim AND speakers = 0 THEN 'no identified speaker' END
     ] WHERE reason IS NOT NULL] AS reasons
UNWIND reasons AS reason
RETURN reason, labels(n)[0] AS kind, n.id AS id, n.caption AS item,
       coalesce(n.date_value, n.published_value) AS date,
       coalesce(n.published_evidence, n.date_text, n.speaker) AS detail
ORDER BY reason, id;
