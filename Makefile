# piuparts-site. The two commands a fresh Debian machine with the .NET SDK needs:
#   make site   builds the sample website
#   make test   installs what the tests need (apt, when missing) and runs every test
.PHONY: all build site test test-deps bench clean

BIN := out/bin/piuparts-site
DOTNET := dotnet

all: build

build: $(BIN)

$(BIN): $(shell find src -name '*.cs' -o -name '*.csproj') Directory.Build.props Directory.Packages.props
	$(DOTNET) publish src/Cli/Cli.csproj -c Release -o out/bin --nologo -v quiet --use-current-runtime --self-contained false -p:PublishReadyToRun=true
	@echo "built $(BIN)"

site: build
	@cd samples/master-dir && ../../$(BIN) report --config piuparts.conf; \
	status=$$?; \
	if [ $$status -eq 3 ]; then echo "make site: the report verb is not built yet; nothing to publish"; \
	else exit $$status; fi

test-deps:
	@tools/install-test-deps.sh

test: test-deps
	@tools/run-tests.sh

bench: build test-deps
	@bench/packages-load.sh
	@bench/master-reserve.sh

clean:
	rm -rf out
	find . -name bin -o -name obj | grep -E '/(src|tests|bench)/' | xargs rm -rf
