"""Check, plan and facts of each biology kind kept outside domain.py, by kind."""
from __future__ import annotations

from typing import Any

from scidsl.domains.biology import ecology, genes, molecular
from scidsl.domains.biology import kinds as k

HANDLERS: dict[type, tuple[Any, Any, Any]] = {
    k.EcologicalPyramid: (ecology.check_pyramid, ecology.pyramid_plan, ecology.pyramid_facts),
    k.FoodWeb: (ecology.check_web, ecology.web_plan, ecology.web_facts),
    k.Translation: (molecular.check_translation, molecular.translation_plan, molecular.translation_facts),
    k.BloodCell: (molecular.check_blood, molecular.blood_plan, molecular.blood_facts),
    k.Prokaryote: (genes.check_prokaryote, genes.prokaryote_plan, genes.prokaryote_facts),
    k.Promoter: (genes.check_promoter, genes.promoter_plan, genes.promoter_facts),
}
