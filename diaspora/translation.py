from modeltranslation.translator import TranslationOptions, register

from .models import Association


@register(Association)
class AssociationTranslation(TranslationOptions):
    fields = ("name", "city", "description")
