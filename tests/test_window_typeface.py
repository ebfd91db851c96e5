"""The typeface and size: chosen in Preferences as the default, in the export dialog for an
export (remembered with the other export settings), and given to the exporters."""

from __future__ import annotations

from desktop.dialogs.export import ExportDialog
from desktop.dialogs.preferences import PreferencesDialog


def test_preferences_set_the_default_and_the_export_dialog_remembers_its_own(window, settings):
    prefs = PreferencesDialog(settings, window)
    prefs.type.typeface.setCurrentIndex(prefs.type.typeface.findData("sans"))
    prefs.type.size.setCurrentIndex(prefs.type.size.findData(12.0))
    prefs.accept()
    assert (window.preview_options().typeface, window.preview_options().size) == ("sans", 12.0)

    dialog = ExportDialog(window.session, settings, window)
    options = dialog.options()
    assert (options.typeface, options.size) == ("sans", 12.0)  # from Preferences
    dialog.type.typeface.setCurrentIndex(dialog.type.typeface.findData("serif"))
    dialog.type.size.setCurrentIndex(dialog.type.size.findData(13.0))
    dialog._save()
    dialog.close()

    again = ExportDialog(window.session, settings, window)
    assert (again.options().typeface, again.options().size) == ("serif", 13.0)
    again.close()
    # New defaults in Preferences replace what the last export chose.
    prefs = PreferencesDialog(settings, window)
    prefs.accept()
    fresh = ExportDialog(window.session, settings, window)
    assert (fresh.options().typeface, fresh.options().size) == ("sans", 12.0)
    fresh.close()


def test_a_size_that_is_not_offered_falls_back_to_eleven(window, settings):
    settings.setValue("preferences/size", "99")
    settings.setValue("preferences/typeface", "comic")
    options = window.preview_options()
    assert (options.typeface, options.size) == ("serif", 11.0)
