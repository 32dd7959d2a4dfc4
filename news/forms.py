from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.emails import normalise_email
from mekendeshter.core.forms import HoneypotFormMixin

from .models import Article, Comment


class ArticleFilterForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), required=False)
    edition = forms.TypedChoiceField(label=_("Forum"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, editions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("All categories")), *Article.Category.choices]
        self.fields["edition"].choices = [("", _("All forums")), *((e.year, e.year) for e in editions)]


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=Comment.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": Comment.MAX_LENGTH}),
        help_text=_("Plain text. Web addresses become links."),
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something first."))
        return body


class SubscriptionForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField(label=_("Your email"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the letters"), choices=settings.LANGUAGES)
    news = forms.BooleanField(label=_("News"), required=False, initial=True)
    announcements = forms.BooleanField(label=_("Forum announcements"), required=False, initial=True)
    recommendations = forms.BooleanField(
        label=_("Progress on the forum's recommendations"),
        required=False,
        help_text=_("A letter each time a recommendation's status is updated."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("news") or cleaned.get("announcements") or cleaned.get("recommendations")):
            raise forms.ValidationError(_("Choose at least one topic."))
        return cleaned
