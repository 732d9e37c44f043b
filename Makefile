# The front door: every task a developer or CI runs goes through here.
MVN ?= mvn -B -q
JAR := target/invitriage.jar
DEMO_DB := target/demo.db
RUN := java -Djava.awt.headless=true -jar $(JAR) --db $(DEMO_DB)

.PHONY: build run demo test test-long bench check clean install uninstall

## build: the runnable jar, target/invitriage.jar
build: $(JAR)

$(JAR): pom.xml $(shell find src/main -type f 2>/dev/null)
	$(MVN) -DskipTests package

## demo: a fresh demo inbox from sample-data/ at target/demo.db
demo: build
	rm -f $(DEMO_DB) $(DEMO_DB).*
	$(RUN) import sample-data/
	$(RUN) client import sample-data/clients.csv

## run: build, make the demo inbox, and open it
run: demo
	$(RUN)

## test: build and run every test, unit and end-to-end (what CI runs)
test:
	rm -rf target/surefire-reports target/failsafe-reports
	$(MVN) verify
	@echo "tests: $$(cat target/surefire-reports/*.txt target/failsafe-reports/*.txt 2>/dev/null | awk '/Tests run:/ {r+=$$3; f+=$$5; e+=$$7; s+=$$9} END {printf "%d passed, %d failed, %d skipped", r-f-e-s, f+e, s}')"

## test-long: every test, including the long crash and fault loops
test-long:
	$(MVN) verify -DexcludedTestGroups=none

## bench: measure against sqlite3, a cold JVM and one 60 Hz frame; writes target/bench/report.md and report.json
##        BENCH_SIZES=10000,100000 for a quicker run (the largest size is "the 1M store")
BENCH_SIZES ?= 10000,100000,1000000
BENCH_SEED ?= 42
bench:
	@command -v sqlite3 >/dev/null 2>&1 || { echo "installing: sqlite3"; apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends sqlite3; }
	$(MVN) -DskipTests package
	@# Measured through the installed command, with its own archive cache, as a user runs it.
	XDG_CACHE_HOME=$(CURDIR)/target/bench/cache $(MAKE) -s install PREFIX=$(CURDIR)/target/bench/prefix
	XDG_CACHE_HOME=$(CURDIR)/target/bench/cache \
	java -cp "target/test-classes:target/classes:$$(cat target/test-classpath.txt)" dev.invitriage.bench.Bench \
	  --sizes $(BENCH_SIZES) --seed $(BENCH_SEED) --out target/bench --jar $(JAR) \
	  --launcher target/bench/prefix/bin/invitriage

## install: the command, its jar and themes, man page and shell completions under PREFIX
##          (default ~/.local; DESTDIR for staging), and a class-data archive for the Java found
PREFIX ?= $(HOME)/.local
SHARE_DIR = $(PREFIX)/share/invitriage
INSTALLED = bin/invitriage share/invitriage share/man/man1/invitriage.1 \
  share/bash-completion/completions/invitriage share/zsh/site-functions/_invitriage
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SHARE_DIR)/themes $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 644 $(JAR) $(DESTDIR)$(SHARE_DIR)/invitriage.jar
	install -m 644 themes/*.properties $(DESTDIR)$(SHARE_DIR)/themes/
	install -m 644 target/dist/invitriage.1 $(DESTDIR)$(PREFIX)/share/man/man1/invitriage.1
	install -m 644 target/dist/completion/invitriage.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/invitriage
	install -m 644 target/dist/completion/_invitriage $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_invitriage
	sed -e 's|@SHARE_DIR@|$(SHARE_DIR)|' -e "s|@JAR_ID@|$$(cksum < $(JAR) | cut -d' ' -f1)|" \
	  src/main/dist/invitriage > $(DESTDIR)$(PREFIX)/bin/invitriage.tmp
	chmod 755 $(DESTDIR)$(PREFIX)/bin/invitriage.tmp
	mv -f $(DESTDIR)$(PREFIX)/bin/invitriage.tmp $(DESTDIR)$(PREFIX)/bin/invitriage
	@# Staged into DESTDIR the command is not in place yet: its first run makes the archive.
	if [ -z "$(DESTDIR)" ]; then $(PREFIX)/bin/invitriage --make-archive; fi
	@echo "installed $(PREFIX)/bin/invitriage"

## uninstall: removes what install put under PREFIX (the cache under XDG_CACHE_HOME is yours to delete)
uninstall:
	rm -rf $(addprefix $(DESTDIR)$(PREFIX)/,$(INSTALLED))

check: test

clean:
	$(MVN) clean
