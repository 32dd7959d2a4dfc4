from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.images import SafeImageField, open_image

from .models import Album, Item, Organisation, Person, ProgressUpdate


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several images at once; each is checked, and a bad one names itself in the error."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [super(MultipleImageField, self).clean(item, initial) for item in (data or [])]
        uploads = [upload for upload in uploads if upload]
        errors = []
        for upload in uploads:
            try:
                open_image(upload).close()
            except ValidationError as error:
                errors.append(
                    ValidationError(
                        _("%(file)s: %(error)s"), params={"file": upload.name, "error": " ".join(error.messages)}
                    )
                )
        if errors:
            raise ValidationError(errors)
        return uploads


class AlbumForm(forms.ModelForm):
    upload = MultipleImageField(
        label=_("Add photos"),
        required=False,
        help_text=_("Choose one or many PNG, JPEG or WebP files; thumbnails are made automatically."),
    )

    class Meta:
        model = Album
        fields = ["edition", "title", "description", "order"]


class OrganisationForm(forms.ModelForm):
    logo = SafeImageField(label=_("logo"), required=False, max_width=600)

    class Meta:
        model = Organisation
        fields = ["name", "slug", "url", "logo", "description"]


class PersonForm(forms.ModelForm):
    photo = SafeImageField(label=_("photo"), required=False, max_width=600)

    class Meta:
        model = Person
        fields = ["name", "role", "bio", "photo"]


class TrackedItemField(forms.ModelChoiceField):
    """A numbered item of a final document, named so that staff find it: "2016 · Recommendations… 12. Text…"."""

    def label_from_instance(self, item):
        return f"{item.section.document.edition.year} · {item.section} · {item}"


class ProgressUpdateForm(forms.ModelForm):
    item = TrackedItemField(
        label=_("numbered item"),
        queryset=Item.objects.tracked()
        .select_related("section__document__edition")
        .order_by("-section__document__edition__start_date", "section__order", "section__pk", "number"),
    )

    class Meta:
        model = ProgressUpdate
        fields = ["item", "date", "status", "text", "responsible_body", "is_demo", "is_published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.item_id:
            # An update stays editable if its document is later reopened as a draft.
            field = self.fields["item"]
            field.queryset = field.queryset | Item.objects.filter(pk=self.instance.item_id).select_related(
                "section__document__edition"
            )
