from modeltranslation.translator import TranslationOptions, register

from .models import (
    Album,
    Edition,
    Hotel,
    Item,
    KeyFigure,
    Organisation,
    OutcomeDocument,
    Page,
    Person,
    Photo,
    ProgressEvidence,
    ProgressUpdate,
    Proposal,
    Section,
    Session,
    Venue,
)


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "address", "city", "description", "transfer", "accommodation")


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = ("title", "city", "theme", "about", "mission")
    required_languages = {"default": ("title", "city")}


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(OutcomeDocument)
class OutcomeDocumentTranslation(TranslationOptions):
    fields = ("title", "introduction", "proposals_note")


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "body", "closing")


@register(Item)
class ItemTranslation(TranslationOptions):
    fields = ("text",)


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "room", "description")


@register(Hotel)
class HotelTranslation(TranslationOptions):
    fields = ("name", "address", "note")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "role", "bio")


@register(Album)
class AlbumTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(Proposal)
class ProposalTranslation(TranslationOptions):
    fields = ("answer",)


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body")


@register(ProgressUpdate)
class ProgressUpdateTranslation(TranslationOptions):
    fields = ("text", "responsible_body")
    required_languages = {"default": ("text",)}


@register(ProgressEvidence)
class ProgressEvidenceTranslation(TranslationOptions):
    fields = ("title",)
