# govdisc — PGXS build.  `make demo` and `make test` are the README's two
# commands: both install what is missing first (tools/install-deps.sh).

EXTENSION = govdisc
EXTVERSION = 0.2
PG_CONFIG ?= pg_config

MODULE_big = govdisc
# The tree is the architecture (docs/development.md): src/core is plain C99,
# src/core/parse the parser pipeline, src/pg the fmgr layer on top.
CORE_SRCS := $(sort $(wildcard src/core/*.c src/core/parse/*.c))
CORE_HDRS := $(wildcard src/core/*.h src/core/parse/*.h)
PG_SRCS := $(sort $(wildcard src/pg/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The install script of the current version is assembled from its parts, one
# concept per file.  The full scripts of earlier versions and the upgrade
# scripts (sql/govdisc--0.1.sql, sql/govdisc--0.1--0.2.sql, ...) are kept in
# git as they shipped; test/stages/upgrade.sh checks that every upgrade path
# ends with the objects of a fresh install.
INSTALL_PARTS := $(sort $(wildcard sql/install/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA = $(sort $(wildcard sql/$(EXTENSION)--*.sql))
EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql \
	results regression.diffs regression.out

REGRESS = $(sort $(basename $(notdir $(wildcard test/sql/*.sql))))
REGRESS_OPTS = --inputdir=test --encoding=UTF8 --no-locale

# Warnings are errors only when asked (WERROR=1, as .ci/run does): a newer
# compiler's new warning must not break a user's build.
WERROR ?=
WERROR_FLAG = $(if $(filter 1 yes,$(WERROR)),-Werror)
WARN = -Wall -Wextra $(WERROR_FLAG) -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Wno-unused-function
# The module's own calls go straight to its own functions (no PLT, inlining
# allowed): nothing outside is meant to interpose them.
PG_CFLAGS = $(WARN) -fno-semantic-interposition
PG_CPPFLAGS = -Isrc/core -Isrc/pg $(ICU_CFLAGS) -DGOVDISC_VERSION='"$(EXTVERSION)"'
SHLIB_LINK = $(ICU_LIBS) -Wl,-Bsymbolic

# JIT bitcode is of no use for this extension and doubles the build time.
override with_llvm = no

PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
HAVE_SERVER_DEV := $(wildcard $(shell $(PG_CONFIG) --includedir-server 2>/dev/null)/postgres.h)

ifneq ($(HAVE_SERVER_DEV),)
include $(PGXS)
else
# Without the server headers PGXS cannot build anything yet: only the
# targets that install them first are offered.
all:
	@echo "postgresql-server-dev is not installed: run 'make deps' (or 'make test' / 'make demo')" >&2; exit 1
endif

# govdisc-load (src/loader, docs/loading.md): a client program on libpq, built
# and installed beside the module.  PGXS's PROGRAM cannot be used with
# MODULE_big, so it has its own rule and install hook.  It shares the
# encoding decision (src/core/text_encoding.c) with the extension.
LOADER = src/loader/govdisc-load
LOADER_SRCS := $(sort $(wildcard src/loader/*.c)) src/core/text_encoding.c
LOADER_HDRS := $(wildcard src/loader/*.h) src/core/text_encoding.h src/core/govdisc.h
LOADER_PKGS = libxml-2.0 libzip
LOADER_CFLAGS = -std=c99 -D_GNU_SOURCE -O2 -g $(WARN) -Isrc/core -Isrc/loader \
	-I$(shell $(PG_CONFIG) --includedir) $(shell pkg-config --cflags $(LOADER_PKGS) 2>/dev/null)
LOADER_LIBS = -L$(shell $(PG_CONFIG) --libdir) -lpq $(shell pkg-config --libs $(LOADER_PKGS) 2>/dev/null) \
	-lcrypto -licuuc -licudata
EXTRA_CLEAN += $(LOADER)

$(LOADER): $(LOADER_SRCS) $(LOADER_HDRS)
	$(CC) $(LOADER_CFLAGS) -o $@ $(LOADER_SRCS) $(LOADER_LIBS)

ifneq ($(HAVE_SERVER_DEV),)
all: $(LOADER)
install: install-loader
uninstall: uninstall-loader
endif
.PHONY: install-loader uninstall-loader
install-loader: $(LOADER)
	$(MKDIR_P) '$(DESTDIR)$(bindir)'
	$(INSTALL_PROGRAM) $(LOADER) '$(DESTDIR)$(bindir)/govdisc-load'
uninstall-loader:
	rm -f '$(DESTDIR)$(bindir)/govdisc-load'

# every object depends on the headers (PGXS does not track them)
$(OBJS): $(CORE_HDRS) $(wildcard src/pg/*.h)

# Made again on every make (a part removed, or another branch's parts, leave
# no newer prerequisite behind); the file is replaced only when it changes.
$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) FORCE
	@cat $(INSTALL_PARTS) > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; echo "assembled $@ from $(INSTALL_PARTS)"; fi
.PHONY: FORCE
FORCE:

.PHONY: deps demo test unit unit-build bench fuzz fuzz-semantic fuzz-semantic-fixed fuzz-semantic-replay test-shard dist deb

# The source release for PGXN and packagers: what git holds at HEAD (commit
# first), as dist/govdisc-$(EXTVERSION).zip with one top folder.
dist:
	@mkdir -p dist
	git archive --format zip --prefix=$(EXTENSION)-$(EXTVERSION)/ \
		--output dist/$(EXTENSION)-$(EXTVERSION).zip HEAD
	@echo dist/$(EXTENSION)-$(EXTVERSION).zip

# The Debian package postgresql-15-govdisc (debian/, pg_buildext), built from
# a copy of the tree, into dist/; test/package.sh builds, installs and tests it.
deb:
	bash tools/build-deb.sh

deps:
	@bash tools/install-deps.sh

# The plain-C core, without PostgreSQL: each test/core/unit_*.c is a program
# of its own (harness in test/core/unit.h), run plain and under ASan + UBSan.
CORE_CFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -Isrc/core -Isrc/core/parse -O1 -g -Wall -Wextra $(WERROR_FLAG) \
	-Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Wno-unused-function
CORE_LIBS = -licui18n -licuuc -licudata
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# The divisions table (3 MB of generated C) is compiled once for all of them.
DIVISIONS_DATA := src/core/divisions_data.c
CORE_UNIT_SRCS := $(filter-out $(DIVISIONS_DATA),$(CORE_SRCS))
CORE_UNIT_OBJS := $(CORE_UNIT_SRCS) test/core/divisions_data.o
UNIT_SRCS := $(sort $(wildcard test/core/unit_*.c))
UNIT_BINS := $(UNIT_SRCS:.c=)
UNIT_ASAN_BINS := $(UNIT_SRCS:.c=_asan)
EXTRA_CLEAN += $(UNIT_BINS) $(UNIT_ASAN_BINS) test/core/divisions_data.o

test/core/divisions_data.o: $(DIVISIONS_DATA) src/core/divisions.h
	$(CC) -std=c99 -Isrc/core -O0 -c -o $@ $<
test/core/unit_%: test/core/unit_%.c test/core/unit.h $(CORE_UNIT_OBJS) $(CORE_HDRS)
	$(CC) $(CORE_CFLAGS) -o $@ $< $(CORE_UNIT_OBJS) $(CORE_LIBS)
test/core/unit_%_asan: test/core/unit_%.c test/core/unit.h $(CORE_UNIT_OBJS) $(CORE_HDRS)
	clang $(CORE_CFLAGS) $(SAN_FLAGS) -o $@ $< $(CORE_UNIT_OBJS) $(CORE_LIBS)
unit-build: $(UNIT_BINS) $(UNIT_ASAN_BINS)
unit: unit-build
	@set -e; for t in $(UNIT_BINS) $(UNIT_ASAN_BINS); do ./$$t; done

# The project's own report generator (sample reports, benchmark input).
tools/gen_reports: tools/gen_reports.c
	$(CC) -std=c99 -O2 -Wall -Wextra $(WERROR_FLAG) -Wno-unused-parameter -Wno-sign-compare -o $@ $<
tools/bench_core: tools/bench_core.c tools/tool_arena.h $(CORE_SRCS) $(CORE_HDRS)
	$(CC) $(CORE_CFLAGS) -O2 -o $@ $< $(CORE_SRCS) $(CORE_LIBS)
EXTRA_CLEAN += tools/gen_reports tools/bench_core

# libFuzzer on the parser and the rule engine (test/fuzz/run.sh); crashes
# land in test/fuzz/regressions, which make test replays.
FUZZ_SECONDS ?= 60
fuzz: deps
	bash test/fuzz/run.sh $(FUZZ_SECONDS)

# The semantic fuzzer (docs/semantic-fuzzer.md): random reports from
# tools/gen_reports.c in every layout family, damaged, parsed and judged cell
# by cell.  Fails on a wrong cell; --save keeps the input for the replay.
SEMANTIC_CASES ?= 2000
SEMANTIC_SEED ?= 1
SEMANTIC_FLAGS ?=
# Layouts or damages to leave out (LAYOUT, DAMAGE or LAYOUT:DAMAGE, comma-separated)
SEMANTIC_SKIP ?=
test/fuzz/semantic_fuzzer: test/fuzz/semantic_fuzzer.c tools/gen_reports.c $(CORE_SRCS) $(CORE_HDRS)
	$(CC) $(CORE_CFLAGS) -O2 -o $@ $< $(CORE_SRCS) $(CORE_LIBS)
EXTRA_CLEAN += test/fuzz/semantic_fuzzer
fuzz-semantic: test/fuzz/semantic_fuzzer
	./test/fuzz/semantic_fuzzer --seed $(SEMANTIC_SEED) --cases $(SEMANTIC_CASES) \
		$(if $(SEMANTIC_SKIP),--skip $(SEMANTIC_SKIP)) --save test/fuzz/semantic-regressions/new $(SEMANTIC_FLAGS)
# make test's fixed set (a few seconds) and the replay of the kept inputs
fuzz-semantic-fixed: test/fuzz/semantic_fuzzer
	./test/fuzz/semantic_fuzzer --seed 14 --cases 10000 $(if $(SEMANTIC_SKIP),--skip $(SEMANTIC_SKIP)) --tap
fuzz-semantic-replay: test/fuzz/semantic_fuzzer
	./test/fuzz/semantic_fuzzer --replay test/fuzz/semantic-regressions --tap

# Not a test: prints figures, never fails on timing (docs/benchmark.md).
bench: deps
	$(MAKE) all
	$(MAKE) install
	bash tools/bench.sh

demo: deps
	$(MAKE) all
	$(MAKE) install
	pg_virtualenv -t bash tools/demo.sh

# A coordinator and two shards (postgres_fdw) on localhost; also part of make test.
test-shard: deps
	$(MAKE) all
	$(MAKE) install
	bash test/shard/run.sh

test: deps
	$(MAKE) all
	$(MAKE) install
	bash test/run-tests.sh
