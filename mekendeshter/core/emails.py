"""One spelling per mailbox.

`"grace"@example.org`, `Grace@EXAMPLE.org`, `grace@xn--bcher-kva.example` and `grace@bücher.example`
reach the same mailbox: stored as they were typed they would count as different people (two
accounts, a newsletter received twice). Every address we keep (accounts, subscriptions, contact
requests, directory entries) passes through `normalise_email` first, so that each mailbox has
exactly one spelling.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from email_validator import EmailNotValidError, validate_email

INVALID_EMAIL = _("Enter a valid email address.")


def normalise_email(value):
    """The address in its one canonical spelling: quotes that change nothing dropped, the domain
    in Unicode (IDNA-normalised, so its punycode form is the same address), all in lower case
    (mail providers ignore letter case in the part before @ too). Raises a ValidationError with a
    translated message when the address cannot be one."""
    try:
        # No DNS look-up: an address is checked for its form here; whether it exists is what the
        # confirmation mail finds out.
        result = validate_email(
            (value or "").strip(), check_deliverability=False, allow_quoted_local=True, allow_smtputf8=True
        )
    except EmailNotValidError as error:
        raise ValidationError(INVALID_EMAIL, code="invalid") from error
    return result.normalized.lower()
