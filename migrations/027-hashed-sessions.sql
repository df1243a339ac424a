-- Sessions are now keyed by the hash of the cookie's id (server/services/accounts.ts), as API tokens and login
-- devices are, so a copy of the database holds no session to sign in with. The ids kept in clear until now
-- cannot be hashed in SQL on both databases and would never be found again: they end, and everyone signs in once.
DELETE FROM sessions;
