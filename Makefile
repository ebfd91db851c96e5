# Two commands matter: `make run` and `make test`. Both create .venv and install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: run test test-no-fontconfig lint bench clean install-desktop screenshots dist dist-check

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Briefsmith needs Python 3.11 or newer (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The window needs Qt's X11 libraries: say which apt-get line installs them, not Qt's abort.
run: $(STAMP)
	@$(BIN)/python -m desktop.platform_check
	$(BIN)/briefsmith

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

# The exporters on a machine without fontconfig (Windows, macOS, a bare Linux): a PATH with
# every program of the system's but fc-match and fc-list, and the export tests run on it.
NOFC := $(CURDIR)/.cache/no-fontconfig
test-no-fontconfig: $(STAMP)
	rm -rf $(NOFC) && mkdir -p $(NOFC)
	for dir in /usr/local/bin /usr/bin /bin; do for program in $$dir/*; do \
		case $${program##*/} in fc-*) ;; *) [ -e $(NOFC)/$${program##*/} ] || ln -s $$program $(NOFC)/ ;; esac; \
	done; done
	PATH=$(NOFC) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/test_export_*.py tests/test_fonts.py

# The app a person downloads: PyInstaller, in a virtual environment of its own holding
# Briefsmith installed as a user gets it (not this checkout), one folder for both programs,
# packed as dist/Briefsmith-VERSION-linux-x86_64.tar.gz (packaging/briefsmith.spec).
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
DIST_VENV := .cache/dist-venv
BUNDLE := build/pyinstaller/dist/Briefsmith
TARBALL := dist/Briefsmith-$(VERSION)-linux-x86_64.tar.gz
dist:
	rm -rf $(DIST_VENV) build/pyinstaller
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DIST_VENV)/bin/python -m pip install --quiet . 'pyinstaller>=6.10,<7'
	$(DIST_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath build/pyinstaller/dist \
		--workpath build/pyinstaller/work packaging/briefsmith.spec
	install -m755 packaging/install.sh packaging/uninstall.sh $(BUNDLE)/
	install -Dm644 -t $(BUNDLE)/share assets/briefsmith.desktop assets/briefsmith-mime.xml \
		assets/icons/briefsmith.svg
	mkdir -p dist
	tar -C build/pyinstaller/dist -czf $(TARBALL) \
		--transform 's,^Briefsmith,Briefsmith-$(VERSION),' Briefsmith
	@ls -lh $(TARBALL)

dist-check: dist
	packaging/check_bundle.sh $(TARBALL)

lint: $(STAMP)
	$(BIN)/ruff check assets brief desktop exporters packaging tests bench docs
	$(BIN)/ruff format --check assets brief desktop exporters packaging tests bench docs
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/extraction.py --data $(SHARED)/benchmarks/article-extraction
	$(BIN)/python bench/import_speed.py --data $(SHARED)/benchmarks/article-extraction
	$(BIN)/python bench/story.py
	$(BIN)/python bench/pdf.py
	$(BIN)/python bench/export.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/desktop.py

# Installs the launcher, icon and .brief file type for the current user, so that the app
# appears in the desktop's menu and double-clicking a .brief file opens it.
XDG_DATA_HOME ?= $(HOME)/.local/share
install-desktop: $(STAMP)
	install -Dm644 assets/icons/briefsmith.svg $(XDG_DATA_HOME)/icons/hicolor/scalable/apps/briefsmith.svg
	install -Dm644 assets/briefsmith-mime.xml $(XDG_DATA_HOME)/mime/packages/briefsmith.xml
	mkdir -p $(XDG_DATA_HOME)/applications
	sed 's|^Exec=briefsmith|Exec=$(abspath $(BIN))/briefsmith|' assets/briefsmith.desktop \
		> $(XDG_DATA_HOME)/applications/briefsmith.desktop
	-update-mime-database $(XDG_DATA_HOME)/mime
	-update-desktop-database $(XDG_DATA_HOME)/applications
	-xdg-mime default briefsmith.desktop application/x-briefsmith-project
	@echo "Installed: Briefsmith is in the applications menu, and .brief files open in it."

# Screenshots for the README, taken on a virtual screen (needs Debian's xvfb).
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python docs/screenshots.py docs

clean:
	rm -rf $(VENV) build dist .cache *.egg-info .pytest_cache .mypy_cache .ruff_cache
