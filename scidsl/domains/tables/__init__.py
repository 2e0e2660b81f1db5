"""Tables, contingency tables and Punnett squares."""
