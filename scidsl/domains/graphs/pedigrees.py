"""Pedigrees (stub)."""
class PedigreeLayout: pass
def check_pedigree(ctx): pass
