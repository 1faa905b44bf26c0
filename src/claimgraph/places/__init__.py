"""Places: the offline gazetteer, resolution of place mentions, and where events happen."""
