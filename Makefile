# The front door: every task a developer or CI runs goes through here.
MVN ?= mvn -B -q
JAR := target/invitriage.jar
DEMO_DB := target/demo.db

.PHONY: build run test test-long bench fmt check clean

build: $(JAR)

$(JAR): pom.xml $(shell find src/main -type f 2>/dev/null)
	$(MVN) -DskipTests package

run: build
	rm -f $(DEMO_DB) $(DEMO_DB).*
	java -jar $(JAR) --db $(DEMO_DB) import sample-data/
	java -jar $(JAR) --db $(DEMO_DB) stats
	java -jar $(JAR) --db $(DEMO_DB) list

test:
	$(MVN) package

test-long:
	$(MVN) package -DexcludedTestGroups=none

check: test

clean:
	$(MVN) clean
