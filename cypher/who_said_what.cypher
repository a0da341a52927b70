// Purpose: who said what about an event: every claim about the matching events with its
//          speaker (the resolved actor, else the speaker as written), the outlet relaying
//          it if any, cue, polarity, hedging, and the source that reports it.
// Parameters:
//   $event (string): an event id (evt_..., or one a merge retired) or words in the event's label (any case)
// Example: timeline-graph query who_said_what --param event=mobilization
MATCH (c:Claim)-[:ABOUT]->(e:Event)
WHERE e.id = $event OR $event IN e.former_ids OR toLower(e.label) CONTAINS toLower($event)
MATCH (s:Source)-[:REPORTS]->(c)
OPTIONAL MATCH (speaker:Actor)-[:CLAIMED]->(c)
OPTIONAL MATCH (outlet:Actor)-[:RELAYED]->(c)
WITH e, c, s, collect(DISTINCT speaker.name) AS speakers,
     collect(DISTINCT outlet.name) AS relayed_by
RETURN e.id AS event, e.label AS event_label, c.id AS claim,
       CASE WHEN size(speakers) > 0 THEN speakers ELSE [c.speaker] END AS speakers,
       relayed_by, c.text AS text, c.cue AS cue, c.polarity AS polarity,
       c.hedged AS hedged, c.date_value AS said, s.id AS source, s.caption AS source_title,
       s.published_value AS published
ORDER BY e.id, c.date_start IS NULL, c.date_start, c.id, s.id;
