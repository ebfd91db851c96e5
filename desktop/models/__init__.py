"""Qt item models over the domain: one per view, no copies of every row in widgets."""
