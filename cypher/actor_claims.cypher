// Purpose: one actor's statements over time: each claim with when it was said (the claim's
//          own date, else the reporting source's publication date), what it is about, cue,
//          polarity, hedging and source.
// Parameters:
//   $actor (string): the speaker's name, words of it ("Peskov") or alias, any case, or its id
// Example: timeline-graph query actor_claims --param actor=Peskov
MATCH (a:Actor)-[:CLAIMED]->(c:Claim)
WHERE (' ' + toLower(a.name) + ' ') CONTAINS (' ' + toLower($actor) + ' ')
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower($actor))
   OR a.id = $actor OR $actor IN a.former_ids
MATCH (s:Source)-[:REPORTS]->(c)
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
WITH a, c, s, e, coalesce(c.date_start, s.published_start) AS said_on
RETURN a.name AS actor, said_on, c.date_value AS claim_date, s.published_value AS published,
       c.id AS claim, c.text AS text, c.cue AS cue, c.polarity AS polarity,
       c.hedged AS hedged, e.label AS about, s.id AS source
ORDER BY said_on IS NULL, said_on, claim, about;
