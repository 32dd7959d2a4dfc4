"""The e-ticket's code and its QR image.

The QR holds `<token>:<signature>`: the random token of a `Ticket` row, signed with the site's key
(salted for tickets), so that the check-in page answers "forged" before looking anything up and a
code copied from another site's ticket never matches. People who type the code at the desk type the
token alone, printed under the QR in groups of four: 20 characters from an alphabet without look-alikes
(no 0/O, 1/I/L), about 99 random bits, so it is as unguessable as the signature.
"""

import io
import secrets

import segno
from django.core import signing

_SIGNER = signing.Signer(salt="forum.ticket")


ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TOKEN_LENGTH = 20


def new_token():
    return "".join(secrets.choice(ALPHABET) for _ in range(TOKEN_LENGTH))


def grouped(token):
    """The token as people read and type it: ABCD-EFGH-…"""
    return "-".join(token[start : start + 4] for start in range(0, len(token), 4))


def signed_code(token):
    return _SIGNER.sign(token)


class ForgedCode(Exception):
    pass


def token_from_code(code):
    """The token in a scanned or typed code; raises `ForgedCode` when a signature does not match."""
    code = "".join(code.split())
    if ":" not in code:
        return code.replace("-", "").upper()
    try:
        return _SIGNER.unsign(code)
    except signing.BadSignature as error:
        raise ForgedCode from error


def _qr(token):
    return segno.make(signed_code(token), error="m")


def qr_svg(token, *, title=""):
    """The QR as inline SVG markup (no style attribute, so the page's CSP allows it)."""
    return _qr(token).svg_inline(scale=6, border=2, title=title or None, omitsize=True)


def qr_png(token):
    buffer = io.BytesIO()
    _qr(token).save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()
