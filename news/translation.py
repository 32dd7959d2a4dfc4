from modeltranslation.translator import TranslationOptions, register

from .models import Article, Newsletter


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "lead", "body", "cover_alt")


@register(Newsletter)
class NewsletterTranslation(TranslationOptions):
    fields = ("subject", "body")
