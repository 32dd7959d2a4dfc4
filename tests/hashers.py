"""A password hasher that counts its work, for tests that compare two paths without timing them."""

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    # Every hash, made or checked, goes through encode(): one call is one slow hash in production.
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)
