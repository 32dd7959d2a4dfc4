from django.db import models
from django.utils.translation import gettext_lazy as _


class FailedLetter(models.Model):
    """A letter the mail server did not take after every retry, kept for staff to see and resend.

    Only what is needed for that: the recipients and subject to show, the last error, and the
    letter itself (to resend it). A successful resend deletes the row."""

    recipients = models.CharField(_("addressed to"), max_length=1000)
    subject = models.CharField(_("subject"), max_length=500)
    error = models.TextField(_("error"))
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    letter = models.JSONField(_("letter"), editable=False)
    created_at = models.DateTimeField(_("first failed"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), auto_now=True)

    class Meta:
        verbose_name = _("failed letter")
        verbose_name_plural = _("failed letters")
        ordering = ["-last_attempt_at"]

    def __str__(self):
        return f"{self.subject} → {self.recipients}"
