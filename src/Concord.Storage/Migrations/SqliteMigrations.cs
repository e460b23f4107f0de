namespace Concord.Storage.Migrations;

/// <summary>
/// The schema, as numbered steps applied in order; <c>PRAGMA user_version</c> records the last one applied.
/// Never edit a step that has shipped: add the next one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly string[] Steps =
    [
        // 1: accounts, items and change log, per-device state, sessions
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            sealed_secret BLOB,
            created_at TEXT NOT NULL
        );
        CREATE TABLE nonces (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            nonce TEXT NOT NULL,
            PRIMARY KEY (user_id, device_id)
        );
        CREATE TABLE devices (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            devinf TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (user_id, device_id)
        );
        -- seq: the user's change sequence number of the item's last change (the change log is this column).
        CREATE TABLE items (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            store TEXT NOT NULL,
            guid TEXT NOT NULL,
            content TEXT,
            content_type TEXT,
            seq INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            match_key TEXT NOT NULL,
            match_key2 TEXT,
            match_details TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (user_id, store, guid)
        ) WITHOUT ROWID;
        CREATE INDEX items_seq ON items(user_id, store, seq);
        CREATE INDEX items_match ON items(user_id, store, match_key);
        CREATE INDEX items_match2 ON items(user_id, store, match_key2);
        CREATE TABLE sequences (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL
        );
        CREATE TABLE item_history (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            store TEXT NOT NULL,
            guid TEXT NOT NULL,
            content TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX item_history_item ON item_history(user_id, store, guid);
        CREATE TABLE store_states (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            store TEXT NOT NULL,
            client_anchor TEXT NOT NULL,
            server_anchor TEXT NOT NULL,
            server_seq INTEGER NOT NULL,
            PRIMARY KEY (user_id, device_id, store)
        );
        -- The ID map: client LUID <-> server GUID per device and store; session stamps the last session that confirmed it.
        CREATE TABLE id_maps (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            store TEXT NOT NULL,
            luid TEXT NOT NULL,
            guid TEXT NOT NULL,
            session TEXT NOT NULL,
            PRIMARY KEY (user_id, device_id, store, luid)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX id_maps_guid ON id_maps(user_id, device_id, store, guid);
        CREATE TABLE sessions (
            key TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            client_session_id TEXT NOT NULL,
            user_id INTEGER,
            state TEXT NOT NULL,
            last_request_hash TEXT,
            last_response BLOB,
            last_response_type TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX sessions_client ON sessions(device_id, client_session_id);
        CREATE TABLE outbox (
            session TEXT NOT NULL,
            position INTEGER NOT NULL,
            store_index INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            guid TEXT NOT NULL,
            PRIMARY KEY (session, position)
        ) WITHOUT ROWID;
        """,
        // 2: per device and item, the version that device last sent or received: the base of a three-way merge.
        """
        CREATE TABLE item_bases (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            store TEXT NOT NULL,
            guid TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (user_id, device_id, store, guid)
        ) WITHOUT ROWID;
        """,
        // 3: server changes a device has not confirmed (a failure status it may get over, or none at all), sent again
        // in its next session; and what a session sends, which becomes the device's base only once it confirms.
        """
        CREATE TABLE pending_changes (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            store TEXT NOT NULL,
            guid TEXT NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            PRIMARY KEY (user_id, device_id, store, guid)
        ) WITHOUT ROWID;
        CREATE TABLE staged_bases (
            session TEXT NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            device_id TEXT NOT NULL,
            store TEXT NOT NULL,
            guid TEXT NOT NULL,
            content TEXT,
            PRIMARY KEY (session, store, guid)
        ) WITHOUT ROWID;
        """,
        // 4: a calendar item's UID and, for a detached exception, its RECURRENCE-ID, kept on tombstones, so a master
        // finds its exceptions; filled from the match keys ('u:UID' or 'u:UID|r:RECURRENCE-ID') of items stored before.
        """
        ALTER TABLE items ADD COLUMN uid TEXT;
        ALTER TABLE items ADD COLUMN recurrence_id TEXT;
        UPDATE items SET
            uid = CASE WHEN instr(match_key, '|r:') > 0 THEN substr(match_key, 3, instr(match_key, '|r:') - 3) ELSE substr(match_key, 3) END,
            recurrence_id = CASE WHEN instr(match_key, '|r:') > 0 THEN substr(match_key, instr(match_key, '|r:') + 3) END
        WHERE substr(match_key, 1, 2) = 'u:';
        CREATE INDEX items_uid ON items(user_id, store, uid);
        """,
    ];
}
