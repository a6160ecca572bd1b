# govdisc — PGXS build.  `make demo` and `make test` are the README's two
# commands: both install what is missing first (test/install-deps.sh).

EXTENSION = govdisc
EXTVERSION = 0.1
PG_CONFIG ?= pg_config

MODULE_big = govdisc
CORE_SRCS := $(sort $(filter-out src/pg_%.c,$(wildcard src/*.c)))
PG_SRCS := $(sort $(wildcard src/pg_*.c))
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The install script is assembled from its parts, one concept per file.
INSTALL_PARTS := $(sort $(wildcard sql/install/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql test/unit_core test/unit_core_asan \
	results regression.diffs regression.out

REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --encoding=UTF8 --no-locale

WARN = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
PG_CFLAGS = $(WARN)
PG_CPPFLAGS = -Isrc $(ICU_CFLAGS)
SHLIB_LINK = $(ICU_LIBS)

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

$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS)
	cat $^ > $@

.PHONY: deps demo test unit bench fuzz test-shard

deps:
	@bash test/install-deps.sh

# The plain-C core, without PostgreSQL: unit tests, and the same under
# AddressSanitizer + UndefinedBehaviorSanitizer.
CORE_CFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -Isrc -O1 -g -Wall -Wextra -Werror
CORE_LIBS = -licui18n -licuuc -licudata
test/unit_core: test/unit_core.c $(CORE_SRCS) src/govdisc.h
	$(CC) $(CORE_CFLAGS) -o $@ test/unit_core.c $(CORE_SRCS) $(CORE_LIBS)
test/unit_core_asan: test/unit_core.c $(CORE_SRCS) src/govdisc.h
	clang $(CORE_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer -o $@ test/unit_core.c $(CORE_SRCS) $(CORE_LIBS)
unit: test/unit_core test/unit_core_asan
	./test/unit_core && ./test/unit_core_asan

demo: deps
	$(MAKE) all
	$(MAKE) install
	pg_virtualenv bash test/demo.sh

test: deps
	$(MAKE) all
	$(MAKE) install
	bash test/run-tests.sh
