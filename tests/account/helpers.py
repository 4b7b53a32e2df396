"""Read the one-time links out of account emails."""

from urllib.parse import parse_qs, urlsplit

REDIRECT_URL = "http://127.0.0.1:8000/account/confirm/"
PASSWORD = "Sciatica-relief-42"


def link_params(message) -> dict[str, str]:
    """Return the email and token of the link in an email's text."""
    link = next(word for word in message.body.split() if word.startswith("http://"))
    query = parse_qs(urlsplit(link).query)
    return {name: values[0] for name, values in query.items()}
