// Purpose: the evidence behind one claim: the text that ties it to its source (REPORTS),
//          its speaker or relaying outlet, the event it is about and any supporting or
//          contradicting claim, each with the source file and character offsets into it.
// Parameters:
//   $claim (string): the claim id (clm_...), e.g. from who_said_what or actor_claims
// Example: timeline-graph query claim_evidence --param claim=clm_0c9f76f24ee6d9ac
MATCH (c:Claim {id: $claim})
MATCH (other)-[r:REPORTS|CLAIMED|RELAYED|ABOUT|SUPPORTS|CONTRADICTS]-(c)
UNWIND range(0, r.spans_count - 1) AS i
MATCH (s:Source {id: r.spans_source_id[i]})
WITH r, other, s, i,
     CASE type(r) WHEN 'REPORTS' THEN 0 WHEN 'CLAIMED' THEN 1 WHEN 'RELAYED' THEN 2
                  WHEN 'ABOUT' THEN 3 ELSE 4 END AS rank
RETURN toLower(type(r)) AS evidence, other.caption AS linked, s.id AS source, s.path AS path,
       s.published_value AS published, r.spans_start[i] AS start, r.spans_end[i] AS end,
       r.spans_text[i] AS text
ORDER BY rank, evidence, linked, source, start, end;
