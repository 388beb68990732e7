"""The window's exports (File ▸ Export): the Python script (:mod:`.script_dialog`)."""

from nnsim.ui.export.script_dialog import (
    ExportScriptDialog,
    ScriptChoice,
    ScriptExporter,
    ask_script_choice,
    default_script_path,
)

__all__ = [
    "ExportScriptDialog",
    "ScriptChoice",
    "ScriptExporter",
    "ask_script_choice",
    "default_script_path",
]
