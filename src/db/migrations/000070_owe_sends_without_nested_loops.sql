-- The listings trigger's statement joins its two transition tables, and PL/pgSQL plans a
-- statement without parameters once per connection and keeps that plan. Planned on a
-- connection's first single-row write (each transition table one row), it joins them by a nested
-- loop, and every later bulk on that connection then compared each updated row with every other:
-- a 1,000-item PUT /stocks took 110 ms instead of 20 after a few single writes on the same
-- connection. Without nested loops the join is hashed whatever the first write's size.
ALTER FUNCTION listings_owe_sends() SET enable_nestloop = off;
