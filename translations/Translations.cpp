// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace keyward {

QStringList installTranslations(QCoreApplication *app, const QLocale &locale)
{
    QStringList loaded;
    const auto load = [&](const QString &name, const QString &directory) {
        auto *translator = new QTranslator(app);
        if (translator->load(locale, name, QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(translator);
            loaded.append(QFileInfo(translator->filePath()).completeBaseName());
        } else {
            delete translator;
        }
    };
    load(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    load(QStringLiteral("keyward"), QStringLiteral(":/i18n"));
    return loaded;
}

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("keyward_*.qm")}, QDir::Files,
                                                                       QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(8, file.size() - 8 - 3));
    return languages;
}

} // namespace keyward
