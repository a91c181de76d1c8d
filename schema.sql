-- schema.sql: the ddns-admin database. `sqlite3 DB < schema.sql` makes a
-- working one; the programs embed this file and run it on an empty database.
-- The CHECK constraints state what must always hold, whatever writes the row.
-- The file belongs to the web server's user, so ddns-apply (root) checks
-- every row again with the form's validators: these are not its defence.

PRAGMA user_version = 7;	-- store.c migrates older versions

-- One dynamic hostname per row. AUTOINCREMENT: an id is never given
-- again, so a page left open on a deleted host never acts on a new one.
CREATE TABLE hosts (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	-- RFC 1123, lowercase, at least two labels; unique whatever the case.
	hostname    TEXT NOT NULL UNIQUE COLLATE NOCASE
	            CHECK (length(hostname) BETWEEN 3 AND 253
	                   AND hostname = lower(hostname)
	                   AND hostname NOT GLOB '*[^a-z0-9.-]*'
	                   AND hostname GLOB '[a-z0-9]*.*[a-z0-9]'
	                   AND hostname NOT GLOB '*..*'),
	description TEXT NOT NULL DEFAULT ''
	            CHECK (length(description) <= 200),
	login       TEXT NOT NULL DEFAULT ''
	            CHECK (length(CAST(login AS BLOB)) <= 128
	                   AND instr(login, '#') = 0),
	-- Stored as typed: ddclient needs it in clear. The file mode (0600)
	-- and the privilege split protect it.
	password    TEXT NOT NULL DEFAULT ''
	            CHECK (length(CAST(password AS BLOB)) <= 256),
	mx          TEXT NOT NULL DEFAULT ''
	            CHECK (mx = '' OR (mx = lower(mx)
	                   AND mx NOT GLOB '*[^a-z0-9.-]*' AND mx GLOB '*.*')),
	-- A provider id of backend/providers.c; 'custom' needs server and protocol.
	provider    TEXT NOT NULL
	            CHECK (provider GLOB '[a-z]*' AND provider NOT GLOB '*[^a-z0-9]*'),
	server      TEXT NOT NULL DEFAULT ''
	            CHECK (server NOT GLOB '*[^a-z0-9.:-]*'),
	protocol    TEXT NOT NULL DEFAULT ''
	            CHECK (protocol NOT GLOB '*[^a-z0-9]*'),
	zone        TEXT NOT NULL DEFAULT ''
	            CHECK (zone NOT GLOB '*[^a-z0-9.-]*'),
	enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
	created     INTEGER NOT NULL,	-- Unix time
	updated     INTEGER NOT NULL,
	-- nsupdate: the TSIG key's algorithm (its name is in login, its
	-- secret in password); ddns-apply writes the key file.
	algorithm   TEXT NOT NULL DEFAULT ''
	            CHECK (algorithm NOT GLOB '*[^a-z0-9-]*'),
	-- Which addresses ddclient keeps: the A record, the AAAA, or both.
	family      TEXT NOT NULL DEFAULT 'ipv4'
	            CHECK (family IN ('ipv4', 'ipv6', 'dual')),
	-- The dyndns family's options: *.hostname too; the MX is a backup.
	wildcard    TEXT NOT NULL DEFAULT '' CHECK (wildcard IN ('', 'yes')),
	backupmx    TEXT NOT NULL DEFAULT '' CHECK (backupmx IN ('', 'yes')),
	-- Bumped by every change of the row: a form carries the version it
	-- showed, and a Save or Delete against another one is refused (409).
	version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	-- The address source the host follows, by the name the module
	-- configuration gives it ('' its default); never a command or URL.
	source      TEXT NOT NULL DEFAULT ''
	            CHECK (length(source) <= 15 AND source NOT GLOB '*[^a-z0-9_-]*'),
	CHECK (provider <> 'custom' OR (server <> '' AND protocol <> '')),
	-- No field may carry a line break or other control character into
	-- ddclient's configuration.
	CHECK (hostname || description || login || password || mx || server
	       || protocol || zone NOT GLOB ('*[' || char(1) || '-' || char(31)
	       || char(127) || ']*'))
);

-- The list page ranks every host by name and state from this index alone
-- (hostname keeps its NOCASE collation), never visiting a row.
CREATE INDEX hosts_list ON hosts (hostname, id, enabled);

-- Hostnames whose entry in ddclient's cache ddns-apply must drop, so that
-- ddclient updates them on its next pass instead of after its timers.
CREATE TABLE pending (
	hostname    TEXT PRIMARY KEY NOT NULL COLLATE NOCASE
);

-- Who changed what, written in the same transaction as the change.
CREATE TABLE audit (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	at          INTEGER NOT NULL,	-- Unix time
	user        TEXT NOT NULL,
	action      TEXT NOT NULL CHECK (action IN
	            ('create', 'modify', 'delete', 'enable', 'disable', 'update')),
	hostname    TEXT NOT NULL,
	detail      TEXT NOT NULL DEFAULT ''	-- changed fields, never values
);
