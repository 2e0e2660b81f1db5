"""The JSON Schema (2020-12) of scenes, generated from the typed model."""
from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Union

from pydantic import BaseModel, Field, create_model

from scidsl.registry import kinds

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@lru_cache(maxsize=1)
def scene_document_model() -> type[BaseModel]:
    """A pydantic model of a whole JSON scene: {"items": [statement, ...]}."""
    classes = tuple(cls for cls, _ in kinds().values())
    item = Annotated[Union[classes], Field(discriminator="kind")]  # type: ignore[valid-type]
    return create_model("SceneDocument", items=(list[item], ...),  # type: ignore[valid-type]
                        __doc__="A scidsl scene: its statements in order.")


def scene_json_schema() -> dict[str, Any]:
    """The JSON Schema of a scene document."""
    schema = _json_bounds(scene_document_model().model_json_schema(mode="validation"))
    return {**schema, "$schema": SCHEMA_DIALECT, "title": "scidsl scene"}


# pydantic writes a Number field's bounds under their Python names; JSON Schema has its own
_BOUND_WORDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _json_bounds(node: Any) -> Any:
    """The schema with numeric bounds spelled as JSON Schema keywords."""
    if isinstance(node, list):
        return [_json_bounds(x) for x in node]
    if not isinstance(node, dict):
        return node
    is_number = node.get("type") in ("number", "integer")
    return {(_BOUND_WORDS.get(k, k) if is_number else k): _json_bounds(v) for k, v in node.items()}
