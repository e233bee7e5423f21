"""Section 5 of PRODUCT.md, one module per part: trajectories (P1), events (P2), campaigns and
the plan's actions (P3), ideas (P4), stories (P5), the register (P6) and safety concerns."""

from .campaigns import (
    Answer,
    Campaign,
    CampaignResponse,
    CampaignStatus,
    PlanAction,
    PlanActionStatus,
    Question,
    QuestionKind,
    ResponseChannel,
    Theme,
)
from .events import (
    AudienceType,
    Event,
    EventStatus,
    Registration,
    RegistrationMail,
    RegistrationStatus,
)
from .ideas import PUBLIC_IDEA_STATUSES, Idea, IdeaMail, IdeaStatus, IdeaSupport
from .register import InitiativeKind, ParticipationInitiative
from .safety import SafetyConcern, SafetyConcernMail
from .stories import Story, StoryMail, StoryStatus
from .trajectories import (
    MAX_TEXT,
    DecisionStatus,
    Phase,
    Pillar,
    Trajectory,
    TrajectoryDocument,
    TrajectoryUpdate,
    UpdateKind,
    trajectory_document_upload_to,
)

__all__ = [
    "MAX_TEXT",
    "PUBLIC_IDEA_STATUSES",
    "Answer",
    "AudienceType",
    "Campaign",
    "CampaignResponse",
    "CampaignStatus",
    "DecisionStatus",
    "Event",
    "EventStatus",
    "Idea",
    "IdeaMail",
    "IdeaStatus",
    "IdeaSupport",
    "InitiativeKind",
    "ParticipationInitiative",
    "Phase",
    "Pillar",
    "PlanAction",
    "PlanActionStatus",
    "Question",
    "QuestionKind",
    "Registration",
    "RegistrationMail",
    "RegistrationStatus",
    "ResponseChannel",
    "SafetyConcern",
    "SafetyConcernMail",
    "Story",
    "StoryMail",
    "StoryStatus",
    "Theme",
    "Trajectory",
    "TrajectoryDocument",
    "TrajectoryUpdate",
    "UpdateKind",
    "trajectory_document_upload_to",
]
