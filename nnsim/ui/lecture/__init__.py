"""The lecture mode's widgets: walk one training step phase by phase in front of a class.

- :class:`LectureView` (:mod:`.lecture_view`): the step-through layout, with its
  :class:`PhaseBar`, :class:`NumbersPanel`, :class:`SourceChooser` and :class:`LessonPanel`;
  :func:`lecture_session` builds the session it walks from the training process's state.
- :mod:`.presentation`: :func:`apply_font_scale`, :func:`zoom_in` / :func:`zoom_out`,
  :func:`apply_high_contrast` (:data:`HIGH_CONTRAST_STYLE`); :mod:`.hide_controls`:
  :func:`set_controls_hidden`, :class:`HideControlsDialog`.
- :class:`LectureMode` (:mod:`.window_mode`): all of it inside the main window (View ▸
  Lecture mode, View ▸ Presentation, File ▸ Lessons); :func:`run_lesson` for the CLI.
- :mod:`.lessons` (no Qt): :func:`load_lesson`, :func:`lesson_names`, the built-in lessons.
"""

from nnsim.training.lecture.start import lecture_session
from nnsim.ui.lecture.data_column import DataColumn
from nnsim.ui.lecture.diagram import LectureNetworkView, Overlays, phase_overlays
from nnsim.ui.lecture.hide_controls import (
    HideControlsDialog,
    hidden_controls,
    named_controls,
    set_controls_hidden,
)
from nnsim.ui.lecture.lecture_view import LectureView
from nnsim.ui.lecture.lesson_panel import LessonPanel
from nnsim.ui.lecture.lessons import (
    LESSONS,
    LessonError,
    LessonSetup,
    LessonText,
    lesson_names,
    lesson_title,
    load_lesson,
)
from nnsim.ui.lecture.numbers_panel import NumbersPanel
from nnsim.ui.lecture.phase_bar import PhaseBar
from nnsim.ui.lecture.presentation import (
    HIGH_CONTRAST_STYLE,
    ZOOM_STEPS,
    HighContrastTheme,
    apply_font_scale,
    apply_high_contrast,
    enable_style_sheet_font_propagation,
    font_scale,
    high_contrast_palette,
    is_high_contrast,
    reset_zoom,
    zoom_in,
    zoom_out,
)
from nnsim.ui.lecture.source_chooser import SourceChooser
from nnsim.ui.lecture.window_mode import LectureMode, run_lesson

__all__ = [
    "HIGH_CONTRAST_STYLE",
    "LESSONS",
    "ZOOM_STEPS",
    "DataColumn",
    "HideControlsDialog",
    "HighContrastTheme",
    "LectureMode",
    "LectureNetworkView",
    "LectureView",
    "LessonError",
    "LessonPanel",
    "LessonSetup",
    "LessonText",
    "NumbersPanel",
    "Overlays",
    "PhaseBar",
    "SourceChooser",
    "apply_font_scale",
    "apply_high_contrast",
    "enable_style_sheet_font_propagation",
    "font_scale",
    "hidden_controls",
    "high_contrast_palette",
    "is_high_contrast",
    "lecture_session",
    "lesson_names",
    "lesson_title",
    "load_lesson",
    "named_controls",
    "phase_overlays",
    "reset_zoom",
    "run_lesson",
    "set_controls_hidden",
    "zoom_in",
    "zoom_out",
]
