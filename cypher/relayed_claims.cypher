// Purpose: second-hand statements: claims an outlet passes on from someone else
//          ("Outlet quoted officials as saying ..."), with the original speaker and the
//          source that carries them, so the chain of attribution is visible.
// Parameters: none
// Example: timeline-graph query relayed_claims
MATCH (outlet:Actor)-[:RELAYED]->(c:Claim)<-[:REPORTS]-(s:Source)
OPTIONAL MATCH (speaker:Actor)-[:CLAIMED]->(c)
RETURN outlet.name AS outlet, coalesce(speaker.name, c.speaker) AS speaker, c.id AS claim,
       c.text AS text, c.cue AS cue, c.hedged AS hedged, s.id AS source
ORDER BY outlet, claim, speaker;
