# piuparts-site. The two commands a fresh Debian machine with the .NET SDK needs:
#   make site   builds the sample website
#   make test   installs what the tests need (apt, when missing) and runs every test
.PHONY: all build release site serve test test-deps test-deb test-operating deb bench clean

BIN := out/bin/piuparts-site
RELEASE := out/release/piuparts-site
DOTNET := dotnet
SOURCES := $(shell find src templates -type f -not -path '*/bin/*' -not -path '*/obj/*') Directory.Build.props Directory.Packages.props

all: build

build: $(BIN)

$(BIN): $(SOURCES)
	$(DOTNET) publish src/Cli/Cli.csproj -c Release -o out/bin --nologo -v quiet --use-current-runtime --self-contained false -p:PublishReadyToRun=true
	@echo "built $(BIN)"

# The form the Debian package ships (tools/make-deb.sh publishes it the same way), which the
# benchmarks measure: compiled to native code ahead of time (NativeAOT), with the runtime in the
# one executable. It starts in about 10 ms where the .NET build takes 40 (which was most of a
# maintenance verb with nothing to do, or of a cached master connection), and on full bookworm a
# report after one new log takes 14% less time than with the composite ReadyToRun build shipped
# before (bench/README.md). About a minute to build. Its own artifacts directory: builds of
# different kinds must not share intermediate files (one after the other gave a program that
# aborts at start); out/release is emptied first, so no file of an earlier kind of build stays.
release: $(RELEASE)

$(RELEASE): $(SOURCES)
	rm -rf out/release
	$(DOTNET) publish src/Cli/Cli.csproj -c Release -o out/release --artifacts-path out/release-build --nologo -v quiet \
	  --use-current-runtime -p:PublishAot=true
	@echo "built $(RELEASE)"

# The report changes its master directory (archives logs, writes .kpr files, adds a counts.txt
# row), so it runs on a fresh copy of the sample, never on the committed files.
site: build
	@rm -rf out/sample-master-dir && mkdir -p out && cp -a samples/master-dir out/sample-master-dir
	@cd out/sample-master-dir && ../../$(BIN) report --config piuparts.conf --output ../../_site
	@echo "make site: open $(CURDIR)/_site/index.html (or run: make serve)"

serve:
	@echo "serving $(CURDIR)/_site on http://127.0.0.1:8000/ (Ctrl-C stops)"
	@cd _site && /usr/bin/python3 -m http.server 8000 --bind 127.0.0.1

test-deps:
	@tools/install-test-deps.sh

test: test-deps
	@tools/run-tests.sh

# The Debian package: out/piuparts-site_<version>_amd64.deb (self-contained, about a minute).
deb:
	@tools/make-deb.sh

# Builds the package and checks its files, man pages and lintian, has Debian's piuparts install,
# upgrade (from the previous build) and purge it in a bookworm chroot, then runs docs/operating.md
# with it (tools/test-operating.sh; OPERATING=0 skips that). Root only. .ci/run runs it after
# make test, without the operating test (about four minutes more).
test-deb: test-deps
	@tools/test-deb.sh

# Runs every command of docs/operating.md on three bookworm chroots (a master, two slaves) and
# checks the result; root, about four minutes, more when the package has to be built first.
test-operating: test-deps
	@tools/test-operating.sh

bench: release test-deps
	@bench/packages-load.sh
	@bench/master-reserve.sh
	@bench/report.sh
	@rm -rf bench/data/files-floor && bench/files-floor.py bench/data/files-floor
	@bench/maintenance.sh

clean:
	rm -rf out
	find . -name bin -o -name obj | grep -E '/(src|tests|bench)/' | xargs rm -rf
