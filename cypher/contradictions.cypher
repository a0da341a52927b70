// Purpose: contradicting claims side by side: both statements, both speakers, both sources,
//          the event they are about, and the evidence for the contradiction.
// Parameters: none
// Example: timeline-graph query contradictions --format json
MATCH (c1:Claim)-[x:CONTRADICTS]->(c2:Claim)
MATCH (s1:Source)-[:REPORTS]->(c1)
MATCH (s2:Source)-[:REPORTS]->(c2)
OPTIONAL MATCH (a1:Actor)-[:CLAIMED]->(c1)
OPTIONAL MATCH (a2:Actor)-[:CLAIMED]->(c2)
OPTIONAL MATCH (c1)-[:ABOUT]->(e:Event)
RETURN c1.id AS claim_1, coalesce(a1.name, c1.speaker) AS speaker_1, c1.text AS text_1,
       c1.polarity AS polarity_1, s1.id AS source_1, s1.caption AS source_title_1,
       c2.id AS claim_2, coalesce(a2.name, c2.speaker) AS speaker_2, c2.text AS text_2,
       c2.polarity AS polarity_2, s2.id AS source_2, s2.caption AS source_title_2,
       e.label AS about, x.evidence AS evidence
ORDER BY claim_1, claim_2, speaker_1, speaker_2, about;
