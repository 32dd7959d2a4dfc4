import re

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from news.models import Article, Comment, Newsletter, Subscription
from tests.factories import NewsletterFactory

ARTICLE = "/en/news/2016-08-28-condolences/"


@pytest.fixture
def mail_site(site, settings):
    """The live site, with mail links pointing at it."""
    settings.SITE_URL = site
    mail.outbox.clear()
    return site


def sign_in(context, user, site):
    """The session of a signed-in user, as sign-in would leave it, copied into the browser."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])


def link_in(message, pattern):
    return re.search(pattern, message.body).group(0)


def test_subscribe_confirm_receive_and_unsubscribe(page, browser, mail_site, admin_user):
    site = mail_site
    page.goto(site + "/en/")
    page.get_by_role("link", name="Subscribe to news and events").first.click()
    expect(page).to_have_url(site + "/en/subscribe/")
    page.get_by_label("Your email").fill("asel@example.org")
    page.get_by_label("Language of the letters").select_option("ru")
    page.get_by_label("Forum announcements").uncheck()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your mail")

    # The confirmation letter, in the chosen language's URL space.
    assert [m.to for m in mail.outbox] == [["asel@example.org"]]
    confirm = link_in(mail.outbox[0], r"http://\S+/ru/subscribe/confirm/\S+/")
    page.goto(confirm)
    page.get_by_role("button").filter(has_text=re.compile(".")).last.click()
    expect(page.locator("h1")).to_be_visible()
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert (subscription.language, subscription.news, subscription.announcements) == ("ru", True, False)

    # Staff send a newsletter from the admin.
    newsletter = NewsletterFactory()
    mail.outbox.clear()
    staff = browser.new_context()
    sign_in(staff, admin_user, site)
    admin = staff.new_page()
    admin.goto(f"{site}/admin/news/newsletter/{newsletter.pk}/change/")
    admin.get_by_role("link", name="Send to subscribers…").click()
    expect(admin.get_by_text("1 confirmed subscriber")).to_be_visible()
    admin.get_by_role("button", name="Send now").click()
    expect(admin.locator("progress")).to_have_attribute("value", "1")
    staff.close()
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT

    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.subject == "Новости форума"
    unsubscribe = link_in(letter, r"http://\S+/ru/subscribe/unsubscribe/\S+/")
    assert letter.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"

    # One click on the page the letter links to.
    page.goto(unsubscribe)
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("h1")).to_be_visible()
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED


def test_comment_waits_for_moderation_then_is_published(page, browser, site, verified_user, admin_user):
    sign_in(page.context, verified_user, site)
    page.goto(site + ARTICLE)
    page.get_by_label("Your comment").fill("Бирге кайгырабыз. See https://example.org/memory")
    page.get_by_role("button", name="Publish the comment").click()
    comment = page.locator(".comment").filter(has_text="Бирге кайгырабыз")
    expect(comment).to_contain_text("Waiting for moderation")
    expect(comment.get_by_role("link", name="https://example.org/memory")).to_have_attribute(
        "href", "https://example.org/memory"
    )

    # Not yet for other readers.
    reader = browser.new_context()
    anonymous = reader.new_page()
    anonymous.goto(site + ARTICLE)
    expect(anonymous.locator("#comments")).not_to_contain_text("Бирге кайгырабыз")

    # Staff approve it in the admin.
    staff = browser.new_context()
    sign_in(staff, admin_user, site)
    admin = staff.new_page()
    admin.goto(site + "/admin/news/comment/?status__exact=pending")
    admin.locator("input[name=_selected_action]").first.check()
    admin.locator("select[name=action]").select_option("approve")
    admin.locator("button[name=index]").click()
    expect(admin.locator(".messagelist")).to_contain_text("1 comment published")
    staff.close()
    assert Comment.objects.get().status == Comment.Status.PUBLISHED

    anonymous.goto(site + ARTICLE)
    expect(anonymous.locator("#comments")).to_contain_text("Бирге кайгырабыз")
    reader.close()


def test_admin_rich_text_editor_works_under_the_csp(page, site, admin_user):
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.on("requestfailed", lambda request: violations.append(request.url))
    sign_in(page.context, admin_user, site)
    page.goto(site + "/admin/news/article/add/")
    # The language tabs work (jQuery UI is served by the site) and the editor is in the first one.
    expect(page.locator(".ui-tabs-nav").first).to_be_visible()
    editor = page.locator(".ProseMirror >> visible=true").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.type("Жаңы макала")
    page.locator("#id_title_ky").fill("Жаңы")
    page.locator("#id_slug").fill("new-article")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    assert "Жаңы макала" in Article.objects.get(slug="new-article").body_ky
    assert violations == []


def test_share_links_and_feed_link(page, site):
    page.goto(site + ARTICLE)
    expect(page.get_by_role("link", name="Telegram")).to_have_attribute("href", re.compile(r"^https://t\.me/share/url"))
    expect(page.get_by_role("link", name="VK")).to_have_attribute("href", re.compile(r"^https://vk\.com/share\.php"))
    assert page.locator('head link[type="application/rss+xml"]').get_attribute("href") == "/en/news/feed/"
