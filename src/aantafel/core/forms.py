"""Form helpers: a service's DomainError lands beside the field that caused it."""

from django import forms
from django.db.models import QuerySet

from .errors import DomainError


def add_domain_error(form: forms.BaseForm, error: DomainError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, forms.ValidationError(error.message, code=error.code))


class DateInput(forms.DateInput):
    """A native date picker: accessible, works on phones, needs no JavaScript."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


# --- Rendering with the NL Design System -------------------------------------------------------
from django.forms.boundfield import BoundField  # noqa: E402
from django.forms.renderers import TemplatesSetting  # noqa: E402

_WIDGET_CLASSES = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
    "input": "utrecht-textbox utrecht-textbox--html-input",
}


def _widget_kind(widget) -> str:
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return "checkbox" if isinstance(widget, forms.CheckboxSelectMultiple) else "radio"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


class DesignSystemBoundField(BoundField):
    """Gives each input its design-system class and points it at its error message, so a screen
    reader reads the message with the field."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        kind = _widget_kind(widget)
        classes = _WIDGET_CLASSES[kind]
        if self.errors:
            classes += f" utrecht-{'textbox' if kind == 'input' else kind}--invalid"
            described = [f"{self.auto_id}_error"]
            if self.help_text:
                described.append(f"{self.auto_id}_helptext")
            attrs["aria-describedby"] = " ".join(described)
            attrs["aria-invalid"] = "true"
        attrs["class"] = f"{classes} {attrs.get('class', '')}".strip()
        return attrs


class FormRenderer(TemplatesSetting):
    """Every form, ours and allauth's, renders with the design system's fields."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"
    bound_field_class = DesignSystemBoundField


class Form(forms.Form):
    bound_field_class = DesignSystemBoundField


class ModelForm(forms.ModelForm):
    bound_field_class = DesignSystemBoundField


def set_queryset(form: forms.BaseForm, name: str, queryset: QuerySet) -> forms.ModelChoiceField:
    """Limits a choice field to this request's records (the region's, the body's)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset
    return field


def call_service(form: forms.BaseForm, call):
    """Runs a service with a valid form's data. A DomainError becomes an error beside the field
    that caused it and the result is None; nothing was saved, the service saw to that."""
    try:
        return call(form.cleaned_data)
    except DomainError as error:
        add_domain_error(form, error)
        return None


# --- Client-facing text: the reading level beside the field ------------------------------------
import json  # noqa: E402

from django.forms.renderers import get_default_renderer  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.safestring import mark_safe  # noqa: E402

from .readability import assess  # noqa: E402


class ReadabilityTextarea(forms.Textarea):
    """A textarea for text written for clients (PRODUCT.md: it shows its reading level while it is
    written, with a hint when it is above B1). The level is rendered with the field, so it shows
    on load and after every submission without JavaScript; with htmx it is refreshed half a
    second after the user stops typing. Use it as `widget=ReadabilityTextarea` on any field."""

    indicator_template_name = "components/readability.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        indicator_id = f"{widget_attrs.get('id') or name}_readability"
        # The textarea points at its level, so a screen reader reads it with the field.
        described = widget_attrs.get("aria-describedby")
        widget_attrs["aria-describedby"] = (
            f"{described} {indicator_id}" if described else indicator_id
        )
        widget_attrs.update(
            {
                "hx-post": reverse("readability"),
                "hx-trigger": "input changed delay:500ms",
                "hx-target": f"#{indicator_id}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
                "hx-vals": json.dumps({"readability_field": name}),
            }
        )
        context["readability_id"] = indicator_id
        context["readability"] = assess(context["widget"]["value"] or "")
        return context

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        renderer = renderer or get_default_renderer()
        textarea = renderer.render(self.template_name, context)
        indicator = renderer.render(self.indicator_template_name, context)
        return mark_safe(textarea + indicator)  # noqa: S308 - both rendered by the template engine
