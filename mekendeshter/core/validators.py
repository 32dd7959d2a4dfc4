"""Checks on what people type, used by the models (so that every writer, the admin included,
stores only what the links expect) and by the forms, which normalise the input first."""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

phone_validator = RegexValidator(
    r"^\+[1-9]\d{6,14}$", _("Enter the phone number in international format, e.g. +996 312 66 35 38.")
)
telegram_validator = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9_]{4,31}$", _("Enter a Telegram username: 5 to 32 Latin letters, digits or underscores.")
)


def compact_phone(value):
    """'+996 (312) 66-35-38' → '+996312663538': what services store; the model's validator checks it."""
    return re.sub(r"[\s().-]", "", value)


def normalise_phone(value):
    """For forms: the compact number, or the validator's ValidationError unless it is an
    international one; an empty value stays empty."""
    compact = compact_phone(value)
    if compact:
        phone_validator(compact)
    return compact


def normalise_telegram(value):
    """'@aigul_asanova' or 'https://t.me/aigul_asanova' → 'aigul_asanova' (checked by the validator)."""
    return value.strip().removeprefix("https://t.me/").lstrip("@")
