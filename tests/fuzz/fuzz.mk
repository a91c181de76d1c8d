# fuzz.mk: libFuzzer harnesses (clang, ASan + UBSan), included by the top
# Makefile. `make fuzz` fuzzes each harness for FUZZ_SECONDS on a copy of
# its seed corpus; `make fuzz-smoke` replays the seeds and every crash
# kept in tests/fuzz/regress/, then fuzzes each for FUZZ_SMOKE_SECONDS.
# Both fail if any harness crashes, leaks or trips a sanitizer.
#
# The backend sources are compiled again here with clang and coverage
# instrumentation: build/libddns.a is gcc-built and uninstrumented.

FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 20
FUZZ_SMOKE_SECONDS ?= 3
FUZZ_NAMES         := form validate cache ddconf import wire mask dnsstate
FUZZ_DIR           := $(B)/fuzz
FUZZ_SAN           := -fsanitize=address,undefined -fno-sanitize-recover=undefined
# The same warnings as every other build, and -Werror (WARN, Makefile).
FUZZ_CFLAGS        := -g -O1 -std=c11 -D_GNU_SOURCE -Ibackend $(FUZZ_SAN) $(WARN)
# The pure modules the harnesses reach (no SQLite, ClearSilver, curl or
# unbound); conf and source for the address sources the renderer and the
# validators look up (conf.c takes the install paths, DEFS).
FUZZ_LIB_SRC       := buf err msg utf8 num providers host validate idn unseen \
                      form cache fileio ddconf ddconf_text ddver import \
                      import_read wire mask netip dnsstate conf source origin \
                      lang
FUZZ_LIB_OBJ       := $(FUZZ_LIB_SRC:%=$(FUZZ_DIR)/obj/%.o)
# and the English texts of the messages, generated from en.hdf (Makefile)
FUZZ_MSG_OBJ       := $(FUZZ_DIR)/obj/msg_en.o
FUZZ_BINS          := $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz_%)

$(FUZZ_LIB_OBJ): $(FUZZ_DIR)/obj/%.o: backend/%.c $(wildcard backend/*.h) \
    tests/fuzz/fuzz.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEFS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_MSG_OBJ): $(B)/msg_en.c backend/msg.h tests/fuzz/fuzz.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_NAMES:%=$(FUZZ_DIR)/obj/fuzz_%.o): $(FUZZ_DIR)/obj/%.o: \
    tests/fuzz/%.c $(wildcard backend/*.h) tests/fuzz/fuzz.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BINS): $(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/fuzz_%.o $(FUZZ_LIB_OBJ) \
    $(FUZZ_MSG_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh fuzz $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-smoke: fuzz-build
	@sh tests/fuzz/run.sh smoke $(FUZZ_DIR) $(FUZZ_SMOKE_SECONDS) $(FUZZ_NAMES)

.PHONY: fuzz fuzz-smoke fuzz-build
