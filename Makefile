# ddns-admin: the Dynamic DNS page of an appliance's web administration.
# GNU make. `make` builds build/ddns.cgi, build/ddns-apply, build/ddns-checkip,
# build/ddns-dnscheck.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/sbin
CGIDIR     ?= $(PREFIX)/lib/cgi-bin
DATADIR    ?= $(PREFIX)/share/ddns-admin
SYSCONFDIR ?= /etc
DESTDIR    ?=
PORT       ?= 8080

-include config.mk

CC         ?= cc
PKG_CONFIG ?= pkg-config
CS_CFLAGS  ?= -I/usr/include/ClearSilver
CS_LIBS    ?= -lneo_cgi -lneo_cs -lneo_utl -lz
# -Werror on every build the tests run (normal, ASan, unit tests): a
# warning nobody is made to read is a warning nobody fixes.
WARN       := -Wall -Wextra -Wformat=2 -Werror=format-security -Wshadow \
              -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith -Wsign-compare \
              -Werror
CFLAGS     ?= -O2 -g
# Always on, whatever CFLAGS the command line gives (check-asan does).
XCFLAGS    := -std=c11 -D_GNU_SOURCE -D_FORTIFY_SOURCE=2 -fstack-protector-strong $(WARN)
DEFS       := -DDEFAULT_CONFIG='"$(SYSCONFDIR)/ddns-admin/ddns-admin.conf"' \
              -DDEFAULT_BINDIR='"$(BINDIR)"' -DDEFAULT_DATADIR='"$(DATADIR)"'
SQLITE_CFLAGS := $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
SQLITE_LIBS   := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)
CURL_CFLAGS   := $(shell $(PKG_CONFIG) --cflags libcurl 2>/dev/null)
CURL_LIBS     := $(shell $(PKG_CONFIG) --libs libcurl 2>/dev/null || echo -lcurl)
UNBOUND_LIBS  := $(shell $(PKG_CONFIG) --libs libunbound 2>/dev/null || echo -lunbound)
NETTLE_LIBS   := $(shell $(PKG_CONFIG) --libs nettle 2>/dev/null || echo -lnettle)
CHECK_CFLAGS   = $(shell $(PKG_CONFIG) --cflags check)
CHECK_LIBS     = $(shell $(PKG_CONFIG) --libs check)

B := build
# The privilege boundary in the link (backend/boundary.h): code only the
# root side runs (ddns-apply, ddns-status) is never linked into the CGI,
# and the root side links no database code. `make boundary` checks both.
MAIN_SRC := backend/apply_main.c backend/checkip_main.c backend/status_main.c \
	backend/migrate_main.c backend/dnscheck_main.c
ROOT_SRC := backend/apply.c backend/ddconf.c backend/tsig.c backend/import.c \
	backend/import_read.c backend/daemon_signal.c backend/cache_drop.c
WEB_SRC  := backend/store.c backend/handover.c backend/csrf.c backend/form.c \
	backend/facts.c backend/takeover.c
LIB_SRC := $(filter-out $(MAIN_SRC) $(ROOT_SRC) $(WEB_SRC),$(wildcard backend/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o) $(B)/msg_en.o
ROOT_OBJ := $(ROOT_SRC:%.c=$(B)/%.o)
WEB_OBJ := $(WEB_SRC:%.c=$(B)/%.o) $(B)/schema.o
CGI_SRC := $(wildcard cgi/*.c)
CGI_OBJ := $(CGI_SRC:%.c=$(B)/%.o)
UNIT_SRC := $(wildcard tests/unit/check_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

ALL_CFLAGS = $(CFLAGS) $(XCFLAGS) $(DEFS) -Ibackend $(CS_CFLAGS) $(SQLITE_CFLAGS)

all: $(B)/ddns.cgi $(B)/ddns-apply $(B)/ddns-status $(B)/ddns-migrate \
	$(B)/ddns-checkip $(B)/ddns-dnscheck $(B)/ddns-admin.conf.example

# The compiled-in paths follow PREFIX & co: rebuild conf.o when they change.
$(B)/paths: FORCE
	@mkdir -p $(@D)
	@echo '$(DEFS)' | cmp -s - $@ || echo '$(DEFS)' > $@
$(B)/backend/conf.o: $(B)/paths
FORCE:

$(B)/%.o: %.c $(wildcard backend/*.h cgi/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# schema.sql is the one source of the schema: embedded as a C string.
$(B)/schema.c: schema.sql
	@mkdir -p $(@D)
	awk 'BEGIN { print "/* generated from schema.sql */"; \
		print "extern const char store_schema_sql[];"; \
		print "const char store_schema_sql[] =" } \
		{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); \
		  print "\"" $$0 "\\n\"" } END { print ";" }' $< > $@

$(B)/schema.o: $(B)/schema.c
	$(CC) $(CFLAGS) $(XCFLAGS) -c -o $@ $<

# en.hdf's Msg section is the one English text of the messages (msg.h):
# compiled in for the root side, which reads no template.
$(B)/msg_en.c: templates/lang/en.hdf tools/msgcat.awk
	@mkdir -p $(@D)
	awk -f tools/msgcat.awk templates/lang/en.hdf > $@.tmp && mv $@.tmp $@

$(B)/msg_en.o: $(B)/msg_en.c backend/msg.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# libddns.a: both sides; libddns-web.a: the web server's user's (the
# database); libddns-root.a: the root side's (ddclient's files, signals).
$(B)/libddns.a: $(LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(B)/libddns-web.a: $(WEB_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(B)/libddns-root.a: $(ROOT_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

# The CGI pays its start-up on every request: ClearSilver (static), SQLite,
# nettle and zlib only. Never libcurl or libcrypto (README, Speed).
# Linked -static: a CGI starts on every request, and the dynamic loader's
# relocations were half of an empty page's instructions (make bench).
# The sanitizer builds link dynamically (ASan cannot be static).
CGI_STATIC ?= -static
$(B)/ddns.cgi: $(CGI_OBJ) $(B)/libddns-web.a $(B)/libddns.a
	@# SQLite's unused extension loader makes ld warn about dlopen: said once.
	$(CC) $(CFLAGS) $(LDFLAGS) $(CGI_STATIC) -o $@ $(CGI_OBJ) \
		$(B)/libddns-web.a $(B)/libddns.a \
		$(CS_LIBS) $(SQLITE_LIBS) $(NETTLE_LIBS) -lm 2> $@.ld || \
		{ cat $@.ld >&2; rm -f $@; exit 1; }
	@grep -v "unixDlOpen\|statically linked applications requires" $@.ld >&2 || true

# The root side: no SQLite, no libddns-web.a.
$(B)/ddns-apply: $(B)/backend/apply_main.o $(B)/libddns-root.a $(B)/libddns.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^

# ddclient's postscript when ddclient runs as root (status_copy, apply.h).
$(B)/ddns-status: $(B)/backend/status_main.o $(B)/libddns-root.a $(B)/libddns.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^

# Creates or migrates the database as its owner (the package's postinst),
# and hands its rows to ddns-apply (--message): the web side.
$(B)/ddns-migrate: $(B)/backend/migrate_main.o $(B)/libddns-web.a $(B)/libddns.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(SQLITE_LIBS)

$(B)/ddns-checkip: $(B)/backend/checkip_main.o $(B)/libddns.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CURL_LIBS)

$(B)/backend/checkip_main.o: backend/checkip_main.c $(wildcard backend/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CURL_CFLAGS) -c -o $@ $<

# What DNS answers (issue 20): the web side (it reads the database), and
# the only program linking a DNS library.
$(B)/ddns-dnscheck: $(B)/backend/dnscheck_main.o $(B)/libddns-web.a $(B)/libddns.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(SQLITE_LIBS) $(UNBOUND_LIBS)

# The example configuration comes from conf.c's key table (keys, defaults
# and meanings written once), with the paths of this PREFIX.
$(B)/conf-example: tools/conf-example.c $(B)/libddns.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libddns.a

# README's provider list is made from providers.c's tables (issue 19):
# tools/readme-providers.py writes it (--write) or checks it (make lint).
$(B)/providers-table: tools/providers-table.c $(B)/libddns.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libddns.a

$(B)/ddns-admin.conf.example: $(B)/conf-example
	$(B)/conf-example > $@.tmp && mv $@.tmp $@

$(B)/tests/%: tests/unit/%.c $(B)/libddns-root.a $(B)/libddns-web.a $(B)/libddns.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -DSRCDIR='"$(CURDIR)"' -o $@ $< \
		$(B)/libddns-root.a $(B)/libddns-web.a $(B)/libddns.a $(CS_LIBS) \
		$(SQLITE_LIBS) $(NETTLE_LIBS) $(CHECK_LIBS)

# check also fetches ddclient 3.11 into build/ddclient-3.11 (never onto the
# system) for the tests, which run against both ddclients; run keeps the
# system's.
deps:
	@tools/deps.sh check
	@tools/fetch-ddclient.sh

deps-run:
	@tools/deps.sh run

units: $(UNIT_BIN)

# `make check`: the shipped build, then the same tests on an ASan+UBSan
# build, then a short fuzzing run. Summary lines at the end of each.
check: deps
	$(MAKE) lint
	$(MAKE) all units
	$(MAKE) boundary
	@tests/run-all.sh
	$(MAKE) check-asan
	$(MAKE) fuzz-smoke

SAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=all

# The unit and CGI tests with AddressSanitizer, LeakSanitizer and UBSan:
# any report fails the test that caused it. Less the browser and the HTML
# checkers (t0040, t0041): they judge the page's HTML and script, which
# no sanitizer sees, and every request they make is made by others too.
check-asan:
	$(MAKE) B=build-asan CFLAGS="$(SAN_CFLAGS)" CGI_STATIC= all units
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 BUILD=build-asan \
		E2E_SKIP="t0040 t0041" tests/run-all.sh

# The unit tests (in-process) and CGI tests under valgrind memcheck.
VALGRIND = valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--error-exitcode=99 --suppressions=$(CURDIR)/tests/valgrind.supp
check-valgrind:
	$(MAKE) B=build-valgrind CGI_STATIC= all units
	@CK_FORK=no CHECK_WRAP="$(VALGRIND)" CGI_WRAP="$(VALGRIND)" \
		BUILD=build-valgrind tests/run-all.sh

run: deps-run
	$(MAKE) all
	@PORT=$(PORT) tools/demo.sh start

stop:
	@tools/demo.sh stop

# install builds nothing: `make` (as yourself, with the same PREFIX & co)
# first; a root-owned rebuild in the source tree helps nobody.
install:
	@for f in ddns.cgi ddns-apply ddns-status ddns-migrate ddns-checkip \
	    ddns-dnscheck ddns-admin.conf.example; do test -f $(B)/$$f || { echo \
	    "make install: $(B)/$$f is missing: run 'make' (not as root) first," \
	    "with the same PREFIX/BINDIR/CGIDIR/DATADIR" >&2; exit 1; }; done
	@echo '$(DEFS)' | cmp -s - $(B)/paths || { echo "make install: $(B) was" \
	    "built for other paths ($$(cat $(B)/paths)): run 'make' with the" \
	    "same PREFIX/BINDIR/CGIDIR/DATADIR first" >&2; exit 1; }
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(CGIDIR) $(DESTDIR)$(DATADIR)/templates/lang \
		$(DESTDIR)$(DATADIR)/www $(DESTDIR)$(SYSCONFDIR)/ddns-admin
	install -m 0755 $(B)/ddns-apply $(B)/ddns-status $(B)/ddns-migrate \
		$(B)/ddns-checkip $(B)/ddns-dnscheck $(DESTDIR)$(BINDIR)/
	install -m 0755 $(B)/ddns.cgi $(DESTDIR)$(CGIDIR)/
	install -m 0644 templates/*.cs $(DESTDIR)$(DATADIR)/templates/
	install -m 0644 templates/lang/*.hdf $(DESTDIR)$(DATADIR)/templates/lang/
	install -m 0644 www/* $(DESTDIR)$(DATADIR)/www/
	install -m 0644 schema.sql $(DESTDIR)$(DATADIR)/
	install -m 0644 $(B)/ddns-admin.conf.example $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ddns-apply $(DESTDIR)$(BINDIR)/ddns-status \
		$(DESTDIR)$(BINDIR)/ddns-migrate $(DESTDIR)$(BINDIR)/ddns-checkip \
		$(DESTDIR)$(BINDIR)/ddns-dnscheck $(DESTDIR)$(CGIDIR)/ddns.cgi
	rm -rf $(DESTDIR)$(DATADIR)

# The boundary in the binaries: none of the root side's functions in
# the CGI, no database code in the root side's programs.
ROOT_SYMS := apply_run apply_status_refresh apply_import daemon_reload \
	daemon_wait_idle tsig_write_one tsig_prune imp_parse imp_take \
	ddconf_render cache_drop
boundary: all
	@for s in $(ROOT_SYMS); do nm $(B)/ddns.cgi | grep -qw "T $$s" && \
	    { echo "boundary: ddns.cgi links the root side's $$s"; exit 1; }; \
	    nm $(B)/ddns-apply | grep -qw "T $$s" || [ $$s = apply_status_refresh ] || \
	    { echo "boundary: $$s is not in ddns-apply (the list is stale)"; exit 1; }; \
	done; for p in ddns-apply ddns-status; do \
	    nm $(B)/$$p | grep -E ' [TU] (sqlite3_|store_)' && \
	    { echo "boundary: $$p links database code"; exit 1; }; \
	done; echo "boundary: ddns.cgi holds none of $(words $(ROOT_SYMS)) root-side" \
	    "functions; ddns-apply and ddns-status no database code"

lint:
	@! grep -nE '<\?cs *(uvar|alt|lvar|evar|include: *[A-Z])' templates/*.cs || \
		{ echo "lint: unescaped or evaluated template output"; exit 1; }
	@python3 tools/msgargs.py || \
		{ echo "lint: a message given the wrong number of parameters"; exit 1; }
	@for f in cgi/*.c backend/*.c; do grep -q "[ ,]$$(basename $$f)[ ,]" README || \
		{ echo "lint: README's Layout does not say what $$f does"; exit 1; }; done
	@$(MAKE) -s $(B)/providers-table
	@python3 tools/readme-providers.py $(B)/providers-table || \
		{ echo "lint: README's provider list differs from backend/providers.c (tools/readme-providers.py --write)"; exit 1; }

clean:
	rm -rf $(B) build-asan build-valgrind

# Speed, as ratios against a floor measured in the same run.
bench: all
	@tools/deps.sh bench
	@bench/run.sh

# The Debian package (debian/), built in a copy of the tree under
# $(B)/deb so that nothing lands beside the clone: `make deb` leaves
# $(B)/ddns-admin_<version>_<arch>.deb. DEB_VERSION (optional) adds a
# changelog entry of that version to the copy (check-package's upgrade).
deb:
	@tools/deb.sh $(B) $(DEB_VERSION)

# `make check-package`: make deb, lintian, then install (over a
# hand-written ddclient.conf), use, upgrade (also from the previous
# release), remove and purge it in a fresh Debian 12 chroot, then in a
# fresh Debian 13 chroot where it is built from source (needs root).
check-package:
	@tools/check-package.sh

# Fuzzing harnesses (libFuzzer, clang): `make fuzz`.
-include tests/fuzz/fuzz.mk


.PHONY: boundary all deps deps-run units check check-asan check-valgrind bench run stop install uninstall lint clean deb check-package
