"""What the account page tests share besides fixtures."""

from urllib.parse import parse_qs, urlsplit

PASSWORD = "Sciatica-relief-42"


def emailed_link(message) -> str:
    return next(word for word in message.body.split() if word.startswith("http"))


def emailed_link_params(message) -> dict[str, str]:
    link = emailed_link(message)
    return {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}
