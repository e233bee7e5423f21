"""Every write of the signal loop, one function per use case (PRODUCT.md S1–S3)."""

from .submit import signal_submit_for_constituency, signal_submit_public
from .triage import (
    signal_answer,
    signal_close,
    signal_flag_safety,
    signal_link_duplicate,
    signal_move,
    signal_put_on_table,
    signal_set_themes,
)

__all__ = [
    "signal_answer",
    "signal_close",
    "signal_flag_safety",
    "signal_link_duplicate",
    "signal_move",
    "signal_put_on_table",
    "signal_set_themes",
    "signal_submit_for_constituency",
    "signal_submit_public",
]
