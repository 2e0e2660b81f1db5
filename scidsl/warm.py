"""Imported once by the batch's fork server: every worker forked from it starts with the compiler loaded."""
from scidsl.worker import warm_up

warm_up()
