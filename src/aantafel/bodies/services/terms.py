import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor

from ..models import Body, DecisionRule, TermsOfReference
from ._checks import require_text

TEXT_FIELDS = ["objectives", "tasks", "other_themes", "composition", "cooperation", "mandate"]
AUDITED = ["version", *TEXT_FIELDS, "decision_rule", "approved_by", "approved_on"]


@transaction.atomic
def terms_add_version(
    *,
    actor: Actor,
    body: Body,
    decision_rule: str,
    approved_by: str,
    approved_on: datetime.date,
    objectives: str = "",
    tasks: str = "",
    other_themes: str = "",
    composition: str = "",
    cooperation: str = "",
    mandate: str = "",
) -> TermsOfReference:
    """B3: a new version of the terms of reference, recording who approved it and when.
    B6: it sets the body's decision rule. Earlier versions stay as they were."""
    # Lock the body so two supporters adding a version at once get consecutive numbers.
    Body.objects.select_for_update().filter(pk=body.pk).first()
    if decision_rule not in DecisionRule.values:
        raise DomainError(_("Choose how the body takes decisions."), field="decision_rule")
    approved_by = require_text(
        approved_by, field="approved_by", message=_("Say who approved these terms of reference.")
    )
    if approved_on > timezone.localdate():
        raise DomainError(_("The approval date cannot lie in the future."), field="approved_on")
    previous = TermsOfReference.objects.filter(body=body).order_by("-version").first()
    if previous is not None and approved_on < previous.approved_on:
        raise DomainError(
            _("This version cannot be dated before the previous version (approved on %(date)s).")
            % {"date": date_format(previous.approved_on, "j F Y")},
            field="approved_on",
        )
    texts = {
        name: value.strip()
        for name, value in zip(
            TEXT_FIELDS,
            (objectives, tasks, other_themes, composition, cooperation, mandate),
            strict=True,
        )
    }
    if not any(texts.values()):
        raise DomainError(_("Fill in at least the objectives or the mandate."), field="objectives")
    latest = TermsOfReference.objects.filter(body=body).aggregate(v=Max("version"))["v"] or 0
    terms = TermsOfReference.objects.create(
        region=body.region,
        body=body,
        version=latest + 1,
        decision_rule=decision_rule,
        approved_by=approved_by,
        approved_on=approved_on,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        **texts,
    )
    audit_created(
        actor=actor, action="terms.add_version", target=terms, region=body.region, fields=AUDITED
    )
    return terms
