"""Cell diagrams and DNA replication."""
