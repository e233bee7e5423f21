from django.conf import settings
from django.urls import reverse


def test_site_is_dutch_even_for_an_english_browser(client, db):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "nl"


def test_language_switch_chooses_english_and_back(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get(reverse("account_login"))["Content-Language"] == "en"
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert client.get(reverse("account_login"))["Content-Language"] == "nl"
