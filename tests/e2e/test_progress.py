import re

from django.core import mail
from playwright.sync_api import expect

from forum.models import Item, ProgressUpdate
from news.models import Subscription
from tests.e2e.test_photos_admin import staff_page


def test_reader_follows_a_status_to_the_items_history_and_subscribes(page, site):
    page.goto(site + "/ru/forum/2016/outcome/")
    item = page.locator("#recommendation-2")
    expect(item).to_contain_text("Статус: выполняется")
    item.get_by_role("link", name="выполняется").click()
    expect(page).to_have_url(site + "/ru/forum/2016/outcome/progress/#history-recommendation-2")
    history = page.locator("#history-recommendation-2")
    expect(history).to_be_in_viewport()
    expect(history).to_contain_text("Совет уже был создан (29 апреля 2015 г.)")
    expect(history.get_by_role("link", name="Итоговый документ форума 2016 года на портале")).to_be_visible()
    # The counts, and the way to hear of the next update.
    expect(page.get_by_role("table")).to_contain_text("Выполняется")
    page.get_by_role("link", name="Получать письмо при обновлении пункта").click()
    expect(page.get_by_label("Выполнение рекомендаций форума")).to_be_checked()
    expect(page.get_by_label("Новости", exact=True)).not_to_be_checked()


def test_staff_write_an_update_in_three_languages_and_subscribers_hear_of_it(browser, site):
    Subscription.objects.create(
        email="aibek@example.org", language="en", recommendations=True, status=Subscription.Status.CONFIRMED
    )
    context, page = staff_page(browser, site)
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.goto(site + "/admin/forum/progressupdate/add/")
    item = Item.objects.get(section__document__edition__year=2016, section__slug="recommendation", number=17)
    select = page.get_by_label("Numbered item")
    expect(select.locator(f'option[value="{item.pk}"]')).to_have_text(re.compile(r"^2016 · .+ · 17\. "))
    select.select_option(str(item.pk))
    page.get_by_label("Date").fill("2027-07-20")
    page.get_by_label("Status").select_option("implemented")
    # The translation tabs: one text per language.
    texts = {
        "ky": "Жайлоодо биринчи этно-лагерь өттү.",
        "ru": "Прошёл первый этнолагерь.",
        "en": "The first ethno-camp was held.",
    }
    for code, text in texts.items():
        page.locator(f'a[href="#tab_id_text_{code}"]').click()
        page.locator(f"#id_text_{code}").fill(text)
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    update = ProgressUpdate.objects.get(item=item)
    assert update.is_published and update.published_at is not None
    assert [message.to for message in mail.outbox] == [["aibek@example.org"]]
    assert "The first ethno-camp was held." in mail.outbox[0].body
    context.close()
    assert violations == []
