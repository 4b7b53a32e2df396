"""The Django admin: a door onto the domains, like the API and the pages.

One module of model admins per domain (``product/`` is a package); the
admin site (``site.py``) and its app config (``admin_config.py``). The
domains never import this package; it imports them.
"""
