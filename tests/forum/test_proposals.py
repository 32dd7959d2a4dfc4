import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from forum import services
from forum.models import OutcomeDocument, Proposal, ProposalSupport
from tests.factories import ItemFactory, ProposalFactory, SectionFactory, UserFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def outcome_url(item, lang="ky"):
    return f"/{lang}/forum/{item.section.document.edition.year}/outcome/"


def test_propose_an_amendment(client, item):
    user = UserFactory()
    client.force_login(user)
    url = outcome_url(item) + "propose/"
    page = client.get(url, {"target": f"item-{item.pk}"}).content.decode()
    assert f'value="item-{item.pk}" selected' in page
    response = client.post(
        url, {"target": f"item-{item.pk}", "text": "Жаңы редакция: фонд түзүлсүн.", "reason": "Себеби түшүнүктүү."}
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url().replace("/ky/", "/ky/")
    assert proposal.kind == Proposal.Kind.AMENDMENT and proposal.item == item and proposal.author == user
    assert proposal.language == "ky" and proposal.status == Proposal.Status.SUBMITTED
    # Under review: the author sees it, the public outcome page does not list it yet.
    assert "Жаңы редакция" in client.get(proposal.get_absolute_url()).content.decode()
    client.logout()
    assert "Жаңы редакция" not in client.get(outcome_url(item)).content.decode()
    assert client.get(proposal.get_absolute_url()).status_code == 404


def test_propose_a_new_item(client, item):
    client.force_login(UserFactory())
    section = item.section
    client.post(
        outcome_url(item, "ru") + "propose/",
        {"target": f"section-{section.pk}", "text": "Новый пункт: создать молодёжный совет.", "reason": "Нужен."},
    )
    proposal = Proposal.objects.get()
    assert proposal.kind == Proposal.Kind.NEW_ITEM and proposal.item is None and proposal.section == section


def test_proposals_need_sign_in_and_an_open_document(client, item):
    response = client.get(outcome_url(item) + "propose/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    document = item.section.document
    document.status = OutcomeDocument.Status.FINAL
    document.save()
    assert client.get(outcome_url(item) + "propose/").status_code == 404
    with pytest.raises(services.ProposalsClosed):
        services.proposal_create(
            author=UserFactory(), document=document, item=item, text="x" * 20, reason="y", language="ky"
        )


def test_answered_proposals_are_listed_under_their_item_with_the_answer(client, item):
    proposal = ProposalFactory(
        item=item, section=item.section, document=item.section.document, text="Кабыл алынган сунуш."
    )
    services.proposal_answer(
        proposal=proposal,
        status=Proposal.Status.ACCEPTED,
        answer_ky="Уюштуруу комитетинин жообу.",
        answer_ru="Ответ оргкомитета.",
        answer_en="The committee's answer.",
    )
    ProposalFactory(item=item, section=item.section, document=item.section.document, text="Каралып жаткан сунуш.")
    html = client.get(outcome_url(item, "ru")).content.decode()
    assert "Кабыл алынган сунуш." in html and "Ответ оргкомитета." in html
    assert "Каралып жаткан сунуш." not in html
    anchor = html.index(f'id="{item.anchor}"')
    assert anchor < html.index("Кабыл алынган сунуш.")
    assert "The committee&#x27;s answer." in client.get(outcome_url(item, "en")).content.decode()


def test_support_once_and_the_count_is_shown(client, item):
    proposal = ProposalFactory(item=item, section=item.section, document=item.section.document)
    services.proposal_answer(proposal=proposal, status=Proposal.Status.ACCEPTED)
    supporter = UserFactory()
    client.force_login(supporter)
    url = proposal.get_absolute_url()
    client.post(url + "support/")
    client.post(url + "support/")
    assert ProposalSupport.objects.filter(proposal=proposal).count() == 1
    html = client.get(outcome_url(item, "en")).content.decode()
    assert "1 supporter" in html
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalSupport.objects.create(proposal=proposal, user=supporter)
    # The author cannot support their own proposal.
    assert services.proposal_support(proposal=proposal, user=proposal.author) is False


def test_proposals_under_review_cannot_be_supported(client, item):
    proposal = ProposalFactory(item=item, section=item.section, document=item.section.document)
    client.force_login(UserFactory())
    assert client.post(proposal.get_absolute_url() + "support/").status_code == 404
    assert not ProposalSupport.objects.exists()


@pytest.mark.parametrize("status", [Proposal.Status.REJECTED, Proposal.Status.MERGED])
def test_rejected_or_merged_proposals_cannot_be_supported(client, item, status):
    proposal = ProposalFactory(item=item, section=item.section, document=item.section.document)
    other = ProposalFactory(item=item, section=item.section, document=item.section.document)
    services.proposal_answer(proposal=proposal, status=status, merged_into=other)
    client.force_login(UserFactory())
    page = client.get(proposal.get_absolute_url().replace("/ky/", "/ru/", 1)).content.decode()
    assert "/support/" not in page
    response = client.post(proposal.get_absolute_url().replace("/ky/", "/ru/", 1) + "support/", follow=True)
    assert "Это предложение нельзя поддержать" in response.content.decode()
    assert not ProposalSupport.objects.exists()
    with pytest.raises(services.ProposalNotSupportable):
        services.proposal_support(proposal=proposal, user=UserFactory())


def test_outcome_page_query_count_does_not_grow_with_proposals(client, item):
    document = item.section.document
    url = outcome_url(item)
    few_items = [ItemFactory(section=item.section)]
    for target in (item, *few_items):
        proposal = ProposalFactory(item=target, section=target.section, document=document)
        services.proposal_answer(proposal=proposal, status=Proposal.Status.ACCEPTED)
    few = count_queries(client, url)
    new_section = SectionFactory(document=document)
    for _ in range(3):
        extra = ItemFactory(section=new_section)
        for _ in range(2):
            proposal = ProposalFactory(item=extra, section=new_section, document=document)
            services.proposal_answer(proposal=proposal, status=Proposal.Status.REJECTED)
            ProposalSupport.objects.create(proposal=proposal, user=UserFactory())
    assert count_queries(client, url) == few


def test_proposal_page_query_count(client, item):
    proposal = ProposalFactory(item=item, section=item.section, document=item.section.document)
    services.proposal_answer(proposal=proposal, status=Proposal.Status.ACCEPTED)
    client.force_login(UserFactory())
    few = count_queries(client, proposal.get_absolute_url())
    for _ in range(3):
        ProposalSupport.objects.create(proposal=proposal, user=UserFactory())
    assert count_queries(client, proposal.get_absolute_url()) == few


def test_staff_moderate_in_the_admin(admin_client, item):
    proposal = ProposalFactory(
        item=item, section=item.section, document=item.section.document, text="Модерация сунушу."
    )
    assert "Модерация сунушу." in admin_client.get("/admin/forum/proposal/").content.decode()
    page = admin_client.get(f"/admin/forum/proposal/{proposal.pk}/change/").content.decode()
    assert 'name="answer_ky"' in page and 'name="status"' in page
    response = admin_client.post(
        f"/admin/forum/proposal/{proposal.pk}/change/",
        {
            "status": "rejected",
            "answer_ky": "Четке кагылды.",
            "answer_ru": "Отклонено.",
            "answer_en": "Rejected.",
            "merged_into": "",
            "supports-TOTAL_FORMS": "0",
            "supports-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED and proposal.answer_ru == "Отклонено." and proposal.answered_at
    admin_client.post("/admin/forum/proposal/", {"action": "accept", "_selected_action": [proposal.pk]})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED


def test_propose_page_query_count_does_not_grow_with_proposals(client, item):
    client.force_login(UserFactory())
    url = outcome_url(item) + "propose/"
    few = count_queries(client, url)
    for _ in range(3):
        ProposalFactory(item=item, section=item.section, document=item.section.document)
    assert count_queries(client, url) == few


def test_a_proposal_under_review_is_visible_to_its_author_only():
    answered = ProposalFactory(status=Proposal.Status.ACCEPTED)
    under_review = ProposalFactory(item=answered.item, section=answered.section, document=answered.document)
    someone = UserFactory()
    assert set(Proposal.objects.visible_to(AnonymousUser())) == {answered}
    assert set(Proposal.objects.visible_to(someone)) == {answered}
    assert set(Proposal.objects.visible_to(under_review.author)) == {answered, under_review}
