"""Serializers of the meetings API, one module per use case like api/: `*Input` parse a
request (ids are looked up within the region, rules are left to the services), the others write
a response. Output reads only what queries_api.py has loaded, so the number of queries does not
grow with the data."""

from .agenda import (
    AgendaItemSerializer,
    DocumentInputSerializer,
    DocumentSerializer,
    ItemAtMeetingInputSerializer,
    ItemFromActionInputSerializer,
    ItemInputSerializer,
    MoveInputSerializer,
)
from .attendance import (
    AttendanceRecordInputSerializer,
    AttendanceRespondInputSerializer,
    AttendanceSerializer,
    PresenceInputSerializer,
)
from .meetings import (
    CancelInputSerializer,
    MeetingDetailSerializer,
    MeetingFilterSerializer,
    MeetingInputSerializer,
    MeetingPermissionsSerializer,
    MeetingSerializer,
    MeetingSeriesInputSerializer,
)
from .minutes import (
    MinutesApproveInputSerializer,
    MinutesCorrectInputSerializer,
    MinutesSaveInputSerializer,
    MinutesSerializer,
    MinutesVersionSerializer,
)
from .mirroring import (
    ClientPerspectiveInputSerializer,
    MirrorableItemSerializer,
    MirrorInputSerializer,
)
from .outcomes import (
    ActionFilterSerializer,
    ActionInputSerializer,
    ActionSerializer,
    ActionStatusInputSerializer,
    DecisionFilterSerializer,
    DecisionInputSerializer,
    DecisionSerializer,
    ItemNotesInputSerializer,
    PositionInputSerializer,
    PositionSerializer,
    ThemeRefSerializer,
)
from .participation import (
    AnswerSerializer,
    QuestionAskedSerializer,
    QuestionDetailSerializer,
    QuestionInputSerializer,
    QuestionSerializer,
    ReactionInputSerializer,
    ReactionSerializer,
)
from .proposals import (
    ProposalAcceptInputSerializer,
    ProposalDeclineInputSerializer,
    ProposalDeferInputSerializer,
    ProposalFilterSerializer,
    ProposalInputSerializer,
    ProposalSerializer,
)
from .reporting import (
    MeetingReporterSerializer,
    ReportBackInputSerializer,
    ReporterInputSerializer,
)

__all__ = [
    "ActionFilterSerializer",
    "ActionInputSerializer",
    "ActionSerializer",
    "ActionStatusInputSerializer",
    "AgendaItemSerializer",
    "AnswerSerializer",
    "AttendanceRecordInputSerializer",
    "AttendanceRespondInputSerializer",
    "AttendanceSerializer",
    "CancelInputSerializer",
    "ClientPerspectiveInputSerializer",
    "DecisionFilterSerializer",
    "DecisionInputSerializer",
    "DecisionSerializer",
    "DocumentInputSerializer",
    "DocumentSerializer",
    "ItemAtMeetingInputSerializer",
    "ItemFromActionInputSerializer",
    "ItemInputSerializer",
    "ItemNotesInputSerializer",
    "MeetingDetailSerializer",
    "MeetingFilterSerializer",
    "MeetingInputSerializer",
    "MeetingPermissionsSerializer",
    "MeetingReporterSerializer",
    "MeetingSerializer",
    "MeetingSeriesInputSerializer",
    "MinutesApproveInputSerializer",
    "MinutesCorrectInputSerializer",
    "MinutesSaveInputSerializer",
    "MinutesSerializer",
    "MinutesVersionSerializer",
    "MirrorInputSerializer",
    "MirrorableItemSerializer",
    "MoveInputSerializer",
    "PositionInputSerializer",
    "PositionSerializer",
    "PresenceInputSerializer",
    "ProposalAcceptInputSerializer",
    "ProposalDeclineInputSerializer",
    "ProposalDeferInputSerializer",
    "ProposalFilterSerializer",
    "ProposalInputSerializer",
    "ProposalSerializer",
    "QuestionAskedSerializer",
    "QuestionDetailSerializer",
    "QuestionInputSerializer",
    "QuestionSerializer",
    "ReactionInputSerializer",
    "ReactionSerializer",
    "ReportBackInputSerializer",
    "ReporterInputSerializer",
    "ThemeRefSerializer",
]
