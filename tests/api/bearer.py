"""Sign a test client in to /graphql/ as API clients are: by bearer token.

The API ignores the session cookie, so ``client.force_login`` does not sign
a caller in there. ``sign_in`` puts an access token on every request the
client sends, JSON and multipart uploads alike.
"""

from backend.account.tokens import access_token_create

HEADER = "HTTP_AUTHORIZATION"


def bearer_headers(user) -> dict:
    return {HEADER: f"Bearer {access_token_create(user=user)}"}


def sign_in(client, user):
    """Send the user's access token with each of the client's requests."""
    client.defaults.update(bearer_headers(user))
    return client


def sign_out(client):
    client.defaults.pop(HEADER, None)
    return client
