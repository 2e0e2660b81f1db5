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
    schema = scene_document_model().model_json_schema(mode="validation")
    return {**schema, "$schema": SCHEMA_DIALECT, "title": "scidsl scene"}
