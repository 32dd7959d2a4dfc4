"""The site's form renderer: `{{ form.email.as_field_group }}` renders a field with the site's markup."""

from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Form templates come from the project's TEMPLATES (so `templates/` can hold the field template);
    Django's own widget templates are found through `django.forms` in INSTALLED_APPS."""

    field_template_name = "includes/_field.html"
