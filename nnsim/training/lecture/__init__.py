"""The lecture mode's model, free of Qt: walk a training step phase by phase and back,
write each phase's formula with the engine's numbers, and the article's worked example.

- :class:`LectureSession` (:mod:`.session`): ``next_phase()``, ``previous_phase()``,
  ``run_to_end_of_step()``, ``set_source(...)``, ``explain(...)``, ``tables(...)``.
- :func:`checkpoint` / :func:`restore` (:mod:`.checkpoint`): undo a training step exactly.
- :func:`explain`, :func:`phase_tables` (:mod:`.explain`), :func:`format_number`,
  :func:`format_matrix` (:mod:`.formatting`): what the numbers panel shows.
- :data:`ARTICLE_LESSON`, :func:`article_experiment`, :func:`article_session`,
  :data:`ARTICLE_NOTES` (:mod:`.article`): the article's example and its corrections.
"""

from nnsim.training.lecture.article import (
    ARTICLE_LESSON,
    ARTICLE_NOTES,
    ARTICLE_SEED,
    ArticleLesson,
    article_decay_example,
    article_experiment,
    article_session,
)
from nnsim.training.lecture.checkpoint import (
    TrainerCheckpoint,
    checkpoint,
    checkpoints_equal,
    restore,
)
from nnsim.training.lecture.context import StepContext
from nnsim.training.lecture.explain import explain
from nnsim.training.lecture.formatting import (
    Table,
    format_matrix,
    format_number,
    numbers_in,
)
from nnsim.training.lecture.session import LectureSession
from nnsim.training.lecture.sources import Source, custom_target, make_source
from nnsim.training.lecture.tables import phase_tables

__all__ = [
    "ARTICLE_LESSON",
    "ARTICLE_NOTES",
    "ARTICLE_SEED",
    "ArticleLesson",
    "LectureSession",
    "Source",
    "StepContext",
    "Table",
    "TrainerCheckpoint",
    "article_decay_example",
    "article_experiment",
    "article_session",
    "checkpoint",
    "checkpoints_equal",
    "custom_target",
    "explain",
    "format_matrix",
    "format_number",
    "make_source",
    "numbers_in",
    "phase_tables",
    "restore",
]
