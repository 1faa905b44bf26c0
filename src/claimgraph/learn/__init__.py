"""Training of claimgraph's learned components on the annotated corpus (`make train`)."""
