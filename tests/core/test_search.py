"""Search documents and the matching rule (mekendeshter.core.search), on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection

from diaspora.models import Association
from forum.models import Participation, Person, Session
from mekendeshter.core.search import Query, document, highlight, matching, normalise
from news.models import Article
from tests.factories import ArticleFactory, AssociationFactory, SessionFactory


def test_documents_are_normalised_and_hold_both_alphabets():
    assert normalise("  Жалал-Абад,  ЁЛКА!\u00a0Ош ") == "жалал абад елка ош"
    assert document("Бишкек шаары", "Osh", html_texts=["<p>Түштүк &amp; <b>Нарын</b></p>"]) == (
        " бишкек шаары osh түштүк нарын bishkek shaary ош tushtuk naryn "
    )
    assert document("", "") == ""


def test_query_operators_never_reach_the_tsquery():
    query = Query("Ош & | ! : * ( ) ' \\ \" <-> бишкек")
    assert query.tsquery() == "(osh | ош) & (bishkek:* | бишкек:*)"
    assert query.tsquery("A") == "(osh:A | ош:A) & (bishkek:*A | бишкек:*A)"
    assert not Query("&|!:*()'")
    # At most eight words, from at most 100 characters.
    assert len(Query(" ".join(f"с{n}" for n in range(50))).words) == 8
    assert Query("ы" * 5000).text == "ы" * 100


@pytest.mark.parametrize(
    ("query", "html"),
    [
        ("бишкек", "Форум <mark>Бишкекте</mark> өттү, <mark>Bishkek</mark> шаарында."),
        ("Ош", "Форум Бишкекте өттү, Bishkek шаарында."),
        ("<b>", "Форум Бишкекте өттү, Bishkek шаарында."),
    ],
)
def test_highlight_marks_whole_words_and_escapes_everything(query, html):
    assert highlight("Форум Бишкекте өттү, Bishkek шаарында.", Query(query)) == html
    assert highlight("<script>alert(1)</script> Ош & Бишкек", Query("ош")) == "alert(1) <mark>Ош</mark> &amp; Бишкек"


def test_highlight_starts_near_the_first_match():
    text = " ".join(f"сөз{n}" for n in range(100)) + " Нарын " + " ".join(f"word{n}" for n in range(100))
    snippet = highlight(text, Query("нарын"), words=20)
    assert snippet.startswith("… сөз94 ") and "<mark>Нарын</mark>" in snippet and snippet.endswith(" …")


def found(query):
    return set(matching(Association.objects.all(), Query(query)).values_list("name_en", flat=True))


@pytest.fixture
def places(db):
    for name, description in [
        ("osh", "Ош шаарынын жаштары"),
        ("oshtogu", "Оштогу мекендештер"),
        ("koshkon", "Жаңы кошкон мүчөлөр"),
        ("oshondoy", "ошондой эле Бишкекте"),
        ("russia", "Из них более 573 тыс. человек находятся в России"),
        ("latin", "Kyrgyz club in Bishkek"),
    ]:
        AssociationFactory(name_en=name, description_ky=description, city_ky="", city_ru="", city_en="")


@pytest.mark.parametrize(
    ("query", "names"),
    [
        # Two letters: whole words only, never a word's start or middle.
        ("Ош", {"osh"}),
        ("ош", {"osh"}),
        ("Osh", {"osh"}),
        # Longer words: the beginning of a word, in either alphabet.
        ("Ошт", {"oshtogu"}),
        ("ошон", {"oshondoy"}),
        ("бишкек", {"oshondoy", "latin"}),
        ("Bishkek", {"oshondoy", "latin"}),
        ("кошк", {"koshkon"}),
        # The middle of a word never matches.
        ("шкек", set()),
        ("ошкон", set()),
        # Russian endings change: "Россия" finds "в России".
        ("Россия", {"russia"}),
        # Every word must match.
        ("бишкек club", {"latin"}),
        ("бишкек ош", set()),
    ],
)
def test_matching_rule(places, query, names):
    assert found(query) == names


def test_a_saved_row_is_found_by_its_new_text(db):
    association = AssociationFactory(name_en="renamed", description_ru="")
    assert found("Нарын") == set()
    association.description_ru = "Землячество из Нарына"
    association.save(update_fields=["description_ru"])
    assert found("Нарын") == {"renamed"}


def test_a_session_is_found_by_its_people(db):
    session = SessionFactory(title_en="Panel on remittances")
    person = Person.objects.create(name_ky="Садыр Жапаров", name_ru="Садыр Жапаров", name_en="Sadyr Japarov")
    participation = Participation.objects.create(session=session, person=person)
    sessions = Session.objects.all()
    assert list(matching(sessions, Query("Садыр"))) == [session]
    person.name_en = person.name_ru = person.name_ky = "Алмазбек"
    person.save()
    assert list(matching(sessions, Query("Садыр"))) == []
    assert list(matching(sessions, Query("Almazbek"))) == [session]
    participation.delete()
    assert list(matching(sessions, Query("Алмазбек"))) == []


def test_article_bodies_are_searched_without_their_markup(db):
    ArticleFactory(body_ru='<p>Ссылка на <a href="https://example.org/strong">сайт</a></p>')
    assert matching(Article.objects.all(), Query("сайт")).count() == 1
    assert matching(Article.objects.all(), Query("strong")).count() == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking is PostgreSQL's")
def test_better_matches_rank_first(db):
    AssociationFactory(name_en="once", description_en="A club. Naryn is mentioned once.")
    AssociationFactory(name_en="often", description_en="Naryn, Naryn, Naryn: the Naryn club")
    ranked = matching(Association.objects.all(), Query("naryn")).order_by("-search_rank")
    assert [association.name_en for association in ranked] == ["often", "once"]
