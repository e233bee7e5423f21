"""The cliëntoverleg of the demo (C1–C9), for IROJ Limburg, written through the casework services
so that the data obey the rules: consent as records, the chair from the pool, police refused,
confidentiality accepted by the participant themselves, actions with the young person's say.

The service (`SERVICE`): a coordinator (the region's contact point), a pool of three
independent chairs and a data protection officer. Every account with access to case data needs
two-factor authentication (casework.mfa): the service's accounts and the professionals at the
tables log in with the demo password and an authenticator app set up with the documented key
`DEMO_TOTP_SECRET` (any authenticator app, or `oathtool --totp -b AANTAFELDEMOCODE`). The
family and the non-professionals at a table have no password: they log in with a code sent to
their e-mail address, which `make run` prints on the console.

The cases (fictional families only; `FAMILY_NAMES`), one in each state of the flow:
- a fresh request: a teacher asks, with the parents' consent, for a girl of 10;
- a request accepted and waiting for its chair; a request declined with its reason;
- a case at the table: a help coordinator (professional), a teacher as trusted person who
  accepted confidentiality, a neighbour who has not yet; a consultation next week; a draft work
  plan whose actions all have the young person's say, one refused with her reason — her mother
  logs in by code, sees who has access and can withdraw consent;
- a case whose plan was agreed and confirmed, one action refused (outside the plan), one done;
- a case whose plan was adjusted (version 2, with its reason) and whose help coordinator asked
  for a follow-up consultation;
- seven cases closed in the last finished quarter, all tagged "waiting list" (C9: five or more,
  so publishing the quarter makes a system signal, which the supporter put on the theme
  "Wachtlijsten"), and a few other tags that stay under five.

The services stamp "now"; the history is then put back in time with plain updates (as the
meetings, signals and advice of the demo do) — except the case log, which the application never
changes: its lines say when the demo was loaded. The mail the services queue goes nowhere
(the loader's tasks are quiet) and its records are removed at the commit: the demo's history
told no one. A region that already has cases is left alone, so a second run adds nothing.
"""

import datetime
import zoneinfo
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from aantafel.accounts.models import User
from aantafel.accounts.services import user_create
from aantafel.casework.models import (
    ActionOwner,
    Agreement,
    Bottleneck,
    Case,
    CaseBottleneck,
    CaseClient,
    CaseMail,
    CaseworkRole,
    CaseworkRoleKind,
    ClientRole,
    ConsentMethod,
    Consultation,
    Participant,
    ParticipantKind,
    PlanAction,
    PlanConfirmation,
    PlanGoal,
    Purpose,
    RequesterKind,
    WorkPlan,
)
from aantafel.casework.services import (
    bottlenecks,
    case_request,
    consent,
    consultations,
    follow_up,
    intake,
    plan,
    table,
)
from aantafel.casework.services.case_request import CaseRequest, ConsentGiver
from aantafel.regions.models import PlanTheme, Region
from aantafel.signals.models import Signal, SignalEvent
from aantafel.signals.services import signal_set_themes

from .content import WACHTLIJSTEN, RegionSpec
from .signals import SIGNALS

# The key of the authenticator app of every demo account with access to case data. Documented
# on purpose: it is a demo. Base32, as authenticator apps take it.
DEMO_TOTP_SECRET = "AANTAFELDEMOCODE"

L = "iroj-limburg.example"
FAMILY = "voorbeeld.example"

# Every family of the demo's cases, all fictional (Flemish names: the cases are in IROJ Limburg).
FAMILY_NAMES = (
    "Vrolix",
    "Ramaekers",
    "Schoofs",
    "Dirix",
    "Vanlommel",
    "Ceyssens",
    "Knevels",
    "Reynders",
    "Vanhees",
    "Nelissen",
    "Pauwels",
    "Lambrechts",
    "Moors",
)


@dataclass(frozen=True)
class Account:
    email: str
    full_name: str
    # What the table of demo logins says; empty: not listed.
    login_role: str = ""


TWO_FACTOR = f"2FA-sleutel {DEMO_TOTP_SECRET}"
BY_CODE = "code per e-mail"

COORDINATOR = Account(
    f"clientoverleg@{L}",
    "Lies Vermeulen",
    f"Coördinator Cliëntoverleg ({TWO_FACTOR})",
)
CHAIRS = (
    Account(f"guy.vanbrabant@{L}", "Guy Vanbrabant", f"onafhankelijk voorzitter ({TWO_FACTOR})"),
    Account(f"mieke.claesen@{L}", "Mieke Claesen", f"onafhankelijk voorzitter ({TWO_FACTOR})"),
    Account(f"johan.bijnens@{L}", "Johan Bijnens", f"onafhankelijk voorzitter ({TWO_FACTOR})"),
)
PRIVACY_OFFICER = Account(
    f"dpo@{L}", "Evelien Daems", f"functionaris gegevensbescherming ({TWO_FACTOR})"
)
SERVICE: tuple[tuple[Account, str], ...] = (
    (COORDINATOR, CaseworkRoleKind.COORDINATOR),
    *((chair, CaseworkRoleKind.CHAIR) for chair in CHAIRS),
    (PRIVACY_OFFICER, CaseworkRoleKind.PRIVACY_OFFICER),
)

# Professionals at the tables: the demo password and two-factor authentication.
LORE = Account(
    "lore.vandersmissen@caw-limburg.example",
    "Lore Vandersmissen",
    "hulpcoördinator",
)
BRAM = Account("bram.thijs@cgg-limburg.example", "Bram Thijs", "hulpcoördinator")
KAAT = Account("kaat.jorissen@clb-limburg.example", "Kaat Jorissen")
# Non-professionals at a table and the family: no password, a code by e-mail.
TEACHER = Account("wouter.moens@basisschool-dekiewit.example", "Wouter Moens", BY_CODE)
NEIGHBOUR = Account(f"marleen.huybrechts@{FAMILY}", "Marleen Huybrechts", BY_CODE)
PARENT = Account(f"inge.dirix@{FAMILY}", "Inge Dirix", BY_CODE)


def login_rows() -> list[tuple[str, str, str]]:
    """(e-mail, role, region) for the command's table of demo logins: the service, the help
    coordinators, and the people of the case at the table, with its reference."""
    rows: list[tuple[str, str, str]] = []
    emails = [a.email for a, _ in SERVICE] + [LORE.email, BRAM.email]
    present = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    for account, _ in SERVICE:
        if account.email in present:
            rows.append((account.email, account.login_role, "IROJ Limburg"))
    for account in (LORE, BRAM):
        reference = _reference(Participant.objects.filter(user__email=account.email))
        if account.email in present and reference:
            rows.append(
                (
                    account.email,
                    f"{account.login_role} in {reference} ({TWO_FACTOR})",
                    "IROJ Limburg",
                )
            )
    the_table = _reference(CaseClient.objects.filter(user__email=PARENT.email))
    if the_table:
        for account, what in (
            (PARENT, "ouder"),
            (TEACHER, "leerkracht (vertrouwenspersoon)"),
            (NEIGHBOUR, "buurvrouw (zwijgplicht nog niet aanvaard)"),
        ):
            rows.append((account.email, f"{what} in {the_table} ({BY_CODE})", "IROJ Limburg"))
    return rows


def _reference(rows: "QuerySet[Participant] | QuerySet[CaseClient]") -> str:
    """The reference of the first case of these rows, or "" when there is none."""
    row = rows.select_related("case").order_by("pk").first()
    return row.case.reference if row is not None else ""


# --- loading --------------------------------------------------------------------------------


def load_casework(
    region: Region,
    spec: RegionSpec,
    *,
    created: Counter[str],
    password: str,
    password_hash: str,
) -> None:
    """The service's roles (added when missing) and, unless the region has cases already, the
    demo's cases. Only IROJ Limburg has a cliëntoverleg in the demo."""
    if spec.slug != "iroj-limburg":
        return
    loader = _Casework(
        region, spec, created=created, password=password, password_hash=password_hash
    )
    loader.service()
    if Case.objects.filter(region=region).exists():
        return
    loader.cases()
    transaction.on_commit(lambda: _forget_mails(region.pk))


def _forget_mails(region_id: int) -> None:
    """Runs after the mail the services queued at the same commit (the agreed plans' mail is
    written then): nobody is told about the demo's history, nothing waits to be sent."""
    CaseMail.objects.filter(region_id=region_id, sent_at__isnull=True, attempts=0).delete()


def _fresh(user: User | None) -> User:
    """The user read again: the seat at a case is kept on the user object (per request), and
    the demo changes seats as it goes."""
    assert user is not None  # the chair of a case at the table, a participant's account
    return User.objects.get(pk=user.pk)


# A work plan's goal with its actions: (text, owner kind, participant, due in days, the young
# person's say, their reason).
ActionSpec = tuple[str, str, Participant | None, int, str, str]
GoalSpec = tuple[str, list[ActionSpec]]


def _birth(today: datetime.date, years: int, days: int = 45) -> datetime.date:
    """A birthday `years` years and `days` days ago (the 28th at the latest: no 29 February)."""
    return datetime.date(today.year - years, today.month, min(today.day, 28)) - datetime.timedelta(
        days=days
    )


class _Casework:
    def __init__(
        self,
        region: Region,
        spec: RegionSpec,
        *,
        created: Counter[str],
        password: str,
        password_hash: str,
    ) -> None:
        self.region = region
        self.spec = spec
        self.created = created
        self.password = password
        self.password_hash = password_hash
        self.tz = zoneinfo.ZoneInfo(region.timezone)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now, self.tz)

    # --- people -------------------------------------------------------------------------------

    def account(self, account: Account, *, two_factor: bool) -> User:
        """A demo account with the demo password (and, for case access, the documented key)."""
        user = User.objects.filter(email__iexact=account.email).first()
        if user is None:
            validate_password(
                self.password, user=User(email=account.email, full_name=account.full_name)
            )
            user = user_create(
                email=account.email,
                full_name=account.full_name,
                password=self.password_hash,
                password_hashed=True,
            )
            self.created["users"] += 1
        if (
            two_factor
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
        return user

    def service(self) -> None:
        """The region's cliëntoverleg service. There is no service for these roles: the
        region's installer gives them, like the region itself."""
        self.roles: dict[str, list[User]] = {}
        for account, role in SERVICE:
            user = self.account(account, two_factor=True)
            _, made = CaseworkRole.objects.get_or_create(region=self.region, user=user, role=role)
            if made:
                self.created["cliëntoverleg roles"] += 1
            self.roles.setdefault(role, []).append(user)
        self.coordinator = self.roles[CaseworkRoleKind.COORDINATOR][0]
        self.chairs = self.roles[CaseworkRoleKind.CHAIR]

    # --- moments ------------------------------------------------------------------------------

    def at(self, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.tz)

    def ago(self, days: int, hour: int = 10) -> datetime.datetime:
        """`days` days ago at `hour` (never later than now)."""
        return min(self.at(self.today - datetime.timedelta(days=days), hour), self.now)

    # --- the steps of a case ------------------------------------------------------------------

    def request(self, data: CaseRequest) -> Case:
        case = case_request.case_request_submit(region=self.region, data=data)
        self.created["cliëntoverleggen"] += 1
        return case

    def to_table(self, case: Case, chair: User) -> Case:
        intake.case_accept(actor=self.coordinator, case=case)
        return intake.case_chair_appoint(actor=self.coordinator, case=case, chair=chair)

    def consent_giver(self, case: Case) -> CaseClient:
        """C1: from 12 the young person's own consent, below 12 a parent's."""
        minor = case.clients.get(role=ClientRole.MINOR)
        role = consent.consent_role_for(minor.birth_date, self.today)
        return case.clients.filter(role=role).order_by("pk").first() or minor

    def invite(
        self,
        case: Case,
        account: Account,
        *,
        kind: str,
        days_ago: int,
        organisation: str = "",
        function: str = "",
        help_coordinator: bool = False,
    ) -> Participant:
        if kind in (ParticipantKind.PROFESSIONAL, ParticipantKind.EXPERT):
            self.account(account, two_factor=True)
        return table.participant_invite(
            actor=_fresh(case.chair) if case.chair else self.coordinator,
            case=case,
            kind=kind,
            name=account.full_name,
            email=account.email,
            organisation=organisation,
            function=function,
            is_help_coordinator=help_coordinator,
            consent_given_by=self.consent_giver(case),
            consent_method=ConsentMethod.IN_PERSON,
            consent_given_at=self.ago(days_ago, 11),
        )

    def accept_confidentiality(self, participant: Participant, days_ago: int) -> None:
        table.confidentiality_accept(actor=_fresh(participant.user), participant=participant)
        Participant.objects.filter(pk=participant.pk).update(
            confidentiality_accepted_at=self.ago(days_ago, 19)
        )

    def draft(
        self,
        case: Case,
        actor: User,
        goals: Iterable[GoalSpec],
        *,
        reason: str = "",
    ) -> WorkPlan:
        """A draft with its goals and actions, each action with the young person's say:
        (text, owner kind, participant or None, due in days, agreement, reason)."""
        draft = plan.plan_draft(actor=actor, case=case, reason=reason)
        for goal_text, actions in goals:
            goal = plan.goal_add(actor=actor, plan=draft, text=goal_text)
            for text, owner, participant, due_days, say, why in actions:
                action = plan.action_add(
                    actor=actor,
                    plan=draft,
                    goal=goal,
                    text=text,
                    owner_kind=owner,
                    participant=participant,
                    due_date=self.today + datetime.timedelta(days=due_days),
                )
                if say:
                    plan.action_agreement_record(
                        actor=actor, action=action, agreement=say, reason=why
                    )
        return draft

    def backdate(self, case: Case, *, requested: int, decided: int, chair: int | None) -> None:
        """The case's own moments, `n` days ago (the services stamped them now)."""
        values: dict[str, datetime.datetime] = {
            "created_at": self.ago(requested, 9),
            "decided_at": self.ago(decided, 14),
        }
        if chair is not None:
            values["chair_appointed_at"] = self.ago(chair, 15)
        Case.objects.filter(pk=case.pk).update(**values)

    # --- the cases ----------------------------------------------------------------------------

    def cases(self) -> None:
        self.fresh_request()
        self.waiting_for_chair()
        self.declined()
        self.at_the_table()
        self.agreed_plan()
        self.follow_up_requested()
        self.closed_last_quarter()
        self.publish_bottlenecks()

    def fresh_request(self) -> None:
        """C1: a teacher asks, with the parents' consent: the girl is 10, so a parent says yes."""
        self.request(
            CaseRequest(
                requester_kind=RequesterKind.TRUSTED_PERSON,
                requester_name="An Cuppens",
                requester_email="an.cuppens@basisschool-dekiewit.example",
                requester_relation="juf van Mila in het vierde leerjaar",
                minor_name="Mila Vrolix",
                minor_birth_date=_birth(self.today, 10),
                parent_name="Sarah Vrolix",
                parent_email=f"sarah.vrolix@{FAMILY}",
                purpose=Purpose.COORDINATION,
                question="Mila zit vaak alleen op de speelplaats en huilt veel. Thuis is er een "
                "gezinsbegeleider en Mila gaat naar een logopedist. Haar mama en ik willen dat "
                "iedereen samen één plan maakt, zodat Mila zich weer goed voelt op school.",
                address="Kiewitstraat 12, 3500 Hasselt",
                consent_given_by=ConsentGiver.PARENT,
                consent_date=self.today - datetime.timedelta(days=4),
                consent_method=ConsentMethod.IN_PERSON,
            )
        )

    def waiting_for_chair(self) -> None:
        """C3: accepted by the coordinator; the chair is still to be appointed."""
        case = self.request(
            CaseRequest(
                requester_kind=RequesterKind.PARENT,
                requester_name="Katleen Ramaekers",
                requester_email=f"katleen.ramaekers@{FAMILY}",
                minor_name="Jonas Ramaekers",
                minor_birth_date=_birth(self.today, 15),
                minor_email=f"jonas.ramaekers@{FAMILY}",
                purpose=Purpose.CONTINUITY,
                question="Jonas komt over twee maanden thuis uit de voorziening. We willen "
                "afspreken wie hem dan helpt, zodat de hulp niet stopt.",
                address="Stationsstraat 40, 3600 Genk",
            )
        )
        intake.case_accept(actor=self.coordinator, case=case)
        self.backdate(case, requested=6, decided=2, chair=None)

    def declined(self) -> None:
        """C1: taken in and declined, with the reason."""
        case = self.request(
            CaseRequest(
                requester_kind=RequesterKind.CARE_DIRECTOR,
                requester_name="Dries Wuyts",
                requester_email="dries.wuyts@jeugdhulpregie.example",
                requester_organisation="Jeugdhulpregie Limburg",
                requester_relation="jeugdhulpregisseur van het gezin",
                minor_name="Finn Schoofs",
                minor_birth_date=_birth(self.today, 13),
                parent_name="Bart Schoofs",
                purpose=Purpose.TERMINATION,
                question="De begeleiding van Finn loopt af. We willen het afsluiten samen "
                "bespreken met het gezin.",
                consent_given_by=ConsentGiver.MINOR,
                consent_date=self.today - datetime.timedelta(days=20),
                consent_method=ConsentMethod.PHONE,
            )
        )
        intake.case_decline(
            actor=self.coordinator,
            case=case,
            reason="Er is maar één hulpverlener betrokken. Een afsluitend gesprek met de "
            "begeleider en het gezin volstaat; de regisseur plant het zelf.",
        )
        self.backdate(case, requested=18, decided=15, chair=None)

    def at_the_table(self) -> None:
        """C4, C5, C6: the table, with a consultation next week and a draft whose actions all
        have Lena's say — one refused, with her reason. Her mother logs in by code (C8)."""
        case = self.request(
            CaseRequest(
                requester_kind=RequesterKind.PROFESSIONAL,
                requester_name=KAAT.full_name,
                requester_email=KAAT.email,
                requester_organisation="CLB Limburg",
                requester_relation="CLB-medewerker van de school van Lena",
                minor_name="Lena Dirix",
                minor_birth_date=_birth(self.today, 14),
                minor_email=f"lena.dirix@{FAMILY}",
                parent_name=PARENT.full_name,
                parent_email=PARENT.email,
                purpose=Purpose.COORDINATION,
                question="Lena krijgt hulp van het CAW, de school en een psycholoog, maar "
                "niemand weet wat de anderen doen. Lena en haar mama willen één plan.",
                address="Kerkplein 3, 3500 Hasselt",
                consent_given_by=ConsentGiver.MINOR,
                consent_date=self.today - datetime.timedelta(days=24),
                consent_method=ConsentMethod.IN_PERSON,
            )
        )
        case = self.to_table(case, self.chairs[0])
        lore = self.invite(
            case,
            LORE,
            kind=ParticipantKind.PROFESSIONAL,
            days_ago=10,
            organisation="CAW Limburg",
            function="contextbegeleider",
            help_coordinator=True,
        )
        teacher = self.invite(case, TEACHER, kind=ParticipantKind.TRUSTED_PERSON, days_ago=10)
        self.accept_confidentiality(teacher, days_ago=8)
        self.invite(case, NEIGHBOUR, kind=ParticipantKind.NETWORK, days_ago=3)
        next_week = self.today + datetime.timedelta(days=7)
        consultations.consultation_schedule(
            actor=_fresh(case.chair),
            case=case,
            starts_at=self.at(next_week, 15, 30),
            ends_at=self.at(next_week, 17),
            location="CAW Limburg, Thonissenlaan 23, 3500 Hasselt",
        )
        self.draft(
            case,
            _fresh(case.chair),
            [
                (
                    "Lena voelt zich weer goed op school.",
                    [
                        (
                            "Lena spreekt elke week af met meester Wouter: hoe ging het?",
                            ActionOwner.NETWORK,
                            teacher,
                            30,
                            Agreement.AGREED,
                            "",
                        ),
                        (
                            "Lena gaat drie weken naar een time-outklas buiten de school.",
                            ActionOwner.PROFESSIONAL,
                            lore,
                            21,
                            Agreement.REFUSED,
                            "Ik wil bij mijn vriendinnen in de klas blijven.",
                        ),
                    ],
                ),
                (
                    "Iedereen weet wie wat doet.",
                    [
                        (
                            "Lore zet alle afspraken op één blad en stuurt het naar iedereen.",
                            ActionOwner.PROFESSIONAL,
                            lore,
                            14,
                            Agreement.AGREED,
                            "",
                        ),
                        (
                            "Mama en Lena zeggen het aan Lore als een afspraak niet lukt.",
                            ActionOwner.CLIENT,
                            None,
                            60,
                            Agreement.AGREED,
                            "",
                        ),
                    ],
                ),
            ],
        )
        self.backdate(case, requested=21, decided=18, chair=16)

    def held_first_consultation(self, case: Case, days_ago: int, notes: str) -> None:
        """A consultation that took place `days_ago` days ago: planned (in the future, as the
        service wants), put back in time, then marked held with the chair's notes."""
        chair = _fresh(case.chair)
        consultation = consultations.consultation_schedule(
            actor=chair,
            case=case,
            starts_at=self.now + datetime.timedelta(hours=1),
            ends_at=self.now + datetime.timedelta(hours=2),
            location="Huis van het Kind, Hasselt",
        )
        day = self.today - datetime.timedelta(days=days_ago)
        Consultation.objects.filter(pk=consultation.pk).update(
            starts_at=self.at(day, 14), ends_at=self.at(day, 15, 30)
        )
        consultation.refresh_from_db()
        consultations.consultation_mark_held(actor=chair, consultation=consultation)
        consultations.consultation_notes_save(
            actor=_fresh(chair), consultation=consultation, notes=notes
        )

    def agree_and_confirm(self, draft: WorkPlan, actor: User, *, days_ago: int) -> None:
        """C6: agreed, and confirmed by everyone at the table who has a login."""
        agreed = plan.plan_agree(actor=actor, plan=draft)
        case = agreed.case
        people = [case.chair] if case.chair else []
        people += [c.user for c in case.clients.select_related("user") if c.user]
        people += [p.user for p in Participant.objects.filter(case=case).select_related("user")]
        for person in people:
            plan.plan_confirm(actor=_fresh(person), plan=agreed)
        WorkPlan.objects.filter(pk=agreed.pk).update(agreed_at=self.ago(days_ago, 16))
        PlanConfirmation.objects.filter(plan=agreed).update(confirmed_at=self.ago(days_ago - 1, 20))

    def agreed_plan(self) -> None:
        """C6, C7: an agreed plan with everyone's confirmation; one action refused (outside the
        plan, with the reason), one done. The help coordinator can mark the others done."""
        case = self.request(
            CaseRequest(
                requester_kind=RequesterKind.PARENT,
                requester_name="Els Vanlommel",
                requester_email=f"els.vanlommel@{FAMILY}",
                minor_name="Noor Vanlommel",
                minor_birth_date=_birth(self.today, 16),
                minor_email=f"noor.vanlommel@{FAMILY}",
                purpose=Purpose.COORDINATION,
                question="Noor gaat niet meer naar school en zit veel op haar kamer. Er zijn al "
                "veel mensen die helpen, maar het gaat niet beter. We willen samen rond de "
                "tafel.",
            )
        )
        case = self.to_table(case, self.chairs[1])
        bram = self.invite(
            case,
            BRAM,
            kind=ParticipantKind.PROFESSIONAL,
            days_ago=40,
            organisation="CGG LITP",
            function="psycholoog",
            help_coordinator=True,
        )
        kaat = self.invite(
            case,
            KAAT,
            kind=ParticipantKind.PROFESSIONAL,
            days_ago=40,
            organisation="CLB Limburg",
            function="CLB-medewerker",
        )
        self.held_first_consultation(
            case,
            days_ago=25,
            notes="Noor vertelde zelf wat moeilijk is. Iedereen was het eens: eerst een "
            "rustig begin op school, dan pas meer uren.",
        )
        chair = _fresh(case.chair)
        draft = self.draft(
            case,
            chair,
            [
                (
                    "Noor gaat weer naar school, eerst halve dagen.",
                    [
                        (
                            "Kaat maakt met de school een plan voor halve dagen.",
                            ActionOwner.PROFESSIONAL,
                            kaat,
                            7,
                            Agreement.AGREED,
                            "",
                        ),
                        (
                            "Noor gaat elke ochtend naar school, van 8.30 tot 12 uur.",
                            ActionOwner.CLIENT,
                            None,
                            45,
                            Agreement.AGREED,
                            "",
                        ),
                    ],
                ),
                (
                    "Noor heeft iemand om mee te praten.",
                    [
                        (
                            "Noor praat om de twee weken met Bram.",
                            ActionOwner.PROFESSIONAL,
                            bram,
                            60,
                            Agreement.AGREED,
                            "",
                        ),
                        (
                            "Noor gaat naar een praatgroep voor jongeren.",
                            ActionOwner.PROFESSIONAL,
                            bram,
                            30,
                            Agreement.REFUSED,
                            "In een groep durf ik niets te zeggen.",
                        ),
                    ],
                ),
            ],
        )
        self.agree_and_confirm(draft, chair, days_ago=24)
        first = (
            PlanAction.objects.filter(plan=draft, agreement=Agreement.AGREED).order_by("pk").first()
        )
        assert first is not None
        follow_up.action_mark_done(actor=_fresh(bram.user), action=first)
        PlanAction.objects.filter(pk=first.pk).update(done_at=self.ago(12, 17))
        self.backdate(case, requested=50, decided=47, chair=45)

    def follow_up_requested(self) -> None:
        """C7: the plan adjusted (version 2, with its reason), and a follow-up consultation
        requested by the help coordinator, waiting for the chair to plan it."""
        case = self.request(
            CaseRequest(
                requester_kind=RequesterKind.MINOR,
                requester_name="Yana Ceyssens",
                requester_email=f"yana.ceyssens@{FAMILY}",
                minor_birth_date=_birth(self.today, 17),
                parent_name="Patrick Ceyssens",
                purpose=Purpose.CONTINUITY,
                question="Ik word binnenkort 18. Ik wil weten wie mij dan nog helpt met wonen "
                "en met geld.",
            )
        )
        case = self.to_table(case, self.chairs[2])
        lore = self.invite(
            case,
            LORE,
            kind=ParticipantKind.PROFESSIONAL,
            days_ago=70,
            organisation="CAW Limburg",
            function="contextbegeleider",
            help_coordinator=True,
        )
        self.held_first_consultation(
            case,
            days_ago=60,
            notes="Yana wil op zichzelf gaan wonen. We zoeken samen uit welke hulp na haar "
            "18de verjaardag kan blijven.",
        )
        chair = _fresh(case.chair)
        goals: list[GoalSpec] = [
            (
                "Yana weet waar ze na haar 18de kan wonen.",
                [
                    (
                        "Lore zoekt met Yana een studio via begeleid wonen.",
                        ActionOwner.PROFESSIONAL,
                        lore,
                        30,
                        Agreement.AGREED,
                        "",
                    ),
                ],
            ),
            (
                "Yana kan haar geld zelf regelen.",
                [
                    (
                        "Yana houdt een maand lang bij wat ze uitgeeft.",
                        ActionOwner.CLIENT,
                        None,
                        30,
                        Agreement.AGREED,
                        "",
                    ),
                ],
            ),
        ]
        first = self.draft(case, chair, goals)
        self.agree_and_confirm(first, chair, days_ago=58)
        helper = _fresh(lore.user)
        second = plan.plan_draft(
            actor=helper,
            case=case,
            reason="Begeleid wonen heeft een wachtlijst van een jaar. We zoeken ook een "
            "andere plek.",
        )
        goal = PlanGoal.objects.filter(plan=second).order_by("position").first()
        extra = plan.action_add(
            actor=helper,
            plan=second,
            goal=goal,
            text="Lore vraagt een plek aan bij een kamertrainingscentrum.",
            owner_kind=ActionOwner.PROFESSIONAL,
            participant=lore,
            due_date=self.today + datetime.timedelta(days=21),
        )
        plan.action_agreement_record(actor=helper, action=extra, agreement=Agreement.AGREED)
        plan.plan_agree(actor=helper, plan=second)
        WorkPlan.objects.filter(pk=second.pk).update(agreed_at=self.ago(20, 16))
        follow_up.follow_up_request(
            actor=_fresh(lore.user),
            case=case,
            reason="De wachtlijst voor begeleid wonen is lang. We moeten samen een andere "
            "oplossing zoeken voor Yana 18 wordt.",
        )
        self.backdate(case, requested=80, decided=77, chair=75)

    # --- C9 -----------------------------------------------------------------------------------

    def closed_last_quarter(self) -> None:
        """Seven cases closed in the last finished quarter, each naming the waiting list; a few
        other tags, each on fewer than five cases."""
        quarter = bottlenecks.previous_quarter(self.today)
        year, number = int(quarter[:4]), int(quarter[-1])
        first_day = datetime.date(year, 3 * number - 2, 1)
        closings: tuple[tuple[str, str, str, int, list[str]], ...] = (
            ("Ann", "Lotte", "Knevels", 9, [Bottleneck.NO_SUITABLE_OFFER]),
            ("Kris", "Wout", "Reynders", 16, [Bottleneck.TRANSITION_ADULT]),
            ("Sofie", "Jade", "Vanhees", 12, []),
            (
                "Dieter",
                "Milan",
                "Nelissen",
                7,
                [Bottleneck.NO_SUITABLE_OFFER, Bottleneck.ACCESSIBILITY],
            ),
            ("Nathalie", "Zoë", "Pauwels", 14, [Bottleneck.COORDINATION]),
            ("Koen", "Arne", "Lambrechts", 11, []),
            ("Leen", "Fien", "Moors", 15, [Bottleneck.NO_CAPACITY]),
        )
        purposes = (Purpose.COORDINATION, Purpose.CONTINUITY, Purpose.TERMINATION)
        for index, (parent, child, family, age, tags) in enumerate(closings):
            case = self.request(
                CaseRequest(
                    requester_kind=RequesterKind.PARENT,
                    requester_name=f"{parent} {family}",
                    requester_phone=f"0470 12 34 {index + 10}",
                    minor_name=f"{child} {family}",
                    minor_birth_date=_birth(self.today, age, days=100 + 20 * index),
                    purpose=purposes[index % 3],
                    question="We wachten al lang op de hulp die we nodig hebben. We willen "
                    "afspreken wie ons helpt tot er een plaats is.",
                )
            )
            case = self.to_table(case, self.chairs[index % len(self.chairs)])
            follow_up.case_close(
                actor=_fresh(case.chair),
                case=case,
                outcome="Er is een overbruggingsplan tot de hulp kan starten. Het gezin weet "
                "bij wie het terecht kan.",
                bottlenecks=[Bottleneck.WAITING_LIST, *tags],
            )
            closed = self.at(first_day + datetime.timedelta(days=8 + 11 * index), 16)
            asked = closed - datetime.timedelta(days=70)
            Case.objects.filter(pk=case.pk).update(
                created_at=asked,
                decided_at=asked + datetime.timedelta(days=3),
                chair_appointed_at=asked + datetime.timedelta(days=5),
                closed_at=closed,
                updated_at=closed,
            )
            CaseBottleneck.objects.filter(case=case).update(
                quarter=bottlenecks.quarter_of(closed, self.region.timezone)
            )
        self.quarter = quarter

    def publish_bottlenecks(self) -> None:
        """C9: the quarter counted, as `publish_bottleneck_signals` does at the start of each
        quarter: the waiting list reaches the policy table as a system signal, which the
        supporter put on the plan's theme. Its timeline is put back to that moment."""
        published = bottlenecks.bottleneck_signals_publish(region=self.region, quarter=self.quarter)
        self.created["system signals"] += len(published)
        theme = PlanTheme.objects.filter(region=self.region, name=WACHTLIJSTEN).first()
        triage = User.objects.filter(email__iexact=SIGNALS[self.spec.slug].triage).first()
        quarter_start = datetime.date(self.today.year, 3 * ((self.today.month - 1) // 3) + 1, 1)
        counted = min(self.at(quarter_start, 7), self.now - datetime.timedelta(hours=2))
        for signal in published:
            if theme is not None and triage is not None:
                signal_set_themes(actor=triage, signal=signal, themes=[theme])
            _backdate_signal(signal, counted, self.now)


def _backdate_signal(signal: Signal, counted: datetime.datetime, now: datetime.datetime) -> None:
    """The system signal came in when the quarter was counted; its next lines followed an hour
    apart (never in the future)."""
    step = min(datetime.timedelta(hours=1), (now - counted) / 3)
    when = counted
    for index, event in enumerate(SignalEvent.objects.filter(signal=signal).order_by("pk")):
        when = counted + step * index
        SignalEvent.objects.filter(pk=event.pk).update(created_at=when, updated_at=when)
    Signal.objects.filter(pk=signal.pk).update(created_at=counted, updated_at=when)
