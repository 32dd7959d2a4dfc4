"""Reads for "my account": everything the site keeps about one person."""

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.db.models import Count, Q

from diaspora.models import DirectoryEntry, Profile
from forum import selectors as forum_selectors
from forum.models import ContactRequest, Edition, Proposal, ProposalSupport, Registration
from news.models import Comment, Newsletter, Subscription


def subscription_list_for_user(*, user):
    """Subscriptions to the addresses the person has verified (a subscription is kept by address)."""
    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    lookup = Q()
    for email in emails:
        lookup |= Q(email__iexact=email)
    return Subscription.objects.filter(lookup).order_by("email") if emails else Subscription.objects.none()


def account_overview(*, user):
    return {
        "registrations": forum_selectors.registration_list_for_user(user=user),
        "proposals": forum_selectors.proposal_list_for_user(user=user),
        # The person's own account only (merging accounts by email is for staff, who can judge it),
        # and the registrations of the organizers' lists under an address the person verified.
        "history": forum_selectors.participation_history(
            user_ids=[user.pk], emails=forum_selectors.person_emails(user=user, verified_only=True)
        ),
        "subscriptions": subscription_list_for_user(user=user),
        "social_accounts": SocialAccount.objects.filter(user=user).order_by("provider"),
        "directory_entry": DirectoryEntry.objects.filter(user=user).first(),
    }


def _registration_data(registration):
    fields = [field.name for field in Registration._meta.concrete_fields if field.name not in ("id", "user")]
    data = {name: getattr(registration, name) for name in fields}
    data["edition"] = registration.edition.year
    data["country"] = registration.country.code
    return data


def _directory_entry_data(user):
    entry = DirectoryEntry.objects.filter(user=user).first()
    if entry is None:
        return None
    fields = [field.name for field in DirectoryEntry._meta.concrete_fields if field.name not in ("id", "user")]
    data = {name: getattr(entry, name) for name in fields}
    data["country"] = entry.country.code
    return data


def account_export(*, user):
    """Everything about `user`, as JSON-ready data ("download my data")."""
    profile = Profile.objects.filter(user=user).first()
    registrations = Registration.objects.filter(user=user).select_related("edition").order_by("created_at")
    proposals = forum_selectors.proposal_list_for_user(user=user)
    return {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "preferred_language": profile.language if profile else None,
        },
        "email_addresses": list(
            EmailAddress.objects.filter(user=user).order_by("pk").values("email", "verified", "primary")
        ),
        "social_accounts": list(
            SocialAccount.objects.filter(user=user)
            .order_by("pk")
            .values("provider", "uid", "date_joined", "extra_data")
        ),
        "directory_entry": _directory_entry_data(user),
        "registrations": [_registration_data(registration) for registration in registrations],
        "proposals": [
            {
                "edition": proposal.document.edition.year,
                "section": proposal.section.slug,
                "item": proposal.item.number if proposal.item else None,
                "kind": proposal.kind,
                "text": proposal.text,
                "reason": proposal.reason,
                "status": proposal.status,
                "answer": proposal.answer,
                "created_at": proposal.created_at,
            }
            for proposal in proposals
        ],
        "subscriptions": list(
            subscription_list_for_user(user=user).values(
                "email", "language", "news", "announcements", "recommendations", "status", "created_at", "confirmed_at"
            )
        ),
        "comments": list(
            Comment.objects.filter(author=user).order_by("created_at").values("article__slug", "body", "created_at")
        ),
        "supported_proposals": list(
            ProposalSupport.objects.filter(user=user).order_by("pk").values_list("proposal_id", flat=True)
        ),
    }


def staff_dashboard():
    """What the organizers look at first on the admin index: registrations per edition by status
    (with places left), the queues waiting for them, and the last newsletter's progress."""
    counts = {}
    for row in Registration.objects.order_by().values("edition_id", "status").annotate(count=Count("pk")):
        counts.setdefault(row["edition_id"], {})[row["status"]] = row["count"]
    editions = []
    for edition in Edition.objects.filter(pk__in=counts).order_by("-start_date"):
        by_status = counts[edition.pk]
        confirmed = by_status.get(Registration.Status.CONFIRMED, 0)
        places_left = None if edition.capacity is None else max(edition.capacity - confirmed, 0)
        statuses = [(status, label, by_status.get(status, 0)) for status, label in Registration.Status.choices]
        editions.append({"edition": edition, "statuses": statuses, "places_left": places_left})
    upcoming = Edition.objects.current()
    if upcoming and upcoming.pk not in counts and upcoming.registration_opens:
        statuses = [(status, label, 0) for status, label in Registration.Status.choices]
        editions.insert(0, {"edition": upcoming, "statuses": statuses, "places_left": upcoming.capacity})
    # The table shows a column per edition and a row per status: the years are short headers, so
    # it reads at 360 pixels as at 1280, and the statuses' long names are row headers.
    statuses = [
        {
            "status": status,
            "label": label,
            "cells": [(row["edition"], row["statuses"][index][2]) for row in editions],
        }
        for index, (status, label) in enumerate(Registration.Status.choices)
    ]
    return {
        "editions": editions,
        "statuses": statuses,
        "pending_comments": Comment.objects.filter(status=Comment.Status.PENDING).count(),
        "proposals": Proposal.objects.filter(status=Proposal.Status.SUBMITTED).count(),
        "contact_requests": ContactRequest.objects.filter(handled_at__isnull=True).count(),
        "newsletter": Newsletter.objects.with_progress().order_by("-created_at", "-pk").first(),
    }
