// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace keyward {

// Loads Qt's own translations (standard buttons and dialogs) and Keyward's (:/i18n) for a locale
// and installs them on the application, which owns them. Returns the languages that were found,
// e.g. {"qtbase_de", "keyward_de"}; English needs no file and returns an empty list.
QStringList installTranslations(QCoreApplication *app, const QLocale &locale);

// The languages Keyward ships a translation for, as codes ("de", "fr"), English first.
QStringList availableLanguages();

} // namespace keyward
