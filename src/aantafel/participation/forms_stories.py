"""Forms of experience stories (P5): the public form to tell a story, and the staff's
moderation forms. They parse input; services/stories.py decides whether it is allowed (consent
too: the form lets an unticked box through, so the service's message lands beside it)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aantafel.core.forms import Form, ReadabilityTextarea, set_queryset
from aantafel.regions.models import Region

from .forms_events import TrajectoryChoiceField
from .models import MAX_TEXT, AudienceType, Story, StoryStatus, Trajectory
from .services.stories import NAME_MAX, TELLER_AUDIENCES, TEXT_MAX, TITLE_MAX

# The honeypot: a field people never see or reach. Only a robot fills it in.
HONEYPOT = "website"


class StorySubmitForm(Form):
    """P5: tell your story on the public site, without an account. Plain words: a 14-year-old
    fills it in on a phone."""

    title = forms.CharField(
        label=_("Title of your story"),
        max_length=TITLE_MAX,
        help_text=_("A few words about what your story is about."),
        error_messages={"required": _("Give your story a title.")},
    )
    text = forms.CharField(
        label=_("Your story"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What happened? What went well, what could be better? Better leave out the names "
            "of other people. At most 5,000 characters."
        ),
        error_messages={"required": _("Write your story in the box.")},
    )
    teller_name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        help_text=_("Only your first name is fine too."),
        error_messages={"required": _("Fill in your name. Only your first name is fine too.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    teller_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We send you a link to withdraw your story. We never show your e-mail address."
        ),
        error_messages={"required": _("Fill in your e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    teller_audience = forms.ChoiceField(
        label=_("I am a"),
        required=False,
        widget=forms.RadioSelect,
        choices=[(a.value, a.label) for a in AudienceType if a in TELLER_AUDIENCES],
    )
    anonymous = forms.BooleanField(
        label=_("Publish my story without my name"),
        required=False,
        help_text=_("Then the site says “Anonymous” instead of your name."),
    )
    consent = forms.BooleanField(
        label=_("Yes, you may publish my story on this site"),
        required=False,
        help_text=_(
            "We read your story first, and take out names and places if needed. Then it is on "
            "this site for everyone to read. You can withdraw it at any time with the link in "
            "your e-mail."
        ),
    )


class StoryFilterForm(Form):
    """The staff's list: by status and trajectory."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("(any status)")), *StoryStatus.choices],
    )
    trajectory = TrajectoryChoiceField(
        label=_("Trajectory"), queryset=None, required=False, empty_label=_("(any trajectory)")
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        set_queryset(self, "trajectory", Trajectory.objects.filter(region=region))

    def filters(self) -> dict:
        if not self.is_valid():
            return {"status": "", "trajectory": None}
        return {
            "status": self.cleaned_data["status"],
            "trajectory": self.cleaned_data["trajectory"],
        }


class PublishForm(Form):
    """P5: the version of the story on the site, as staff checked it. The text is read by young
    people and parents: it shows its reading level while written."""

    public_title = forms.CharField(label=_("Title on the site"), max_length=TITLE_MAX)
    public_text = forms.CharField(
        label=_("Text on the site"),
        max_length=TEXT_MAX,
        widget=ReadabilityTextarea(attrs={"rows": 12}),
        help_text=_(
            "Take out names of people, schools, places and organisations that make someone "
            "recognisable. Keep the teller's own words where you can."
        ),
    )
    public_name = forms.CharField(
        label=_("Name on the site"),
        max_length=NAME_MAX,
        required=False,
        help_text=_("Empty: the site shows “Anonymous”. Use a first name at most."),
    )

    @staticmethod
    def initial_of(story: Story) -> dict:
        """The public version as it is; for a story not published yet, the teller's own words
        to edit, and their first name unless they asked to be anonymous."""
        if story.public_text:
            return {
                "public_title": story.public_title,
                "public_text": story.public_text,
                "public_name": story.public_name,
            }
        first_name = (story.teller_name.split() or [""])[0]
        return {
            "public_title": story.title,
            "public_text": story.text,
            "public_name": "" if story.anonymous else first_name,
        }


class RejectForm(Form):
    reason = forms.CharField(
        label=_("Why is it not published?"),
        max_length=MAX_TEXT,
        widget=ReadabilityTextarea(attrs={"rows": 4}),
        help_text=_("The teller gets this in an e-mail. Kind and in plain words."),
    )


class StaffWithdrawForm(Form):
    reason = forms.CharField(
        label=_("How did the teller ask for it?"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: “Called on 3 May, asked to remove the story.” The story and the "
            "teller's details are deleted; the teller gets an e-mail."
        ),
    )
